"""Calendar arithmetic and TIMEX3 value strings, independent of any language."""

from __future__ import annotations

from datetime import date

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


def add_days(d: date | None, n: int) -> date | None:
    """``d`` plus ``n`` days, or None outside the calendar (years 1 to 9999)."""
    if d is None:
        return None
    ordinal = d.toordinal() + n
    if not 1 <= ordinal <= date.max.toordinal():
        return None
    return date.fromordinal(ordinal)


def weekday_near(published: date | None, weekday: int, future: bool) -> date | None:
    """The given ISO weekday (1 = Monday) on or before ``published``, or on or after it when ``future``."""
    if published is None:
        return None
    delta = published.isoweekday() - weekday
    return add_days(published, (-delta) % 7 if future else -(delta % 7))


def year_for_month_day(published: date, mon: int, dom: int, future: bool) -> int:
    """The year of ``dom mon``: the nearest such date not after publication, or not before it when ``future``."""
    this = safe_date(published.year, mon, dom) or safe_date(published.year, mon, 28) or published
    if future:
        return published.year if this >= published else published.year + 1
    return published.year if this <= published else published.year - 1


def year_for_month_day_nearest(published: date, mon: int, dom: int) -> int:
    """The year of ``dom mon`` when the text gives no past or future tense: of the date on or before
    publication and the one after it, the nearer (``begint op 19 juli`` in June is this July)."""
    past = year_for_month_day(published, mon, dom, future=False)
    future = year_for_month_day(published, mon, dom, future=True)
    before = safe_date(past, mon, dom) or safe_date(past, mon, 28)
    after = safe_date(future, mon, dom) or safe_date(future, mon, 28)
    if before is None or (after is not None and (after - published).days < (published - before).days):
        return future
    return past


def weekend_near(published: date, future: bool) -> str | None:
    """The weekend of the publication week when it is to come or under way, else the one before it."""
    if future or published.isoweekday() >= 6:
        return weekend(published)
    d = add_days(published, -7)
    return weekend(d) if d else None


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


def season_begun(published: date, season: str) -> str:
    """The last such season that had begun by publication: in a past clause, ``in the summer`` published
    in March is last year's summer; published in July, this one. A winter is labelled with the year in
    which it begins (December)."""
    if season == "WI":
        year = published.year if published.month == 12 else published.year - 1
    else:
        year = published.year if published.month >= SEASON_START[season] else published.year - 1
    return f"{year:04d}-{season}"


def number(n: float) -> str:
    """1.0 -> '1', 1.5 -> '1.5'."""
    if float(n).is_integer():
        return str(int(n))
    return f"{n:.6g}"


_DURATION = {
    "Y": ("P", "Y", 1),
    "M": ("P", "M", 1),
    "W": ("P", "W", 1),
    "D": ("P", "D", 1),
    "H": ("PT", "H", 1),
    "MIN": ("PT", "M", 1),
    "S": ("PT", "S", 1),
    "DE": ("P", "Y", 10),
    "CE": ("P", "Y", 100),
    "Q": ("P", "M", 3),
    "WE": ("P", "WE", 1),
    "QH": ("PT", "M", 15),
}
_VAGUE_DURATION = {
    "Y": "PXY",
    "M": "PXM",
    "W": "PXW",
    "D": "PXD",
    "H": "PTXH",
    "MIN": "PTXM",
    "S": "PTXS",
    "DE": "PXDE",
    "CE": "PXCE",
    "Q": "PXM",
    "WE": "PXWE",
    "QH": "PTXM",
}


def duration(n: float | None, unit: str) -> str:
    """A TIMEX3 duration: (3, 'M') -> 'P3M', (1.5, 'Y') -> 'P1.5Y', (None, 'Y') -> 'PXY'."""
    if n is None:
        return _VAGUE_DURATION[unit]
    prefix, code, factor = _DURATION[unit]
    return f"{prefix}{number(n * factor)}{code}"


def shift(published: date, unit: str, n: int) -> str | None:
    """The period ``n`` units away from publication at that unit's granularity (n=-1, 'W' -> last week)."""
    if unit == "Y":
        return f"{published.year + n:04d}" if 1 <= published.year + n <= 9999 else None
    if unit == "M":
        y, m = shift_month(published.year, published.month, n)
        return month(y, m) if 1 <= y <= 9999 else None
    if unit == "W":
        d = add_days(published, 7 * n)
        return week(d) if d else None
    if unit == "D":
        d = add_days(published, n)
        return day(d) if d else None
    if unit == "Q":
        y, q = shift_quarter(*quarter_of(published), n)
        return quarter(y, q) if 1 <= y <= 9999 else None
    if unit == "WE":
        d = add_days(published, 7 * n)
        return weekend(d) if d else None
    if unit == "DE":
        return f"{(published.year // 10 + n):03d}X" if 0 <= published.year // 10 + n <= 999 else None
    if unit == "CE":
        return f"{(published.year // 100 + n):02d}" if 0 <= published.year // 100 + n <= 99 else None
    return None


def ago(published: date, unit: str, n: float) -> str | None:
    """The period ``n`` units before publication: (2, 'Y') -> two years ago."""
    whole = int(n)
    if whole != n:
        if unit == "Y":
            return shift(published, "M", -round(n * 12))
        return None
    if unit in ("H", "MIN", "S", "QH"):
        return day(published)
    if unit == "W":  # a week ago is a day (TimeML), not last week
        d = add_days(published, -7 * whole)
        return day(d) if d else None
    return shift(published, unit, -whole)
