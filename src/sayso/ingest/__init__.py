"""Ingest: text, HTML, folders, stdin and JSONL batches become ``Article`` records."""

from sayso.ingest.article import article_from_text, parse_date
from sayso.ingest.boilerplate import find_boilerplate
from sayso.ingest.readers import iter_articles

__all__ = ["article_from_text", "find_boilerplate", "iter_articles", "parse_date"]
