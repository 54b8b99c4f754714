"""The store read a page at a time (the web workspace's reads) and its word index, in SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from _store_helpers import Topics
from _web_helpers import ARTICLES, add_articles
from sayso.store import _dialect, open_store
from sayso.store._words import words_of


def test_store_browse_reads_articles_clusters_and_sources(store_url: str) -> None:
    with open_store(store_url, embedder=Topics()) as store:
        add_articles(store, ARTICLES)
        assert store.counts()["articles"] == len(ARTICLES)
        pages = store.articles(limit=2) + store.articles(limit=9, offset=2)
        assert sorted(a.id for a in pages) == sorted(a["id"] for a in ARTICLES)  # page after page, each once
        assert pages == sorted(pages, key=lambda a: (a.ingested_at, [-ord(ch) for ch in a.id]), reverse=True)
        assert store.article("port-nos").outlet == "NOS" and store.article("nope") is None  # type: ignore[union-attr]
        claims = store.claims(article="port-reuters")
        clusters = store.clusters_of([c.id for c in claims])
        assert set(clusters) == {c.id for c in claims}
        k = store.cluster_by_id(clusters[claims[0].id])
        assert k is not None and claims[0].id in {c.id for c in k.claims}
        assert store.cluster_by_id(10**12) is None and store.cluster_by_id(2**70) is None
        lind = store.source_named("city engineer bo lind")
        assert lind is not None and store.source(lind.id) == lind
        assert {c.article.id for c in store.source_claims(lind.id)} == {"bridge-ap", "bridge-reuters"}
        assert store.source_outlets(lind.id) == [("AP", 1), ("Reuters", 1)]
        cited = store.source_named("the port authority")
        assert cited is not None and [c.article.id for c in store.source_claims(cited.id)] == ["port-reuters"]
        assert store.source_outlets(cited.id) == [("Reuters", 1)]


def test_store_words_are_indexed_and_searched_whole(store_url: str) -> None:
    with open_store(store_url, embedder=Topics()) as store:
        add_articles(store, ARTICLES)
        bridge = store.claims(words="Bridge")
        assert bridge and all("bridge" in c.text.lower() for c in bridge)
        assert store.claims(words="brid") == []  # whole words, not parts
        both = store.claims(words="bridge antwerp")
        assert both and all({"bridge", "antwerp"} <= words_of(c.text) for c in both)
        assert [c.speaker for c in store.claims(words="akker")] == ["Port spokesman Tim Akker"]  # the speaker's name
        assert {c.article.language for c in store.claims(entity="Rotterdam")} == {"en", "nl"}
        page = store.claims(words="bridge", limit=1)
        assert store.claims(words="bridge", after=page[0].id)[0].id > page[0].id
        assert store.claims(speaker="ella vos", outlet="nos")[0].article.id == "port-nos"
        assert store.claims(words="ships", since=date(2025, 3, 12)) == []


def test_store_claims_stored_before_the_index_get_their_words(store_url: str) -> None:
    with open_store(store_url, embedder=Topics()) as store:
        add_articles(store, ARTICLES[2:3])
    db = _dialect.connect(store_url, create=False)
    with db.transaction():
        db.execute("DELETE FROM claim_words")  # as a store written before migration 0010 has it
    db.close()
    with open_store(store_url, embedder=Topics()) as store:
        assert store.claims(words="bridge") == []
        assert store.index_words() == 2
        assert len(store.claims(words="bridge")) == 2
        assert store.index_words() == 0  # once
