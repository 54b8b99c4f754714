"""Evaluation: analyse a folder of gold-annotated articles and score the result."""

from sayso.evaluation.runner import (
    GoldArticle,
    check_floors,
    evaluate_by_language,
    evaluate_folder,
    format_table,
    gold_articles,
)
from sayso.evaluation.scoring import MEASURES, Count, new_counts, score_document

__all__ = [
    "MEASURES",
    "Count",
    "GoldArticle",
    "check_floors",
    "evaluate_by_language",
    "evaluate_folder",
    "format_table",
    "gold_articles",
    "new_counts",
    "score_document",
]
