"""sayso inside spaCy: ``nlp.add_pipe("sayso")`` on an English or Dutch pipeline.

    nlp = spacy.load("en_core_web_sm")        # or sayso.language.load_backbone("en"): the same as `sayso analyze`
    nlp.add_pipe("sayso")
    doc = nlp(text)
    doc._.sayso_attributions                  # who says what: dicts as `sayso analyze --format json` (tuples for lists)
    for span in doc.spans["sayso"]:           # sources, cues and contents (labels SOURCE, CUE, CONTENT)
        span._.sayso_speaker, span._.sayso_certainty, span._.sayso_kind, span._.sayso_attribution
    for span in doc.spans["sayso_claims"]:    # each claim over its content (label CLAIM)
        span._.sayso_speaker, span._.sayso_certainty, span._.sayso_polarity

The component runs the stages after parsing (``sayso.pipeline.analyze_doc``) on the pipeline's own
``Doc``: the same code as ``sayso analyze``, whose results it gives exactly when the pipeline is sayso's
backbone (``load_backbone``, which adds sayso's sentence splitter). Every value is plain data (dicts,
lists, text, numbers), so it survives ``DocBin`` and ``Doc.to_bytes``; after loading docs in a new
process call ``register_extensions()`` to read them. The factory is also registered as the
``spacy_factories`` entry point ``sayso``: no import is needed before ``add_pipe``.
"""

from __future__ import annotations

import json
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from sayso.language.detect import language_code
from sayso.records import Analysis, Article
from sayso.records import Span as TextSpan

DOC_EXTENSIONS = ("sayso_attributions", "sayso_claims", "sayso_quantities", "sayso_times", "sayso_entities")
SPAN_EXTENSIONS = ("sayso_kind", "sayso_speaker", "sayso_certainty", "sayso_polarity", "sayso_attribution")
GROUP = "sayso"  # doc.spans[GROUP]: the source, cue and content spans of every attribution
CLAIMS_GROUP = "sayso_claims"  # doc.spans[CLAIMS_GROUP]: one span per claim


def register_extensions() -> None:
    """Register ``doc._.sayso_*`` and ``span._.sayso_*`` (default None); calling it again changes nothing."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def _plain(value: Any) -> Any:
    """Plain data as ``Doc.from_bytes`` gives it back (dicts, tuples, text, numbers; dates as text), so that a
    value read from a ``DocBin`` equals the one set."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return tuple(_plain(v) for v in value)
    return value


class SaysoComponent:
    """The pipeline component: sets the ``sayso_*`` extensions and span groups of each ``Doc``."""

    def __init__(self, nlp: Language, name: str, language: str | None) -> None:
        self.name = name
        self.language = language_code(language or nlp.lang, f"spaCy pipeline {nlp.meta.get('name', nlp.lang)!r}")
        self.backbone = f"{nlp.lang}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from sayso.pipeline import analyze_doc
        from sayso.serialize import analysis_to_dict

        analysis = analyze_doc(doc, Article(text=doc.text), language=self.language, backbone=self.backbone)
        found = _plain(json.loads(json.dumps(analysis_to_dict(analysis), default=str)))
        for name in DOC_EXTENSIONS:
            doc._.set(name, found[name.removeprefix("sayso_")])
        doc.spans[GROUP] = _attribution_spans(doc, analysis)
        doc.spans[CLAIMS_GROUP] = _claim_spans(doc, analysis)
        return doc


def _span(doc: Doc, where: TextSpan, label: str, **values: Any) -> Span | None:
    span = doc.char_span(where.start, where.end, label=label, alignment_mode="expand")
    if span is not None:
        for name, value in values.items():
            span._.set(f"sayso_{name}", value)
    return span


def _attribution_spans(doc: Doc, analysis: Analysis) -> list[Span]:
    out: list[Span | None] = []
    for k, a in enumerate(analysis.attributions):
        said = {"kind": a.kind, "speaker": a.speaker, "certainty": a.certainty, "attribution": k}
        out += [_span(doc, a.source, "SOURCE", **said)] if a.source else []
        out += [_span(doc, a.cue, "CUE", **said)] if a.cue else []
        out += [_span(doc, part, "CONTENT", **said) for part in a.content]
    return [s for s in out if s is not None]


def _claim_spans(doc: Doc, analysis: Analysis) -> list[Span]:
    out: list[Span | None] = []
    for c in analysis.claims:
        if c.content:
            whole = TextSpan(c.content[0].start, c.content[-1].end, "")
            out.append(
                _span(doc, whole, "CLAIM", kind=c.kind, speaker=c.speaker, certainty=c.certainty, polarity=c.polarity)
            )
    return [s for s in out if s is not None]


@Language.factory(
    "sayso",
    default_config={"language": None},
    assigns=[*(f"doc._.{n}" for n in DOC_EXTENSIONS), *(f"span._.{n}" for n in SPAN_EXTENSIONS)],
    requires=["token.dep", "token.lemma"],
)
def make_sayso(nlp: Language, name: str, language: str | None) -> SaysoComponent:
    """sayso's component; ``language`` (nl, en) defaults to the pipeline's own."""
    return SaysoComponent(nlp, name, language)
