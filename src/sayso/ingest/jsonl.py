"""JSONL batches: one article a line, each line checked on its own.

A line is a JSON object with ``text`` or ``html`` (a string) and optionally ``id`` (a string or a whole
number), ``title``, ``url``, ``outlet`` (strings within ``sayso.records``' limits), ``published`` (an ISO date
string) and ``language`` (a supported code). Other keys are ignored. A line that breaks a rule, is not JSON
or holds bytes that are not UTF-8 becomes a ``Skipped`` record naming ``file:line``; the file goes on.
"""

from __future__ import annotations

import codecs
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from sayso.errors import InputError, SaysoError
from sayso.ingest.article import article_from_text
from sayso.ingest.decode import decode, looks_like_html
from sayso.ingest.files import broken_archive, open_binary, stem_of
from sayso.options import Options
from sayso.records import ID_MAX_CHARS, Article, Skipped, kind_of

METADATA = ("title", "url", "outlet", "published", "language")


def _body(record: dict[str, object], origin: str, options: Options) -> str:
    for key in ("text", "html"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{origin}: '{key}' is {kind_of(value)}, not text; give the article as a string")
    text, html = record.get("text"), record.get("html")
    body = text if isinstance(text, str) and text.strip() else html
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"{origin}: has no 'text' or 'html' field with content; add one of them")
    if len(body.encode("utf-8", "surrogatepass")) > options.max_bytes:
        raise InputError(
            f"{origin}: the article is larger than {options.max_bytes:,} bytes; split it or raise --max-bytes"
        )
    if body is html and not looks_like_html(body):
        body = f"<html><body>{body}</body></html>"
    return body.replace("\r\n", "\n").replace("\r", "\n")


def _id(value: object, origin: str, fallback: str) -> str:
    if value is None or value == "":
        return fallback
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InputError(f"{origin}: 'id' is {kind_of(value)}; give a string or a whole number")
    if len(value) > ID_MAX_CHARS:
        raise InputError(f"{origin}: 'id' is {len(value):,} characters long, more than the {ID_MAX_CHARS} accepted")
    return value


def jsonl_article(line: str, origin: str, fallback_id: str, options: Options) -> Article:
    """The ``Article`` of one JSONL line; ``InputError`` or ``LanguageError`` naming ``origin`` when it breaks a
    rule of the module's docstring."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(
            f"{origin}: not valid JSON ({err.msg} at column {err.colno}); fix or remove the line"
        ) from None
    except RecursionError:
        raise InputError(f"{origin}: JSON nested too deeply; give one flat object a line") from None
    if not isinstance(record, dict):
        raise InputError(f"{origin}: a JSONL line must be an object with 'text' or 'html', not {kind_of(record)}")
    body = _body(record, origin, options)
    meta = {k: record.get(k) for k in METADATA}
    for key in ("title", "url", "outlet"):  # present but empty is absent
        if meta[key] == "":
            meta[key] = None
    article_id = _id(record.get("id"), origin, fallback_id)
    return article_from_text(
        body, origin=origin, article_id=article_id, options=options, id_derived=article_id == fallback_id, **meta
    )


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with open_binary(path) as stream:
        yield from enumerate(stream, start=1)


def iter_jsonl(path: Path, options: Options) -> Iterator[Article | Skipped]:
    """The articles of a JSONL file, line by line; a broken line is skipped alone."""
    try:
        with open_binary(path) as stream:
            head = stream.read(8192)
    except (EOFError, zlib.error) as err:  # a compressed file damaged at its start
        yield Skipped(str(path), broken_archive(path, err))
        return
    except OSError as err:
        reason = str(err) if path.name.lower().endswith((".gz", ".bz2")) else err.strerror or err
        yield Skipped(
            str(path), f"{path}: cannot be read ({reason}); check the file (gzip -t, bzip2 -t) and its permissions"
        )
        return
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        try:  # UTF-16 (rare): decoded whole; NUL bytes: a binary file, refused whole
            with open_binary(path) as stream:
                whole = stream.read()
            text = decode(whole, str(path), max_bytes=max(options.max_bytes, len(whole)))
        except InputError as err:
            yield Skipped(str(path), str(err))
            return
        numbered: Iterator[tuple[int, bytes]] = (
            (n, line.encode("utf-8", "surrogatepass")) for n, line in enumerate(text.split("\n"), start=1)
        )
    else:
        numbered = _lines(path)
    try:
        yield from _articles(path, numbered, options)
    except (OSError, EOFError, zlib.error) as err:  # a compressed file that ends early or is damaged
        yield Skipped(str(path), broken_archive(path, err))


def _articles(path: Path, numbered: Iterator[tuple[int, bytes]], options: Options) -> Iterator[Article | Skipped]:
    found = False
    stem = stem_of(path)
    for number, raw in numbered:
        origin = f"{path}:{number}"
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        found = True
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield Skipped(
                origin,
                f"{origin}: is not UTF-8 text (byte {err.start + 1} of the line cannot be decoded); "
                "convert the file first, e.g. iconv -f latin1 -t utf-8",
            )
            continue
        try:
            yield jsonl_article(line, origin, f"{stem}-{number}", options)
        except SaysoError as err:
            yield Skipped(origin, str(err))
    if not found:
        yield Skipped(str(path), f"{path}: holds no articles; give one JSON object a line")
