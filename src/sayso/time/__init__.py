"""Time expressions, normalised TIMEX3-style against the publication date.

    find_times(text, language="nl", published=date(2024, 10, 15)) -> [TimeExpr(...), ...]

Spans include the leading preposition (``op 2 januari``); :func:`without_preposition` gives the
TimeML span (``2 januari``) for exports to TempEval-style formats.
"""

from sayso.time._find import find_times, without_preposition

__all__ = ["find_times", "without_preposition"]
