"""The claim store on real SQLite files and a real PostgreSQL server (``store_url``, ``postgres_url``: see
conftest.py), and the commands over it."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from itertools import count
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _store_helpers import CALLS
from _store_helpers import Topics as _Topics
from _store_helpers import dump as _dump
from _store_helpers import stand_in as _stand_in
from sayso import pipeline
from sayso.cli import build_parser, main
from sayso.cli.store_commands import STORE_COMMANDS
from sayso.errors import StoreError
from sayso.records import Analysis, Article, Attribution, ChainLink, Claim, Entity, Quantity, Skipped, Span, TimeExpr
from sayso.shapes import cluster_dict
from sayso.store import GRADES, _dialect, _migrate, _write, open_store

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = [
    "0001_initial",
    "0002_cluster_details",
    "0003_claim_context",
    "0004_cross_contradictions",
    "0005_binary_centroids",
    "0006_source_aliases",
    "0007_source_keys",
    "0008_claim_views",
    "0009_claim_search",  # SQLite only (FTS5)
    "0010_claim_words",
    "0011_cluster_changes",
    "0012_claim_vectors",
]
SQLITE_ONLY = {"0009_claim_search"}


def shipped(url: str) -> list[str]:
    """The migrations a store at ``url`` gets: PostgreSQL lacks the SQLite-only ones."""
    return [m for m in SHIPPED if not (url.startswith("postgresql://") and m in SQLITE_ONLY)]


# analyses written by hand


def _analysis(
    text: str = "Mayor Jan de Vries said 12 ships were stuck in Rotterdam on Monday.", **meta: Any
) -> Analysis:
    article = Article(
        text=text,
        id=meta.get("id", "rotterdam-1"),
        title=meta.get("title", "Ships stuck"),
        url="https://example.org/a",
        outlet="Example Post",
        published=meta.get("published", date(2025, 3, 14)),
        language="en",
        origin="tests/rotterdam-1.txt",
        boilerplate=(),
    )
    who, said = Span.of(text, 0, 18), Span.of(text, 19, 23)
    content = Span.of(text, 24, len(text) - 1)
    number = Quantity(24, 26, "12", 12.0, unit="ships")
    monday = TimeExpr(text.index("on Monday"), len(text) - 1, "on Monday", "2025-03-10")
    place = Entity(text.index("Rotterdam"), text.index("Rotterdam") + 9, "Rotterdam", "GPE", "Rotterdam")
    chain = (
        ChainLink("Example Post", "outlet"),
        ChainLink("Jan de Vries", "speaker", who),
        ChainLink("harbour office", "cited"),
    )
    attribution = Attribution(
        kind="indirect",
        source=who,
        cue=said,
        content=(content,),
        speaker="Jan de Vries",
        speaker_type="person",
        based_on=("harbour office",),
        chain=chain,
        said_at="2025-03-10",
        certainty="certain",
    )
    claim = Claim(
        (content,), "Jan de Vries", "indirect", "certain", quantities=(number,), times=(monday,), said_at="2025-03-10"
    )
    return Analysis(
        article=article,
        language="en",
        attributions=(attribution,),
        quantities=(number,),
        times=(monday,),
        entities=(place,),
        claims=(claim,),
        backbone="en_core_web_sm-3.8.0",
    )


def test_store_a_claim_for_one_of_two_propositions_keeps_its_attribution(store_url: str) -> None:
    # the content states two propositions, each a claim (`sayso.claims.propositions`): both keep the chain
    whole = _analysis()
    [content] = whole.attributions[0].content
    cut = content.text.index(" on Monday")
    first, second = (
        Span.of(whole.article.text, content.start, content.start + cut),
        Span.of(whole.article.text, content.start + cut + 1, content.end),
    )
    claims = tuple(replace(whole.claims[0], content=(part,)) for part in (first, second))
    with open_store(store_url) as store:
        store.add(replace(whole, claims=claims))
        stored = store.claims()
        assert len(stored) == 2
        assert all([link.role for link in c.chain] == ["outlet", "speaker", "cited"] for c in stored)
        assert all(c.speaker == "Jan de Vries" and c.speaker_type == "person" for c in stored)


# migrations


def test_store_migrations_create_the_schema_once(store_url: str) -> None:
    with open_store(store_url) as store:
        assert store.migrations() == shipped(store_url)
    tables = set(_dump(store_url))
    for table in (
        "articles",
        "attributions",
        "claims",
        "claim_quantities",
        "claim_times",
        "claim_entities",
        "entities",
        "sources",
        "chain_links",
        "claim_chains",
        "clusters",
        "cluster_members",
        "claim_vectors",
        "word_vectors",
        "grades",
        "skipped",
        "migrations",
    ):
        assert table in tables
    before = _dump(store_url)
    with open_store(store_url) as store:  # re-opening applies nothing
        assert store.migrations() == shipped(store_url)
    assert _dump(store_url) == before
    assert len(before["migrations"]) == len(shipped(store_url))


def test_store_migrations_are_applied_in_order_and_recorded(store_url: str) -> None:
    extra = _migrate.Migration("9999_notes", "CREATE TABLE notes (id {id}, body TEXT NOT NULL);\n")
    db = _dialect.connect(store_url, create=True)
    try:
        assert _migrate.migrate(db) == shipped(store_url)
        assert _migrate.migrate(db, [*_migrate.available(), extra]) == ["9999_notes"]
        assert _migrate.migrate(db, [*_migrate.available(), extra]) == []
        db.execute("INSERT INTO notes (body) VALUES (?)", ("x",))
        assert db.execute("SELECT id FROM notes") == [(1,)]
        assert _migrate.applied(db) == [*shipped(store_url), "9999_notes"]
    finally:
        db.close()
    with pytest.raises(StoreError, match="newer sayso"):
        open_store(store_url)  # this sayso does not know 9999_notes


def test_store_failed_migration_leaves_nothing_behind(store_url: str) -> None:
    broken = _migrate.Migration("9999_broken", "CREATE TABLE half (id {id});\nCREATE TABLE half (id {id});\n")
    db = _dialect.connect(store_url, create=True)
    try:
        _migrate.migrate(db)
        with pytest.raises(StoreError):
            _migrate.migrate(db, [*_migrate.available(), broken])
        assert "half" not in db.tables()
        assert _migrate.applied(db) == shipped(store_url)
    finally:
        db.close()


def test_store_shipped_migrations_are_named_and_split() -> None:
    found = _migrate.available()
    assert [m.name for m in found] == sorted(m.name for m in found)
    assert found[0].name == "0001_initial"
    statements = found[0].statements("INTEGER PRIMARY KEY")
    assert len(statements) > 20 and all(s.startswith("CREATE ") and "{id}" not in s for s in statements)


# add: round trip, idempotence, transactions


def test_store_add_round_trip_and_queries(store_url: str) -> None:
    analysis = _analysis()
    with open_store(store_url) as store:
        result = store.add(analysis)
        assert result.added and result.article_id == "rotterdam-1" and result.claims == 1
        assert store.analysis("rotterdam-1") == analysis
        [claim] = store.claims()
        assert claim.speaker == "Jan de Vries" and claim.speaker_type == "person"
        assert claim.said_on == date(2025, 3, 10) and claim.certainty == "certain"
        assert claim.article.outlet == "Example Post" and claim.article.published == date(2025, 3, 14)
        assert [link.role for link in claim.chain] == ["outlet", "speaker", "cited"]
        assert claim.quantities[0].value == 12.0 and claim.times[0].value == "2025-03-10"
        assert [e.canonical for e in claim.entities] == ["Rotterdam"]
        assert store.claim(claim.id) == claim
        assert store.claim(claim.id + 1000) is None
        assert store.claims(about="ROTTERDAM") == [claim]
        assert store.claims(about="ships were") == [claim]
        assert store.claims(about="Antwerp") == []
        assert store.claims(speaker="de vries") == [claim]
        assert store.claims(speaker="100%") == []  # LIKE wildcards are taken literally
        assert store.claims(since=date(2025, 3, 10)) == [claim]
        assert store.claims(since=date(2025, 3, 11)) == []
        sources = {s.name: s for s in store.sources()}
        assert sources["Jan de Vries"].claims == 1 and sources["Jan de Vries"].type == "person"
        assert sources["harbour office"].cited == 1 and sources["Example Post"].type == "news outlet"


def test_store_adding_the_same_text_twice_changes_nothing(store_url: str) -> None:
    analysis = _analysis()
    with open_store(store_url) as store:
        store.add(analysis)
        before = _dump(store_url)
        again = store.add(replace(analysis, article=replace(analysis.article, id="another-id", title="Other")))
        assert not again.added and again.article_id == "rotterdam-1" and again.claims == 0
        assert store.stored_id(analysis.article.text) == "rotterdam-1"
        assert store.stored_id("some other text") is None
    assert _dump(store_url) == before


def test_store_counts_the_claims_that_wait_for_a_cluster(store_url: str) -> None:
    analysis = _analysis()
    textless = replace(analysis.claims[0], content=())  # joins no cluster
    analysis = replace(analysis, claims=(*analysis.claims, textless))
    with open_store(store_url, embedder=_Topics()) as store:
        added = store.add(analysis, cluster=False)
        assert added.claims == len(analysis.claims) and added.waiting == len(analysis.claims) - 1
        assert store.waiting() == added.waiting
        store.cluster()
        assert store.waiting() == 0


class _Counting(_Topics):
    """The stand-in embedder, remembering every text it was asked for."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def encode(self, texts: list[str]) -> Any:
        self.asked.extend(texts)
        return super().encode(texts)


