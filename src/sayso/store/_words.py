"""The word index of claims (``claim_words``): each claim's words, case-folded, so that a search for words
looks them up instead of reading every claim's text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sayso.store._dialect import Connection

_WORD = re.compile(r"\w+")
LONGEST = 40  # characters: longer runs are no words anyone searches for


def words_of(*texts: str | None) -> set[str]:
    """The distinct words of the texts, case-folded (``Rotterdam's`` -> ``rotterdam``, ``s``)."""
    return {w for t in texts if t for w in _WORD.findall(t.casefold()) if len(w) <= LONGEST}


def write(db: Connection, claims: Iterable[tuple[int, str | None, str | None]]) -> None:
    """Index ``(claim id, text, speaker)`` rows."""
    db.execute_many(
        "INSERT INTO claim_words (word, claim_id) VALUES (?, ?)",
        [(w, cid) for cid, text, speaker in claims for w in sorted(words_of(text, speaker))],
    )


def index_missing(db: Connection, batch: int = 5000) -> int:
    """Index the claims that have no words yet (stored before the index existed); how many were indexed."""
    done, last = 0, -(2**63)
    while True:
        rows: Sequence[tuple[int, str | None, str | None]] = db.execute(
            "SELECT c.id, c.text, c.speaker FROM claims c WHERE c.id > ? AND NOT EXISTS "
            "(SELECT 1 FROM claim_words w WHERE w.claim_id = c.id) ORDER BY c.id LIMIT ?",
            (last, batch),
        )
        if not rows:
            return done
        last = int(rows[-1][0])
        write(db, rows)  # a claim of no words at all has no rows, and is looked at again next time
        done += len(rows)


def terms(words: str) -> list[str]:
    """The words a search gives, as the index holds them."""
    return sorted(words_of(words))
