"""Attributions cued by a verb: `X zei dat ...`, `..., zegt X`, `Dat zei X`, `X said: "..."`,
`hij voorspelde de komst van ...`; judgements (`X achtte het bericht aannemelijk`) and
announcements. Where the content lies is decided in `_content.py`, who speaks in
`_sources.py`, what a judging verb says in `_judgement.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sayso._intervals import SpanSet
from sayso._slices import word_before
from sayso.attribution._content import (
    anaphoric_content,
    clause_end,
    colon_content,
    comma_clause,
    complement,
    coordinated_quote,
    cut_chain,
    infinitive_content,
    object_content,
    parenthetical_content,
    preceding_content,
    preposition_content,
    quote_after,
)
from sayso.attribution._context import Context
from sayso.attribution._judgement import judge
from sayso.attribution._sources import find_source, is_impersonal, is_passive
from sayso.attribution._tokens import QUOTE_CHARS, trim
from sayso.attribution.no_response import negated
from sayso.attribution.quotes import Quote
from sayso.records import Attribution, Span

Range = tuple[int, int]


def _is_cue(tok: Token, ctx: Context, sent: SpacySpan) -> str | None:
    """The cue's lemma when ``tok`` is a verb of saying or judging here, else None."""
    low = tok.lower_
    if low not in ctx.lex.say_forms and low not in ctx.lex.evaluation_forms:
        return None  # most words: no need to read the rest of the sentence
    later = frozenset(t.lower_ for t in sent if t.i > tok.i)
    lemma = ctx.lex.cue_lemma(low, later)
    if lemma is None:
        return None
    if (
        tok.pos_
        and tok.pos_ not in ("VERB", "AUX")
        and (low in ctx.lex.homographs or tok.pos_ in ("ADP", "DET", "NUM", "PROPN"))
        and not _next_to_subject_pronoun(tok, ctx)
    ):
        return None  # a form that is also a noun or number (`berichten`, `reports`, `acht`) must be tagged a verb
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if _describes_noun(tok, before):
        return None  # `the total reported casualties`, `with reported magnitude 6.3`
    if before is not None and before.lower_ in ctx.lex.articles:
        return None  # `een bericht dat ...`, `the reports`: a noun after an article
    if before is not None and low in ctx.lex.homographs and _noun_after_preposition(before, ctx):
        return None  # `warned them in writing that ...`: after a preposition a noun, however tagged
    if before is not None and low in ctx.lex.homographs and before.lower_ in ctx.lex.placeholders:
        return None  # `achtte het bericht aannemelijk`: after `het` a noun, however tagged
    before_text = ctx.text[max(0, tok.idx - 25) : tok.idx].lower()
    if any(before_text.rstrip().endswith(frame) for frame in ctx.lex.future_frames):
        return None  # `is expected to report a fall`: the article's forecast of a statement, not one made
    ahead = " ".join(t.lower_ for t in sent[tok.i - sent.start : tok.i - sent.start + 6])
    if any(f"{ahead} ".startswith(f"{frame} ") for frame in ctx.lex.act_frames):
        return None  # `called for his resignation`, `declared a state of emergency`: an act or request, no claim
    if low in ctx.lex.evaluation_forms and any(ctx.lex.pronouns.get(c.lower_) == "reflexive" for c in tok.children):
        return None  # `a group calling itself X`, `die zich X noemt`: a name it goes by, no judgement
    if _other_verb(tok, ctx.lex.other_verbs.get(lemma, frozenset()), ctx, sent):
        return None  # `vond rond middernacht plaats`: plaatsvinden, not vinden
    return lemma


def _describes_noun(tok: Token, before: Token | None) -> bool:
    """A participle inside a noun phrase, after a determiner, adjective or preposition and before its noun;
    never `..., reported officials` (inverted order the parser may read the same way)."""
    inside_phrase = before is not None and before.pos_ in ("DET", "ADJ", "ADP", "NUM")
    return inside_phrase and tok.dep_ == "amod" and tok.head.i > tok.i and tok.head.pos_ == "NOUN"


