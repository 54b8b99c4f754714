"""The pool of a batch gets the longest article waiting first; each result still belongs to its article."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

from sayso.batch.longest import SENT, LongestFirst
from sayso.options import Options
from sayso.records import Article


def _when_started(article: Article, options: Options) -> tuple[str, int]:
    """Wait until the gate (the article's origin) is open, then say when this article was taken up."""
    while not Path(article.origin).exists():
        time.sleep(0.005)
    return article.id, time.monotonic_ns()


def test_the_longest_waiting_article_goes_first(tmp_path: Path) -> None:
    gate = tmp_path / "open"
    lengths = {"a": 1, "b": 5, "c": 3, "d": 4, "e": 2}
    articles = [Article(text="x" * n, id=k, origin=str(gate)) for k, n in lengths.items()]
    with multiprocessing.get_context("fork").Pool(1) as pool:
        queue = LongestFirst(pool, 1, _when_started)
        sent = [queue.add(a, Options()) for a in articles]  # two go at once (SENT), three wait
        gate.touch()
        results = [s.get() for s in sent]
    assert [k for k, _ in results] == list(lengths)  # each result is its own article's
    started = [k for k, _ in sorted(results, key=lambda r: r[1])]
    assert SENT == 2
    assert started == ["a", "b", "d", "c", "e"]  # the first two as they came, then the longest waiting
