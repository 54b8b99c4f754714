-- What clustering finds about each cluster (sayso.clusters), kept so that the next ingest continues from it.
-- key: the clustering's own id of the cluster ("c" + hash of its first claim id), unique.
-- centroid: JSON list of floats, the mean of the members' unit embeddings.
-- origins: JSON list of names; repeats: JSON list of claim ids; contradictions: JSON list of {a, b, reason}.
-- credibility: the proposed NATO Admiralty information credibility 1-6 (never the analyst's A-F source grade).

ALTER TABLE clusters ADD COLUMN key TEXT;
ALTER TABLE clusters ADD COLUMN centroid TEXT NOT NULL DEFAULT '[]';
ALTER TABLE clusters ADD COLUMN origins TEXT NOT NULL DEFAULT '[]';
ALTER TABLE clusters ADD COLUMN independent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clusters ADD COLUMN repeats TEXT NOT NULL DEFAULT '[]';
ALTER TABLE clusters ADD COLUMN contradictions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE clusters ADD COLUMN credibility INTEGER NOT NULL DEFAULT 6 CHECK (credibility BETWEEN 1 AND 6);
CREATE UNIQUE INDEX clusters_key ON clusters (key);