def _noun_after_preposition(before: Token, ctx: Context) -> bool:
    """`in writing`, `of reports`: a preposition (not the infinitive marker `te`) before a homograph."""
    return before.pos_ == "ADP" and before.lower_ not in ctx.lex.infinitive_markers


def _other_verb(tok: Token, others: frozenset[str], ctx: Context, sent: SpacySpan) -> bool:
    """Whether a word or phrase of ``others`` follows the cue in its own clause (before a `dat`), making it
    another verb: `vond rond middernacht plaats` (plaatsvinden), `stelt de kinderen in staat te ...`."""
    if not others:
        return False
    words = []
    for t in sent[tok.i - sent.start + 1 :]:
        if t.lower_ in ctx.lex.complementizers:
            break
        words.append(t.lower_)
    clause = f" {' '.join(words)} "
    return any(f" {other} " in clause for other in others)


def _next_to_subject_pronoun(tok: Token, ctx: Context) -> bool:
    """`hij acht`, and where the subject may follow the verb `acht zij`, `achten analisten`: a subject right
    before or after makes a homograph a finite verb; never `claims they ...` or `omwonenden ramen`."""
    before = ctx.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    after = ctx.doc[tok.i + 1].lower_ if tok.i + 1 < len(ctx.doc) else ""
    if before in ctx.lex.subject_pronouns:
        return True
    return ctx.lex.subject_after_cue and (after in ctx.lex.subject_pronouns or after in ctx.lex.group_nouns)


def _cue_span(tok: Token, lemma: str, ctx: Context, sent: SpacySpan) -> Span:
    """The head word of the cue: for `liet ... weten` the particle verb `weten` carries the meaning."""
    if lemma in ctx.lex.particle_cues:
        particle = ctx.lex.particles[lemma]
        hit = next((t for t in sent if t.i > tok.i and t.lower_ == particle), None)
        if hit is not None:
            return Span.of(ctx.text, hit.idx, hit.idx + len(hit))
    return Span.of(ctx.text, tok.idx, tok.idx + len(tok))


def _kind(ctx: Context, lemma: str, content: Range, cue: Span) -> tuple[str, Range]:
    quote = ctx.quote_at(*trim(ctx.text, *content, quotes=True))  # `told X, "they took it"`: marks aside
    if quote is not None and not quote.start <= cue.start < quote.end:  # a cue inside: speech nested in a quote
        return "direct", trim(ctx.text, quote.start, quote.end, quotes=True)
    if any(q.open_mark is not None and content[0] <= q.open_mark < content[1] for q in ctx.quotes_near(*content)):
        return "mixed", content
    return ("announcement" if lemma in ctx.lex.announcement else "indirect"), content


def _judging(tok: Token, lemma: str, ctx: Context, sent: SpacySpan, cue: Span) -> Attribution | None:
    nxt = ctx.doc[tok.i + 1] if tok.i + 1 < sent.end else None
    clause = complement(tok, ctx, sent) if nxt is not None and nxt.lower_ in ctx.lex.placeholders else None
    if clause is not None and nxt is not None:  # `acht het aannemelijk dat X`, `considers it likely that X`
        words = ctx.text[nxt.idx : clause[0]].lower().split()
        certainty = next((ctx.lex.evaluative_words[w] for w in words if w in ctx.lex.evaluative_words), None)
        source = find_source(tok, ctx, sent, clause)
        return Attribution("indirect", source and ctx.span(*source), cue, (ctx.span(*clause),), certainty=certainty)
    judgement = judge(tok, ctx, sent)
    if judgement is None:
        content = complement(tok, ctx, sent)  # `vindt dat ...`: an opinion, reported speech
        if content is None:
            return None
        source = find_source(tok, ctx, sent, content)
        return Attribution("indirect", source and ctx.span(*source), cue, (ctx.span(*content),))
    source = find_source(tok, ctx, sent, judgement.content)
    kind = judgement.kind
    if kind == "indirect" and any(
        q.open_mark is not None and judgement.content[0] <= q.open_mark < judgement.content[1]
        for q in ctx.quotes_near(*judgement.content)
    ):
        kind = "mixed"
    return Attribution(
        kind, source and ctx.span(*source), cue, (ctx.span(*judgement.content),), certainty=judgement.certainty
    )


