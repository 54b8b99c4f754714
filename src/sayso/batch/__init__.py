"""Many articles at once: analysis in worker processes (or on a Dask cluster), one writer, input order kept.

    from sayso.batch import ingest_each
    with open_workers(2) as running:
        for outcome in ingest_each(store, iter_articles(paths, options=options), options=options, running=running):
            ...  # ("added", claims), ("already there", 0) or the Skipped record, one per input, in input order
        cluster_batch(store, running)  # the sentence encoder runs on the workers too

A long batch is clustered on its way as well, whenever ``CLUSTER_EVERY`` (2,000) claims wait for a cluster
(``every=`` sets the number, 0 only at the end): one clustering run of an archive would not fit in memory.

The store is written by the calling process only, in the order of the input, so a store filled by N workers
holds exactly what one process would have written (``tests/test_batch.py``).
"""

from sayso.batch.analyse import analyse_quietly
from sayso.batch.ingest import Outcome, cluster_batch, ingest_each, open_workers
from sayso.batch.workers import Workers, analysed

__all__ = ["Outcome", "Workers", "analyse_quietly", "analysed", "cluster_batch", "ingest_each", "open_workers"]
