"""A ``metadata.yml`` that makes ``datasette sayso.db -m metadata.yml`` useful at once.

It names the full-text index of the claims (``claims_fts``, migration 0009) for the claims table and its
two views, so the search box searches claim text there too; offers facets (speaker, certainty,
language, outlet, cluster credibility); labels rows by their text or name; hides the migrations
table; and adds a canned query of the contradictions across clusters. Written as YAML by hand (strings
in JSON quotes, which YAML reads alike): no YAML library needed to write it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sayso.export._ids import SOFTWARE

_SEARCHABLE = {"fts_table": "claims_fts", "fts_pk": "id"}

_CONTRADICTIONS = (
    "SELECT x.claim_a, a.text AS claim_a_text, x.claim_b, b.text AS claim_b_text, x.reason "
    "FROM cross_contradictions x JOIN claims a ON a.id = x.claim_a JOIN claims b ON b.id = x.claim_b "
    "ORDER BY x.claim_a, x.claim_b"
)


def metadata(database: str) -> dict[str, Any]:
    """Datasette's metadata for a store opened as ``database`` (the file name without ``.db``)."""
    return {
        "title": "sayso: who claims what, on whose say-so",
        "description": f"Claims, their speakers, sources and clusters, as {SOFTWARE} stored them. "
        "Search claim text with the search box (full-text, SQLite FTS5).",
        "databases": {
            database: {
                "tables": {
                    "claims": {
                        **_SEARCHABLE,
                        "label_column": "text",
                        "description": "one row a claim: its text, speaker, certainty and date",
                    },
                    "claims_with_speakers": {
                        **_SEARCHABLE,
                        "facets": ["speaker", "certainty", "language", "outlet"],
                        "description": "claims with their article and speaker (source name, type, analyst grade)",
                    },
                    "claims_with_clusters": {
                        **_SEARCHABLE,
                        "facets": ["cluster_credibility", "language"],
                        "description": "claims with their cluster: size, independent origins, proposed credibility 1-6",
                    },
                    "sources": {"label_column": "name", "description": "speakers and cited sources"},
                    "articles": {"label_column": "title", "description": "the articles analysed"},
                    "migrations": {"hidden": True},
                },
                "queries": {
                    "contradictions": {
                        "title": "Contradictions across clusters",
                        "description": "claims of different clusters about the same entities and time that "
                        "give incompatible numbers",
                        "sql": _CONTRADICTIONS,
                    }
                },
            }
        },
    }


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _key(key: str) -> str:
    return key if _PLAIN_KEY.fullmatch(key) else _scalar(key)


def to_yaml(value: Any, indent: int = 0) -> str:
    """Block YAML of nested dicts and lists of scalars."""
    pad = "  " * indent
    lines: list[str] = []
    for key, item in value.items():
        if isinstance(item, dict):
            lines.append(f"{pad}{_key(key)}:\n{to_yaml(item, indent + 1)}")
        elif isinstance(item, list):
            lines.append(f"{pad}{_key(key)}:" + "".join(f"\n{pad}  - {_scalar(x)}" for x in item))
        else:
            lines.append(f"{pad}{_key(key)}: {_scalar(item)}")
    return "\n".join(lines)


def metadata_yaml(database: str) -> str:
    return f"# datasette {database}.db -m metadata.yml  (written by {SOFTWARE})\n" + to_yaml(metadata(database)) + "\n"
