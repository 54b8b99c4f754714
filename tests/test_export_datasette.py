"""A store that ``datasette sayso.db -m metadata.yml`` shows usefully at once: full-text search on claim text
(FTS5, kept in step on every write), views of claims with speakers and with clusters, and the metadata
that ``sayso export datasette`` writes (issue 14). Datasette is a test dependency."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from _export_helpers import TEXTS, make_store, said
from _store_helpers import Topics
from sayso.store import _dialect, _migrate, open_store


def _search(path: str, words: str) -> list[int]:
    db = sqlite3.connect(path)
    try:
        return [
            r[0] for r in db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid", (words,))
        ]
    finally:
        db.close()


def test_store_fts_is_kept_in_step_with_the_claims(tmp_path: Path) -> None:
    path = make_store(tmp_path / "haven.db")
    assert _search(path, "rotterdam") == [1, 2]
    assert _search(path, "bridge") == [3]
    with open_store(path, embedder=Topics()) as store:
        store.add(said("Skipper Joost Lam said the bridge stayed open.", id="brug", speaker="Joost Lam",
                       content="the bridge stayed open", certainty="certain"))  # fmt: skip
    assert _search(path, "bridge") == [3, 4]
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("DELETE FROM articles WHERE id = 'formula'")  # claims go with their article
    db.commit()
    db.close()
    assert _search(path, "bridge") == [4]


def test_store_fts_holds_the_claims_stored_before_it(tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    db = _dialect.connect(path, create=True)
    _migrate.migrate(db, [m for m in _migrate.available() if m.name < "0008"])
    db.close()
    with open_store(path, embedder=Topics()) as store:  # migrates: the old claims are indexed
        assert "0009_claim_search" in store.migrations()
    older = str(tmp_path / "older.db")  # claims written before the index existed (every other table there)
    db = _dialect.connect(older, create=True)
    _migrate.migrate(db, [m for m in _migrate.available() if not m.name.startswith("0009")])
    from sayso.store._write import write_analysis

    with db.transaction():
        write_analysis(db, TEXTS["haven-en"], now="2025-03-14T00:00:00+00:00")
    db.close()
    with open_store(older, embedder=Topics()):
        pass
    assert _search(older, "rotterdam") == [1]


def test_store_views_show_claims_with_speakers_and_clusters(tmp_path: Path) -> None:
    path = make_store(tmp_path / "haven.db")
    db = sqlite3.connect(path)
    rows = db.execute("SELECT id, speaker, speaker_grade, outlet, certainty FROM claims_with_speakers ORDER BY id")
    assert rows.fetchall()[0] == (1, "Wim Kok", "B", "Havenkrant", "probable")
    rows = db.execute(
        "SELECT id, cluster_id, cluster_claims, cluster_credibility FROM claims_with_clusters ORDER BY id"
    )
    assert rows.fetchall() == [(1, 1, 1, 4), (2, 2, 1, 4), (3, 3, 1, 4)]
    db.close()


def test_store_views_run_on_postgresql(postgres_url: str) -> None:
    with open_store(postgres_url, embedder=Topics()) as store:
        for analysis in TEXTS.values():
            store.add(analysis)
        store.grade("Wim Kok", "B")
        assert "0009_claim_search" not in store.migrations()  # SQLite only
    db = _dialect.connect(postgres_url, create=False)
    try:
        rows = db.execute("SELECT speaker, speaker_grade FROM claims_with_speakers ORDER BY id")
        assert rows[0] == ("Wim Kok", "B")
        assert len(db.execute("SELECT cluster_id FROM claims_with_clusters WHERE cluster_id IS NOT NULL")) == 3
        assert "claims_fts" not in db.tables()
    finally:
        db.close()


def _get(path: str, metadata: dict[str, Any], url: str) -> Any:
    from datasette.app import Datasette

    async def fetch() -> Any:
        ds = Datasette([path], metadata=metadata)
        await ds.invoke_startup()
        response = await ds.client.get(url)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


def test_datasette_searches_the_store_with_the_exported_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("datasette")
    import yaml

    from sayso.cli import main

    path = make_store(tmp_path / "haven.db")
    assert main(["export", "datasette", "--db", path]) == 0
    metadata = yaml.safe_load(capsys.readouterr().out)
    tables = metadata["databases"]["haven"]["tables"]
    assert tables["claims_with_speakers"]["fts_table"] == "claims_fts"
    rows = _get(path, metadata, "/haven/claims_with_speakers.json?_search=rotterdam&_shape=array")
    assert [(r["id"], r["speaker"]) for r in rows] == [(1, "Wim Kok"), (2, "Fleur Dekker")]
    rows = _get(path, metadata, "/haven/claims.json?_search=bridge&_shape=array")  # found without metadata too
    assert [r["id"] for r in rows] == [3]
    rows = _get(path, metadata, "/haven/contradictions.json?_shape=array")
    assert {(r["claim_a"], r["claim_b"]) for r in rows} == {(1, 2)}  # clustered in one run: in publication order
    facets = _get(path, metadata, "/haven/claims_with_speakers.json?_facet=certainty")
    assert {f["value"] for f in facets["facet_results"]["certainty"]["results"]} == {"probable", "certain", "reported"}


def test_export_datasette_refuses_a_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sayso.cli import main

    path = make_store(tmp_path / "haven.db")
    assert main(["export", "datasette", "--db", path, "--format", "csv"]) != 0
    assert "takes no --format" in capsys.readouterr().err


def test_export_datasette_yaml_reads_back_for_any_store_name() -> None:
    yaml = pytest.importorskip("yaml")
    from sayso.export.datasette import metadata, metadata_yaml

    for name in ("sayso", "my: store #1", 'quote " and \\ back', "ünïcode"):
        assert yaml.safe_load(metadata_yaml(name)) == metadata(name)
