-- The words of each claim (its text and its speaker's name, case-folded, one row a word): a search for
-- words reads this index instead of scanning every claim's text (the web workspace, issue 13). Filled when
-- a claim is written; claims stored before get their words from Store.index_words (`sayso serve` calls it).

CREATE TABLE claim_words (
    word TEXT NOT NULL,
    claim_id BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    PRIMARY KEY (word, claim_id)
);
CREATE INDEX claim_words_claim ON claim_words (claim_id);
