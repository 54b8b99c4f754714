-- Keys that match a new name to a stored source without a scan: an institution's name under its
-- concepts, the same in every language (`Israeli military` and `Israëlische leger` are `=army =israel`,
-- sayso.store._names.concept_key). A key may point to two sources; the name then matches neither.
-- Sources stored before get their keys when an article writes them again.

CREATE TABLE source_keys (
    key TEXT NOT NULL,
    source_id BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    PRIMARY KEY (key, source_id)
);
CREATE INDEX source_keys_source ON source_keys (source_id);
