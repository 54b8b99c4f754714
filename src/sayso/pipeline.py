"""The order of the stages. Each stage is a pure function over typed records."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from sayso.attribution import find_attributions, find_headlines
from sayso.attribution.headlines import find_headline_attributions
from sayso.attribution.lexicon import lexicon
from sayso.certainty import assess_certainty
from sayso.claims import build_claims
from sayso.claims.propositions import headline_breaks, proposition_breaks
from sayso.entities import find_entities
from sayso.errors import InputError, SaysoWarning
from sayso.language import detect_language, load_backbone
from sayso.language.backbone import describe, parse
from sayso.options import DEFAULT_OPTIONS, Options
from sayso.quantities import find_quantities
from sayso.records import Analysis, Article, Attribution, Skipped, Span
from sayso.time import find_times

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _with_certainty(a: Attribution, text: str, language: str) -> Attribution:
    if a.certainty is not None or not a.content:  # an evaluation carries the certainty of its judgement
        return a
    lemma = lexicon(language).say_forms.get(a.cue.text.lower()) if a.cue else None
    certainty = assess_certainty(text, a.content, language=language, cue_lemma=lemma)
    return replace(a, certainty=certainty.label, certainty_cues=certainty.cues)


def analyze(article: Article, *, options: Options = DEFAULT_OPTIONS) -> Analysis:
    """Everything sayso finds in one article."""
    if isinstance(article, Skipped):  # from `iter_articles`, which yields broken inputs with their reason
        raise InputError(f"{article.reason} (skipped input: test `isinstance(item, Skipped)` before analysing)")
    if not isinstance(article, Article):
        raise InputError(f"analyze() takes an Article, not {type(article).__name__}; build one with Article(text=...)")
    language = options.language or article.language or detect_language(article.text, article.origin or article.id)
    nlp = load_backbone(language, options.model)
    for overruled in options.overruled(article):
        warnings.warn(overruled, SaysoWarning, stacklevel=2)
    doc = parse(nlp, article.text)  # language (a long text in pieces, one Doc)
    return analyze_doc(doc, article, language=language, backbone=describe(nlp), options=options)


def analyze_doc(
    doc: Doc, article: Article, *, language: str, backbone: str = "", options: Options = DEFAULT_OPTIONS
) -> Analysis:
    """The stages after parsing, over a ``Doc`` of ``article.text`` that a spaCy pipeline made (``analyze``
    parses with sayso's backbone; the spaCy component ``sayso.spacy`` passes the ``Doc`` of its own pipeline)."""
    text = article.text
    published = article.published or options.published  # the article's own date wins; options fill in
    times = find_times(text, language=language, published=published)  # time
    quantities = find_quantities(text, language=language, times=times)  # quantities
    entities = find_entities(doc, language=language)  # entities
    attributions = find_attributions(  # attribution
        doc,
        language=language,
        entities=entities,
        times=times,
        quantities=quantities,
        boilerplate=article.boilerplate,
    )
    attributions = [_with_certainty(a, text, language) for a in attributions]  # certainty
    headlines = find_headlines(text)
    blocked = [*headlines, *((s.start, s.end) for s in article.boilerplate)]
    headline = headlines[0] if headlines and not text[: headlines[0][0]].strip() else None
    said_in_headline = (  # who the headline quotes: its claim's speaker, no attribution of the article
        find_headline_attributions(
            doc, language=language, headline=headline, entities=entities, attributions=attributions
        )
        if headline
        else []
    )
    claims = build_claims(  # claims
        text,
        language=language,
        attributions=attributions,
        quantities=quantities,
        times=times,
        sentences=[(s.start_char, s.end_char) for s in doc.sents],
        blocked=blocked,
        headline=headline,
        headline_attributions=said_in_headline,
        breaks=proposition_breaks(doc, [c for a in attributions for c in a.content], language=language),
        headline_breaks=headline_breaks(doc, _headline_regions(text, headline, said_in_headline), language=language),
    )
    return Analysis(
        article=replace(article, language=language, published=published),
        language=language,
        attributions=tuple(attributions),
        quantities=tuple(quantities),
        times=tuple(times),
        entities=tuple(entities),
        claims=claims,
        backbone=backbone,
    )


def _headline_regions(text: str, headline: tuple[int, int] | None, said: Sequence[Attribution]) -> list[Span]:
    """Where a headline's propositions lie: what its speakers say, or the whole headline when it quotes none."""
    if headline is None:
        return []
    return [c for a in said for c in a.content] or [Span.of(text, *headline)]
