"""Articles analysed in N worker processes, handed back in input order; claims embedded there too.

The workers start at the batch's first new article. On Linux they are forked from this process after it has
loaded what they need: the spaCy pipeline of each language the batch may be in (``options.language``, else
every supported one), the sentence encoder when clustering will use it, and whatever the analysis of that
first article (done here) loads and caches. Then ``gc.freeze()`` keeps the garbage collector from writing to
those objects, so their memory pages stay shared between the workers (copy-on-write) instead of being
loaded again in each, and a worker analyses from its first moment on. So that no core waits while this
process loads, one early worker is forked as soon as the pipeline of the first article's language is loaded: it
analyses the next new articles in that language (read ahead) meanwhile, and hands back what it made when the
workers are up (``_Early``).
Elsewhere, or when this process runs more than one thread (a fork copies only the thread that forks, not
the locks other threads may hold), each worker is a fresh interpreter (``spawn``) that loads the models on
its first article and keeps them. A worker never touches the store: the parent reads the inputs, asks
whether a text is stored already (only new texts are sent), and receives the analyses in the order the
inputs came, with at most ``AHEAD`` articles per worker in flight, so memory stays bounded on any archive;
a long article is sent earlier than its turn (``schedule.py``), so that a batch does not end on it. A worker
that dies (killed for want of memory, say) with an article in hand costs that article at most: it is sent
again, and skipped with the reason when a worker dies on it a second time (``schedule.py``, ``hands.py``);
any other death stops the batch with a ``WorkerError`` instead of leaving it waiting forever for the result
that died with it (``watch.py``).
With one worker nothing is started: the parent analyses each article itself, through the same function.

When the batch is clustered at its end, the sentence encoder runs on the workers as well (``embedder``): the
texts are cut into the very batches the encoder would make of them in one process (``BATCH``), one batch a
task, so each vector is the one a single process computes, bit for bit, and the store stays the same.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import sys
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.pool import Pool
from typing import Any, Protocol

import numpy as np

from sayso._threads import one_thread_each
from sayso.batch.analyse import analyse_quietly
from sayso.batch.hands import Hands, enter
from sayso.batch.schedule import SENT, TRIES, Schedule
from sayso.batch.watch import Watch
from sayso.clusters import Spread
from sayso.clusters.embed import BATCH
from sayso.errors import InputError, SaysoError
from sayso.options import Options
from sayso.records import Analysis, Article, Skipped

AHEAD = 16  # articles in flight per worker: one long article holds up the writing, not the other workers
STARTS = ("fork", "spawn")

Result = tuple[Analysis | Skipped, tuple[str, ...]]
Analysed = tuple[Article | Skipped, Result | None]  # None: the text is stored already, nothing was analysed
Stored = Callable[[str], Any]  # not None when the text is stored already


class _Waiting(Protocol):
    def get(self) -> Result: ...


class _Ready:
    """A result computed in this process, handed back as the pool's are."""

    def __init__(self, result: Result) -> None:
        self._result = result

    def get(self) -> Result:
        return self._result


def _start(setup: Callable[[], None] | None, hands: Any = None) -> None:
    """Run once in each worker when it starts; ``hands``: the array it records its article in (``hands.py``)."""
    if hands is not None:
        enter(hands)
    if setup is not None:
        setup()


def _analyse(article: Article, options: Options) -> Result:
    return analyse_quietly(article, options)


def _lost(article: Article, how: str) -> Result:
    """An article given up because the worker analysing it died each time it was sent (``schedule.TRIES``)."""
    reason = (
        f"the worker process analysing it stopped ({how}) each of the {TRIES} times it was sent, most often "
        "stopped by the system for want of memory; analyse it alone (`sayso analyze FILE`) to see why, or give "
        "the workers more memory (fewer --workers)"
    )
    return Skipped(article.origin or article.id, reason), ()


def encode_here(texts: Sequence[str]) -> np.ndarray:
    """One batch of texts through this process's sentence encoder (looked up now: tests put a stand-in there)."""
    encoder = importlib.import_module("sayso.clusters.embed").default_embedder()
    return np.asarray(encoder.encode(list(texts)), dtype=np.float32)


