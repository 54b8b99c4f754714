"""Where things go on a drawing: a cluster's appearances on a timeline (SVG coordinates), computed here so that
the template only places them (no inline style, which the Content-Security-Policy forbids)."""

from __future__ import annotations

from datetime import date
from typing import Any

WIDTH, LEFT, RIGHT, ROW = 760, 90, 30, 26


def timeline(appearances: list[dict[str, Any]]) -> dict[str, Any]:
    """Each appearance at its day (``said_on``, else its article's publication date) on one axis, one row per
    language; those without a date in a column of their own at the left."""
    days = {a["id"]: a["said_on"] or a["article"]["published"] for a in appearances}
    known = sorted(date.fromisoformat(d) for d in days.values() if d)
    languages = sorted({a["article"]["language"] for a in appearances})
    first, last = (known[0], known[-1]) if known else (None, None)
    span = max(1, (last - first).days) if first and last else 1
    points = []
    for n, a in enumerate(appearances):
        day = days[a["id"]]
        if day and first:
            x = LEFT + (WIDTH - LEFT - RIGHT) * (date.fromisoformat(day) - first).days / span
        else:
            x = LEFT / 2
        row = languages.index(a["article"]["language"])
        points.append(
            {
                "x": round(x, 1),
                "y": 30 + row * ROW * 2 + (n % 2) * ROW * 0.6,
                "claim": a["id"],
                "day": day or "no date",
                "language": a["article"]["language"],
                "repeat": a.get("repeat", False),
                "label": f"{a['article'].get('outlet') or a['article']['id']}: {a['text'][:80]}",
            }
        )
    rows = [{"language": lang, "y": 30 + i * ROW * 2} for i, lang in enumerate(languages)]
    ticks = [{"x": LEFT, "label": first.isoformat()}] if first else []
    if first and last and last != first:
        ticks.append({"x": WIDTH - RIGHT, "label": last.isoformat()})
    return {"width": WIDTH, "height": 40 + len(languages) * ROW * 2, "points": points, "rows": rows, "ticks": ticks}
