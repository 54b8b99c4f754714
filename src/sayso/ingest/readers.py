"""Files, folders, stdin and JSONL batches to ``Article`` records.

Broken inputs are yielded as ``Skipped`` records with their reason, so that a
batch reports them and goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from sayso.errors import InputError, SaysoError
from sayso.ingest.article import article_from_text
from sayso.ingest.decode import decode
from sayso.ingest.jsonl import iter_jsonl
from sayso.options import Options
from sayso.records import Article, Skipped

ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl")


def _read_bytes(path: Path, options: Options) -> bytes:
    size = path.stat().st_size
    if size > options.max_bytes and path.suffix != ".jsonl":
        raise InputError(
            f"{path}: {size:,} bytes is more than the {options.max_bytes:,} accepted for one article; "
            "split the file or raise the limit with --max-bytes"
        )
    return path.read_bytes()


def _iter_file(path: Path, options: Options) -> Iterator[Article | Skipped]:
    if path.suffix.lower() == ".jsonl":
        yield from iter_jsonl(path, options)
        return
    try:
        text = decode(_read_bytes(path, options), str(path), max_bytes=options.max_bytes)
        yield article_from_text(text, origin=str(path), article_id=path.stem, options=options)
    except SaysoError as err:
        yield Skipped(str(path), str(err))
    except OSError as err:
        yield Skipped(str(path), f"{path}: cannot be read ({err.strerror or err}); check the file and its permissions")


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
            except SaysoError as err:
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
