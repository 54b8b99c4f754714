-- The passage each claim was made in: from the first to the last sentence its source, cue and content touch
-- (the article's own claims are their own context). Clustering embeds a claim together with it.
-- NULL for claims stored before this migration: they are clustered on their content alone.

ALTER TABLE claims ADD COLUMN context_start INTEGER;
ALTER TABLE claims ADD COLUMN context_end INTEGER;
