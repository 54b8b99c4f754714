"""The claim store: analysed articles in SQLite (default) or PostgreSQL, one schema for both.

    with open_store("sayso.db") as store:        # or "postgresql://user:pw@host/db"; default $SAYSO_DB
        result = store.add(analysis)             # one transaction; the same text again changes nothing
        for claim in store.claims(about="Rotterdam", since=date(2025, 3, 1)):
            print(claim.id, claim.speaker, claim.text, claim.certainty, claim.speaker_grade)
        store.grade("Reuters", "B", analyst="jdv")

The schema comes from the named migrations in ``migrations/`` (applied once
each, recorded in the ``migrations`` table); ``docs/store.md`` describes it.
"""

from sayso.store._store import Store, open_store
from sayso.store._write import content_hash
from sayso.store.records import GRADES, AddResult, SourceRow, StoredArticle, StoredClaim, StoredCluster

__all__ = [
    "GRADES",
    "AddResult",
    "SourceRow",
    "Store",
    "StoredArticle",
    "StoredClaim",
    "StoredCluster",
    "content_hash",
    "open_store",
]
