"""Bytes to text, with a clear refusal for input that is not news text."""

from __future__ import annotations

import codecs

from sayso.errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, origin: str, *, max_bytes: int) -> str:
    """Decode UTF-8 (or BOM-marked UTF-16) input; newlines become ``\\n``.

    Raises ``InputError`` naming ``origin`` for oversized, binary, undecodable
    or empty input.
    """
    if len(data) > max_bytes:
        raise InputError(
            f"{origin}: {len(data):,} bytes is more than the {max_bytes:,} accepted for one article; "
            "split the file or raise the limit with --max-bytes"
        )
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    if encoding == "utf-8" and b"\x00" in data[:8192]:
        raise InputError(f"{origin}: looks like a binary file (it holds NUL bytes); give a text, HTML or JSONL file")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{origin}: is not {encoding.upper()} text (byte {err.start} cannot be decoded); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{origin}: is empty; give an article with text")
    return text


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "<head" in head)