def _parenthetical(tok: Token, lemma: str, ctx: Context, sent: SpacySpan, cue: Span) -> Attribution | None:
    """`The new bridge, the mayor said, would cost millions`: a cue and its subject between two commas inside
    the sentence; the content is the sentence around them, in two pieces."""
    pieces = parenthetical_content(tok, ctx, sent)
    if pieces is None:
        return None
    source = find_source(tok, ctx, sent, pieces[1])
    if source is None:
        return None
    kind = "announcement" if lemma in ctx.lex.announcement else "indirect"
    return Attribution(kind, ctx.span(*source), cue, tuple(ctx.span(*p) for p in pieces))


def _attribution(tok: Token, lemma: str, ctx: Context, sent: SpacySpan) -> Attribution | None:
    cue = _cue_span(tok, lemma, ctx, sent)
    if lemma in ctx.lex.evaluation_forms.values() and lemma not in ctx.lex.say_forms.values():
        return _judging(tok, lemma, ctx, sent, cue)
    parenthetical = _parenthetical(tok, lemma, ctx, sent, cue)
    if parenthetical is not None:
        return parenthetical
    finders = (anaphoric_content, quote_after, complement, comma_clause, colon_content, preceding_content)
    found = (finder(tok, ctx, sent) for finder in finders)
    content = next((c for c in found if c is not None and not _only_time_or_number(ctx, c)), None)
    thing = content is None and lemma in ctx.lex.thing_object_verbs
    content = (
        content
        or object_content(tok, lemma, ctx, sent)
        or preposition_content(tok, lemma, ctx, sent)
        or infinitive_content(tok, ctx, sent)
    )
    if content is None or content[1] <= content[0]:
        if lemma in ctx.lex.announcement:
            source = find_source(tok, ctx, sent, None)
            if source is None:
                return None  # `zouden worden aangekondigd`: an announcement by nobody named is none
            return Attribution("announcement", ctx.span(*source), cue, ())
        return None
    kind, content = _kind(ctx, lemma, cut_chain(ctx, content), cue)
    kind = "announcement" if thing and kind == "indirect" else kind  # `onthulde de nieuwe iPhone`: a thing shown
    source = find_source(tok, ctx, sent, content)
    bare = tok.i > 0 and ctx.doc[tok.i - 1].lower_ in ctx.lex.infinitive_markers  # `het is goed om te melden`
    if source is None and (is_passive(tok) or is_impersonal(tok, ctx, sent) or bare):
        return None  # `rain is expected`, `wordt verwacht`, `er is gezegd`: an agentless passive names no source
    second = coordinated_quote(ctx, content) if kind == "direct" else None
    spans = (content,) if second is None else (content, trim(ctx.text, *second))
    return Attribution(kind, source and ctx.span(*source), cue, tuple(ctx.span(*x) for x in spans))


def _only_time_or_number(ctx: Context, content: tuple[int, int]) -> bool:
    """`zei een woordvoerder donderdagochtend`: a time (or number) the parser hung on the cue says nothing."""
    if isinstance(ctx.blocked_phrases, SpanSet):  # indexed
        return ctx.blocked_phrases.encloses(*content)
    return any(a <= content[0] and content[1] <= b for a, b in ctx.blocked_phrases)


