-- Contradictions across clusters: two claims of different clusters that name a common entity at the same
-- time but give incompatible numbers (sayso.clusters.find_cross_contradictions). Found when the newer
-- claim is clustered and kept: later clustering never rewrites them. claim_a is the newer claim.

CREATE TABLE cross_contradictions (
    claim_a BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    claim_b BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    found_at TEXT NOT NULL,
    PRIMARY KEY (claim_a, claim_b)
);
CREATE INDEX cross_contradictions_b ON cross_contradictions (claim_b);
