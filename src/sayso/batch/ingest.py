"""A batch into the store: analysed by ``workers`` (or on a Dask cluster), written here, one article at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from sayso.batch.workers import Analysed, analysed
from sayso.errors import SaysoError, StoreUnavailableError
from sayso.options import Options
from sayso.records import Article, Skipped

if TYPE_CHECKING:
    from sayso.store import Store

Outcome = tuple[str, int] | Skipped  # ("added", claims), ("already there", 0), or why the input was not stored


def ingest_each(
    store: Store,
    items: Iterable[Article | Skipped],
    *,
    options: Options,
    workers: int = 1,
    cluster: str | None = None,
    setup: Callable[[], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Outcome]:
    """Analyse and store each input, one transaction an article, in input order; yield what became of it.
    Stored texts are not analysed again; a broken input is recorded as skipped; the batch is not clustered
    (``store.cluster()`` does that, once, at its end). ``warn``: told sayso's warnings about an article (they
    are kept in its ``notes`` too). ``cluster``: analyse on Dask (``local``, ``dask://HOST:PORT``) instead."""
    if cluster is None:
        found = analysed(items, options=options, stored=store.stored_id, workers=workers, setup=setup)
        for entry in found:
            yield store_one(store, entry, warn or _ignore)
        return
    from sayso.batch.dask import analysed_on_dask, connect

    client = connect(cluster, workers if workers > 1 else None)
    try:
        found = analysed_on_dask(items, client=client, options=options, stored=store.stored_id, setup=setup)
        for entry in found:
            yield store_one(store, entry, warn or _ignore)
    finally:
        client.close()
        if cluster == "local":
            client.cluster.close()


def store_one(store: Store, entry: Analysed, warn: Callable[[str], None]) -> Outcome:
    """One analysed input into the store: ``("added", claims)``, ``("already there", 0)`` or its ``Skipped``."""
    item, result = entry
    if isinstance(item, Article):
        if result is None:
            return "already there", 0  # resumable: a stored text is never analysed again
        analysis, said = result
        for line in said:
            warn(line)
        if isinstance(analysis, Skipped):
            item = analysis
        else:
            try:
                added = store.add(analysis, cluster=False)
            except StoreUnavailableError:
                raise  # the store stopped working (disk full, server gone): stop the run, nothing is half-written
            except SaysoError as err:
                item = Skipped(item.origin or item.id, str(err))
            else:
                return ("added", added.claims) if added.added else ("already there", 0)
    store.record_skip(item)
    return item


def _ignore(line: str) -> None:
    pass
