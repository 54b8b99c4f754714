-- Sources as entities: every spelling of a source (the name as an article wrote it, case-folded with
-- spaces collapsed, as sources.key) points to the one source it names. sayso.store._sources matches a new
-- spelling to a stored source by rules (descriptors, surnames, short forms, acronyms); an analyst merges
-- two sources with `sayso sources merge`, which moves the spellings of one to the other.
-- Every source stored before keeps its own name as its one spelling; sources are not matched again.

CREATE TABLE source_aliases (
    key TEXT PRIMARY KEY,
    source_id BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    first_seen TEXT NOT NULL
);
CREATE INDEX source_aliases_source ON source_aliases (source_id);
INSERT INTO source_aliases (key, source_id, name, first_seen) SELECT key, id, name, first_seen FROM sources;
