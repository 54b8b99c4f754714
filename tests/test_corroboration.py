"""Corroboration versus repetition, end to end: small stories through `sayso ingest`, the real pipeline and
models, a real SQLite store, and `sayso export clusters`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sayso.cli import main
from sayso.store import _dialect

WIRE = (
    "A fire destroyed the main warehouse of the port of Harlingen on Sunday night. "
    "The fire brigade said 40 firefighters fought the blaze for six hours. "
    "Nobody was injured, according to the police. "
    "The warehouse stored grain and fertiliser for farms in the north of the province."
)
FIRE = [  # a wire story, two outlets republishing it word for word (each adds its own line), and a rewrite
    {"id": "wire", "outlet": "ANP", "published": "2025-05-04", "text": WIRE},
    {"id": "copy-1", "outlet": "Leeuwarder Post", "published": "2025-05-05", "text": WIRE + "\nBy Leeuwarder Post."},
    {"id": "copy-2", "outlet": "Friesland Daily", "published": "2025-05-05", "text": WIRE + "\nFrom Friesland Daily."},
    {
        "id": "rewrite",
        "outlet": "Weekly North",
        "published": "2025-05-06",
        "text": "The main warehouse of the port of Harlingen burned down on Sunday night, ANP reported. "
        "Forty firefighters fought the fire for six hours, the fire brigade said.",
    },
]
BRIDGE = [  # two independent sources state the same claim
    {
        "id": "mayor",
        "outlet": "Radio Noord",
        "published": "2025-05-07",
        "text": "Mayor Anna de Boer said the new bridge over the canal in Dokkum will open in June. "
        "She spoke at a council meeting on Tuesday.",
    },
    {
        "id": "contractor",
        "outlet": "Bouwnieuws",
        "published": "2025-05-08",
        "text": "Contractor Pieter Visser said the new bridge over the canal in Dokkum will open in June. "
        "His company has built three bridges in the province.",
    },
]
DENIAL = [
    {
        "id": "denial",
        "outlet": "Dokkumer Courant",
        "published": "2025-05-11",
        "text": "The province denied that the new bridge over the canal in Dokkum will open in June. "
        "Work on the bridge has stopped.",
    }
]
COST = [  # a number beyond the other's bounds
    {
        "id": "cost-1",
        "outlet": "Radio Noord",
        "published": "2025-05-09",
        "text": "Alderman Jan Smit said the renovation of the Dokkum town hall cost 12 million euros. "
        "The work took two years.",
    },
    {
        "id": "cost-2",
        "outlet": "Bouwnieuws",
        "published": "2025-05-10",
        "text": "Auditor Eva Mulder said the renovation of the Dokkum town hall cost 30 million euros. "
        "Her report goes to the council next week.",
    },
]


def _ingest(folder: Path, name: str, stories: list[dict[str, str]], db: str) -> None:
    path = folder / f"{name}.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    assert main(["ingest", str(path), "--db", db, "--language", "en"]) == 0


def _clusters(db: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    capsys.readouterr()
    assert main(["export", "clusters", "--db", db, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def _cluster(clusters: list[dict[str, Any]], words: str) -> dict[str, Any]:
    [found] = [k for k in clusters if any(words in c["text"] for c in k["claims"])]
    return found


def _dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    db = _dialect.connect(url, create=False)
    try:
        return {t: sorted(db.execute(f"SELECT * FROM {t}"), key=repr) for t in sorted(db.tables())}
    finally:
        db.close()


@pytest.mark.slow
def test_corroboration_wire_copies_independent_sources_and_contradictions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "story.db")
    _ingest(tmp_path, "fire", FIRE, db)
    _ingest(tmp_path, "bridge", BRIDGE, db)
    clusters = _clusters(db, capsys)

    fire = _cluster(clusters, "main warehouse of the port of Harlingen")
    assert sorted(c["article"] for c in fire["claims"]) == ["copy-1", "copy-2", "rewrite", "wire"]
    assert fire["origins"] == ["ANP"] and fire["independent"] == 1 and len(fire["repeats"]) == 3
    brigade = _cluster(clusters, "firefighters fought")
    assert brigade["origins"] == ["fire brigade"] and brigade["independent"] == 1 and len(brigade["repeats"]) == 3
    assert fire["credibility"] == brigade["credibility"] == 3  # one origin, however often printed

    bridge = _cluster(clusters, "bridge over the canal in Dokkum")
    assert {c["speaker"] for c in bridge["claims"]} == {"Anna de Boer", "Pieter Visser"}
    assert bridge["independent"] == 2 and bridge["repeats"] == [] and bridge["contradictions"] == []
    assert bridge["credibility"] == 1  # confirmed by independent origins
    for c in bridge["claims"]:
        assert {"article", "language", "start", "end", "text", "speaker"} <= set(c) and c["language"] == "en"

    _ingest(tmp_path, "denial", DENIAL, db)  # a later batch: the denial is a proposition of its own
    _ingest(tmp_path, "cost", COST, db)
    clusters = _clusters(db, capsys)
    [denied, denial] = sorted(
        (k for k in clusters if any("bridge over the canal in Dokkum" in c["text"] for c in k["claims"])),
        key=lambda k: len(k["claims"]),
        reverse=True,
    )
    assert denied["id"] == bridge["id"] and len(denied["claims"]) == 2 and denied["independent"] == 2
    assert [c["article"] for c in denial["claims"]] == ["denial"]
    [against] = denied["contradictions"]  # the most probable pair stands for the two clusters
    assert against["cluster"] == denial["id"] and against["reason"].startswith("denial: province denies what")
    assert denial["contradictions"] == [{"a": against["b"], "b": against["a"], "cluster": denied["id"],
                                         "reason": against["reason"]}]  # fmt: skip
    assert denied["credibility"] == 4  # contradicted, but the deniers do not outnumber the others
    twelve = _cluster(clusters, "cost 12 million euros")
    thirty = _cluster(clusters, "cost 30 million euros")
    assert twelve is not thirty and twelve["independent"] == thirty["independent"] == 1
    [clash] = twelve["contradictions"]  # different numbers, two propositions that contradict each other
    assert clash["cluster"] == thirty["id"] and clash["reason"].startswith("quantity:")
    assert "12 million" in clash["reason"] and "30 million" in clash["reason"]

    claim = denied["claims"][0]["id"]
    assert main(["grade", "Anna de Boer", "B", "--db", db]) == 0
    capsys.readouterr()
    assert main(["claim", str(claim), "--db", db]) == 0
    shown = capsys.readouterr().out
    assert "2 independent origins" in shown and "credibility 4 (doubtful)" in shown
    assert "source grade, by an analyst: B" in shown and "Pieter Visser" in shown

    before = _dump(db)
    for name, stories in (("fire", FIRE), ("bridge", BRIDGE), ("denial", DENIAL), ("cost", COST)):
        _ingest(tmp_path, name, stories, db)
    assert _dump(db) == before  # ingesting again changes nothing, clusters included
