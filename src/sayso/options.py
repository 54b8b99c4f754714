"""One object with every setting of an analysis, instead of many keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for reading and analysing articles.

    ``language`` and ``published`` override what the input says;
    ``model`` forces a spaCy pipeline (a package name or a path) instead of
    the best one installed; ``max_bytes`` is the largest input accepted.
    """

    language: str | None = None
    published: date | None = None
    model: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


DEFAULT_OPTIONS = Options()
