"""A store for the web tests, built from texts written here without loading a model: each line
``SPEAKER :: CONTENT`` (optionally ``<- CITED``) is an attribution, any other line the article's own claim;
numbers are quantities, ``Monday``/``maandag`` a time, a few place names entities, a ``Read more`` line
boilerplate. The XSS corpus goes in as text, titles, outlets, addresses and source names."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from _store_helpers import Topics
from sayso.options import DEFAULT_OPTIONS, Options
from sayso.records import Analysis, Article, Attribution, ChainLink, Claim, Entity, Quantity, Span, TimeExpr
from sayso.store import Store, open_store

XSS = (
    "<script>alert('script')</script>",
    "<img src=x onerror=alert('img')>",
    "<svg onload=alert('svg')><circle r=5></circle></svg>",
    "javascript:alert('url')",
    '"><script>alert("quote")</script>',
    "'><svg><script>alert('svg-script')</script></svg>",
    "<a href=\"javascript:alert('link')\">click</a>",
    "</textarea><script>alert('textarea')</script>",
    "<iframe src=\"javascript:alert('frame')\"></iframe>",
    "<body onload=alert('body')>",
    "<details open ontoggle=alert('details')>",
    "<math><mi xlink:href=\"javascript:alert('math')\">x</mi></math>",
    "</title><script>alert('title')</script>",
    "<style>*{display:none}</style>",
    "{{ 7*7 }} <b <i unclosed <!--",
)
_PLACES = {"Rotterdam": "Rotterdam", "Oekraïne": "Ukraine", "Ukraine": "Ukraine", "Antwerp": "Antwerp"}
_LINE = re.compile(r"^(?P<speaker>.+?) :: (?P<content>.+?)(?: <- (?P<cited>.+))?$")


def _spans(text: str, start: int, pattern: str, line: str) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(pattern, line)]


def written(article: Article, *, options: Options = DEFAULT_OPTIONS) -> Analysis:
    """The analysis of a text written in the form above."""
    text = article.text
    quantities = tuple(Quantity(s, e, text[s:e], float(text[s:e])) for s, e in _spans(text, 0, r"\b\d+\b", text))
    times = tuple(TimeExpr(s, e, text[s:e], "2025-03-10") for s, e in _spans(text, 0, r"\b(?:Monday|maandag)\b", text))
    entities = tuple(
        Entity(s, e, text[s:e], "GPE", _PLACES[text[s:e]]) for s, e in _spans(text, 0, "|".join(_PLACES), text)
    )
    boilerplate = tuple(Span.of(text, m.start(), m.end()) for m in re.finditer(r"(?m)^Read more.*$", text))
    attributions: list[Attribution] = []
    claims: list[Claim] = []
    outlet = article.outlet or "unknown outlet"
    for line in re.finditer(r"[^\n]+", text):
        if line.group().startswith("Read more"):
            continue
        found = _LINE.match(line.group())
        inside = [q for q in quantities if line.start() <= q.start < line.end()]
        when = [t for t in times if line.start() <= t.start < line.end()]
        if found is None:
            whole = Span.of(text, line.start(), line.end())
            claims.append(Claim((whole,), None, "assertion", "certain", quantities=tuple(inside), context=whole))
            continue
        at = line.start()
        who = Span.of(text, at + found.start("speaker"), at + found.end("speaker"))
        cue = Span.of(text, at + found.end("speaker") + 1, at + found.end("speaker") + 3)
        content = Span.of(text, at + found.start("content"), at + found.end("content"))
        chain = [ChainLink(outlet, "outlet"), ChainLink(found["speaker"], "speaker", who)]
        if found["cited"]:
            chain.append(
                ChainLink(found["cited"], "cited", Span.of(text, at + found.start("cited"), at + found.end("cited")))
            )
        hedged = "may" in content.text or "zou" in content.text
        certainty = "possible" if hedged else "certain"
        attributions.append(
            Attribution(
                "indirect",
                who,
                cue,
                (content,),
                found["speaker"],
                "person",
                chain=tuple(chain),
                said_at=when[0].value if when else None,
                certainty=certainty,
            )
        )
        claims.append(
            Claim(
                (content,),
                found["speaker"],
                "indirect",
                certainty,
                polarity="negative" if " not " in content.text else "positive",
                quantities=tuple(inside),
                times=tuple(when),
                said_at=when[0].value if when else None,
                context=Span.of(text, line.start(), line.end()),
            )
        )
    language = options.language or article.language or "en"
    return Analysis(
        article=replace(article, language=language, boilerplate=boilerplate),
        language=language,
        attributions=tuple(attributions),
        quantities=quantities,
        times=times,
        entities=entities,
        claims=tuple(claims),
        backbone="written",
    )


ARTICLES: tuple[dict[str, Any], ...] = (
    {
        "id": "port-reuters",
        "title": "Ships wait off Rotterdam after cyber attack",
        "outlet": "Reuters",
        "url": "https://example.org/port",
        "published": "2025-03-11",
        "language": "en",
        "text": "Ships wait off Rotterdam after a cyber attack on the port on Monday.\n"
        "Harbour master Ella Vos :: 60 ships were waiting off the coast on Monday\n"
        "Port spokesman Tim Akker :: the ships may sail again within 2 days <- the port authority\n"
        "Read more: ten tips for a sunny weekend",
    },
    {
        "id": "port-nos",
        "title": "Schepen wachten voor Rotterdam",
        "outlet": "NOS",
        "published": "2025-03-12",
        "language": "nl",
        "text": "Havenmeester Ella Vos :: 40 ships wachtten maandag voor de kust van Rotterdam\nDe haven is dicht.",
    },
    {
        "id": "bridge-ap",
        "title": "Bridge closed in Antwerp",
        "outlet": "AP",
        "published": "2025-03-13",
        "language": "en",
        "text": "City engineer Bo Lind :: the bridge in Antwerp stays closed for 3 weeks\n"
        "Mayor Ann Smet :: the bridge is not safe <- the engineers' report",
    },
    {
        "id": "bridge-reuters",
        "title": "Antwerp bridge shut",
        "outlet": "Reuters",
        "published": "2025-03-14",
        "language": "en",
        "text": "City engineer Bo Lind :: the bridge will be shut for 3 weeks in Antwerp",
    },
)


def xss_articles() -> list[dict[str, Any]]:
    """One article per payload: in its text, title, outlet, address and as a speaker and a cited source."""
    return [
        {
            "id": f"xss-{n}",
            "title": payload,
            "outlet": payload[:200],
            "url": payload if n % 2 else f"javascript:alert('url{n}')",
            "published": "2025-03-15",
            "language": "en",
            "text": f"{payload} :: the jets {payload} flew 3 times <- {payload}\n{payload}\nThe jets landed.",
        }
        for n, payload in enumerate(XSS)
    ]


def add_articles(store: Store, articles: list[dict[str, Any]] | tuple[dict[str, Any], ...]) -> None:
    from datetime import date

    for a in articles:
        article = Article(
            text=a["text"],
            id=a["id"],
            title=a.get("title"),
            url=a.get("url"),
            outlet=a.get("outlet"),
            published=date.fromisoformat(a["published"]) if a.get("published") else None,
            language=a.get("language"),
            origin=f"test:{a['id']}",
        )
        store.add(written(article), cluster=False)
    store.cluster()


def build_store(path: Path, *, xss: bool = True) -> str:
    """A SQLite store with the articles above (and the XSS corpus), clustered by topic; its URL."""
    url = str(path)
    with open_store(url, embedder=Topics()) as store:
        add_articles(store, ARTICLES)
        if xss:
            add_articles(store, xss_articles())
    return url
