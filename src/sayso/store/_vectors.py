"""The vectors of clustered claims and of their words, kept in the store (migration 0012): a clustering run
reads those of the stored claims it compares new claims with instead of encoding them again. Encoding was
most of a run's time once its neighbourhood held thousands of stored claims (docs/scale.md)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from sayso.store._dialect import Connection
from sayso.store._read import _chunks


def _row(binary: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(binary), dtype="<f4")


def _bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def claims(db: Connection, claim_ids: Sequence[int], dimensions: int) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """claim id -> (text row, context row) of the claims that have them, in ``dimensions`` (rows of another
    encoder's size are left out: those claims are encoded again)."""
    out: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for chunk in _chunks(list(claim_ids)):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT claim_id, text_f32, context_f32 FROM claim_vectors WHERE claim_id IN ({marks})"
        for claim_id, text, context in db.execute(sql, chunk):
            pair = (_row(text), _row(context))
            if len(pair[0]) == len(pair[1]) == dimensions:
                out[int(claim_id)] = pair
    return out


def keep_claims(db: Connection, rows: Sequence[tuple[int, np.ndarray, np.ndarray]]) -> None:
    """Keep each (claim id, text row, context row); a claim's rows already kept stay as they are."""
    db.execute_many(
        "INSERT INTO claim_vectors (claim_id, text_f32, context_f32) VALUES (?, ?, ?) "
        "ON CONFLICT (claim_id) DO NOTHING",
        [(int(i), _bytes(t), _bytes(c)) for i, t, c in rows],
    )


def words(db: Connection, wanted: Sequence[str]) -> dict[str, np.ndarray]:
    """word -> its kept row, for the ``wanted`` words that have one (a store holds one encoder's rows, as its
    centroids are)."""
    out: dict[str, np.ndarray] = {}
    for chunk in _chunks(list(dict.fromkeys(wanted))):
        marks = ", ".join("?" * len(chunk))
        for word, vector in db.execute(f"SELECT word, vector_f32 FROM word_vectors WHERE word IN ({marks})", chunk):
            out[str(word)] = _row(vector)
    return out


def keep_words(db: Connection, vectors: Mapping[str, np.ndarray]) -> None:
    """Keep each word's row; a word kept already stays as it is."""
    db.execute_many(
        "INSERT INTO word_vectors (word, vector_f32) VALUES (?, ?) ON CONFLICT (word) DO NOTHING",
        [(w, _bytes(v)) for w, v in vectors.items()],
    )


def forget(db: Connection) -> None:
    """Drop every kept row (``recluster`` encodes everything again, in its one run)."""
    db.execute("DELETE FROM claim_vectors")
    db.execute("DELETE FROM word_vectors")
