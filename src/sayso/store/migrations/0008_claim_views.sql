-- Views for browsing the store in a database tool (`datasette sayso.db`, psql, a notebook): a claim with its
-- article and speaker, and a claim with its cluster. Plain SQL that both databases run; nothing reads them.
-- speaker: the stored source's name (however this article wrote it), else the speaker as written;
-- speaker_grade: the analyst's newest A-F grade of that source.

CREATE VIEW claims_with_speakers AS
    SELECT c.id, c.article_id, a.title, a.outlet, a.published, a.language, a.url, c.kind,
        COALESCE(s.name, c.speaker) AS speaker, s.type AS speaker_type,
        (SELECT g.code FROM grades g WHERE g.source_id = c.speaker_id ORDER BY g.id DESC LIMIT 1) AS speaker_grade,
        c.certainty, c.polarity, c.said_at, c.said_on, c.text
    FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN sources s ON s.id = c.speaker_id;

CREATE VIEW claims_with_clusters AS
    SELECT c.id, c.article_id, a.language, COALESCE(s.name, c.speaker) AS speaker, c.certainty, c.said_on, c.text,
        m.cluster_id, (SELECT COUNT(*) FROM cluster_members m2 WHERE m2.cluster_id = m.cluster_id) AS cluster_claims,
        k.independent AS cluster_independent, k.credibility AS cluster_credibility, k.origins AS cluster_origins
    FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN sources s ON s.id = c.speaker_id
        LEFT JOIN cluster_members m ON m.claim_id = c.id LEFT JOIN clusters k ON k.id = m.cluster_id;
