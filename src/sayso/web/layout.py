"""Where things go on a drawing: a cluster's appearances on a timeline (SVG coordinates), computed here so that
the template only places them (no inline style, which the Content-Security-Policy forbids)."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
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


COLUMNS = (("outlet", 10), ("speaker", 270), ("cited", 530))
NODE_W, NODE_H, NODE_GAP = 220, 22, 8


def provenance(appearances: list[dict[str, Any]], origins: list[str]) -> dict[str, Any]:
    """The chains of a cluster's appearances as one graph: outlets, speakers and cited sources in three
    columns, an edge for each step of a chain (outlet -> speaker -> cited), the origins marked."""
    nodes: dict[tuple[str, str], dict[str, Any]] = {}
    edges: dict[tuple[tuple[str, str], tuple[str, str]], bool] = {}

    def node(role: str, name: str) -> tuple[str, str]:
        key = (role, name)
        if key not in nodes:
            column = dict(COLUMNS)[role]
            row = sum(1 for r, _ in nodes if r == role)
            nodes[key] = {
                "x": column,
                "y": 10 + row * (NODE_H + NODE_GAP),
                "label": name if len(name) <= 32 else name[:31] + "…",
                "name": name,
                "role": role,
                "origin": name in origins,
            }
        return key

    for a in appearances:
        steps = [node("outlet", a["article"].get("outlet") or a["article"]["id"])]
        speakers = [link for link in a["chain"] if link["role"] != "outlet"]
        if not speakers and (a.get("source") or a.get("speaker")):
            speakers = [{"role": "speaker", "name": a.get("source") or a.get("speaker")}]
        steps += [node("cited" if link["role"] == "cited" else "speaker", link["name"]) for link in speakers]
        for here, there in pairwise(steps):
            edges[(here, there)] = edges.get((here, there), True) and bool(a.get("repeat"))
    lines = [
        {
            "x1": nodes[a]["x"] + NODE_W,
            "y1": nodes[a]["y"] + NODE_H / 2,
            "x2": nodes[b]["x"],
            "y2": nodes[b]["y"] + NODE_H / 2,
            "repeat": repeat,
        }
        for (a, b), repeat in edges.items()
    ]
    height = max((n["y"] for n in nodes.values()), default=0) + NODE_H + 10
    return {"width": COLUMNS[-1][1] + NODE_W + 10, "height": height, "nodes": list(nodes.values()), "edges": lines,
            "node_w": NODE_W, "node_h": NODE_H}  # fmt: skip
