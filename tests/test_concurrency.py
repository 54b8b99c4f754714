"""Two writers into one store at once: real ``sayso ingest`` processes, and a Hypothesis test of two writers.

Both must finish cleanly and leave the store a single writer of the union leaves: the same articles, the same
claims, every claim in exactly one cluster. Which claims share a cluster may depend on the order in which
they arrive (incremental clustering), so the cluster partition itself is not compared here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _store_helpers import Topics, stand_in
from sayso.records import Article
from sayso.store import _dialect, open_store

ROOT = Path(__file__).resolve().parents[1]
SAYSO = [sys.executable, str(ROOT / "tests" / "_stand_in_sayso.py")]  # sayso with a stand-in analysis and embedder

SPEAKERS = ("Mayor Anna Bos", "Minister Karel Dijk", "Captain Lena Smit", "Engineer Tom Vos", "Harbour master Eva Mol")
TOPICS = ("ships were stuck in the port", "the bridge was closed", "the jets were delivered")


def _text(k: int) -> str:
    """Article k: two attributed claims and one assertion, about one of three topics."""
    who, other = SPEAKERS[k % len(SPEAKERS)], SPEAKERS[(k + 2) % len(SPEAKERS)]
    topic = TOPICS[k % len(TOPICS)]
    return f"{who} said that {k + 3} {topic}.\n{other} said {topic} on day {k}.\nReport {k} about how {topic}."


def _folder(path: Path, articles: range) -> Path:
    path.mkdir()
    for k in articles:
        (path / f"story-{k:02d}.txt").write_text(_text(k), encoding="utf-8")
    return path


def _ingest(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [*SAYSO, "ingest", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _finish(proc: subprocess.Popen[str]) -> str:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, out + err
    return out


def _order_free(url: str) -> dict[str, Any]:
    """What a store holds that does not depend on the order its articles were written in."""
    db = _dialect.connect(url, create=False)
    try:
        claims = db.execute("SELECT id, article_id, seq, kind, speaker, certainty, text FROM claims")
        members = Counter(int(claim) for (claim,) in db.execute("SELECT claim_id FROM cluster_members"))
        keys = Counter(key for (key,) in db.execute("SELECT key FROM clusters"))
        return {
            "articles": sorted(db.execute("SELECT id, content_hash, text FROM articles")),
            "claims": sorted(row[1:] for row in claims),
            "every claim in one cluster": set(members) == {int(row[0]) for row in claims}
            and set(members.values()) == {1},
            "no duplicate cluster keys": set(keys.values()) == {1},
            "aliases": sorted(db.execute("SELECT key FROM source_aliases")),  # each name as written
            "skipped": sorted(db.execute("SELECT origin, reason FROM skipped")),
        }
    finally:
        db.close()


def test_two_ingests_at_once_store_what_one_would(tmp_path: Path, new_url: Callable[[], str]) -> None:
    url, alone = new_url(), new_url()
    first, second = _folder(tmp_path / "first", range(0, 24)), _folder(tmp_path / "second", range(12, 36))
    runs = [_ingest(str(first), "--db", url), _ingest(str(second), "--db", url)]
    outputs = [_finish(proc) for proc in runs]
    assert all("skipped 0" in out for out in outputs), outputs
    _finish(_ingest(str(first), str(second), "--db", alone))
    together, one = _order_free(url), _order_free(alone)
    assert together["every claim in one cluster"] and together["no duplicate cluster keys"]
    assert together == one
    assert len(one["articles"]) == 36 and len(one["claims"]) == 36 * 3


@pytest.fixture(params=["sqlite", "postgresql"])
def new_url(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """Makes URLs of new, empty stores of one backend."""
    if request.param == "postgresql":
        return request.getfixturevalue("new_postgres_url")  # type: ignore[no-any-return]
    numbers = count()
    return lambda: str(tmp_path / f"store-{next(numbers)}.db")


# Hypothesis: two writers in threads over random small article sets


def _write(url: str, articles: list[int], errors: list[BaseException]) -> None:
    try:
        with open_store(url, embedder=Topics()) as store:
            for k in articles:
                text = _text(k)
                if store.stored_id(text) is None:
                    store.add(stand_in(Article(text=text, id=f"story-{k:02d}", origin=f"story-{k:02d}")), cluster=False)
            store.cluster()
    except BaseException as err:  # reported by the test, in the main thread
        errors.append(err)


def test_two_writers_store_what_one_would(new_url: Callable[[], str]) -> None:
    @settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(
        st.lists(st.integers(0, 11), min_size=1, max_size=8),
        st.lists(st.integers(0, 11), min_size=1, max_size=8),
    )
    def check(a: list[int], b: list[int]) -> None:
        both, single = new_url(), new_url()
        errors: list[BaseException] = []
        writers = [threading.Thread(target=_write, args=(both, part, errors)) for part in (a, b)]
        for w in writers:
            w.start()
        for w in writers:
            w.join()
        assert not errors, errors
        _write(single, a + b, errors)
        assert not errors, errors
        together, one = _order_free(both), _order_free(single)
        assert together["every claim in one cluster"] and together["no duplicate cluster keys"]
        assert together == one

    check()
