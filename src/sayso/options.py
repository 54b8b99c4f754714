"""One object with every setting of an analysis, instead of many keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sayso.errors import InputError
from sayso.language.detect import language_code
from sayso.records import Article, iso_date

DEFAULT_MAX_BYTES = 5_000_000
_METADATA = ("article_id", "title", "outlet", "url")
FILLED_IN = ("title", "url", "outlet", "published")  # the article's own value wins; these fill in the rest


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for reading and analysing articles.

    ``language`` overrides what the input says; ``language`` is one of the supported codes (``NL``, ``nl-BE``
    are read as ``nl``; anything else raises ``LanguageError``). ``published``, ``title``, ``outlet`` and ``url``
    fill in what an article does not say itself: an article's own date or title (HTML meta, a JSONL field, a
    dateline) wins, and ``overruled`` says where the two differ. ``article_id`` is the exact id of the one
    article read (several inputs with one id are refused). ``model`` forces a spaCy pipeline (a package name or
    a path) instead of the best one installed: the only way a path is ever loaded; ``max_bytes`` is the largest
    input accepted.
    """

    language: str | None = None
    published: date | None = None
    model: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    article_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if self.language is not None:
            object.__setattr__(self, "language", language_code(self.language, "Options(language=...)"))
        if isinstance(self.published, str):
            object.__setattr__(self, "published", iso_date(self.published, "Options(published=...):"))
        if self.published is not None and not isinstance(self.published, date):
            raise InputError("Options(published=...) is not a date; give a datetime.date or YYYY-MM-DD")
        if self.model is not None and not isinstance(self.model, str):
            raise InputError("Options(model=...) is not text; give a spaCy package name or a path")
        if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int) or self.max_bytes < 1:
            raise InputError(f"Options(max_bytes={self.max_bytes!r}) is no positive number of bytes; give one")
        for name in _METADATA:
            value = getattr(self, name)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise InputError(f"Options({name}={value!r}) is no text; give a non-empty string or leave it out")

    def overruled(self, article: Article) -> tuple[str, ...]:
        """One sentence for each value given here that ``article``'s own value overrules (a warning)."""
        where = article.origin or article.id or "the article"
        return tuple(
            f"{where}: the article's own {name} ({own}) is kept over the given {given}, "
            "which fills in only for articles without one"
            for name in FILLED_IN
            if (own := getattr(article, name)) is not None
            and (given := getattr(self, name)) is not None
            and own != given
        )


DEFAULT_OPTIONS = Options()