def test_store_a_later_run_reads_the_kept_vectors_of_the_claims_it_compares_with(store_url: str) -> None:
    first = _analysis()
    second = _analysis("Mayor Jan de Vries said 12 ships were stuck in Rotterdam harbour on Monday.", id="rotterdam-2")
    counting = _Counting()
    with open_store(store_url, embedder=counting) as store:
        store.add(first)
        old_words = set(counting.asked)
        assert first.claims[0].content[0].text in counting.asked  # encoded once, in its own run
        counting.asked.clear()
        store.add(second)
        [together] = store.clusters()
        assert len(together.claims) == 2  # the first claim was compared with (and joined)
        assert first.claims[0].content[0].text not in counting.asked  # read from the store, not encoded again
        assert not old_words & set(counting.asked) - {second.claims[0].content[0].text}  # nor its words
        counting.asked.clear()
        store.recluster()  # one batch again: everything encoded afresh
        assert first.claims[0].content[0].text in counting.asked


def test_store_add_clusters_claims_incrementally(store_url: str) -> None:
    first = _analysis()
    text = "Mayor Jan de Vries said 40 ships were stuck in Rotterdam on Monday."
    second = _analysis(text, id="rotterdam-2", published=date(2025, 3, 15))
    forty = Quantity(24, 26, "40", 40.0, unit="ships")
    second = replace(second, quantities=(forty,), claims=(replace(second.claims[0], quantities=(forty,)),))
    third = _analysis("Mayor Jan de Vries said the bridge in Rotterdam was closed on Monday.", id="bridge-1")
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(first)
        [alone] = store.clusters()
        assert alone.independent == 1 and alone.credibility == 3 and alone.origins == ("harbour office",)
        store.add(second)
        store.add(third)
        assert store.cluster() == 0  # every claim has its cluster: nothing to do
        ships, forty_ships, bridge = store.clusters()  # 12 and 40 ships: two propositions, never one cluster
        assert [c.article.id for c in ships.claims] == ["rotterdam-1"] and ships.id == alone.id
        assert [c.article.id for c in forty_ships.claims] == ["rotterdam-2"]
        [(_, _, other, reason)] = forty_ships.across
        assert (other, reason.split(":")[0]) == (ships.id, "quantity")  # 12 vs 40 ships contradict
        assert ships.credibility == forty_ships.credibility == 4  # both doubtful now, the older one updated
        assert [c.article.id for c in bridge.claims] == ["bridge-1"]
        assert store.cluster_of(forty_ships.claims[0].id) == forty_ships
        before = _dump(store_url)
        assert not store.add(second).added
    assert _dump(store_url) == before


def test_store_cluster_reads_only_the_clusters_a_claim_could_join(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sayso.store import _read

    ships = _analysis()
    bridge = _analysis("Mayor Jan de Vries said the bridge in Rotterdam was closed on Monday.", id="bridge-1")
    bridge = replace(bridge, claims=(replace(bridge.claims[0], quantities=()),))  # no number: cannot clash either
    later = _analysis("Mayor Jan de Vries said 12 ships were stuck in Rotterdam on Monday!", id="rotterdam-2")
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(ships)
        store.add(bridge)
        bridge_claim = next(c.id for c in store.claims() if c.article.id == "bridge-1")
        read: list[int] = []
        real = _read.load_claims

        def spy(*args: Any, **kwargs: Any) -> Any:
            found = real(*args, **kwargs)
            read.extend(c.id for c in found)
            return found

        monkeypatch.setattr(_read, "load_claims", spy)
        store.add(later)
        assert read and bridge_claim not in read  # the bridge cluster is far from ships: never loaded
        assert [len(k.claims) for k in store.clusters()] == [2, 1]


def test_store_numbers_across_clusters_contradict(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sayso.clusters import PairModel, cluster

    # a model on which clashing numbers always split a cluster (the shipped one weighs them with the rest)
    strict = PairModel(weights=(20.0, 0, 0, 0, 0, -30.0, 0, 0, 0), bias=-15.0, threshold=0.5)
    monkeypatch.setattr(cluster, "default_model", lambda: strict)
    text = "Mayor Jan de Vries said 40 ships were stuck in Rotterdam on Monday!"
    other = _analysis(text, id="port-1", published=date(2025, 3, 15))
    forty = Quantity(text.index("40"), text.index("40") + 2, "40", 40.0, unit="ships")
    other = replace(other, quantities=(forty,), claims=(replace(other.claims[0], quantities=(forty,)),))
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_analysis())
        store.add(other)
        twelve, port = store.clusters()  # the same words but for the number: two propositions
        assert twelve.contradictions == () and port.contradictions == ()
        [(mine, theirs, cluster_id, reason)] = port.across
        assert (mine, theirs, cluster_id) == (port.claims[0].id, twelve.claims[0].id, twelve.id)
        # the first claim was clustered again with the new one: the reason reads in the order of publication
        assert reason == "quantity: '12' (exact) vs '40' (exact)"
        assert [(a, b, k) for a, b, k, _ in twelve.across] == [(theirs, mine, port.id)]
        exported = cluster_dict(twelve)["contradictions"]
        assert exported == [{"a": theirs, "b": mine, "cluster": port.id, "reason": reason}]
        before = _dump(store_url)
        assert store.cluster() == 0 and not store.add(other).added
    assert _dump(store_url) == before


def test_store_centroids_written_as_json_before_migration_0005_still_count(store_url: str) -> None:
    from sayso.store import _cluster_read

    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_analysis())
        [(key, vector)] = _cluster_read._centroids(store._db).items()
        assert vector.dtype == np.float32 and len(vector) == 4
        with store._db.transaction():  # as a store written before migration 0005 has it
            store._db.execute(
                "UPDATE clusters SET centroid = ?, centroid_f32 = NULL", (json.dumps([float(x) for x in vector]),)
            )
        assert np.allclose(_cluster_read._centroids(store._db)[key], vector)
        store.add(_analysis("Mayor Jan de Vries said 12 ships were stuck in Rotterdam on Monday!", id="rotterdam-2"))
        [ships] = store.clusters()
        assert len(ships.claims) == 2
        assert store._db.execute("SELECT centroid FROM clusters") == [("[]",)]  # rewritten as bytes


