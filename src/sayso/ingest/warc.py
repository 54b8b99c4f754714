"""Web archives (WARC, ISO 28500; ``.warc`` or ``.warc.gz`` as wget, Heritrix or Common Crawl write them).

Every ``response`` record with HTTP status 200 and an HTML content type (and every ``resource`` record of
HTML) is an article, read by the HTML reader (``sayso.ingest.html``). Its URL is the record's
``WARC-Target-URI``; its publication date the page's own, else ``--published``, else the day of the
record's ``WARC-Date`` (the day it was fetched: the page was published on or before it). Its id is the URL
without the scheme (``example.com/news/story``), lengthened with a hash when two texts would share it.
Records of other kinds (requests, metadata, images, redirects, errors) are no articles and are passed over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sayso.errors import InputError, SaysoError
from sayso.ingest.article import article_from_text
from sayso.ingest.files import broken_archive
from sayso.ingest.identity import RunIds
from sayso.options import Options
from sayso.records import ID_MAX_CHARS, Article, Skipped

HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


def _records(path: Path) -> Iterator[Any]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as stream:
        yield from ArchiveIterator(stream)


def _html_record(record: Any) -> bool:
    """A fetched HTML page: a 200 response, or a resource record, of an HTML type."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        content_type = record.http_headers.get_header("Content-Type") or ""
        return bool(status == "200" and content_type.split(";")[0].strip().lower() in HTML_TYPES)
    if record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
        return content_type.split(";")[0].strip().lower() in HTML_TYPES
    return False


def _text(payload: bytes, content_type: str, origin: str, options: Options) -> str:
    """The page as text: in the charset its header or its ``<meta>`` names, else UTF-8, else Windows-1252."""
    if len(payload) > options.max_bytes:
        raise InputError(
            f"{origin}: {len(payload):,} bytes is more than the {options.max_bytes:,} accepted for one article; "
            "raise the limit with --max-bytes"
        )
    named = re.search(r"charset=([\w-]+)", content_type, re.IGNORECASE)
    meta = _CHARSET.search(payload[:4096])
    for charset in (named and named[1], meta and meta[1].decode("ascii", "replace"), "utf-8"):
        if charset:
            try:
                return payload.decode(charset).replace("\r\n", "\n").replace("\r", "\n")
            except (LookupError, UnicodeDecodeError):
                continue
    return payload.decode("cp1252", errors="replace").replace("\r\n", "\n").replace("\r", "\n")


def _crawl_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def url_id(url: str) -> str:
    """An article id from its URL: host and path, without the scheme, a trailing ``/`` or ``index.html``."""
    parts = urlsplit(url)
    path = re.sub(r"(?:/index)?\.html?$|/$", "", parts.path)
    name = f"{parts.netloc}{path}" + (f"?{parts.query}" if parts.query else "")
    return name[-ID_MAX_CHARS:] or "article"


def _origin(record: Any, path: Path) -> str:
    url = record.rec_headers.get_header("WARC-Target-URI")
    return f"{path}:{url}" if url else f"{path}@{record.rec_headers.get_header('WARC-Record-ID')}"


def _article(record: Any, path: Path, options: Options, ids: RunIds) -> Article:
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    origin = _origin(record, path)
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    text = _text(record.content_stream().read(), headers.get_header("Content-Type") or "", origin, options)
    fetched = _crawl_day(record.rec_headers.get_header("WARC-Date"))
    base = options.article_id or url_id(url)
    article = article_from_text(
        text,
        origin=origin,
        article_id=base,
        options=replace(options, published=options.published or fetched),
        url=url or None,
    )
    return article if options.article_id else replace(article, id=ids.claim(base, article.text), id_derived=True)


def iter_warc(path: Path, options: Options, ids: RunIds) -> Iterator[Article | Skipped]:
    """The articles of a WARC file, one per HTML page; a page without article text is skipped alone."""
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        for record in _records(path):
            if not _html_record(record):
                continue
            found += 1
            try:
                yield _article(record, path, options, ids)
            except SaysoError as err:
                yield Skipped(_origin(record, path), str(err))
    except ArchiveLoadFailed as err:
        reason = f"{path}: not a WARC file ({str(err).strip()[:120]}); give a .warc or .warc.gz web archive"
        yield Skipped(str(path), reason if not found else broken_archive(path, err))
        return
    except (OSError, EOFError) as err:
        yield Skipped(str(path), broken_archive(path, err))
        return
    if not found:
        yield Skipped(str(path), f"{path}: holds no HTML pages (200 responses of text/html); nothing to read")


def count_pages(path: Path) -> int:
    """How many HTML pages a WARC file holds (its records are read, not its pages); 0 when it cannot be read."""
    try:
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        return 0  # the reader says what to install
    try:
        return sum(1 for record in _records(path) if _html_record(record))
    except (ArchiveLoadFailed, OSError, EOFError):
        return 0
