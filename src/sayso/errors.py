"""Errors sayso raises. Every message names the input, what is wrong and the fix.

SaysoError
 ├── InputError      an article or file that cannot be read as news text
 ├── LanguageError   a language sayso has no resources or model for
 ├── ModelError      a spaCy pipeline that is missing or broken
 ├── EvaluationError a gold folder that cannot be scored
 ├── StoreError      a claim store that cannot be opened, written or queried as asked
 │    └── StoreUnavailableError  the store itself stopped working (disk full, read-only, server gone):
 │                               a batch stops at once instead of skipping every article that follows
 └── WorkerError     a worker process of a batch stopped (killed, crashed): the batch stops, what it wrote stays

SaysoWarning (a UserWarning: the analysis goes on)
 └── MixedLanguageWarning  a text in more than one language, read in its main one
"""


class SaysoError(Exception):
    """Root of every error sayso raises on purpose."""


class InputError(SaysoError):
    """An input that cannot be read as a news article."""


class LanguageError(SaysoError):
    """A language that sayso does not support (yet)."""


class ModelError(SaysoError):
    """A language model that cannot be loaded."""


class EvaluationError(SaysoError):
    """A gold folder or file that cannot be evaluated."""


class StoreError(SaysoError):
    """A claim store that cannot be opened, written or queried as asked."""


class StoreUnavailableError(StoreError):
    """A store that stopped working (disk full, read-only, locked, gone): not one article's fault; a batch stops."""


class WorkerError(SaysoError):
    """A worker process of a batch that stopped before handing back its work: the batch stops."""


class SaysoWarning(UserWarning):
    """Root of the warnings sayso gives: the analysis goes on, but the reader should know."""


class MixedLanguageWarning(SaysoWarning):
    """A text whose sentences are in more than one language; it is read in its main language."""
