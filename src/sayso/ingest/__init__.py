"""Ingest: text, HTML, folders, stdin and JSONL batches become ``Article`` records."""

from sayso.ingest.boilerplate import find_boilerplate
from sayso.ingest.readers import article_from_text, iter_articles, parse_date

__all__ = ["article_from_text", "find_boilerplate", "iter_articles", "parse_date"]