def _story(text: str, id: str, outlet: str, published: date) -> Analysis:
    """An article of sentences, each the article's own claim."""
    starts = [0] + [m.end() + 1 for m in re.finditer(r"\.(?= )", text)]
    claims = tuple(Claim((Span.of(text, a, text.index(".", a) + 1),), None, "assertion", "certain") for a in starts)
    article = Article(text=text, id=id, outlet=outlet, published=published, language="en", origin=f"{id}.txt")
    return Analysis(article=article, language="en", claims=claims, backbone="stand-in")


def test_store_a_translated_story_is_one_origin(store_url: str) -> None:
    wire = _story("Ships are stuck. The bridge is closed. Jets fly over.", "wire-en", "Wire", date(2025, 3, 14))
    copy = _story("Schepen (ships) liggen stil. De bridge is dicht. Er vliegen jets.", "krant-nl", "Krant",
                  date(2025, 3, 15))  # fmt: skip
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(wire)
        store.add(copy)  # a later batch: the wire story's clusters are read back from the store
        found = store.clusters()
        assert [len(k.claims) for k in found] == [2, 2, 2]
        assert all(k.origins == ("Wire",) and k.independent == 1 and len(k.repeats) == 1 for k in found)


def test_store_claims_from_before_contexts_still_cluster(store_url: str) -> None:
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_analysis(), cluster=False)
        with store._db.transaction():  # as migration 0003 leaves the claims stored before it
            store._db.execute("UPDATE claims SET context_start = NULL, context_end = NULL")
        [claim] = store.claims()
        assert claim.context is None
        assert store.cluster() == 1 and len(store.clusters()) == 1


