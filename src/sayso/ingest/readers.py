"""Files, folders, stdin, JSONL batches and web archives to ``Article`` records (``files.py`` lists the kinds).

Broken inputs are yielded as ``Skipped`` records with their reason, so that a
batch reports them and goes on. Ids: see ``sayso.ingest.identity``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sayso.errors import InputError, SaysoError
from sayso.ingest.article import article_from_text
from sayso.ingest.dateline import dateline_date
from sayso.ingest.decode import decode, looks_like_html
from sayso.ingest.files import SHOWN_ENDINGS, kind
from sayso.ingest.identity import RunIds, file_id
from sayso.ingest.jsonl import iter_jsonl
from sayso.options import Options
from sayso.records import Article, Skipped, id_with_hash

_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def article_files(folder: Path) -> list[Path]:
    """The files of articles in a folder and below it, in order of path."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and kind(p) is not None)


def _read_bytes(path: Path, options: Options) -> bytes:
    size = path.stat().st_size
    if size > options.max_bytes:
        raise InputError(
            f"{path}: {size:,} bytes is more than the {options.max_bytes:,} accepted for one article; "
            "split the file or raise the limit with --max-bytes"
        )
    return path.read_bytes()


def _article(text: str, origin: str, base_id: str, options: Options, ids: RunIds, written: date) -> Article:
    """One text or page; a plain text without a given date takes the date of its dateline."""
    published = None if looks_like_html(text) else dateline_date(text, anchor=written)
    article_id = options.article_id or base_id
    article = article_from_text(text, origin=origin, article_id=article_id, options=options, published=published)
    if options.article_id:
        return article
    return replace(article, id=ids.claim(base_id, article.text), id_derived=True)


def _iter_file(path: Path, root: Path | None, options: Options, ids: RunIds) -> Iterator[Article | Skipped]:
    if kind(path) == "jsonl":
        yield from iter_jsonl(path, options)
        return
    if kind(path) == "warc":
        yield from _iter_warc(path, options, ids)
        return
    try:
        text = decode(_read_bytes(path, options), str(path), max_bytes=options.max_bytes)
        written = date.fromtimestamp(path.stat().st_mtime)
        yield _article(text, str(path), file_id(path, root), options, ids, written)
    except SaysoError as err:
        yield Skipped(str(path), str(err))
    except OSError as err:
        yield Skipped(str(path), f"{path}: cannot be read ({err.strerror or err}); check the file and its permissions")


def _iter_warc(path: Path, options: Options, ids: RunIds) -> Iterator[Article | Skipped]:
    try:
        from sayso.ingest.warc import iter_warc
    except ImportError:
        yield Skipped(str(path), f"{path}: reading web archives needs warcio; pip install 'sayso[scale]'")
        return
    yield from iter_warc(path, options, ids)


def _one_article_for_an_id(paths: list[str | Path], options: Options) -> None:
    """``article_id`` names one article: refuse inputs that may hold several."""
    if options.article_id is None:
        return
    several = len(paths) != 1 or Path(paths[0]).is_dir() or kind(paths[0]) in ("jsonl", "warc")
    if several:
        shown = " ".join(str(p) for p in paths)
        raise InputError(
            f"{shown}: --id {options.article_id!r} names one article, but these inputs may hold several; "
            "give one file (or - for stdin), or leave --id out (a JSONL line sets its own 'id')"
        )


def iter_articles(
    paths: Iterable[str | Path], *, options: Options, stdin: BinaryIO | None = None
) -> Iterator[Article | Skipped]:
    """Articles from files, folders (recursively, by suffix), JSONL files and ``-`` (stdin); ``InputError`` when
    ``options.article_id`` is given for more than one article."""
    paths = list(paths)
    _one_article_for_an_id(paths, options)
    ids = RunIds()
    for item in paths:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                text = decode(stream.read(), "stdin", max_bytes=options.max_bytes)
                yield _article(text, "stdin", id_with_hash("stdin", text), options, ids, date.today())
            except SaysoError as err:
                yield Skipped("stdin", str(err))
            continue
        path = Path(item)
        if path.is_dir():
            files = article_files(path)
            if not files:
                yield Skipped(str(path), f"{path}: holds no files of articles ({SHOWN_ENDINGS}); point to them")
            for file in files:
                yield from _iter_file(file, path, options, ids)
        elif path.is_file():
            yield from _iter_file(path, None, options, ids)
        elif _URL.match(str(item)):
            yield Skipped(str(item), f"{item}: sayso does not fetch URLs; save the page and pass the file")
        else:
            yield Skipped(str(path), f"{path}: no such file or folder; check the path")