def _nested(a: Attribution, quote: Quote, ctx: Context) -> bool:
    """Reported speech inside a quote (`"Everyone said that we were mad"`): a source and a `that` clause, both
    inside the quote; any other cue word inside a quote is part of the quoted statement."""
    inside_quote = [s for s in (a.source, *a.content) if s is not None]
    before = word_before(ctx.text, a.content[0].start) if a.content else []
    return (
        a.kind == "indirect"
        and a.source is not None
        and ctx.text[a.source.start : a.source.end].lower() not in ctx.lex.first_person
        and bool(before)
        and before[0].lower() in ctx.lex.complementizers
        and all(quote.start <= s.start and s.end <= quote.end for s in inside_quote)
    )


FRAME_REACH = 6  # tokens from a frame verb to its object noun (`ziet het bedrijf zelf geen aanwijzingen`)


def _frame_object(tok: Token, ctx: Context, sent: SpacySpan) -> Token | None:
    """The object noun that makes a frame verb a cue (`sees no sign of`, `ziet geen aanwijzingen voor`, `put the
    number of dead at five`): one of its lemma's nouns within a few words after it, before any punctuation."""
    lemma = ctx.lex.frame_forms.get(tok.lower_)
    if lemma is None or (tok.pos_ and tok.pos_ not in ("VERB", "AUX")):
        return None
    for t in sent[tok.i - sent.start + 1 : tok.i - sent.start + 1 + FRAME_REACH]:
        if t.is_punct or t.lower_ in ctx.lex.complementizers:
            return None
        if t.lower_ in ctx.lex.frame_objects[lemma]:
            return t
    return None


def _framed(tok: Token, ctx: Context, sent: SpacySpan) -> Attribution | None:
    """`X sees no sign of Y`, `X had put the toll at five`: the object noun phrase and what follows it in the
    clause are the content (a `dat`/`that` after the noun belongs to it: `geen aanwijzingen dat ...`)."""
    noun = _frame_object(tok, ctx, sent)
    if noun is None:
        return None
    first = min(noun.left_edge.i, noun.i) if noun.left_edge.i > tok.i else noun.i
    while first < noun.i and ctx.doc[first].pos_ in ("ADV", "ADP", "PUNCT"):
        first += 1  # `ziet zelf geen ...`: an adverb the parser hung on the noun
    content = trim(ctx.text, ctx.doc[first].idx, clause_end(first, tok, ctx, sent))
    if content[1] <= content[0]:
        return None
    source = find_source(tok, ctx, sent, content)
    if source is None:
        return None  # `no sign was seen`: a frame without its source is the article's own
    cue = Span.of(ctx.text, tok.idx, tok.idx + len(tok))
    return Attribution("indirect", ctx.span(*source), cue, (ctx.span(*content),))


def find_verb_attributions(ctx: Context, found: Sequence[Attribution]) -> list[Attribution]:
    """Every attribution whose cue is a verb of saying, judging or announcing.
    ``found`` (what the constructions before this one found) is unused: `constructions.py` gives every finder one
    signature."""
    out: list[Attribution] = []
    for sent in ctx.sentences():
        for tok in sent:
            lemma = _is_cue(tok, ctx, sent)
            if lemma is None:
                framed = _framed(tok, ctx, sent)
                if framed is not None and not any(
                    q.start <= tok.idx < q.end for q in ctx.quotes_near(tok.idx, tok.idx + 1)
                ):
                    out.append(framed)
                continue
            near = ctx.quotes_near(tok.idx, tok.idx + 1)
            quote = next((q for q in near if q.open_mark is not None and q.start <= tok.idx < q.end), None)
            if tok.lower_ in ctx.lex.no_response_cues and negated(tok, ctx, sent):
                continue  # `wilde dat niet bevestigen`: a non-response, not a report
            attribution = _attribution(tok, lemma, ctx, sent) or _framed(tok, ctx, sent)  # `vond geen aanwijzingen`
            if attribution is not None and (quote is None or _nested(attribution, quote, ctx)):
                out.append(attribution)
    return out


__all__ = ["QUOTE_CHARS", "find_verb_attributions"]
