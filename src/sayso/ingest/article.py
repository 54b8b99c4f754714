"""Decoded text or HTML and its metadata to one checked ``Article``."""

from __future__ import annotations

from datetime import date

from sayso.errors import InputError
from sayso.ingest.boilerplate import find_boilerplate
from sayso.ingest.decode import looks_like_html
from sayso.ingest.html import read_html
from sayso.options import Options
from sayso.records import OUTLET_MAX_CHARS, TITLE_MAX_CHARS, URL_MAX_CHARS, Article


def parse_date(value: object, origin: str) -> date | None:
    """An ISO date (``2024-10-15``; a longer timestamp is cut to its date)."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:36] + "...'"
    raise InputError(f"{origin}: published date {shown} is not an ISO date; write it as YYYY-MM-DD")


def _page_field(value: str | None, limit: int) -> str | None:
    """A page's own metadata, cut to the limit: a page is read leniently, a JSONL field is checked."""
    return value[:limit].strip() or None if value else None


def article_from_text(text: str, *, origin: str, article_id: str, options: Options, **meta: object) -> Article:
    """An ``Article`` from decoded text or HTML; options override the metadata, which ``Article`` checks
    (``InputError`` or ``LanguageError`` naming ``origin``)."""
    if looks_like_html(text):
        page = read_html(text, origin)
        text = page.text
        meta = {
            "title": meta.get("title") or _page_field(page.title, TITLE_MAX_CHARS),
            "url": meta.get("url") or (page.url if page.url and len(page.url) <= URL_MAX_CHARS else None),
            "outlet": meta.get("outlet") or _page_field(page.outlet, OUTLET_MAX_CHARS),
            "published": meta.get("published") or page.published,
            "language": meta.get("language"),
        }
    return Article(
        text=text,
        id=article_id,
        title=meta.get("title"),  # type: ignore[arg-type]
        url=meta.get("url"),  # type: ignore[arg-type]
        outlet=meta.get("outlet"),  # type: ignore[arg-type]
        published=options.published or parse_date(meta.get("published"), origin),
        language=options.language or meta.get("language"),  # type: ignore[arg-type]
        origin=origin,
        boilerplate=find_boilerplate(text),
    )
