-- Every write of a cluster's centroid, in order (issue 15). A nearest-neighbour index of the centroids kept
-- outside the database (docs/scale.md) was saved at some `seq`; the clusters written after it are the rows
-- with a larger `seq`, searched exactly until the index takes them in. A row without a cluster (NULL) says
-- that every cluster was dropped (`sayso recluster`): an index saved before it is void. Rows are never
-- deleted, so `seq` never comes back.
CREATE TABLE IF NOT EXISTS cluster_changes (
    seq {id},
    cluster_id INTEGER
);