def test_store_refuses_a_known_id_with_another_text(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(_analysis())
        before = _dump(store_url)
        other = _analysis("Mayor Jan de Vries said 13 ships were stuck in Rotterdam on Monday.")
        with pytest.raises(StoreError, match=r"rotterdam-1.*another id"):
            store.add(other)
    assert _dump(store_url) == before


def test_store_add_is_one_transaction(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(store_url) as store:
        empty = _dump(store_url)

        def fail(*args: Any, **kwargs: Any) -> None:
            raise RuntimeError("power cut")

        monkeypatch.setattr(_write, "_insert_claims", fail)  # after the article, attributions, entities...
        with pytest.raises(RuntimeError, match="power cut"):
            store.add(_analysis())
        assert _dump(store_url) == empty
        monkeypatch.undo()
        assert store.add(_analysis()).added
        assert store.analysis("rotterdam-1") == _analysis()


def test_store_skips_are_recorded_once(store_url: str) -> None:
    with open_store(store_url) as store:
        store.record_skip(Skipped("a.txt", "a.txt: is empty; give an article with text"))
        store.record_skip(Skipped("a.txt", "a.txt: is empty; give an article with text"))
        assert store.skipped() == [Skipped("a.txt", "a.txt: is empty; give an article with text")]


# Hypothesis: any text and metadata survive save -> load


def _texts(nul: bool, **kwargs: Any) -> st.SearchStrategy[str]:
    return st.text(alphabet=st.characters(codec="utf-8", exclude_characters=None if nul else "\x00"), **kwargs)


@st.composite
def _analyses(draw: st.DrawFn, nul: bool) -> Analysis:
    text = draw(_texts(nul, min_size=1, max_size=200))
    some = _texts(nul, max_size=30)
    maybe = st.none() | some

    def span() -> Span:
        a, b = sorted(draw(st.tuples(st.integers(0, len(text)), st.integers(0, len(text)))))
        return Span.of(text, a, b)

    def spans(most: int = 3) -> tuple[Span, ...]:
        return tuple(span() for _ in range(draw(st.integers(0, most))))

    number = st.none() | st.floats(allow_nan=False, allow_infinity=False)
    quantities = tuple(
        Quantity(s.start, s.end, s.text, draw(number), draw(number), draw(number), draw(maybe), draw(some))
        for s in spans()
    )
    times = tuple(TimeExpr(s.start, s.end, s.text, draw(some), draw(some)) for s in spans())
    entities = tuple(Entity(s.start, s.end, s.text, draw(some), draw(some)) for s in spans())
    attributions = tuple(
        Attribution(
            kind=draw(some),
            source=draw(st.none() | st.just(span())),
            cue=draw(st.none() | st.just(span())),
            content=spans(),
            speaker=draw(maybe),
            speaker_type=draw(maybe),
            based_on=tuple(draw(st.lists(some, max_size=2))),
            chain=tuple(
                ChainLink(
                    draw(some), draw(st.sampled_from(["outlet", "speaker", "cited"])), draw(st.none() | st.just(span()))
                )
                for _ in range(draw(st.integers(0, 3)))
            ),
            said_at=draw(maybe),
            said_at_span=draw(st.none() | st.just(span())),
            certainty=draw(maybe),
            certainty_cues=spans(2),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    claims = tuple(
        Claim(
            content=a.content,
            speaker=a.speaker,
            kind=a.kind,
            certainty=draw(some),
            polarity=draw(st.sampled_from(["positive", "negative"])),
            quantities=tuple(draw(st.lists(st.sampled_from(quantities), max_size=2))) if quantities else (),
            times=tuple(draw(st.lists(st.sampled_from(times), max_size=2))) if times else (),
            said_at=a.said_at,
            context=draw(st.none() | st.just(span())),
        )
        for a in attributions
    ) + tuple(
        Claim(spans(1), None, "assertion", draw(some), context=draw(st.none() | st.just(span())))
        for _ in range(draw(st.integers(0, 2)))
    )
    language = draw(st.sampled_from(["en", "nl"]))
    article = Article(
        text=text,
        id=draw(_texts(nul, min_size=1, max_size=20)),
        title=draw(maybe),
        url=draw(maybe),
        outlet=draw(maybe),
        published=draw(st.none() | st.dates()),
        language=language,
        origin=draw(some),
        boilerplate=spans(2),
    )
    return Analysis(
        article=article,
        language=language,
        attributions=attributions,
        quantities=quantities,
        times=times,
        entities=entities,
        claims=claims,
        backbone=draw(some),
        notes=tuple(draw(st.lists(some, max_size=2))),
    )


def _round_trip(url: str, nul: bool) -> None:
    store = open_store(url)
    numbers = count()

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_analyses(nul))
    def check(analysis: Analysis) -> None:
        unique = replace(analysis.article, id=f"{next(numbers)}:{analysis.article.id}")  # ids of earlier examples
        analysis = replace(analysis, article=unique)
        known = store.stored_id(analysis.article.text)
        result = store.add(analysis)
        assert result.added == (known is None)
        if result.added:
            assert store.analysis(result.article_id) == analysis
            assert {c.article.id for c in store.claims()} >= {result.article_id} or not analysis.claims

    try:
        check()
    finally:
        store.close()


def test_store_round_trip_any_text_sqlite(tmp_path: Path) -> None:
    _round_trip(str(tmp_path / "sayso.db"), nul=True)


def test_store_round_trip_any_text_postgresql(postgres_url: str) -> None:
    _round_trip(postgres_url, nul=False)


def test_store_postgresql_refuses_nul_with_a_fix(postgres_url: str) -> None:
    with open_store(postgres_url) as store, pytest.raises(StoreError, match=r"NUL.*SQLite"):
        store.add(_analysis("Mayor Jan de Vries said 12 ships\x00 were stuck in Rotterdam on Monday."))


# grades and sources


def test_store_grade_is_validated_and_kept_apart(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(_analysis())
        with pytest.raises(StoreError, match="'Z' is not a source grade; give one letter A-F"):
            store.grade("Jan de Vries", "Z")
        with pytest.raises(StoreError, match=r"no source named 'Jan de Vris'.*did you mean 'Jan de Vries'"):
            store.grade("Jan de Vris", "B")
        row = store.grade("jan  de VRIES", "b", analyst="analyst1")
        assert (row.grade, row.graded_by) == ("B", "analyst1")
        assert store.grade("Jan de Vries", "D", analyst="analyst2").grade == "D"  # the newest grade counts
        [claim] = store.claims()
        assert claim.speaker_grade == "D" and claim.certainty == "certain"
        assert store.analysis("rotterdam-1") == _analysis()  # grading never touches the article's own analysis
        assert set(GRADES) == set("ABCDEF")


def test_store_open_refuses_what_it_cannot_use(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store there; run 'sayso ingest"):
        open_store(str(tmp_path / "missing.db"), create=False)
    with pytest.raises(StoreError, match="SQLite file path or a postgresql:// URL"):
        open_store("mysql://localhost/x")
    with pytest.raises(StoreError, match=r"postgres:\*\*\*@127\.0\.0\.1:1/"):
        open_store("postgresql://postgres:secret@127.0.0.1:1/nothing")


def test_store_default_location_is_sayso_db_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAYSO_DB", str(tmp_path / "env.db"))
    with open_store() as store:
        assert store.url == str(tmp_path / "env.db") and store.backend == "sqlite"
    monkeypatch.delenv("SAYSO_DB")
    monkeypatch.chdir(tmp_path)
    open_store().close()
    assert (tmp_path / "sayso.db").exists()
    db = sqlite3.connect(tmp_path / "sayso.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


# the commands, over a stand-in analysis (no model loaded)


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    CALLS.clear()
    monkeypatch.setattr(pipeline, "analyze", _stand_in)
    return CALLS


def _batch(folder: Path) -> Path:
    folder.mkdir()
    lines = [
        {
            "id": "kyiv-1",
            "text": "Minister Olha Stefanishyna said Ukraine had received the first jets.",
            "published": "2025-03-01",
        },
        {
            "id": "kyiv-2",
            "text": "Oekraïne kreeg de eerste straaljagers.\nWoordvoerder Anna Bos zei dat er geen vertraging was.",
            "published": "2025-03-12",
            "language": "nl",
        },
        {"id": "port-1", "text": "The port of Rotterdam reopened on Friday.", "published": "2025-03-14"},
    ]
    (folder / "batch.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8"
    )
    return folder


def test_ingest_summary_exit_code_and_resume(
    tmp_path: Path, stand_in: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _batch(tmp_path / "in")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(folder), "--db", db]) == 1
    out, err = capsys.readouterr()
    assert "added 3, already there 0, skipped 1" in out
    assert re.search(r"skipped: .*broken\.txt: looks like a binary file", out)
    assert re.search(r"sayso: 4 articles, [\d.]+ articles/s", err)
    assert sorted(stand_in) == ["kyiv-1", "kyiv-2", "port-1"]
    stand_in.clear()
    before = _dump(db)
    (folder / "broken.txt").unlink()
    assert main(["ingest", str(folder), "--db", db]) == 0
    assert "added 0, already there 3, skipped 0" in capsys.readouterr().out
    assert stand_in == []  # stored texts are not analysed again
    after = _dump(db)
    assert after == before  # the skip of broken.txt stays recorded; nothing else changed, clusters included
    assert len(after["skipped"]) == 1
    clustered = {row[1] for row in after["cluster_members"]}
    assert after["clusters"] and clustered == {row[0] for row in after["claims"]}  # every claim has its cluster


def test_ingest_clusters_on_its_way_every_n_claims(
    tmp_path: Path, stand_in: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from sayso.batch.ingest import CLUSTER_EVERY

    folder, db = _batch(tmp_path / "in"), str(tmp_path / "s.db")
    assert main(["ingest", str(folder), "--db", db, "--cluster-every", "2"]) == 0
    err = capsys.readouterr().err
    # claims 1 (kyiv-1), 2 (kyiv-2): clustered on the way; 1 (port-1): clustered at the end
    assert re.findall(r"sayso: clustering (\d+) new claims?", err) == ["3", "1"], err
    with open_store(db) as store:
        assert store.waiting() == 0 and store.counts()["claims"] == 4
    with pytest.raises(SystemExit):
        main(["ingest", str(folder), "--db", db, "--cluster-every", "some"])
    assert "is not a number of claims; give e.g. --cluster-every 2000" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    assert f"(default: {CLUSTER_EVERY}," in " ".join(capsys.readouterr().out.split())  # the help says the default


def test_ingest_skips_a_clash_of_given_ids_and_goes_on(
    tmp_path: Path, stand_in: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.db")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text("The bridge reopened.", encoding="utf-8")
    (tmp_path / "b" / "story.txt").write_text("The bridge closed again.", encoding="utf-8")  # a made-up id: no clash
    (tmp_path / "b" / "other.jsonl").write_text(json.dumps({"id": "story", "text": "The ferry runs."}) + "\n")
    assert main(["ingest", str(tmp_path / "a"), str(tmp_path / "b"), "--db", db]) == 1
    out = capsys.readouterr().out
    assert "added 2, already there 0, skipped 1" in out
    assert "article id 'story' is already stored with a different text" in out and "--id, or 'id'" in out


def test_query_commands(tmp_path: Path, stand_in: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(_batch(tmp_path / "in")), "--db", db]) == 0
    capsys.readouterr()

    assert main(["claims", "--db", db, "--about", "ukraine", "--format", "json"]) == 0
    about = json.loads(capsys.readouterr().out)
    assert {c["article"]["id"] for c in about} == {"kyiv-1", "kyiv-2"}  # the Dutch one through its entity
    assert main(["claims", "--db", db, "--speaker", "anna", "--since", "2025-03-10", "--format", "json"]) == 0
    [bos] = json.loads(capsys.readouterr().out)
    assert bos["speaker"] == "Woordvoerder Anna Bos" and bos["text"] == "er geen vertraging was"
    assert bos["said_on"] == "2025-03-12" and bos["content"][0]["start"] >= 0
    assert main(["claims", "--db", db, "--since", "2025-03-13"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "port-1" in lines[0] and "The port of Rotterdam reopened" in lines[0]

    assert main(["claim", str(bos["id"]), "--db", db]) == 0
    shown = capsys.readouterr().out
    assert "Anna Bos" in shown and "not graded" in shown and "kyiv-2 [nl]" in shown
    assert main(["claim", "9999", "--db", db]) == 1
    assert "no claim 9999" in capsys.readouterr().err

    assert main(["grade", "woordvoerder anna bos", "Q", "--db", db]) == 1
    assert "'Q' is not a source grade" in capsys.readouterr().err
    assert main(["grade", "Woordvoerder Anna Bos", "c", "--analyst", "me", "--db", db]) == 0
    assert "Anna Bos: C (fairly reliable) by me" in capsys.readouterr().out  # the source, without `Woordvoerder`
    assert main(["sources", "--db", db, "--format", "json"]) == 0
    sources = {s["name"]: s for s in json.loads(capsys.readouterr().out)}
    assert sources["Anna Bos"]["grade"] == "C" and sources["Anna Bos"]["claims"] == 1
    assert sources["Anna Bos"]["aliases"] == ["Woordvoerder Anna Bos"]
    assert main(["sources", "--db", db]) == 0
    assert re.search(r"1\s+0\s+C\s+Anna Bos  \(person\)  also: Woordvoerder Anna Bos", capsys.readouterr().out)
    assert main(["claim", str(bos["id"]), "--db", db]) == 0
    assert "source grade C (fairly reliable)" in capsys.readouterr().out

    assert main(["claims", "--db", str(tmp_path / "none.db")]) == 1
    assert "no store there" in capsys.readouterr().err

    assert main(["export", "clusters", "--db", db, "--format", "json"]) == 0
    clusters = json.loads(capsys.readouterr().out)
    assert sum(len(k["claims"]) for k in clusters) == 4  # every claim, once
    for k in clusters:
        assert set(k) == {"id", "claims", "origins", "independent", "repeats", "contradictions", "credibility"}
        assert 1 <= k["credibility"] <= 6 and k["independent"] == len(k["origins"])
        for c in k["claims"]:
            assert {"article", "language", "start", "end", "text", "speaker"} <= set(c)
    [home] = [k for k in clusters if any(c["speaker"] == "Anna Bos" for c in k["claims"])]
    assert home["claims"][0]["article"] == "kyiv-2" and home["claims"][0]["language"] == "nl"
    assert main(["claim", str(bos["id"]), "--db", db]) == 0
    shown = capsys.readouterr().out
    assert (
        f"cluster     {home['id']}:" in shown and "credibility" in shown and "source grade, by an analyst: C" in shown
    )
    assert main(["claim", str(bos["id"]), "--db", db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["cluster"]["id"] == home["id"]


def test_store_commands_have_help() -> None:
    parser = build_parser()
    choices = next(a for a in parser._actions if a.dest == "command").choices
    for command in STORE_COMMANDS:
        sub = choices[command.name]
        assert sub.description
        for action in sub._actions:
            assert action.help, f"option {action.dest} of {command.name} has no help text"


# a real kill: SIGKILL during `sayso ingest`, then run it again

ARTICLES = {  # four English articles first, then their Dutch versions: the Dutch model loads mid-run
    "en-1-bridge": (
        "Bridge closed after crack found\n\nThe Van Brienenoord bridge was closed on Tuesday after engineers found "
        'a crack, the transport ministry said. "We take no risks," a spokeswoman told reporters.\n'
    ),
    "en-2-strike": (
        "Train strike called off\n\nUnions called off Friday's train strike after talks overnight, union leader "
        "Mark Peters said on Thursday. About 300,000 travellers would have been affected.\n"
    ),
    "en-3-storm": (
        "Storm leaves thousands without power\n\nAt least 12,000 homes lost power when the storm hit the coast, "
        "the grid operator said. Police said two people were injured.\n"
    ),
    "en-4-budget": (
        "City budget short by 40 million\n\nThe city faces a shortfall of 40 million euros next year, alderman "
        "Sara Koster told the council on Monday, according to local broadcaster RTV Stad.\n"
    ),
    "nl-5-brug": (
        "Brug dicht na scheur\n\nDe Van Brienenoordbrug is dinsdag afgesloten nadat ingenieurs een scheur vonden, "
        'zei het ministerie van Infrastructuur. "We nemen geen risico," zei een woordvoerster.\n'
    ),
    "nl-6-staking": (
        "Treinstaking afgeblazen\n\nDe bonden hebben de staking van vrijdag afgeblazen, zei vakbondsleider Mark "
        "Peters donderdag. Ongeveer 300.000 reizigers zouden zijn getroffen.\n"
    ),
    "nl-7-storm": (
        "Storm treft kust\n\nMinstens 12.000 huishoudens zaten zonder stroom toen de storm de kust bereikte, "
        "meldde de netbeheerder. Volgens de politie raakten twee mensen gewond.\n"
    ),
    "nl-8-begroting": (
        "Gat in begroting\n\nDe stad komt volgend jaar 40 miljoen euro tekort, zei wethouder Sara Koster maandag "
        "tegen de gemeenteraad.\n"
    ),
}


def _stored(db: Path) -> list[tuple[str, str]]:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT id, content_hash FROM articles").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []  # not created yet


@pytest.mark.slow
def test_ingest_killed_and_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "sayso", "ingest", str(folder), "--db", str(db), "--published", "2025-03-14"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not _stored(db) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    committed = len(_stored(db))
    assert 1 <= committed < len(ARTICLES)

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    done = re.search(r"added (\d+), already there (\d+), skipped 0", rerun.stdout)
    assert done and int(done[2]) >= committed and int(done[1]) + int(done[2]) == len(ARTICLES)
    rows = _stored(db)
    assert sorted(name for name, _ in rows) == sorted(ARTICLES)
    assert len({digest for _, digest in rows}) == len(ARTICLES)
    conn = sqlite3.connect(db)
    per_article = dict(conn.execute("SELECT article_id, COUNT(*) FROM claims GROUP BY article_id").fetchall())
    conn.close()
    assert set(per_article) == set(ARTICLES)  # every article has its claims, written with it


# sources as entities: one source, one name, however the articles write it


def _said(
    id: str,
    lines: list[tuple[str, str, str | None]],
    *,
    language: str = "en",
    orgs: tuple[str, ...] = (),
    people: tuple[str, ...] = (),
) -> Analysis:
    """One attributed claim per (source as written, speaker, type): `SOURCE said that something of ID happened.`"""
    cue = "zei" if language == "nl" else "said"
    text = " ".join(f"{source} {cue} that event {k} of {id} happened." for k, (source, _, _) in enumerate(lines))
    attributions, claims, at = [], [], 0
    for source, speaker, kind in lines:
        start = text.index(source, at)
        who = Span.of(text, start, start + len(source))
        content = Span.of(text, text.index("event", who.end), text.index(" happened", who.end))
        at = content.end
        chain = (ChainLink(id, "outlet"), ChainLink(speaker, "speaker", who))
        attributions.append(Attribution("indirect", who, None, (content,), speaker, kind, chain=chain))
        claims.append(Claim((content,), speaker, "indirect", "certain"))
    tagged = [(name, "ORG") for name in orgs] + [(name, "PER") for name in people]
    entities = tuple(
        Entity(m.start(), m.end(), name, label, name)
        for name, label in tagged
        for m in re.finditer(re.escape(name), text)
    )
    article = Article(text=text, id=id, outlet=id, published=date(2025, 3, 1), language=language, origin=id)
    return Analysis(
        article=article,
        language=language,
        attributions=tuple(attributions),
        entities=entities,
        claims=tuple(claims),
        backbone="stand-in",
    )


def _names_of(store: Any) -> dict[str, set[str]]:
    """Source name -> every speaker name as written of its claims."""
    out: dict[str, set[str]] = {}
    for c in store.claims():
        out.setdefault(c.source, set()).add(c.speaker)
    return out


def test_store_sources_one_name_however_written(store_url: str) -> None:
    org, person = "organisation", "person"
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_said("en-1", [("Utrecht-based Veldwacht Security", "Utrecht-based Veldwacht Security", org),
                                 ("researcher Thomas Brouwer", "Thomas Brouwer", person),
                                 ("Israel Defense Forces", "Israel Defense Forces", org)]))  # fmt: skip
        store.add(_said("nl-1", [("beveiligingsbedrijf Veldwacht Security", "beveiligingsbedrijf Veldwacht Security",
                                  org), ("persbureau Bloomberg", "persbureau Bloomberg", "news outlet")],
                        language="nl"))  # fmt: skip
        store.add(_said("en-2", [("Veldwacht", "Veldwacht", org), ("Brouwer", "Brouwer", person),
                                 ("IDF", "IDF", None), ("Bloomberg", "Bloomberg", None)]))  # fmt: skip
        names = _names_of(store)
        assert names == {
            "Veldwacht Security": {
                "Utrecht-based Veldwacht Security",
                "beveiligingsbedrijf Veldwacht Security",
                "Veldwacht",
            },
            "Thomas Brouwer": {"Thomas Brouwer", "Brouwer"},
            "Israel Defense Forces": {"Israel Defense Forces", "IDF"},
            "Bloomberg": {"persbureau Bloomberg", "Bloomberg"},
        }
        rows = {s.name: s for s in store.sources()}
        assert set(rows) == set(names) | {"en-1", "nl-1", "en-2"}  # and the outlets
        assert rows["Veldwacht Security"].claims == 3 and rows["Veldwacht Security"].type == org
        assert set(rows["Veldwacht Security"].aliases) == names["Veldwacht Security"]
        assert store.grade("Brouwer", "B").name == "Thomas Brouwer"  # a grade goes to the source
        assert {c.speaker_grade for c in store.claims(speaker="thomas brouwer")} == {"B"}
        exported = {c["speaker"] for k in store.clusters() for c in cluster_dict(k)["claims"]}
        assert exported == set(names)


def test_store_sources_a_full_name_joins_its_short_form_stored_before(store_url: str) -> None:
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_said("a", [("Brouwer", "Brouwer", "person"), ("Railbeheer", "Railbeheer", None)]))
        store.grade("Brouwer", "C")
        store.add(_said("b", [("Thomas Brouwer", "Thomas Brouwer", "person"),
                              ("Railbeheer Nederland", "Railbeheer Nederland", "organisation")]))  # fmt: skip
        assert _names_of(store) == {
            "Thomas Brouwer": {"Brouwer", "Thomas Brouwer"},
            "Railbeheer Nederland": {"Railbeheer", "Railbeheer Nederland"},
        }
        assert {c.speaker_grade for c in store.claims(speaker="Brouwer")} == {"C"}


def test_store_sources_an_ambiguous_short_form_stays_apart(store_url: str) -> None:
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_said("a", [("Thomas Brouwer", "Thomas Brouwer", "person")]))
        store.add(_said("b", [("Anna Brouwer", "Anna Brouwer", "person")]))
        store.add(_said("c", [("Brouwer", "Brouwer", "person")]))
        store.add(_said("d", [("Anna Brouwer", "Anna Brouwer", "person"), ("Brouwer", "Brouwer", "person")]))
        [c] = [c for c in store.claims() if c.article.id == "c"]
        assert c.source == "Brouwer"  # two Brouwers in the store: which one is not known
        [_, d] = [c for c in store.claims() if c.article.id == "d"]
        assert d.source == "Anna Brouwer"  # the one Brouwer of its own article


def test_store_sources_a_role_the_article_ties_to_a_name(store_url: str) -> None:
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_said("a", [("chief executive Marjolein Terpstra", "Marjolein Terpstra", "person"),
                              ("the company's chief executive", "company's chief executive", "person")]))  # fmt: skip
        store.add(_said("b", [("De groep", "groep", "group"), ("Polar Lynx", "Polar Lynx", "group")],
                        language="nl"))  # fmt: skip
        store.add(_said("c", [("the company", "company", "organisation")]))
        assert _names_of(store) == {
            "Marjolein Terpstra": {"Marjolein Terpstra", "company's chief executive"},
            "Polar Lynx": {"Polar Lynx"},
            "groep": {"groep"},  # the text never ties `groep` to Polar Lynx: nothing is named before it
            "company": {"company"},
        }
        store.add(_said("d", [("hackersgroep Polar Lynx", "Polar Lynx", "group"), ("De groep", "groep", "group")],
                        language="nl"))  # fmt: skip
        [_, groep] = [c for c in store.claims() if c.article.id == "d"]
        assert groep.source == "Polar Lynx"  # `hackersgroep Polar Lynx` ties it


def test_store_sources_a_role_is_the_name_written_last_before_it(store_url: str) -> None:
    org, person = "organisation", "person"
    with open_store(store_url, embedder=_Topics()) as store:
        # `de krant` after `De Standaard`; `the union` after `BAP` (an apposition); a spokeswoman speaks for
        # the organisation named before her, not for the person; `de topman` is the article's CEO
        store.add(_said("a", [("De Standaard", "De Standaard", "news outlet"), ("de krant", "krant", "news outlet"),
                              ("CEO Karel Desmet", "Karel Desmet", person), ("Telvora", "Telvora", org),
                              ("de woordvoerster", "woordvoerster", person), ("de topman", "topman", person)],
                        language="nl"))  # fmt: skip
        store.add(_said("b", [("The union, BAP", "BAP", org), ("The union", "union", org),
                              ("Polar Lynx, a Russian hacker group", "Polar Lynx", "group")]))  # fmt: skip
        # `the people` are the people described before, never the organisation written last (`people` is no
        # organisation's word); `the company` after two companies of its sentence and the one before it is the
        # last one, never the person named after it
        group = "anonymous or generic group"
        store.add(_said("c", [("people familiar with the matter", "people familiar with the matter", group),
                              ("the people", "people", group), ("Shell", "Shell", org), ("BP", "BP", org),
                              ("the company", "company", org), ("Anna Smit", "Anna Smit", person)]))  # fmt: skip
        names = _names_of(store)
        assert names["De Standaard"] == {"De Standaard", "krant"}
        assert names["Telvora"] == {"Telvora", "woordvoerster"}
        assert names["Karel Desmet"] == {"Karel Desmet", "topman"}
        assert names["BAP"] == {"BAP", "union"}
        assert names["people familiar with the matter"] == {"people familiar with the matter", "people"}
        assert names["Shell"] == {"Shell"}
        assert names["BP"] == {"BP", "company"}


def test_store_sources_a_role_another_article_tied_to_a_name_here(store_url: str) -> None:
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_said("a", [("Telvora-topman Karel Desmet", "Karel Desmet", "person")], language="nl"))
        store.add(_said("b", [("Karel Desmet", "Karel Desmet", "person"), ("Tim Wauters", "Tim Wauters", "person"),
                              ("de topman", "topman", "person")], language="nl"))  # fmt: skip
        store.add(_said("c", [("Tim Wauters", "Tim Wauters", "person"), ("de topman", "topman", "person")],
                        language="nl"))  # fmt: skip
        assert {c.article.id: c.source for c in store.claims() if c.speaker == "topman"} == {
            "b": "Karel Desmet",  # both speak in b, and a called him `topman`
            "c": "topman",  # Karel Desmet does not speak in c
        }


def test_store_sources_a_spokesperson_speaks_for_the_organisation(store_url: str) -> None:
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_said("a", [("woordvoerster Els Maertens van Telvora", "Els Maertens", "person"),
                              ("telecomoperator Telvora", "telecomoperator Telvora", "organisation"),
                              ("een woordvoerder van Railbeheer", "woordvoerder van Railbeheer", "person"),
                              ("politiewoordvoerder", "politiewoordvoerder", "person")],
                        language="nl", orgs=("Telvora", "Railbeheer")))  # fmt: skip
        store.add(_said("b", [("Railbeheer spokesperson", "Railbeheer spokesperson", "person"),
                              ("police", "politie", "organisation")]))  # fmt: skip
        assert _names_of(store) == {
            "Telvora": {"Els Maertens", "telecomoperator Telvora"},
            "Railbeheer": {"woordvoerder van Railbeheer", "Railbeheer spokesperson"},
            "politie": {"politiewoordvoerder", "politie"},
        }


def test_store_sources_an_official_speaks_for_the_organisation(store_url: str) -> None:
    org, person = "organisation", "person"
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_said("a", [("chief executive Marieke Dijkhuis", "Marieke Dijkhuis", person)]))
        store.grade("Marieke Dijkhuis", "B")
        store.add(_said("b", [("directeur Marieke Dijkhuis van Vechtdal Rail", "Marieke Dijkhuis van Vechtdal Rail",
                               person), ("de directeur van Vechtdal Rail", "directeur van Vechtdal Rail", person)],
                        language="nl", orgs=("Vechtdal Rail",)))  # fmt: skip
        store.add(_said("c", [("Marieke Dijkhuis", "Marieke Dijkhuis", person), ("the BAP", "BAP", org),
                              ("BAP official Erik Hoogendam", "Erik Hoogendam", person),
                              ("researcher Anna Korhonen of Aalto University", "Anna Korhonen", person),
                              ("Jan Smit, director of Railbeheer", "Jan Smit", person)],
                        orgs=("Aalto University", "Railbeheer", "BAP")))  # fmt: skip
        assert _names_of(store) == {
            # she was stored alone first; the text that calls her its directeur makes her the operator
            "Vechtdal Rail": {"Marieke Dijkhuis", "Marieke Dijkhuis van Vechtdal Rail", "directeur van Vechtdal Rail"},
            "BAP": {"Erik Hoogendam", "BAP"},
            "Anna Korhonen": {"Anna Korhonen"},  # an expert speaks for herself
            "Railbeheer": {"Jan Smit"},  # another organisation's official stays with his own
        }
        rows = {s.name: s for s in store.sources()}
        assert "Marieke Dijkhuis" not in rows and rows["Vechtdal Rail"].grade == "B"  # her grade came along
        assert rows["Anna Korhonen"].affiliation == "Aalto University"
        # a person who already speaks for one organisation stays with it when a text ties her to another
        store.add(_said("d", [("Marieke Dijkhuis, chairwoman of Spoorvereniging", "Marieke Dijkhuis", person)],
                        orgs=("Spoorvereniging",)))  # fmt: skip
        [d] = [c for c in store.claims() if c.article.id == "d"]
        assert d.source == "Vechtdal Rail"


def test_store_sources_an_official_of_a_company_tagged_as_a_person(store_url: str) -> None:
    person = "person"
    with open_store(store_url, embedder=_Topics()) as store:
        # the tagger took the company for a person too: after the official and `van` it is still her company
        store.add(_said("a", [("Directeur Anna de Wit van Rivierbouw", "Anna de Wit", person)], language="nl",
                        people=("Anna de Wit", "Rivierbouw")))  # fmt: skip
        # a person after `a colleague of` is no organisation she speaks for
        store.add(_said("b", [("Maria Lopez, a colleague of Peter Jansen", "Maria Lopez", person)],
                        people=("Maria Lopez", "Peter Jansen")))  # fmt: skip
        assert _names_of(store) == {"Rivierbouw": {"Anna de Wit"}, "Maria Lopez": {"Maria Lopez"}}


def test_store_sources_a_name_also_written_in_lower_case_ties_to_itself_once(store_url: str) -> None:
    # `Nano` as a speaker and `the nano` in the text: read as a role, it ties to the name `Nano` of its own
    # article, which is then resolved as a name (it once recursed without end)
    org = "organisation"
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_said("a", [("Nano", "Nano", org), ("the new nano", "nano", org)], orgs=("Nano",)))
        assert "Nano" in _names_of(store)


def test_store_sources_one_institution_across_languages(store_url: str) -> None:
    gov, org = "government or institution", "organisation"
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_said("en-1", [("Lebanon's health ministry", "Lebanon's health ministry", gov),
                                 ("The Israeli army", "Israeli army", gov),
                                 ("Oosterhof Hospital in Almelo", "Oosterhof Hospital in Almelo", org)]))  # fmt: skip
        ministerie = "Libanese ministerie van Volksgezondheid"
        store.add(_said("nl-1", [(f"het {ministerie}", ministerie, gov),
                                 ("Het Israëlische leger", "Israëlische leger", gov),
                                 ("Het Oosterhof Ziekenhuis in Almelo", "Oosterhof Ziekenhuis in Almelo", org)],
                        language="nl"))  # fmt: skip
        store.add(_said("en-2", [("Lebanon's Ministry of Public Health", "Lebanon's Ministry of Public Health", gov),
                                 ("The Israeli military", "Israeli military", gov),
                                 ("The Israel Defense Forces", "Israel Defense Forces", gov)]))  # fmt: skip
        # apart: another ministry of the same country, another country's army, a ministry of no country
        store.add(_said("en-3", [("Lebanon's finance ministry", "Lebanon's finance ministry", gov),
                                 ("The Lebanese army", "Lebanese army", gov),
                                 ("the health ministry", "health ministry", gov)]))  # fmt: skip
        # a tagger that leaves the place out of the name: the place before it in the text anchors it, and `the
        # ministry` is the one ministry of its article; without a place the name is no country's
        store.add(_said("en-4", [("Lebanon's Ministry of Public Health", "Ministry of Public Health", gov),
                                 ("the ministry", "ministry", gov)]))  # fmt: skip
        store.add(_said("en-5", [("The Ministry of Public Health", "Ministry of Public Health", gov)]))
        names = _names_of(store)
        assert names["Lebanon's health ministry"] == {
            "Lebanon's health ministry",
            "Libanese ministerie van Volksgezondheid",
            "Lebanon's Ministry of Public Health",
            "Ministry of Public Health",
            "ministry",
        }
        assert names["health ministry"] == {"health ministry", "Ministry of Public Health"}  # both of no country
        assert names["Israeli army"] == {
            "Israeli army",
            "Israëlische leger",
            "Israeli military",
            "Israel Defense Forces",
        }
        assert names["Oosterhof Hospital in Almelo"] == {
            "Oosterhof Hospital in Almelo",
            "Oosterhof Ziekenhuis in Almelo",
        }
        for alone in ("Lebanon's finance ministry", "Lebanese army"):
            assert names[alone] == {alone}


def test_store_sources_anonymous_insiders_are_one_group(store_url: str) -> None:
    group = "anonymous or generic group"
    with open_store(store_url, embedder=_Topics()) as store:
        # `the people` and a headline's `People` stand for the one longer description of their article
        store.add(_said("en-1", [("people familiar with the matter", "people familiar with the matter", group),
                                 ("the people", "people", group), ("People", "People", group)]))  # fmt: skip
        store.add(_said("nl-1", [("ingewijden", "ingewijden", group)], language="nl"))  # insiders, in Dutch
        store.add(_said("en-2", [("people", "people", group)]))  # bare people, described nowhere: a group apart
        names = _names_of(store)
        assert names["people familiar with the matter"] == {
            "people familiar with the matter",
            "people",
            "People",
            "ingewijden",
        }
        assert names["people"] == {"people"}


def test_store_sources_headline_hackers_are_the_group_named_in_the_text(store_url: str) -> None:
    group, org = "anonymous or generic group", "organisation"
    with open_store(store_url, embedder=_Topics()) as store:
        # a headline's `Hackers` is a common noun where the text writes `the hackers`: the role of the one group
        # the text names as a hacker group, here in the words it calls itself by
        store.add(_said("en-1", [("Hackers", "Hackers", group),
                                 ("A hacker group calling itself Red Fox", "Red Fox", org),
                                 ("the hackers", "hackers", group)]))  # fmt: skip
        store.add(_said("nl-1", [("Hackers", "Hackers", group),
                                 ("Een hackersgroep die zich Red Fox noemt", "Red Fox", org),
                                 ("de hackers", "hackers", group)], language="nl"))  # fmt: skip
        assert _names_of(store) == {"Red Fox": {"Red Fox", "Hackers", "hackers"}}


def test_store_sources_bare_institution_words_across_languages(store_url: str) -> None:
    gov, org = "government or institution", "organisation"
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_said("nl-1", [("de politie", "politie", gov), ("de veiligheidsregio", "veiligheidsregio", gov),
                                 ("het bedrijf", "bedrijf", org)], language="nl"))  # fmt: skip
        store.add(_said("en-1", [("the company", "company", org), ("Police", "Police", gov),
                                 ("the regional emergency services authority", "regional emergency services authority",
                                  gov)]))  # fmt: skip
        names = _names_of(store)
        assert names["politie"] == {"politie", "Police"}
        assert names["veiligheidsregio"] == {"veiligheidsregio", "regional emergency services authority"}
        # `the company` is whoever its article ties it to, never another article's `bedrijf`
        assert names["bedrijf"] == {"bedrijf"} and names["company"] == {"company"}


