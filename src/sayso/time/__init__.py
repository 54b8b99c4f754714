"""Time expressions, normalised TIMEX3-style against the publication date.

    find_times(text, language="nl", published=date(2024, 10, 15)) -> [TimeExpr(...), ...]
"""

from sayso.time._find import find_times

__all__ = ["find_times"]
