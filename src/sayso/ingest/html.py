"""HTML pages to article text and metadata, with trafilatura, minus page furniture."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

import lxml.html
import trafilatura

from sayso.errors import InputError

# class or id fragments of page furniture that trafilatura may keep inside the article body
_FURNITURE = re.compile(
    r"(related|lees-?ook|read-?more|readmore|teaser|share|social|newsletter|promo|recommend|advert|"
    r"inline-?link|more-?on|also-?read|breadcrumb|byline-?share|subscribe)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    published: date | None
    outlet: str | None
    url: str | None
    language: str | None


def _root(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _site_name(root: lxml.html.HtmlElement | None) -> str | None:
    """The outlet a page names itself (``og:site_name``), before the host name trafilatura falls back to."""
    if root is None:
        return None
    names = root.xpath("//meta[@property='og:site_name' or @name='og:site_name']/@content")
    return next((str(n).strip() for n in names if str(n).strip()), None)


def _strip_furniture(html: str, root: lxml.html.HtmlElement | None) -> str:
    if root is None:
        return html
    for el in root.xpath("//aside | //nav | //footer | //*[@class or @id]"):
        if el.tag in ("html", "body", "main", "article"):
            continue
        marker = f"{el.get('class', '')} {el.get('id', '')}"
        if el.tag in ("aside", "nav", "footer") or _FURNITURE.search(marker):
            parent = el.getparent()
            if parent is not None:
                parent.remove(el)
    return lxml.html.tostring(root, encoding="unicode")


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_html(html: str, origin: str) -> Page:
    """Main text and metadata of an HTML page; ``InputError`` when it has no article text."""
    root = _root(html)
    outlet = _site_name(root)
    extracted = trafilatura.extract(
        _strip_furniture(html, root),
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if not extracted:
        raise InputError(f"{origin}: no article text found in this HTML page; give the article's own page or its text")
    data = json.loads(extracted)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(f"{origin}: no article text found in this HTML page; give the article's own page or its text")
    return Page(
        text=text,
        title=data.get("title") or None,
        published=_iso_date(data.get("date")),
        outlet=outlet or data.get("sitename") or data.get("hostname") or None,
        url=data.get("source") or None,
        language=data.get("language") or None,
    )
