"""Evaluation: analyse a folder of gold-annotated articles and score the result."""

from sayso.evaluation.runner import check_floors, evaluate_folder, format_table
from sayso.evaluation.scoring import MEASURES, Count, new_counts, score_document

__all__ = ["MEASURES", "Count", "check_floors", "evaluate_folder", "format_table", "new_counts", "score_document"]