def test_store_sources_an_acronym_apposition_is_the_organisation(store_url: str) -> None:
    org = "organisation"
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_said("nl-1", [("de Bond voor Agrarisch Personeel", "Bond voor Agrarisch Personeel", org)],
                        language="nl"))  # fmt: skip
        pgv = "farmers' association, the PGV"
        store.add(_said("en-1", [("the farmworkers' union BAP", "farmworkers' union BAP", org),
                                 (f"a {pgv}", pgv, org)]))  # fmt: skip
        store.add(_said("en-2", [("Pluimveehouders Gelderse Vallei", "Pluimveehouders Gelderse Vallei", org),
                                 ("the farmers' union BVP", "farmers' union BVP", org)]))  # fmt: skip
        names = _names_of(store)
        assert names["Bond voor Agrarisch Personeel"] == {"Bond voor Agrarisch Personeel", "farmworkers' union BAP"}
        assert names["Pluimveehouders Gelderse Vallei"] == {
            "farmers' association, the PGV",
            "Pluimveehouders Gelderse Vallei",
        }
        assert names["BVP"] == {"farmers' union BVP"}  # no source's initials


def test_store_sources_a_role_for_two_organisations_is_each_where_it_is_written(store_url: str) -> None:
    org, person = "organisation", "person"
    with open_store(store_url, embedder=_Topics()) as store:
        # one `the company` after Shell, one after BP (and a person): each is the company written last before it
        store.add(_said("a", [("Shell", "Shell", org), ("the company", "company", org), ("BP", "BP", person),
                              ("Anna Smit", "Anna Smit", person), ("the company", "company", org)],
                        orgs=("Shell", "BP")))  # fmt: skip
        assert [c.source for c in store.claims() if c.speaker == "company"] == ["Shell", "BP"]
        # no organisation before it: the role stays itself
        store.add(_said("b", [("the company", "company", org), ("Anna Smit", "Anna Smit", person)]))
        [b] = [c for c in store.claims() if c.article.id == "b" and c.speaker == "company"]
        assert b.source == "company"


