"""Decoded text or HTML and its metadata to one checked ``Article``."""

from __future__ import annotations

from datetime import date

from sayso.errors import InputError
from sayso.ingest.boilerplate import find_boilerplate
from sayso.ingest.decode import looks_like_html
from sayso.options import FILLED_IN, Options
from sayso.records import OUTLET_MAX_CHARS, TITLE_MAX_CHARS, URL_MAX_CHARS, Article, iso_date, kind_of


def parse_date(value: object, origin: str) -> date | None:
    """An ISO date (``2024-10-15``; a longer timestamp is cut to its date); ``InputError`` naming ``origin``
    for one that is not ISO or does not exist (``2025-02-30``)."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return iso_date(value, f"{origin}: published date")
    raise InputError(f"{origin}: published date is {kind_of(value)}, not an ISO date; write it as YYYY-MM-DD")


def _page_field(value: str | None, limit: int) -> str | None:
    """A page's own metadata, cut to the limit: a page is read leniently, a JSONL field is checked."""
    return value[:limit].strip() or None if value else None


def _filled_in(own: object, given: object) -> object:
    """The article's own value, else the given one (``Options.overruled`` tells where they differ)."""
    return given if own in (None, "") else own


def article_from_text(
    text: str, *, origin: str, article_id: str, options: Options, id_derived: bool = False, **meta: object
) -> Article:
    """An ``Article`` from decoded text or HTML; the metadata of the input (``meta`` or the page's own) wins
    over the title, url, outlet and published date of ``options``, which fill in. ``Article`` checks them
    (``InputError`` or ``LanguageError`` naming ``origin``)."""
    if looks_like_html(text):
        from sayso.ingest.html import read_html  # trafilatura takes 0.3-0.4 s to import: only pages need it

        page = read_html(text, origin)
        text = page.text
        meta = {
            "title": meta.get("title") or _page_field(page.title, TITLE_MAX_CHARS),
            "url": meta.get("url") or (page.url if page.url and len(page.url) <= URL_MAX_CHARS else None),
            "outlet": meta.get("outlet") or _page_field(page.outlet, OUTLET_MAX_CHARS),
            "published": meta.get("published") or page.published,
            "language": meta.get("language"),
        }
    meta["published"] = parse_date(meta.get("published"), origin)
    filled = {name: _filled_in(meta.get(name), getattr(options, name)) for name in FILLED_IN}
    return Article(
        text=text,
        id=article_id,
        title=filled["title"],  # type: ignore[arg-type]
        url=filled["url"],  # type: ignore[arg-type]
        outlet=filled["outlet"],  # type: ignore[arg-type]
        published=filled["published"],  # type: ignore[arg-type]
        language=options.language or meta.get("language"),  # type: ignore[arg-type]
        origin=origin,
        boilerplate=find_boilerplate(text),
        id_derived=id_derived,
    )
