"""One object with every setting of an analysis, instead of many keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sayso.errors import InputError
from sayso.language.detect import language_code

DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for reading and analysing articles.

    ``language`` and ``published`` override what the input says; ``language`` is one of the supported codes
    (``NL``, ``nl-BE`` are read as ``nl``; anything else raises ``LanguageError``); ``model`` forces a spaCy
    pipeline (a package name or a path) instead of the best one installed: the only way a path is ever
    loaded; ``max_bytes`` is the largest input accepted.
    """

    language: str | None = None
    published: date | None = None
    model: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        if self.language is not None:
            object.__setattr__(self, "language", language_code(self.language, "Options(language=...)"))
        if self.published is not None and not isinstance(self.published, date):
            raise InputError("Options(published=...) is not a date; give a datetime.date")
        if self.model is not None and not isinstance(self.model, str):
            raise InputError("Options(model=...) is not text; give a spaCy package name or a path")
        if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int) or self.max_bytes < 1:
            raise InputError(f"Options(max_bytes={self.max_bytes!r}) is no positive number of bytes; give one")


DEFAULT_OPTIONS = Options()
