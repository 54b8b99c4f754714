"""The output contract: an ``Analysis`` as plain JSON-ready data.

Every span is ``{"start", "end", "text"}`` with Python ``str`` offsets into
``text``, which is the analysed text exactly.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sayso.certainty import ESTIMATIVE_BANDS
from sayso.records import Analysis, Attribution


def _attribution(a: Attribution) -> dict[str, Any]:
    out = asdict(a)
    band = ESTIMATIVE_BANDS.get(a.certainty or "")
    out["estimative_band"] = band[0] if band else None
    return out


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    art = analysis.article
    return {
        "id": art.id,
        "origin": art.origin,
        "text": art.text,
        "language": analysis.language,
        "published": art.published.isoformat() if art.published else None,
        "title": art.title,
        "url": art.url,
        "outlet": art.outlet,
        "backbone": analysis.backbone,
        "boilerplate": [asdict(s) for s in art.boilerplate],
        "attributions": [_attribution(a) for a in analysis.attributions],
        "quantities": [asdict(q) for q in analysis.quantities],
        "times": [asdict(t) for t in analysis.times],
        "entities": [asdict(e) for e in analysis.entities],
        "claims": [asdict(c) for c in analysis.claims],
    }
