"""Stand-ins of the store tests, shared with the subprocesses they start: an analysis and an embedder that
load no model, and a dump of every table."""

from __future__ import annotations

import os
import re
import signal
from dataclasses import replace
from typing import Any

import numpy as np

from sayso.options import DEFAULT_OPTIONS, Options
from sayso.records import Analysis, Article, Attribution, ChainLink, Claim, Entity, Span
from sayso.store import _dialect


class Topics:
    """A stand-in embedder: one axis per topic word, so the tests choose which claims are the same."""

    TOPICS = ("ships", "bridge", "jets")

    def encode(self, texts: list[str]) -> Any:
        return np.array([[float(t in text.lower()) for t in self.TOPICS] + [0.01] for text in texts])


_SAID = re.compile(r"^(?P<speaker>[A-Z][\w. ]+?) (?:said|zei) (?:that |dat )?(?P<content>.+?)\.?$")
_PLACES = {"Rotterdam": "Rotterdam", "Oekraïne": "Ukraine", "Ukraine": "Ukraine"}
CALLS: list[str] = []  # the ids stand_in analysed, in order


def stand_in(article: Article, *, options: Options = DEFAULT_OPTIONS) -> Analysis:
    """One attributed claim per `X said Y` line, an assertion per other line."""
    CALLS.append(article.id)
    text = article.text
    entities = tuple(
        Entity(m.start(), m.end(), m.group(), "GPE", _PLACES[m.group()]) for m in re.finditer("|".join(_PLACES), text)
    )
    attributions: list[Attribution] = []
    claims: list[Claim] = []
    for line in re.finditer(r"[^\n]+", text):
        said = _SAID.match(line.group())
        if said is None:
            claims.append(Claim((Span.of(text, line.start(), line.end()),), None, "assertion", "certain"))
            continue
        who = Span.of(text, line.start() + said.start("speaker"), line.start() + said.end("speaker"))
        content = Span.of(text, line.start() + said.start("content"), line.start() + said.end("content"))
        attributions.append(
            Attribution(
                "indirect",
                who,
                None,
                (content,),
                said["speaker"],
                "person",
                chain=(ChainLink(said["speaker"], "speaker", who),),
            )
        )
        claims.append(Claim((content,), said["speaker"], "indirect", "reported"))
    language = options.language or article.language or "en"
    return Analysis(
        article=replace(article, language=language, published=options.published or article.published),
        language=language,
        attributions=tuple(attributions),
        entities=entities,
        claims=tuple(claims),
        backbone="stand-in",
    )


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: two dumps are equal when nothing changed."""
    db = _dialect.connect(url, create=False)
    try:
        return {t: sorted(db.execute(f"SELECT * FROM {t}"), key=repr) for t in sorted(db.tables())}
    finally:
        db.close()


def use_stand_in() -> None:
    """Put ``stand_in`` in the place of the analysis: run once in each worker process of a batch."""
    from sayso import pipeline

    pipeline.analyze = stand_in  # type: ignore[assignment]


PARENT = "SAYSO_TEST_PARENT"  # the test's process id, in the environment: a worker (forked or spawned) is another


ONCE = "SAYSO_TEST_ONCE"  # a file's path, in the environment: with it, CRASH kills a worker until the file exists


def dies_on_crash() -> None:
    """``use_stand_in``, except that a worker process (not the test's, named by ``PARENT``) is killed, as the
    out-of-memory killer does, by an article that says CRASH; only once when ``ONCE`` names a file (made then),
    as when the system stopped the worker for another's sake."""
    from sayso import pipeline

    def analyze(article: Article, **kwargs: Any) -> Analysis:
        if "CRASH" in article.text and str(os.getpid()) != os.environ.get(PARENT):
            once = os.environ.get(ONCE)
            if once is None or not os.path.exists(once):
                if once is not None:
                    open(once, "w").close()
                os.kill(os.getpid(), signal.SIGKILL)
        return stand_in(article, **kwargs)

    pipeline.analyze = analyze  # type: ignore[assignment]
