"""sayso's own JSON: the shapes of ``sayso.shapes``, as ``sayso claims --format json`` prints them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sayso.shapes import claim_dict, cluster_dict, source_dict, to_json

if TYPE_CHECKING:
    from sayso.export._select import Selection

_SHAPES: dict[str, Any] = {"claims": claim_dict, "clusters": cluster_dict, "sources": source_dict}


def write(kind: str, selection: Selection) -> str:
    return to_json([_SHAPES[kind](item) for item in getattr(selection, kind)]) + "\n"