def batches(texts: Sequence[str]) -> list[list[str]]:
    """The texts in the batches ``UseEmbedder.encode`` makes of them."""
    return [list(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]


def threads() -> int:
    """How many threads this process runs, as the operating system counts them (a numerical library's too)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def start_method(asked: str | None = None) -> str:
    """How workers start: ``asked``, else ``fork`` on Linux while this process runs one thread, else ``spawn``."""
    if asked is None:
        return "fork" if sys.platform.startswith("linux") and threads() == 1 else "spawn"
    if asked not in STARTS or asked not in multiprocessing.get_all_start_methods():
        raise InputError(f"workers cannot start by {asked!r} here; give one of {', '.join(STARTS)} or None (chosen)")
    return asked


def preload(options: Options, *, encoder: bool) -> None:
    """Load in this process what each worker would load on first use: the spaCy pipeline of each language
    the batch may be in (``options.language``, else every supported one) and, with ``encoder``, the sentence
    encoder (its model is built on its first text). A model that will not load is left to the articles that
    need it: their ``Skipped`` reason says what to do."""
    from sayso.language import load_backbone
    from sayso.language.resources import supported_languages

    if options.language:
        languages: Sequence[str] = (options.language,)
    else:
        languages = () if options.model else supported_languages()  # a named model is of one language
    for language in languages:
        try:
            load_backbone(language, options.model)
        except SaysoError:
            continue
    if encoder:
        try:
            encode_here(["sayso"])
        except SaysoError:
            pass


# New articles read ahead for the early worker (``Workers._fork``): up to ``EARLY`` (or ``EARLY_S`` seconds of
# reading) before it is forked, and up to ``EARLY_MORE`` in all (``EARLY_S`` more seconds) while it starts.
EARLY, EARLY_MORE = 32, 128
EARLY_S = 0.5


def _read_ahead(
    source: Iterator[Article | Skipped], stored: Stored, count: int
) -> list[tuple[Article | Skipped, bool]]:
    """The next inputs, each with whether it is new, up to ``count`` new ones or ``EARLY_S`` seconds of reading."""
    out: list[tuple[Article | Skipped, bool]] = []
    new, until = 0, time.monotonic() + EARLY_S
    if count <= 0:
        return out
    for item in source:
        fresh = isinstance(item, Article) and stored(item.text) is None
        out.append((item, fresh))
        new += fresh
        if new >= count or time.monotonic() > until:
            break
    return out


def _load(language: str | None, options: Options) -> None:
    """The pipeline analysis will read ``language`` with, loaded now (none when it will not load: the articles
    that need it say why)."""
    from sayso.language import load_backbone

    if language is None:
        return
    try:
        load_backbone(language, options.model)
    except SaysoError:
        pass


def _language(article: Article) -> str | None:
    """The article's language, its own else the detected one (None when it cannot be told)."""
    from sayso.language import detect_language

    if article.language is not None:
        return article.language
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # said again, and kept, when the article is analysed
        try:
            return str(detect_language(article.text))
        except SaysoError:
            return None


def _analyse_until_told(conn: Connection, articles: list[Article], options: Options) -> None:
    """The early worker: analyse the articles in order, and those sent to it later (a list at a time), until
    told to stop (None), then send the analyses made."""
    waiting = deque(articles)
    done: list[Result] = []
    while True:
        while conn.poll() or not waiting:
            more = conn.recv()
            if more is None:
                conn.send(done)
                return
            waiting.extend(more)
        done.append(_analyse(waiting.popleft(), options))


class _Early:
    """One worker forked while this process has loaded only what the first article needed: it analyses the
    articles read ahead while this process loads the rest, so that no core waits for the loading."""

    def __init__(self, articles: list[Article], options: Options) -> None:
        context = multiprocessing.get_context("fork")
        self._conn, theirs = context.Pipe()
        self._process = context.Process(target=_analyse_until_told, args=(theirs, articles, options), daemon=True)
        self._process.start()
        theirs.close()

    def feed(self, articles: list[Article]) -> None:
        """More articles to analyse after those it has."""
        if articles:
            self._conn.send(articles)

    def stop(self) -> list[Result]:
        """The analyses it made, in order, the one in hand finished; none if it died (the rest is done again)."""
        try:
            self._conn.send(None)
        except OSError:
            pass  # it had done them all and is gone: its analyses wait in the pipe
        try:
            done: list[Result] = self._conn.recv()
        except (EOFError, OSError):
            done = []
        self._conn.close()
        self._process.join()
        return done


class Workers:
    """N processes that analyse articles and encode sentences; use it with ``with``.

    ``setup``: run once in each worker before its first article (with ``fork``, first in this process too,
    which analyses the first article). ``start``: ``fork`` or ``spawn``; None chooses (``start_method``).
    ``started``: how the workers were started, None until the first new article."""

    def __init__(self, count: int, setup: Callable[[], None] | None = None, *, start: str | None = None) -> None:
        if count < 1:
            raise InputError(f"--workers {count}: give 1 or more worker processes")
        self.count, self.setup = count, setup
        self._asked = start_method(start) if start is not None else None  # checked now, chosen at the start
        self.started: str | None = None
        self._pool: Pool | None = None
        self._watch: Watch | None = None  # the pool's processes
        self._queue: Schedule[Result] | None = None  # sends the pool the articles, long ones earlier
        if count > 1:
            one_thread_each()  # inherited by the workers, read when they load numpy
        elif setup is not None:
            setup()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()  # an interrupted run leaves no worker behind
            self._pool.join()
            self._pool = self._queue = self._watch = None
            if self.started == "fork":
                gc.unfreeze()

    def analysed(
        self, items: Iterable[Article | Skipped], *, options: Options, stored: Stored, encoder: bool = True
    ) -> Iterator[Analysed]:
        """Each input with its analysis (and sayso's warnings about it), in input order. A stored text is not
        analysed again (None); a ``Skipped`` input comes back as it is. ``encoder``: the batch will be
        clustered with the default sentence encoder (forked workers then have it loaded)."""
        if self.count == 1:
            for item in items:
                new = isinstance(item, Article) and stored(item.text) is None
                yield item, _analyse(item, options) if new and isinstance(item, Article) else None
            return
        source = iter(items)
        pending: deque[tuple[Article | Skipped, _Waiting | None]] = deque()
        for item in source:
            if not isinstance(item, Article) or stored(item.text) is not None:
                pending.append((item, None))
            elif self._pool is None:
                pending.extend(self._begin(item, source, options=options, stored=stored, encoder=encoder))
            else:
                pending.append((item, self._send(item, options)))
            while len(pending) > AHEAD * self.count:
                yield _ready(pending.popleft())
        while pending:
            yield _ready(pending.popleft())

    def _begin(
        self, first: Article, source: Iterator[Article | Skipped], *, options: Options, stored: Stored, encoder: bool
    ) -> list[tuple[Article | Skipped, _Waiting | None]]:
        """Start the workers at the batch's first new article; return it and any inputs read ahead, each with
        its analysis to come. Forking: see ``_fork``."""
        method = self._asked or start_method()
        if method == "fork":
            return self._fork(first, source, options=options, stored=stored, encoder=encoder)
        self._open(method)
        self.started = method
        return [(first, self._send(first, options))]

    def _fork(
        self, first: Article, source: Iterator[Article | Skipped], *, options: Options, stored: Stored, encoder: bool
    ) -> list[tuple[Article | Skipped, _Waiting | None]]:
        """This process loads the pipeline of the first article's language, reads up to ``EARLY`` new articles
        ahead and forks one worker (``_Early``) to analyse those in that language; meanwhile it analyses the
        first article (filling the caches of analysis), loads the rest (``preload``) and analyses the first
        article read ahead in each other language (filling that language's caches once, for every worker);
        then it forks the workers and stops the early one; the articles it did not get to go to the workers,
        with the rest. ``gc.freeze()`` before each fork."""
        _start(self.setup)
        one = options.language or options.model  # every article is read with the first one's pipeline
        lead = options.language or _language(first)
        _load(lead, options)
        ahead = _read_ahead(source, stored, EARLY)
        articles = [item for item, new in ahead if new and isinstance(item, Article)]
        languages = [lead if one else _language(a) for a in articles]
        mine = [k for k, x in enumerate(languages) if lead and x == lead]  # the early worker's: nothing to load
        early: _Early | None = None
        try:
            gc.freeze()  # from here the collector leaves the loaded objects (and their shared pages) alone
            early = _Early([articles[k] for k in mine], options) if mine else None
            if early is not None:  # more for it, read while it starts: it runs dry before the loading ends
                more = _read_ahead(source, stored, EARLY_MORE - len(articles))
                ahead.extend(more)
                fresh = [item for item, new in more if new and isinstance(item, Article)]
                languages.extend(lead if one else _language(a) for a in fresh)
                fed = [k for k, x in enumerate(languages[len(articles) :], start=len(articles)) if x == lead]
                articles.extend(fresh)
                early.feed([articles[k] for k in fed])
                mine.extend(fed)
            made = _analyse(first, options)
            read = made[0].language if isinstance(made[0], Analysis) else None
            here = {languages.index(x) for x in set(languages) - {read, lead, None}}  # the first of each other one
            preload(options, encoder=encoder)
            ready = {k: _analyse(articles[k], options) for k in sorted(here)}
            gc.freeze()
            self._open("fork")
        except BaseException:
            if early is not None:
                early.stop()
            gc.unfreeze()
            raise
        self.started = "fork"
        ready.update(zip(mine, early.stop() if early is not None else [], strict=False))  # what it got to
        begun: list[tuple[Article | Skipped, _Waiting | None]] = [(first, _Ready(made))]
        k = 0  # the place of the next new article among ``articles``
        for item, new in ahead:
            task: _Waiting | None = None
            if new:
                task = _Ready(ready[k]) if k in ready else self._send(articles[k], options)
                k += 1
            begun.append((item, task))
        return begun

    def _open(self, method: str) -> None:
        """Start the pool's ``count`` workers by ``method``, and watch them."""
        context = multiprocessing.get_context(method)
        hands = Hands(context, SENT * self.count)
        self._pool, self._watch = Watch.started(
            lambda: context.Pool(self.count, initializer=_start, initargs=(self.setup, hands.array))
        )
        self._queue = Schedule(self._pool, self.count, _analyse, self._watch, hands, _lost)

    def _send(self, article: Article, options: Options) -> _Waiting:
        assert self._queue is not None
        return self._queue.add(article, options)

    def embedder(self) -> PoolEmbedder | None:
        """The sentence encoder on the workers, or None with one worker (the store's own is used)."""
        return PoolEmbedder(self._pool, self._watch) if self._pool is not None and self._watch is not None else None

    def spread(self) -> Spread | None:
        """``map`` on the workers (``sayso.clusters.Spread``), or None with one worker."""
        pool, watch = self._pool, self._watch
        if pool is None or watch is None:
            return None
        return lambda function, items: watch.get(pool.map_async(function, items, chunksize=1))


class PoolEmbedder:
    """The default sentence encoder, run on the workers of a pool, one ``BATCH`` of texts a task."""

    def __init__(self, pool: Pool, watch: Watch) -> None:
        self._pool, self._watch = pool, watch

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.start(texts)()

    def start(self, texts: Sequence[str]) -> Callable[[], np.ndarray]:
        """Begin encoding ``texts`` on the workers; the returned function waits for the rows."""
        if not texts:
            return lambda: np.zeros((0, 0), dtype=np.float32)
        begun = self._pool.map_async(encode_here, batches(texts), chunksize=1)

        def taken() -> np.ndarray:
            rows = self._watch.get(begun)
            return np.vstack(rows)

        return taken


def _ready(entry: tuple[Article | Skipped, _Waiting | None]) -> Analysed:
    item, waiting = entry
    return item, waiting.get() if waiting is not None else None


def analysed(
    items: Iterable[Article | Skipped],
    *,
    options: Options,
    stored: Stored = lambda text: None,
    workers: int = 1,
    setup: Callable[[], None] | None = None,
    start: str | None = None,
) -> Iterator[Analysed]:
    """``Workers(workers, setup, start=start).analysed(...)``, the workers stopped when the inputs are done."""
    with Workers(workers, setup, start=start) as running:
        yield from running.analysed(items, options=options, stored=stored)
