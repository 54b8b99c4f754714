"""The publication date of a plain text, read from its dateline (``March 01, 2008``,
``AMSTERDAM, 14 maart (ANP) -``) with the time module's own reading of dates."""

from __future__ import annotations

import re
from datetime import date

from sayso.language.resources import supported_languages

DATELINE_LINES = 3  # a dateline is on one of the first lines: after a title at most
WORDS_BEFORE_MAX = 3  # `AMSTERDAM,`, `Published on`, `Den Haag,`; more is a sentence that mentions a date
_FULL_DAY = re.compile(r"(\d{4}|XXXX)-(\d{2})-(\d{2})")
# what may follow the date on a dateline: nothing, an agency in brackets, a dash, a clock time
_AFTER = re.compile(r"\s*(?:$|[(\-–—|,:·•/]|\d)")


def _head(text: str) -> str:
    return "\n".join([line for line in text.split("\n") if line.strip()][:DATELINE_LINES])


def dateline_date(text: str, *, anchor: date) -> date | None:
    """The day written on a dateline near the start of ``text`` (a day and a month by name or number), or None.
    A dateline without a year (``14 maart``) takes the last such day on or before ``anchor`` (the file's
    modification date); a date after ``anchor`` is no publication date."""
    from sayso.time import find_times
    from sayso.time._calendar import safe_date, year_for_month_day

    head = _head(text)
    for language in supported_languages():
        for t in find_times(head, language=language, published=None):
            day = _FULL_DAY.fullmatch(t.value)
            line_start = head.rfind("\n", 0, t.start) + 1
            line_end = head.find("\n", t.end)
            after = head[t.end : line_end if line_end >= 0 else len(head)]
            if day is None or len(head[line_start : t.start].split()) > WORDS_BEFORE_MAX or not _AFTER.match(after):
                continue
            mon, dom = int(day[2]), int(day[3])
            year = int(day[1]) if day[1] != "XXXX" else year_for_month_day(anchor, mon, dom, future=False)
            found = safe_date(year, mon, dom)
            return found if found is not None and found <= anchor else None
    return None
