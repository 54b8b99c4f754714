"""The order a batch's articles go to the workers: input order, a long article moved forward by as many
places as it is longer than the average; each result still belongs to its article."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

from sayso.batch.hands import Hands, enter
from sayso.batch.schedule import SENT, Schedule
from sayso.batch.watch import Watch
from sayso.options import Options
from sayso.records import Article


def _when_started(article: Article, options: Options) -> tuple[str, int]:
    """Wait until the gate (the article's origin) is open, then say when this article was taken up."""
    while not Path(article.origin).exists():
        time.sleep(0.005)
    return article.id, time.monotonic_ns()


def _started(lengths: dict[str, int], gate: Path) -> tuple[list[str], list[str]]:
    """The ids in the order of their results, and in the order one worker took them up."""
    articles = [Article(text="x" * n, id=k, origin=str(gate)) for k, n in lengths.items()]
    context = multiprocessing.get_context("fork")
    hands = Hands(context, SENT)
    pool, watch = Watch.started(lambda: context.Pool(1, initializer=enter, initargs=(hands.array,)))
    with pool:
        schedule = Schedule(pool, 1, _when_started, watch, hands, lambda article, how: (article.id, -1))
        sent = [schedule.add(a, Options()) for a in articles]  # the first SENT go at once, the others wait
        gate.touch()
        results = [s.get() for s in sent]
    return [k for k, _ in results], [k for k, _ in sorted(results, key=lambda r: r[1])]


def test_a_long_article_starts_earlier(tmp_path: Path) -> None:
    lengths = {"a": 10, "b": 10, "c": 10, "d": 10, "e": 10, "f": 10, "g": 10, "h": 70}
    results, started = _started(lengths, tmp_path / "open")
    assert results == list(lengths)  # each result is its own article's, in input order
    assert SENT == 2
    # h is four times the average so far (17.5): four places early, after e (a tie broken by input order)
    assert started == ["a", "b", "c", "d", "e", "h", "f", "g"]


def test_articles_of_one_length_keep_their_order(tmp_path: Path) -> None:
    lengths = {k: 25 for k in "abcdef"}
    assert _started(lengths, tmp_path / "open") == (list(lengths), list(lengths))
