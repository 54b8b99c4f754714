-- The vectors clustering compares (issue 15), kept so that a later run does not encode again the stored claims
-- its new claims are compared with: each clustered claim's unit rows of its words and of its sentence, and
-- each word's own row, as little-endian float32 bytes from the run that first encoded them. A claim or word
-- without a row (stored before this migration) is encoded when a run needs it, and kept then.
-- `sayso recluster` empties both tables and encodes everything again in its one run.

CREATE TABLE claim_vectors (
    claim_id BIGINT PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    text_f32 {bytes} NOT NULL,
    context_f32 {bytes} NOT NULL
);

CREATE TABLE word_vectors (
    word TEXT PRIMARY KEY,
    vector_f32 {bytes} NOT NULL
);
