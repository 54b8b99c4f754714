"""Which files hold articles, by the end of their name, and how to open a compressed one.

| ends with | holds |
|---|---|
| ``.txt``, ``.text``, ``.html``, ``.htm`` | one article (text, or an HTML page) |
| ``.jsonl``, ``.jsonl.gz``, ``.jsonl.bz2`` | one article a line (``sayso.ingest.jsonl``) |
| ``.warc``, ``.warc.gz`` | a web archive: its HTML responses are the articles (``sayso.ingest.warc``) |
"""

from __future__ import annotations

import bz2
import gzip
import zlib
from pathlib import Path
from typing import BinaryIO

PAGE_ENDINGS = (".txt", ".text", ".html", ".htm")
JSONL_ENDINGS = (".jsonl", ".jsonl.gz", ".jsonl.bz2")
WARC_ENDINGS = (".warc", ".warc.gz")
ARTICLE_ENDINGS = (*PAGE_ENDINGS, *JSONL_ENDINGS, *WARC_ENDINGS)
SHOWN_ENDINGS = ", ".join(ARTICLE_ENDINGS)


def kind(path: Path | str) -> str | None:
    """``"page"``, ``"jsonl"`` or ``"warc"`` by the end of the file's name; None for any other file."""
    name = str(path).lower()
    for found, endings in (("jsonl", JSONL_ENDINGS), ("warc", WARC_ENDINGS), ("page", PAGE_ENDINGS)):
        if name.endswith(endings):
            return found
    return None


def stem_of(path: Path) -> str:
    """The file's name without its ending (``news.jsonl.gz`` is ``news``)."""
    name = path.name
    ending = next((e for e in ARTICLE_ENDINGS if name.lower().endswith(e)), path.suffix)
    return name[: len(name) - len(ending)] if ending else name


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when its name ends with ``.gz`` or ``.bz2``."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if name.endswith(".bz2"):
        return bz2.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def broken_archive(path: Path, err: Exception) -> str:
    """Why a compressed file could not be read to its end, and what to do."""
    return (
        f"{path}: the compressed file is damaged or ends early ({type(err).__name__}: {err}); the articles "
        "before that point were read; copy or download the file again (test it with gzip -t or bzip2 -t)"
    )


def count_articles(path: Path) -> int:
    """How many articles a file holds, counted without analysing them (its lines; its HTML responses)."""
    found = kind(path)
    try:
        if found == "jsonl":
            with open_binary(path) as lines:
                return sum(1 for line in lines if line.strip()) or 1
        if found == "warc":
            from sayso.ingest.warc import count_pages

            return count_pages(path) or 1
    except (OSError, EOFError, zlib.error):
        return 1  # read again, and reported, when the articles are read
    return 1
