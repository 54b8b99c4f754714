"""sayso: on whose say-so? Who claims what in news, through which words, how sure,
with which numbers and dates.

The names below are imported on first use (``sayso.analyze`` loads spaCy; ``import sayso`` does not)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Attribution",
    "Claim",
    "Entity",
    "EvaluationError",
    "InputError",
    "LanguageError",
    "ModelError",
    "Options",
    "Quantity",
    "SaysoError",
    "Skipped",
    "Span",
    "StoreError",
    "TimeExpr",
    "__version__",
    "analysis_to_dict",
    "analyze",
    "iter_articles",
]

_HOMES = {
    **dict.fromkeys(
        ("EvaluationError", "InputError", "LanguageError", "ModelError", "SaysoError", "StoreError"), "errors"
    ),
    **dict.fromkeys(
        ("Analysis", "Article", "Attribution", "Claim", "Entity", "Quantity", "Skipped", "Span", "TimeExpr"),
        "records",
    ),
    "Options": "options",
    "analyze": "pipeline",
    "iter_articles": "ingest",
    "analysis_to_dict": "serialize",
}

if TYPE_CHECKING:
    from sayso.errors import EvaluationError, InputError, LanguageError, ModelError, SaysoError, StoreError
    from sayso.ingest import iter_articles
    from sayso.options import Options
    from sayso.pipeline import analyze
    from sayso.records import Analysis, Article, Attribution, Claim, Entity, Quantity, Skipped, Span, TimeExpr
    from sayso.serialize import analysis_to_dict


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'sayso' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"sayso.{_HOMES[name]}"), name)
    globals()[name] = value  # found once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
