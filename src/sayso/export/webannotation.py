"""W3C Web Annotation (JSON-LD): one annotation per span of a claim, in one ``AnnotationCollection``.

Each content span of a claim is an annotation with motivation ``describing`` (who says it, how, how
sure); the speaker's span in the text, when there is one, is an annotation with motivation
``identifying``. Every target names the article (its URL, else ``urn:sayso:article:ID``) with a
``TextQuoteSelector`` (the exact text, with up to 32 characters before and after from the claim's
sentence) and a ``TextPositionSelector``. Offsets count code points (Python ``str`` indexes), as the
Web Annotation Data Model asks. Model: https://www.w3.org/TR/annotation-model/
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sayso.export._ids import SOFTWARE, article_iri, claim_iri

if TYPE_CHECKING:
    from sayso.export._select import Selection
    from sayso.records import Span
    from sayso.store import StoredClaim

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
AFFIX_CHARS = 32  # characters of prefix and suffix in a TextQuoteSelector


def _affixes(c: StoredClaim, span: Span) -> dict[str, str]:
    """Prefix and suffix from the claim's context (the sentences around it), where it holds the span."""
    ctx = c.context
    if ctx is None or not ctx.start <= span.start <= span.end <= ctx.end:
        return {}
    before = ctx.text[max(0, span.start - ctx.start - AFFIX_CHARS) : span.start - ctx.start]
    after = ctx.text[span.end - ctx.start : span.end - ctx.start + AFFIX_CHARS]
    return {k: v for k, v in (("prefix", before), ("suffix", after)) if v}


def _target(c: StoredClaim, span: Span) -> dict[str, Any]:
    return {
        "source": article_iri(c.article),
        "selector": [
            {"type": "TextQuoteSelector", "exact": span.text, **_affixes(c, span)},
            {"type": "TextPositionSelector", "start": span.start, "end": span.end},
        ],
    }


def _text_body(value: str, purpose: str, language: str | None = None) -> dict[str, Any]:
    body = {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}
    return {**body, "language": language} if language else body


def _claim_annotations(c: StoredClaim) -> list[dict[str, Any]]:
    speaker = c.source or c.speaker
    said = f"{speaker} ({c.kind})" if speaker else f"the article itself ({c.kind})"
    bodies = [
        _text_body(f"claim: {said}, {c.certainty}, {c.polarity}", "describing"),
        _text_body(f"certainty:{c.certainty}", "tagging"),
        _text_body(f"kind:{c.kind}", "tagging"),
        *(_text_body(f"entity:{e.canonical}", "tagging") for e in c.entities),
    ]
    out = [
        {
            "id": f"{claim_iri(c)}/content/{k}",
            "type": "Annotation",
            "motivation": "describing",
            "creator": {"type": "Software", "name": SOFTWARE},
            "body": bodies,
            "target": _target(c, span),
        }
        for k, span in enumerate(c.content)
    ]
    spoken = next((link.span for link in c.chain if link.role == "speaker" and link.span), None)
    if spoken is not None and speaker:
        out.append(
            {
                "id": f"{claim_iri(c)}/speaker",
                "type": "Annotation",
                "motivation": "identifying",
                "creator": {"type": "Software", "name": SOFTWARE},
                "body": [_text_body(f"speaker: {speaker}", "identifying")],
                "target": _target(c, spoken),
            }
        )
    return out


def collection(selection: Selection) -> dict[str, Any]:
    """The claims' annotations as one ``AnnotationCollection`` with one ``AnnotationPage``."""
    items = [a for c in selection.claims for a in _claim_annotations(c)]
    return {
        "@context": CONTEXT,
        "id": "urn:sayso:annotations",
        "type": "AnnotationCollection",
        "label": "claims found by sayso",
        "total": len(items),
        "first": {"id": "urn:sayso:annotations/page/0", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def write(kind: str, selection: Selection) -> str:
    return json.dumps(collection(selection), ensure_ascii=False, indent=1) + "\n"
