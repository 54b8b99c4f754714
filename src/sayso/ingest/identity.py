"""Article ids that the reader makes up when the input gives none.

A file is named by its path inside the folder given (``site/a/index.html`` read as ``site`` is ``a/index``) or
by its stem when given itself; stdin by a hash of its text (``stdin-1a2b3c4d``). When two different texts of one
run would get the same id, the later one gets the first eight hex digits of its text's SHA-256 added
(``index-1a2b3c4d``). The same input always gets the same id, so reading a folder again is idempotent.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sayso.records import ID_MAX_CHARS, id_with_hash


def file_id(path: Path, root: Path | None) -> str:
    """A file's id: its path below ``root`` without the suffix, with ``/``; its stem without a root."""
    if root is None:
        name = path.stem
    else:
        name = path.relative_to(root).with_suffix("").as_posix()
    return name[-ID_MAX_CHARS:] or "article"


class RunIds:
    """The ids given out in one run: a made-up id taken by another text is lengthened with a hash."""

    def __init__(self) -> None:
        self._texts: dict[str, bytes] = {}  # id -> the SHA-256 of the text that holds it

    def claim(self, base: str, text: str) -> str:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        chosen = base if self._texts.get(base, digest) == digest else id_with_hash(base, text)
        self._texts.setdefault(chosen, digest)
        return chosen
