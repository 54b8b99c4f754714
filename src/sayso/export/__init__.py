"""Exports that drop into analysts' tools: one module per format, and the table of formats below.

    with open_store("sayso.db") as store:
        chosen = select(store, "claims", about="Rotterdam")
        data = FORMATS["stix"].write("claims", chosen)      # str, or bytes for a binary format

``FORMATS`` is what ``sayso export --format`` and ``sayso analyze --format`` offer; a format module is
imported only when it writes, so the CLI's help loads none of stix2, pymisp or pyarrow. The JSON shapes
of claims, clusters and sources are ``sayso.shapes``'; docs/export.md describes every format.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass

from sayso.export._select import KINDS, Selection, of_analyses, select

__all__ = ["FORMATS", "KINDS", "Format", "Selection", "formats_for", "of_analyses", "select"]


@dataclass(frozen=True, slots=True)
class Format:
    """One export format: what it holds, whether it fits the analysis of articles, and where its writer is."""

    name: str
    help: str
    kinds: tuple[str, ...]  # what `sayso export KIND` it writes: claims, clusters, sources
    writer: str  # "module:function" in sayso.export: function(kind, selection) -> str | bytes
    article: bool = False  # also `sayso analyze --format NAME` (the claims of the articles analysed)
    binary: bool = False  # bytes, written to --out or a pipe, never to a terminal
    needs: str = ""  # the package it imports, installed by `pip install 'sayso[export]'`

    def write(self, kind: str, selection: Selection) -> str | bytes:
        """The export of ``kind`` (claims, clusters or sources) of ``selection`` in this format."""
        from sayso.errors import InputError

        if kind not in self.kinds:
            raise InputError(
                f"the {self.name} format holds {' or '.join(self.kinds)}, not {kind}; "
                f"formats for {kind}: {', '.join(formats_for(kind))}"
            )
        if self.needs and importlib.util.find_spec(self.needs) is None:
            raise InputError(
                f"the {self.name} format needs the package {self.needs}; install it with: pip install 'sayso[export]'"
            )
        module, function = self.writer.split(":")
        written = getattr(importlib.import_module(f"sayso.export.{module}"), function)(kind, selection)
        return written  # type: ignore[no-any-return]


_ALL = ("claims", "clusters", "sources")

FORMATS = {
    f.name: f
    for f in (
        Format("json", "sayso's own JSON (sayso.shapes)", _ALL, "json_shapes:write", article=True),
        Format("csv", "one row a claim, cluster or source; spreadsheet-safe", _ALL, "tabular:write", article=True),
        Format("tsv", "as csv, tab-separated", _ALL, "tabular:write_tsv", article=True),
        Format("parquet", "Apache Parquet with typed columns", _ALL, "parquet:write", binary=True, needs="pyarrow"),
        Format(
            "webannotation",
            "W3C Web Annotation JSON-LD: one annotation per claim span and speaker span",
            ("claims",),
            "webannotation:write",
            article=True,
        ),
        Format(
            "claimreview",
            "schema.org Claim per claim; ClaimReview where an analyst graded its source",
            ("claims",),
            "claimreview:write",
            article=True,
        ),
        Format(
            "stix",
            "STIX 2.1 bundle: reports, notes, opinions, identities, relationships",
            _ALL,
            "stix:write",
            article=True,
            needs="stix2",
        ),
        Format(
            "misp",
            "MISP event: objects with admiralty-scale and estimative-language tags",
            _ALL,
            "misp:write",
            article=True,
            needs="pymisp",
        ),
    )
}


def formats_for(kind: str) -> list[str]:
    """The names of the formats that can write ``kind``."""
    return [name for name, f in FORMATS.items() if kind in f.kinds]
