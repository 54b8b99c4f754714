"""Addresses the pages link to: an article's page (any id, escaped) and an article's own URL (http(s) only)."""

from __future__ import annotations

from urllib.parse import quote, urlsplit


def article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def link_url(url: str | None) -> str | None:
    """An article's address as a link only when it is http(s); anything else (``javascript:``) stays text."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None
