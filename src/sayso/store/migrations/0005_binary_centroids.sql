-- Cluster centroids as little-endian float32 bytes (2 KB for 512 dimensions) instead of JSON text:
-- clustering reads every centroid to find the clusters a new claim could join, and parsing JSON made
-- that the cost of a large store (benchmarks/cluster_scale.py). Rows written before keep their JSON
-- `centroid` until their cluster changes; new and changed rows have centroid_f32 and `centroid` '[]'.

ALTER TABLE clusters ADD COLUMN centroid_f32 {bytes};
