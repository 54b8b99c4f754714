"""Calendar arithmetic and TIMEX3 value strings, independent of any language."""

from __future__ import annotations

from datetime import date, timedelta

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day(d: date) -> str:
    return d.isoformat()


def month(year: int, mon: int) -> str:
    return f"{year:04d}-{mon:02d}"


def week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def weekend(d: date) -> str:
    return week(d) + "-WE"


def quarter(year: int, q: int) -> str:
    return f"{year:04d}-Q{q}"


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def shift_month(year: int, mon: int, n: int) -> tuple[int, int]:
    index = year * 12 + (mon - 1) + n
    return index // 12, index % 12 + 1


def shift_quarter(year: int, q: int, n: int) -> tuple[int, int]:
    index = year * 4 + (q - 1) + n
    return index // 4, index % 4 + 1


def safe_date(year: int, mon: int, dom: int) -> date | None:
    """The date, or None when it does not exist (31 June)."""
    if not (1 <= mon <= 12 and 1 <= dom <= 31 and 1 <= year <= 9999):
        return None
    try:
        return date(year, mon, dom)
    except ValueError:  # 29 February in a common year: the only case the checks above let through
        return None


def weekday_near(published: date, weekday: int, future: bool) -> date:
    """The given ISO weekday (1 = Monday) on or before ``published``, or on or after it when ``future``."""
    delta = published.isoweekday() - weekday
    if future:
        return published + timedelta(days=(-delta) % 7)
    return published - timedelta(days=delta % 7)


def year_for_month_day(published: date, mon: int, dom: int, future: bool) -> int:
    """The year of ``dom mon``: the nearest such date not after publication, or not before it when ``future``."""
    this = safe_date(published.year, mon, dom) or safe_date(published.year, mon, 28)
    assert this is not None
    if future:
        return published.year if this >= published else published.year + 1
    return published.year if this <= published else published.year - 1


def year_for_month_day_nearest(published: date, mon: int, dom: int) -> int:
    """The year that puts ``dom mon`` nearest to ``published``, looking a year back and ahead."""
    best = published.year
    best_gap = None
    for year in (published.year - 1, published.year, published.year + 1):
        d = safe_date(year, mon, dom) or safe_date(year, mon, 28)
        assert d is not None
        gap = abs((d - published).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def year_for_month(published: date, mon: int, future: bool) -> int:
    if future:
        return published.year if mon >= published.month else published.year + 1
    return published.year if mon <= published.month else published.year - 1


def season_near(published: date, season: str, n: int) -> str:
    """``n`` = -1 the last such season before publication, 0 this one, +1 the next one.

    A winter is labelled with the year in which it begins (December).
    """
    start = SEASON_START[season]
    if season == "WI":
        if n == 0:
            year = published.year - 1 if published.month < 3 else published.year
        elif n < 0:
            year = published.year - 1 if published.month >= 3 else published.year - 2
        else:
            year = published.year if published.month < 12 else published.year + 1
    elif n == 0:
        year = published.year
    elif n < 0:
        year = published.year if published.month > start + 2 else published.year - 1
    else:
        year = published.year if published.month < start else published.year + 1
    return f"{year:04d}-{season}"


def number(n: float) -> str:
    """1.0 -> '1', 1.5 -> '1.5'."""
    if float(n).is_integer():
        return str(int(n))
    return f"{n:.6g}"


_DURATION = {"Y": ("P", "Y", 1), "M": ("P", "M", 1), "W": ("P", "W", 1), "D": ("P", "D", 1),
             "H": ("PT", "H", 1), "MIN": ("PT", "M", 1), "S": ("PT", "S", 1), "DE": ("P", "Y", 10),
             "CE": ("P", "Y", 100), "Q": ("P", "M", 3), "WE": ("P", "WE", 1)}
_VAGUE_DURATION = {"Y": "PXY", "M": "PXM", "W": "PXW", "D": "PXD", "H": "PTXH", "MIN": "PTXM", "S": "PTXS",
                   "DE": "PXDE", "CE": "PXCE", "Q": "PXM", "WE": "PXWE"}


def duration(n: float | None, unit: str) -> str:
    """A TIMEX3 duration: (3, 'M') -> 'P3M', (1.5, 'Y') -> 'P1.5Y', (None, 'Y') -> 'PXY'."""
    if n is None:
        return _VAGUE_DURATION[unit]
    prefix, code, factor = _DURATION[unit]
    return f"{prefix}{number(n * factor)}{code}"


def shift(published: date, unit: str, n: int) -> str | None:
    """The period ``n`` units away from publication at that unit's granularity (n=-1, 'W' -> last week)."""
    if unit == "Y":
        return f"{published.year + n:04d}"
    if unit == "M":
        return month(*shift_month(published.year, published.month, n))
    if unit == "W":
        return week(published + timedelta(weeks=n))
    if unit == "D":
        return day(published + timedelta(days=n))
    if unit == "Q":
        return quarter(*shift_quarter(*quarter_of(published), n))
    if unit == "WE":
        return weekend(published + timedelta(weeks=n))
    if unit == "DE":
        return f"{(published.year // 10 + n):03d}X"
    if unit == "CE":
        return f"{(published.year // 100 + n):02d}"
    return None


def ago(published: date, unit: str, n: float) -> str | None:
    """The period ``n`` units before publication: (2, 'Y') -> two years ago."""
    whole = int(n)
    if whole != n:
        if unit == "Y":
            return shift(published, "M", -round(n * 12))
        return None
    if unit in ("H", "MIN", "S"):
        return day(published)
    return shift(published, unit, -whole)
