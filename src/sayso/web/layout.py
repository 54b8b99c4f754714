"""Where things go on a drawing: a cluster's appearances on a timeline (SVG coordinates), computed here so that
the template only places them (no inline style, which the Content-Security-Policy forbids)."""

from __future__ import annotations

from datetime import date
from typing import Any

WIDTH, LEFT, RIGHT, ROW, TOP, GAP, MAX_STACK = 760, 90, 40, 18, 24, 22, 8


def timeline(appearances: list[dict[str, Any]]) -> dict[str, Any]:
    """Each appearance at its day (``said_on``, else its article's publication date) on one axis, one band per
    language, those of one day and language stacked; those without a date in a column at the left."""
    days = {a["id"]: a["said_on"] or a["article"]["published"] for a in appearances}
    known = sorted(date.fromisoformat(d) for d in days.values() if d)
    languages = sorted({a["article"]["language"] for a in appearances})
    first, last = (known[0], known[-1]) if known else (None, None)
    span = max(1, (last - first).days) if first and last else 1
    stacks: dict[tuple[str, str | None], int] = {}
    for a in appearances:
        key = (a["article"]["language"], days[a["id"]])
        stacks[key] = stacks.get(key, 0) + 1
    band = ROW * max(1, min(MAX_STACK, max(stacks.values(), default=1)))
    seen: dict[tuple[str, str | None], int] = {}
    points = []
    for a in appearances:
        day = days[a["id"]]
        x = LEFT + (WIDTH - LEFT - RIGHT) * (date.fromisoformat(day) - first).days / span if day and first else LEFT / 2
        key = (a["article"]["language"], day)
        n = seen[key] = seen.get(key, -1) + 1
        points.append(
            {
                "x": round(x + (n // MAX_STACK) * 16, 1),
                "y": TOP + languages.index(key[0]) * (band + GAP) + (n % MAX_STACK) * ROW,
                "claim": a["id"],
                "day": day or "no date",
                "language": key[0],
                "repeat": a.get("repeat", False),
                "label": f"{a['article'].get('outlet') or a['article']['id']}: {a['text'][:80]}",
            }
        )
    rows = [{"language": lang, "y": TOP + i * (band + GAP)} for i, lang in enumerate(languages)]
    ticks = [{"x": LEFT, "label": first.isoformat()}] if first else []
    if first and last and last != first:
        ticks.append({"x": WIDTH - RIGHT, "label": last.isoformat()})
    return {
        "width": WIDTH,
        "height": TOP + len(languages) * (band + GAP),
        "points": points,
        "rows": rows,
        "ticks": ticks,
    }