def test_store_sources_a_role_after_a_name_the_store_knows(store_url: str) -> None:
    org, person = "organisation", "person"
    with open_store(store_url, embedder=_Topics()) as store:
        store.add(_said("a", [("Railbeheer Nederland", "Railbeheer Nederland", org),
                              ("Karel Desmet", "Karel Desmet", person)], language="nl"))  # fmt: skip
        # no tagger found the names of b: the role is the organisation the store knows, never a person
        lines = [("Railbeheer Nederland kwam met een ander verhaal. Volgens de spoorbeheerder", "spoorbeheerder", org),
                 ("Karel Desmet kwam niet. Volgens het bedrijf", "bedrijf", org)]  # fmt: skip
        store.add(_said("b", lines, language="nl"))
        by_speaker = {c.speaker: c.source for c in store.claims() if c.article.id == "b"}
        assert by_speaker == {"spoorbeheerder": "Railbeheer Nederland", "bedrijf": "bedrijf"}


def test_store_sources_a_headline_role_with_a_place_is_the_official_the_body_names(store_url: str) -> None:
    org, person = "organisation", "person"
    with open_store(store_url, embedder=_Topics()) as store:
        # `Dutch rail boss` is a role (a place and a person's word), the boss is the chief executive named here
        store.add(_said("a", [("Dutch rail boss", "Dutch rail boss", person),
                              ("chief executive Marieke Dijkhuis", "Marieke Dijkhuis", person)]))  # fmt: skip
        # apart: `Israeli army` is a name; a `health ministry` is not every ministry of its article
        finance = "Lebanon's finance ministry"
        store.add(_said("b", [("Israeli army", "Israeli army", org), (finance, finance, org),
                              ("the health ministry", "health ministry", org)]))  # fmt: skip
        sources = {c.speaker: c.source for c in store.claims()}
        assert sources["Dutch rail boss"] == "Marieke Dijkhuis"
        assert sources["Israeli army"] == "Israeli army" and sources["health ministry"] == "health ministry"


