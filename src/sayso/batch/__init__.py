"""Many articles at once: analysis in worker processes (or on a Dask cluster), one writer, input order kept.

    from sayso.batch import ingest_each
    for outcome in ingest_each(store, iter_articles(paths, options=options), options=options, workers=2):
        ...  # ("added", claims), ("already there", 0) or the Skipped record, one per input, in input order

The store is written by the calling process only, in the order of the input, so a store filled by N workers
holds exactly what one process would have written (``tests/test_batch.py``).
"""

from sayso.batch.analyse import analyse_quietly
from sayso.batch.ingest import Outcome, ingest_each
from sayso.batch.workers import analysed

__all__ = ["Outcome", "analyse_quietly", "analysed", "ingest_each"]
