"""Clusters that do not depend on ingest order: one batch in any order, and ``Store.recluster`` / ``sayso
recluster`` after incremental runs. Real SQLite and PostgreSQL (``store_url`` of conftest.py), a stand-in
embedder, analyses written by hand."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from _store_helpers import dump
from sayso.cli import main
from sayso.errors import InputError
from sayso.records import Analysis, Article, Attribution, ChainLink, Claim, Quantity, Span
from sayso.shapes import cluster_dict
from sayso.store import Store, open_store

DAY = date(2025, 6, 2)


class _Words:
    """A stand-in embedder: one axis per topic word, so the tests choose which claims are the same."""

    TOPICS = ("ferries", "dyke", "strike")

    def encode(self, texts: list[str]) -> Any:
        return np.array([[float(t in text.lower()) for t in self.TOPICS] + [0.01] for text in texts])


class _Broken(_Words):
    def encode(self, texts: list[str]) -> Any:
        raise RuntimeError("the embedder broke halfway")


def _said(id: str, speaker: str, told: str, number: int | None = None, *, outlet: str = "Delta Post") -> Analysis:
    """An article in which ``speaker`` said ``told`` (with ``number`` ferries in it, when given)."""
    text = f"{speaker} said {told}."
    who, cue = Span.of(text, 0, len(speaker)), Span.of(text, len(speaker) + 1, len(speaker) + 5)
    content = Span.of(text, len(speaker) + 6, len(text) - 1)
    quantities: tuple[Quantity, ...] = ()
    if number is not None:
        at = text.index(str(number))
        quantities = (Quantity(at, at + len(str(number)), str(number), number, unit="ferries"),)
    chain = (ChainLink(outlet, "outlet"), ChainLink(speaker, "speaker", who))
    attribution = Attribution("indirect", who, cue, (content,), speaker, "person", chain=chain, certainty="certain")
    claim = Claim((content,), speaker, "indirect", "certain", quantities=quantities)
    article = Article(text=text, id=id, outlet=outlet, published=DAY, language="en", origin=f"{id}.txt")
    return Analysis(article, "en", (attribution,), quantities, claims=(claim,), backbone="stand-in")


# One claim without a number sits as near to the claim of 12 ferries as to the one of 40; those two never
# share a cluster (their numbers clash). Which of them the first joins was decided by the ingest order.
UNSURE = _said("harbour", "Harbour master Ida Kok", "the ferries stopped sailing on Monday")
TWELVE = _said("union", "Union leader Bas Smit", "12 ferries stopped sailing on Monday", 12, outlet="Zeeland Today")
FORTY = _said("operator", "Operator spokesman Tom Ros", "40 ferries stopped sailing on Monday", 40, outlet="Coast News")
DYKE = _said("dyke", "Water board chair Lies Jong", "the dyke at Vlissingen was repaired in a week")
ARTICLES = [UNSURE, TWELVE, FORTY, DYKE]


def _export(store: Store) -> list[dict[str, Any]]:
    """``sayso export clusters`` with claims named by article and offsets instead of row ids (which follow
    the ingest order), clusters in the order of their first claim."""
    found = [cluster_dict(k) for k in store.clusters()]
    name = {c["id"]: f"{c['article']}@{c['start']}-{c['end']}" for k in found for c in k["claims"]}
    cluster = {k["id"]: sorted(name[c["id"]] for c in k["claims"]) for k in found}
    out = []
    for k in found:
        claims = sorted(({**c, "id": name[c["id"]]} for c in k["claims"]), key=lambda c: c["id"])
        contradictions = [
            {
                **x,
                "a": name[x["a"]],
                "b": name[x["b"]],
                **({"cluster": cluster[x["cluster"]]} if "cluster" in x else {}),
            }
            for x in k["contradictions"]
        ]
        out.append(
            {**k, "id": None, "claims": claims, "repeats": sorted(name[m] for m in k["repeats"])}
            | {"contradictions": sorted(contradictions, key=json.dumps)}
        )
    return sorted(out, key=lambda k: k["claims"][0]["id"])


def _ingest(url: str, analyses: list[Analysis], *, batch: bool) -> list[dict[str, Any]]:
    with open_store(url, embedder=_Words()) as store:
        for analysis in analyses:
            store.add(analysis, cluster=not batch)
        store.cluster()
        return _export(store)


def _keys(url: str) -> list[str]:
    with open_store(url, embedder=_Words()) as store:
        return sorted(key for (key,) in store._db.execute("SELECT key FROM clusters"))


def _stored(store: Store) -> list[tuple[Any, ...]]:
    """The stored clusters by key with their members, without row ids and timestamps."""
    return store._db.execute(
        "SELECT k.key, k.centroid_f32, k.origins, k.independent, k.repeats, k.contradictions, k.credibility, "
        "m.claim_id FROM clusters k JOIN cluster_members m ON m.cluster_id = k.id ORDER BY k.key, m.claim_id"
    )


def _name(analysis: Analysis) -> str:
    """How ``_export`` names the one claim of an article written by ``_said``."""
    (content,) = analysis.claims[0].content
    return f"{analysis.article.id}@{content.start}-{content.end}"


def _mates(export: list[dict[str, Any]]) -> dict[str, list[str]]:
    return {c["id"]: [m["id"] for m in k["claims"]] for k in export for c in k["claims"]}


def test_recluster_one_batch_gives_the_same_clusters_in_any_order(tmp_path: Path) -> None:
    first = _ingest(str(tmp_path / "a.db"), ARTICLES, batch=True)
    other = _ingest(str(tmp_path / "b.db"), [DYKE, FORTY, TWELVE, UNSURE], batch=True)
    assert other == first
    assert _keys(str(tmp_path / "b.db")) == _keys(str(tmp_path / "a.db"))  # keys from content, not row ids
    mates = _mates(first)
    assert len(mates[_name(UNSURE)]) == 2  # the claim without a number joined one of the two numbers
    assert mates[_name(TWELVE)] != mates[_name(FORTY)]  # 12 and 40 ferries: two propositions


def test_one_article_per_ingest_clusters_its_neighbourhood_again(store_url: str, tmp_path: Path) -> None:
    # the claim without a number joins the 40 ferries it meets first; when the 12 arrive, that stored cluster
    # is clustered again with them, as one batch of the four would cluster them
    batch = _ingest(str(tmp_path / "batch.db"), ARTICLES, batch=True)
    trickle = _ingest(store_url, [FORTY, UNSURE, DYKE, TWELVE], batch=False)
    assert _mates(trickle) == _mates(batch)
    assert trickle == batch  # origins, contradictions within and across clusters, credibility too
    assert len(_keys(store_url)) == len(_keys(str(tmp_path / "batch.db")))


def test_a_cluster_clustered_again_keeps_its_key_and_row_with_most_of_its_members(store_url: str) -> None:
    again = _said("dyke-2", "Engineer Rob Wit", "the dyke at Vlissingen was repaired within a week")
    # published the day before: the group's first claim, whose key a new cluster of it would take
    again = replace(again, article=replace(again.article, published=date(2025, 6, 1)))
    with open_store(store_url, embedder=_Words()) as store:
        store.add(DYKE)
        [(first, key)] = store._db.execute("SELECT id, key FROM clusters")
        store.add(again)  # clustered again with the stored claim: one group, the stored cluster's
        assert store._db.execute("SELECT id, key FROM clusters") == [(first, key)]
        assert [len(k.claims) for k in store.clusters()] == [2]
        logged = "SELECT COUNT(*) FROM cluster_changes WHERE cluster_id = ?"
        writes = store._db.execute(logged, (first,))
        store.add(FORTY)  # another topic: a cluster of its own; the dyke cluster is not written again
        assert store._db.execute(logged, (first,)) == writes
        assert store._db.execute("SELECT id, key FROM clusters ORDER BY id")[:1] == [(first, key)]
        assert len(store.clusters()) == 2


def test_recluster_one_article_per_ingest_drifts_until_reclustered(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sayso.store import _cluster

    monkeypatch.setattr(_cluster, "NEIGHBOURHOOD_FLOOR", 0)  # no stored cluster is clustered again: they only grow
    monkeypatch.setattr(_cluster, "NEIGHBOURHOOD_PER_CLAIM", 0)
    batch = _ingest(str(tmp_path / "batch.db"), ARTICLES, batch=True)
    trickle = _ingest(str(tmp_path / "trickle.db"), [FORTY, UNSURE, DYKE, TWELVE], batch=False)
    assert _mates(trickle)[_name(UNSURE)] != _mates(batch)[_name(UNSURE)]  # it joined the first it met
    _ingest(store_url, [TWELVE, DYKE, UNSURE, FORTY], batch=False)
    with open_store(store_url, embedder=_Words()) as store:
        assert store.recluster() == 4
        assert _export(store) == batch
        again = _stored(store)
        assert store.recluster() == 4
        assert _stored(store) == again  # the same rows but for row ids and timestamps
    assert _keys(store_url) == _keys(str(tmp_path / "batch.db"))


def test_recluster_a_claim_beside_two_contradicting_clusters_is_stored(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the untouched one of two clusters that contradict each other had its stored contradiction written again
    from sayso.store import _cluster

    monkeypatch.setattr(_cluster, "NEIGHBOURHOOD_FLOOR", 0)  # no stored cluster is clustered again, as one beyond
    monkeypatch.setattr(_cluster, "NEIGHBOURHOOD_PER_CLAIM", 0)  # a run's reach: it stays as it is
    near = _said("inspection", "Inspector Eva Bos", "the ferries and the dyke were inspected on Friday")
    with open_store(store_url, embedder=_Words()) as store:
        for analysis in ARTICLES:
            store.add(analysis)
        before = [(len(k.claims), len(k.across)) for k in store.clusters()]
        assert store.add(near).added
        after = [(len(k.claims), len(k.across)) for k in store.clusters()]
    assert sorted(before) == [(1, 0), (1, 1), (2, 1)]
    assert sorted(after) == [(1, 0), (1, 1), (3, 1)]  # it joined one, the stored contradiction is kept once


def test_a_cluster_clustered_again_keeps_one_row_of_its_contradiction_with_one_that_stays(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a budget of one stored claim: the run clusters the one-claim cluster of 40 ferries again and leaves the
    # two-claim one of 12 as it is; the contradiction between them was stored before and is found again
    from sayso.store import _cluster

    monkeypatch.setattr(_cluster, "NEIGHBOURHOOD_FLOOR", 0)
    near = _said("inspection", "Inspector Eva Bos", "the ferries and the dyke were inspected on Friday")
    with open_store(store_url, embedder=_Words()) as store:
        for analysis in ARTICLES:
            store.add(analysis)
        assert store.add(near).added
        rows = store._db.execute("SELECT claim_a, claim_b FROM cross_contradictions")
        clusters = {frozenset(c.article.id for c in k.claims) for k in store.clusters()}
    assert len(rows) == 1
    assert frozenset({"harbour", "union"}) in clusters  # beyond the budget: as it was
    assert not any({"union", "operator"} <= c for c in clusters)  # 12 and 40 ferries never share one


def test_recluster_keeps_grades_and_merged_sources(store_url: str) -> None:
    with open_store(store_url, embedder=_Words()) as store:
        for analysis in ARTICLES:
            store.add(analysis)
        store.grade("Harbour master Ida Kok", "B", analyst="test")
        store.merge_sources("Operator spokesman Tom Ros", "Union leader Bas Smit")
        before = dump(store_url)
        sources = store.sources()
        store.recluster()
        assert store.sources() == sources
    after = dump(store_url)
    for table in ("grades", "sources", "source_aliases", "source_keys", "claims", "articles"):
        assert after[table] == before[table]
    assert after["clusters"] != [] and after["cluster_members"] != []


def test_recluster_in_runs_gives_the_same_clusters_in_any_ingest_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sayso.store import _cluster

    near = _said("inspection", "Inspector Eva Bos", "the ferries and the dyke were inspected on Friday")
    runs: list[int] = []
    real = _cluster.cluster_new

    def counted(*args: Any, **kwargs: Any) -> int:
        runs.append(done := real(*args, **kwargs))
        return done

    monkeypatch.setattr(_cluster, "cluster_new", counted)
    stored = []
    for name, order in (("a", [*ARTICLES, near]), ("b", [near, DYKE, FORTY, TWELVE, UNSURE])):
        url = str(tmp_path / f"{name}.db")
        _ingest(url, order, batch=False)
        runs.clear()
        with open_store(url, embedder=_Words()) as store:
            assert store.recluster(every=2) == 5
            stored.append(_export(store))  # claims named by article and place: row ids follow the ingest order
        assert runs == [2, 2, 1, 0]  # runs of two claims, in order of publication, until none waits
    assert stored[0] == stored[1]
    with open_store(str(tmp_path / "a.db"), embedder=_Words()) as store, pytest.raises(InputError, match="0"):
        store.recluster(every=-1)


@pytest.mark.parametrize("every", [0, 2])
def test_recluster_that_fails_leaves_the_clusters_as_they_were(store_url: str, every: int) -> None:
    with open_store(store_url, embedder=_Words()) as store:
        for analysis in ARTICLES:
            store.add(analysis)
    before = dump(store_url)
    with open_store(store_url, embedder=_Broken()) as store, pytest.raises(RuntimeError, match="broke"):
        store.recluster(every=every)
    assert dump(store_url) == before  # one transaction: nothing dropped, nothing half-written


def test_recluster_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from sayso.store import _store

    url = str(tmp_path / "cli.db")
    _ingest(url, [FORTY, UNSURE, TWELVE, DYKE], batch=False)
    real = _store.open_store
    monkeypatch.setattr("sayso.cli.store_commands.open_store", lambda url, **kw: real(url, **kw, embedder=_Words()))
    assert main(["recluster", "--db", url]) == 0
    assert capsys.readouterr().out.strip() == "reclustered 4 claims into 3 clusters"
    with open_store(url, embedder=_Words()) as store:
        assert _export(store) == _ingest(str(tmp_path / "batch.db"), ARTICLES, batch=True)
    assert main(["recluster", "--db", url, "--cluster-every", "1"]) == 0  # one claim a run
    assert capsys.readouterr().out.strip() == "reclustered 4 claims into 3 clusters"
    with pytest.raises(SystemExit):
        main(["recluster", "--db", url, "--cluster-every", "some"])
    assert "not a number of claims" in capsys.readouterr().err
    assert main(["recluster", "--db", str(tmp_path / "missing.db")]) == 1  # no store there: one clear line
    assert "missing.db" in capsys.readouterr().err
