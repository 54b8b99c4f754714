"""A small store for the export tests, from texts written here: three articles about one lock closure, in
English and Dutch, with a cited origin, numbers that clash, a cell that would start a formula and an
analyst's grade. No model is loaded (the Topics embedder of the store tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from _store_helpers import Topics
from sayso.records import Analysis, Article, Attribution, ChainLink, Claim, Entity, Quantity, Span
from sayso.store import open_store


def _find(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def said(
    text: str,
    *,
    id: str,
    speaker: str,
    content: str,
    certainty: str,
    language: str = "en",
    cited: str | None = None,
    ships: tuple[str, float] | None = None,
    published: date | None = date(2025, 3, 14),
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Analysis:
    """One article whose one claim is ``speaker`` saying ``content`` (both parts of ``text``)."""
    who, what = _find(text, speaker), _find(text, content)
    chain = (
        *((ChainLink(outlet, "outlet"),) if outlet else ()),
        ChainLink(speaker, "speaker", who),
        *((ChainLink(cited, "cited", _find(text, cited)),) if cited else ()),
    )
    quantities = ()
    if ships:
        q = _find(text, ships[0])
        quantities = (Quantity(q.start, q.end, q.text, ships[1], unit="ship"),)
    place = _find(text, "Rotterdam") if "Rotterdam" in text else None
    entities = (Entity(place.start, place.end, place.text, "GPE", "Rotterdam"),) if place else ()
    context = Span.of(text, 0, len(text))
    attribution = Attribution(
        "indirect", who, None, (what,), speaker, "person", chain=chain, certainty=certainty, based_on=()
    )
    claim = Claim((what,), speaker, "indirect", certainty, quantities=quantities, context=context)
    article = Article(text=text, id=id, language=language, published=published, outlet=outlet, url=url, title=title)
    return Analysis(
        article=article,
        language=language,
        attributions=(attribution,),
        quantities=quantities,
        entities=entities,
        claims=(claim,),
        backbone="hand-made",
    )


# The first starts with an emoji (one code point, two UTF-16 units): offsets after it count it once.
TEXTS = {
    "haven-en": said(
        "🚢 Harbour master Wim Kok said 40 ships waited outside Rotterdam, citing the port authority.",
        id="haven-en",
        speaker="Wim Kok",
        content="40 ships waited outside Rotterdam",
        certainty="probable",
        cited="the port authority",
        ships=("40 ships", 40),
        outlet="Havenkrant",
        url="https://example.org/haven-en",
        title="Ships wait at Rotterdam",
    ),
    "haven-nl": said(
        "Wethouder Fleur Dekker zei dat 60 ships bij Rotterdam wachtten.",
        id="haven-nl",
        speaker="Fleur Dekker",
        content="60 ships bij Rotterdam wachtten",
        certainty="certain",
        language="nl",
        ships=("60 ships", 60),
        published=date(2025, 3, 15),
    ),
    "formula": said(
        "Blogger Anna Bos said =HYPERLINK(1) fixed the bridge.",
        id="formula",
        speaker="Anna Bos",
        content="=HYPERLINK(1) fixed the bridge",
        certainty="reported",
        published=None,
    ),
}


def make_store(path: Path) -> str:
    """The three articles, clustered, and Wim Kok graded B by analyst jdv; returns the store's path."""
    with open_store(str(path), embedder=Topics()) as store:
        for analysis in TEXTS.values():
            store.add(analysis)
        store.grade("Wim Kok", "B", analyst="jdv")
    return str(path)
