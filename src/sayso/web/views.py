"""What each page shows, as JSON-ready data: the API returns it as it is and the templates render it. Built
from the shared shapes (``sayso.shapes``, ``sayso.serialize``), so a claim looks the same in the CLI, the
exports, the API and the pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sayso.errors import InputError
from sayso.records import iso_date
from sayso.serialize import analysis_to_dict
from sayso.shapes import CREDIBILITY, claim_dict, cluster_dict, source_dict
from sayso.store import Store, StoredClaim
from sayso.store.records import GRADE_MEANINGS, GRADES
from sayso.web.highlight import pieces

PAGE = 50  # claims, articles or sources a page


def page_number(params: Any) -> int:
    """The ``page`` asked for (1 when it is none, or no small positive number)."""
    value = str(params.get("page", "1"))
    return int(value) if value.isdigit() and len(value) < 7 and int(value) > 0 else 1


def home(store: Store, page: int = 1) -> dict[str, Any]:
    """The store's counts and its articles, newest first, a page at a time."""
    found = store.articles(limit=PAGE + 1, offset=(page - 1) * PAGE)
    return {
        "counts": store.counts(),
        "articles": [_article_meta(a) for a in found[:PAGE]],
        "page": page,
        "more": len(found) > PAGE,
    }


def _article_meta(a: Any) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "url": a.url,
        "outlet": a.outlet,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "origin": a.origin,
    }


def _claims_with_clusters(store: Store, claims: list[StoredClaim]) -> list[dict[str, Any]]:
    clusters = store.clusters_of([c.id for c in claims])
    return [{**claim_dict(c), "cluster": clusters.get(c.id)} for c in claims]


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """The analysis as ``sayso analyze --format json`` gives it, the stored claims with their clusters, and
    which stored claim each attribution made."""
    analysis = store.analysis(article_id)
    if analysis is None:
        return None
    stored = _claims_with_clusters(store, store.claims(article=article_id))
    by_content = {tuple((s["start"], s["end"]) for s in c["content"]): c for c in stored}
    out = analysis_to_dict(analysis)
    for a in out["attributions"]:
        claim = by_content.get(tuple((s["start"], s["end"]) for s in a["content"]))
        a["claim"] = claim["id"] if claim else None
        a["cluster"] = claim["cluster"] if claim else None
    out["stored_claims"] = stored
    out["pieces"] = [{"text": p.text, "layers": list(p.layers), "attribution": p.attribution} for p in pieces(analysis)]
    return out


def cluster(store: Store, cluster_id: int) -> dict[str, Any] | None:
    """A cluster (``cluster_dict``), its appearances in full (``claim_dict``), origins and repeats, and why it
    gets its proposed credibility."""
    k = store.cluster_by_id(cluster_id)
    if k is None:
        return None
    claims = {c.id: claim_dict(c) for c in k.claims}
    for c in claims.values():
        c["repeat"] = c["id"] in k.repeats
    elsewhere = {b for _, b, _, _ in k.across} - set(claims)
    others = [store.claim(b) for b in sorted(elsewhere)[:PAGE]]
    graded = sorted({(c.source or c.speaker, c.speaker_grade) for c in k.claims if c.speaker and c.speaker_grade})
    return {
        "cluster": cluster_dict(k),
        "appearances": sorted(claims.values(), key=lambda c: (c["said_on"] or "", c["id"])),
        "credibility_meaning": CREDIBILITY[k.credibility],
        "why": _why(k.independent, list(k.origins), len(k.contradictions) + len(k.across), k.credibility),
        "grades": [{"source": s, "grade": g, "meaning": GRADE_MEANINGS[g]} for s, g in graded],
        "elsewhere": [claim_dict(c) for c in others if c is not None],  # the other side of a contradiction across
    }


def clusters(store: Store, page: int = 1) -> dict[str, Any]:
    """Clusters, the most independent origins first, a page at a time (``cluster_dict`` each)."""
    found = store.largest_clusters(limit=PAGE + 1, offset=(page - 1) * PAGE)
    return {
        "clusters": [{**cluster_dict(k), "credibility_meaning": CREDIBILITY[k.credibility]} for k in found[:PAGE]],
        "page": page,
        "more": len(found) > PAGE,
    }


def _why(independent: int, origins: list[str], contradictions: int, credibility: int) -> str:
    origin_words = f"{independent} independent origin{'s' if independent != 1 else ''}"
    named = f" ({'; '.join(origins)})" if origins else ""
    against = (
        f", {contradictions} contradiction{'s' if contradictions != 1 else ''}"
        if contradictions
        else ", no contradiction"
    )
    return f"{origin_words}{named}{against or ', no contradiction'}: proposed {credibility}, {CREDIBILITY[credibility]}"


def sources(store: Store, page: int = 1) -> dict[str, Any]:
    """Speakers and cited sources, most claims first, a page at a time."""
    found = store.sources(limit=PAGE + 1, offset=(page - 1) * PAGE)
    return {
        "sources": [source_dict(s) for s in found[:PAGE]],
        "page": page,
        "more": len(found) > PAGE,
        "total": store.counts()["sources"],
    }


def source(store: Store, source_id: int) -> dict[str, Any] | None:
    """One source with its claims (spoken or cited), the outlets that print it and the grade scale."""
    row = store.source(source_id)
    if row is None:
        return None
    claims = store.source_claims(source_id, limit=PAGE)
    return {
        "source": source_dict(row),
        "claims": _claims_with_clusters(store, claims),
        "outlets": [{"outlet": o or None, "claims": n} for o, n in store.source_outlets(source_id)],
        "grades": [{"code": g, "meaning": GRADE_MEANINGS[g]} for g in GRADES],
    }


@dataclass(frozen=True, slots=True)
class Query:
    """A search as the form and the API give it; every field optional."""

    words: str = ""
    entity: str = ""
    speaker: str = ""
    since: str = ""
    until: str = ""
    language: str = ""
    outlet: str = ""
    after: int | None = None

    @classmethod
    def of(cls, params: Any) -> Query:
        text = {f: str(params.get(f, "") or "").strip()[:200] for f in cls.__slots__ if f != "after"}
        after = str(params.get("after", "") or "")
        return cls(**text, after=int(after) if after.isdigit() and len(after) < 19 else None)

    def day(self, value: str, name: str) -> date | None:
        return iso_date(value, f"the {name} date") if value else None

    @property
    def empty(self) -> bool:
        return not any((self.words, self.entity, self.speaker, self.since, self.until, self.language, self.outlet))


def search(store: Store, query: Query) -> dict[str, Any]:
    """Claims that match every field given, a page at a time (``after``: the last claim id of the page before)."""
    out: dict[str, Any] = {"query": {f: getattr(query, f) for f in Query.__slots__}, "claims": [], "next": None}
    if query.empty:
        return out
    try:
        since, until = query.day(query.since, "since"), query.day(query.until, "until")
    except InputError as err:
        return {**out, "error": str(err).strip()}
    found = store.claims(
        None,
        query.speaker or None,
        since,
        until=until,
        language=query.language or None,
        outlet=query.outlet or None,
        limit=PAGE + 1,
        after=query.after,
        words=query.words or None,
        entity=query.entity or None,
    )
    out["claims"] = _claims_with_clusters(store, found[:PAGE])
    out["next"] = found[PAGE - 1].id if len(found) > PAGE else None
    return out
