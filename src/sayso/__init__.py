"""sayso: on whose say-so? Who claims what in news, through which words, how sure,
with which numbers and dates."""

from sayso.errors import EvaluationError, InputError, LanguageError, ModelError, SaysoError, StoreError
from sayso.ingest import iter_articles
from sayso.options import Options
from sayso.pipeline import analyze
from sayso.records import Analysis, Article, Attribution, Claim, Entity, Quantity, Skipped, Span, TimeExpr
from sayso.serialize import analysis_to_dict

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
