"""Files, folders, stdin and JSONL batches to ``Article`` records.

Broken inputs are yielded as ``Skipped`` records with their reason, so that a
batch reports them and goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sayso.errors import InputError
from sayso.ingest.boilerplate import find_boilerplate
from sayso.ingest.decode import decode, looks_like_html
from sayso.ingest.html import read_html
from sayso.options import Options
from sayso.records import Article, Skipped

ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl")
JSONL_FIELDS = ("text", "html", "title", "url", "outlet", "published", "language", "id")


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
    raise InputError(f"{origin}: published date {value!r} is not an ISO date; write it as YYYY-MM-DD")


def article_from_text(text: str, *, origin: str, article_id: str, options: Options, **meta: object) -> Article:
    """An ``Article`` from decoded text or HTML; options override the metadata."""
    if looks_like_html(text):
        page = read_html(text, origin)
        text = page.text
        meta = {
            "title": meta.get("title") or page.title,
            "url": meta.get("url") or page.url,
            "outlet": meta.get("outlet") or page.outlet,
            "published": meta.get("published") or page.published,
            "language": meta.get("language"),
        }
    article = Article(
        text=text,
        id=article_id,
        title=meta.get("title"),  # type: ignore[arg-type]
        url=meta.get("url"),  # type: ignore[arg-type]
        outlet=meta.get("outlet"),  # type: ignore[arg-type]
        published=parse_date(meta.get("published"), origin),
        language=meta.get("language"),  # type: ignore[arg-type]
        origin=origin,
        boilerplate=find_boilerplate(text),
    )
    overrides: dict[str, object] = {}
    if options.published:
        overrides["published"] = options.published
    if options.language:
        overrides["language"] = options.language
    return replace(article, **overrides) if overrides else article


def _read_bytes(path: Path, options: Options) -> bytes:
    size = path.stat().st_size
    if size > options.max_bytes and path.suffix != ".jsonl":
        raise InputError(
            f"{path}: {size:,} bytes is more than the {options.max_bytes:,} accepted for one article; "
            "split the file or raise the limit with --max-bytes"
        )
    return path.read_bytes()


def _jsonl_article(line: str, origin: str, fallback_id: str, options: Options) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(
            f"{origin}: not valid JSON ({err.msg} at column {err.colno}); fix or remove the line"
        ) from None
    if not isinstance(record, dict):
        raise InputError(f"{origin}: a JSONL line must be an object with 'text' or 'html'")
    body = record.get("text") or record.get("html")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"{origin}: has no 'text' or 'html' field with content; add one of them")
    if len(body.encode("utf-8")) > options.max_bytes:
        raise InputError(
            f"{origin}: the article is larger than {options.max_bytes:,} bytes; split it or raise --max-bytes"
        )
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    if "html" in record and not record.get("text") and not looks_like_html(body):
        body = f"<html><body>{body}</body></html>"
    meta = {k: record.get(k) for k in JSONL_FIELDS if k not in ("text", "html", "id")}
    return article_from_text(
        body, origin=origin, article_id=str(record.get("id") or fallback_id), options=options, **meta
    )


def _iter_jsonl(path: Path, options: Options) -> Iterator[Article | Skipped]:
    try:
        raw = path.read_bytes()
        text = decode(raw, str(path), max_bytes=max(options.max_bytes, len(raw)))
    except InputError as err:
        yield Skipped(str(path), str(err))
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            yield _jsonl_article(line, origin, f"{path.stem}-{number}", options)
        except InputError as err:
            yield Skipped(origin, str(err))


def _iter_file(path: Path, options: Options) -> Iterator[Article | Skipped]:
    if path.suffix.lower() == ".jsonl":
        yield from _iter_jsonl(path, options)
        return
    try:
        text = decode(_read_bytes(path, options), str(path), max_bytes=options.max_bytes)
        yield article_from_text(text, origin=str(path), article_id=path.stem, options=options)
    except (InputError, OSError) as err:
        yield Skipped(str(path), str(err))


def iter_articles(
    paths: Iterable[str | Path], *, options: Options, stdin: BinaryIO | None = None
) -> Iterator[Article | Skipped]:
    """Articles from files, folders (recursively, by suffix), JSONL files and ``-`` (stdin)."""
    for item in paths:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                text = decode(stream.read(), "stdin", max_bytes=options.max_bytes)
                yield article_from_text(text, origin="stdin", article_id="stdin", options=options)
            except InputError as err:
                yield Skipped("stdin", str(err))
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                yield Skipped(str(path), f"{path}: holds no .txt, .html or .jsonl files; point to the articles")
            for file in files:
                yield from _iter_file(file, options)
        elif path.is_file():
            yield from _iter_file(path, options)
        else:
            yield Skipped(str(path), f"{path}: no such file or folder; check the path")