def test_store_sources_migration_0006_keeps_the_sources_stored_before(store_url: str) -> None:
    db = _dialect.connect(store_url, create=True)
    try:
        _migrate.migrate(db, _migrate.available()[:5])
        with db.transaction():
            db.execute(
                "INSERT INTO sources (key, name, type, first_seen) VALUES (?, ?, ?, ?)",
                ("thomas brouwer", "Thomas Brouwer", "person", "2025-01-01T00:00:00+00:00"),
            )
    finally:
        db.close()
    with open_store(store_url, embedder=_Topics()) as store:
        assert store.migrations() == shipped(store_url)
        assert store.grade("thomas BROUWER", "A").aliases == ()
        store.add(_said("a", [("Brouwer", "Brouwer", "person")]))
        [row] = [s for s in store.sources() if s.type == "person"]
        assert (row.name, row.claims, row.grade, row.aliases) == ("Thomas Brouwer", 1, "A", ("Brouwer",))


def test_sources_merge_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    with open_store(db, embedder=_Topics()) as store:
        store.add(_said("a", [("Hanna Meijer", "Hanna Meijer", "person")]))
        store.add(_said("b", [("topvrouw van Hanzezorg", "topvrouw van Hanzezorg", "person")], language="nl"))
        store.grade("topvrouw van Hanzezorg", "D")
    assert main(["sources", "merge", "Hanna Meijer", "topvrouw van hanzezorg", "--db", db]) == 0
    assert capsys.readouterr().out.strip() == "topvrouw van hanzezorg is now Hanna Meijer: 2 claims, grade D"
    assert main(["sources", "--db", db, "--format", "json"]) == 0
    [person, *_] = json.loads(capsys.readouterr().out)
    assert (person["name"], person["claims"], person["grade"]) == ("Hanna Meijer", 2, "D")
    assert person["aliases"] == ["Hanzezorg", "topvrouw van Hanzezorg"]  # the topvrouw speaks for Hanzezorg
    assert main(["export", "clusters", "--db", db, "--format", "json"]) == 0
    speakers = {c["speaker"] for k in json.loads(capsys.readouterr().out) for c in k["claims"]}
    assert speakers == {"Hanna Meijer"}
    assert main(["sources", "merge", "Hanna Meijer", "--db", db]) == 1
    assert "takes two names" in capsys.readouterr().err
    assert main(["sources", "merge", "Hanna Meijer", "topvrouw van Hanzezorg", "--db", db]) == 1
    assert "already one source" in capsys.readouterr().err
    assert main(["sources", "merge", "Hanna Meijer", "Hana Meyer", "--db", db]) == 1
    assert "no source named 'Hana Meyer'" in capsys.readouterr().err
