-- sayso's store: one schema for SQLite and PostgreSQL.
-- {id} is the dialect's autoincrement primary key; every other type is the same in both.
-- Character offsets are Python str indexes into articles.text (end exclusive), as in the records.
-- Dates and timestamps are ISO-8601 text, so they compare and round-trip alike in both databases.
-- Every statement ends with ";" at the end of a line.

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    title TEXT,
    url TEXT,
    outlet TEXT,
    published TEXT,
    language TEXT NOT NULL,
    origin TEXT NOT NULL,
    backbone TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '[]',
    ingested_at TEXT NOT NULL
);

CREATE TABLE boilerplate (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE sources (
    id {id},
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    type TEXT,
    affiliation TEXT,
    first_seen TEXT NOT NULL
);

CREATE TABLE attributions (
    id {id},
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    source_start INTEGER,
    source_end INTEGER,
    source_text TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text TEXT,
    speaker TEXT,
    speaker_type TEXT,
    speaker_id BIGINT REFERENCES sources (id),
    said_at TEXT,
    said_at_start INTEGER,
    said_at_end INTEGER,
    said_at_text TEXT,
    certainty TEXT,
    UNIQUE (article_id, seq)
);

-- role: "content" or "certainty_cue"
CREATE TABLE attribution_spans (
    attribution_id BIGINT NOT NULL REFERENCES attributions (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    seq INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (attribution_id, role, seq)
);

CREATE TABLE attribution_based_on (
    attribution_id BIGINT NOT NULL REFERENCES attributions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    source_id BIGINT REFERENCES sources (id),
    PRIMARY KEY (attribution_id, seq)
);

-- The chain behind an attribution, from the outlet to the origin (the last link).
-- role: "outlet", "speaker" or "cited". A claim reaches it through claims.attribution_id (see claim_chains).
CREATE TABLE chain_links (
    attribution_id BIGINT NOT NULL REFERENCES attributions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    source_id BIGINT REFERENCES sources (id),
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    PRIMARY KEY (attribution_id, seq)
);

CREATE TABLE quantities (
    id {id},
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    value DOUBLE PRECISION,
    low DOUBLE PRECISION,
    high DOUBLE PRECISION,
    unit TEXT,
    qualifier TEXT NOT NULL,
    UNIQUE (article_id, seq)
);

CREATE TABLE times (
    id {id},
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    kind TEXT NOT NULL,
    UNIQUE (article_id, seq)
);

CREATE TABLE entities (
    id {id},
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    canonical TEXT NOT NULL,
    UNIQUE (article_id, seq)
);

-- A claim: text is its content spans joined with " … "; start_char/end_char bound them all.
-- said_on: the date it was said (said_at when that is a day, else the article's publication date).
CREATE TABLE claims (
    id {id},
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    attribution_id BIGINT REFERENCES attributions (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_id BIGINT REFERENCES sources (id),
    certainty TEXT NOT NULL,
    polarity TEXT NOT NULL,
    said_at TEXT,
    said_on TEXT,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article_id, seq)
);

CREATE TABLE claim_spans (
    claim_id BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (claim_id, seq)
);

CREATE TABLE claim_quantities (
    claim_id BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    value DOUBLE PRECISION,
    low DOUBLE PRECISION,
    high DOUBLE PRECISION,
    unit TEXT,
    qualifier TEXT NOT NULL,
    PRIMARY KEY (claim_id, seq)
);

CREATE TABLE claim_times (
    claim_id BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (claim_id, seq)
);

-- The entities mentioned inside a claim's content spans.
CREATE TABLE claim_entities (
    claim_id BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    entity_id BIGINT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, entity_id)
);

CREATE VIEW claim_chains AS
    SELECT c.id AS claim_id, l.seq, l.name, l.role, l.source_id, l.start_char, l.end_char, l.text
    FROM claims c JOIN chain_links l ON l.attribution_id = c.attribution_id;

-- Claims that state the same proposition, across articles and languages (filled by clustering).
CREATE TABLE clusters (
    id {id},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    method TEXT
);

CREATE TABLE cluster_members (
    cluster_id BIGINT NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    claim_id BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    similarity DOUBLE PRECISION,
    added_at TEXT NOT NULL,
    PRIMARY KEY (cluster_id, claim_id)
);

-- An analyst's reliability grade for a source (NATO Admiralty code A-F); the newest row counts.
-- Kept apart from what articles say about their own certainty.
CREATE TABLE grades (
    id {id},
    source_id BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    code TEXT NOT NULL CHECK (code IN ('A', 'B', 'C', 'D', 'E', 'F')),
    analyst TEXT,
    graded_at TEXT NOT NULL
);

-- Inputs that could not be read or analysed: one row per origin and reason, with when it was last seen.
CREATE TABLE skipped (
    id {id},
    origin TEXT NOT NULL,
    reason TEXT NOT NULL,
    skipped_at TEXT NOT NULL,
    UNIQUE (origin, reason)
);

CREATE INDEX attributions_speaker ON attributions (speaker_id);
CREATE INDEX chain_links_source ON chain_links (source_id);
CREATE INDEX claims_article ON claims (article_id);
CREATE INDEX claims_attribution ON claims (attribution_id);
CREATE INDEX claims_speaker ON claims (speaker_id);
CREATE INDEX claims_said_on ON claims (said_on);
CREATE INDEX claim_entities_entity ON claim_entities (entity_id);
CREATE INDEX entities_canonical ON entities (canonical);
CREATE INDEX cluster_members_claim ON cluster_members (claim_id);
CREATE INDEX grades_source ON grades (source_id);
