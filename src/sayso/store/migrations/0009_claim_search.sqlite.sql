-- SQLite only: a full-text index (FTS5) of the claims' text, which Datasette finds by itself (content="claims")
-- and `sayso export datasette` names for the views too. Kept in step with `claims` by the triggers below;
-- filled with the claims stored before. unicode61 without diacritics: `Oekraine` finds `Oekraïne`.
-- PostgreSQL has no FTS5; there `sayso claims --about` searches as before (docs/export.md).

CREATE VIRTUAL TABLE claims_fts USING fts5(text, content="claims", content_rowid="id", tokenize="unicode61 remove_diacritics 2");
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text); END;
