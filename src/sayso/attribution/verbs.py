"""Attributions cued by a verb: `X zei dat ...`, `..., zegt X`, `Dat zei X`, `X said: "..."`.

Also evaluations (`X achtte het bericht aannemelijk`) and announcements.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from sayso.attribution._context import Context
from sayso.attribution._tokens import (
    LINKS,
    is_nominal,
    QUOTE_CHARS,
    char_span,
    inside,
    noun_phrase_after,
    noun_phrase_before,
    subject_of,
    subtree_range,
    trim,
)
from sayso.records import Attribution, Span

MAX_GAP_TO_COMPLEMENTIZER = 30  # tokens between a cue and its `dat`/`that`


def _is_cue(tok: Token, ctx: Context, sent: SpacySpan) -> str | None:
    """The cue's lemma when ``tok`` is a verb of saying here, else None."""
    low = tok.lower_
    lemma = ctx.lex.say_forms.get(low) or ctx.lex.evaluation_forms.get(low)
    if lemma is None:
        return None
    if tok.pos_ and tok.pos_ not in ("VERB", "AUX") and (low in ctx.lex.homographs or tok.pos_ in ("ADP", "DET", "NUM", "PROPN")):
        return None  # a form that is also a noun or number (`berichten`, `reports`, `acht`) must be tagged a verb
    particle = ctx.lex.needs_particle(low)
    if particle and not any(t.lower_ == particle for t in sent if t.i > tok.i):
        return None
    return lemma


def _complement(tok: Token, ctx: Context, sent: SpacySpan) -> tuple[int, int] | None:
    """Characters of a `dat`/`that` clause (or a ccomp) that follows the cue."""
    for t in sent[tok.i - sent.start + 1 : tok.i - sent.start + 1 + MAX_GAP_TO_COMPLEMENTIZER]:
        if t.text in ".;!?":
            break
        if t.lower_ in ctx.lex.complementizers and t.pos_ in ("SCONJ", ""):
            if t.i + 1 < sent.end:
                return trim(ctx.text, ctx.doc[t.i + 1].idx, sent.end_char)
    for child in tok.children:
        if child.dep_ == "ccomp" and child.i > tok.i:
            left, right = subtree_range(child)
            if ctx.doc[left].lower_ in ctx.lex.complementizers:
                left += 1
            if left < right:
                return trim(ctx.text, ctx.doc[left].idx, ctx.doc[right - 1].idx + len(ctx.doc[right - 1]))
    return None


def _colon_content(tok: Token, ctx: Context, sent: SpacySpan) -> tuple[int, int] | None:
    """`X zei: „...”` — the quote after the colon that follows the cue (and its object)."""
    for t in sent[tok.i - sent.start + 1 :]:
        if t.text == ":":
            quote = next((q for q in ctx.quotes if 0 <= (q.open_mark or q.start) - t.idx <= 3), None)
            if quote is not None:
                return quote.start, quote.end
            return trim(ctx.text, t.idx + 1, sent.end_char)
        if t.text in ".;!?" or t.lower_ in ctx.lex.complementizers:
            return None
    return None


def _preceding_content(tok: Token, ctx: Context, sent: SpacySpan) -> tuple[int, int] | None:
    """`..., zegt X.` / `„...”, he said.` — the content before the comma in front of the cue."""
    k = tok.i - 1
    while k >= sent.start and k > tok.i - 10 and ctx.doc[k].text != ",":
        t = ctx.doc[k]  # `..., he said` / `..., officials in Kyiv said`: only the subject may stand between
        if not (is_nominal(t) or t.lower_ in LINKS or t.pos_ == "AUX" or t.text in QUOTE_CHARS):
            return None
        k -= 1
    if k < sent.start or ctx.doc[k].text not in (",", *QUOTE_CHARS):
        return None
    comma = ctx.doc[k]
    if k == sent.start:
        return None
    end = comma.idx
    quote = next((q for q in ctx.quotes if q.close_mark is not None and 0 <= end - q.close_mark <= 2), None)
    if quote is not None:
        return quote.start, quote.end
    start = sent.start_char
    if k > sent.start and ctx.doc[k].text in QUOTE_CHARS:
        end = ctx.doc[k].idx
    return trim(ctx.text, start, end)


def _object_content(tok: Token, lemma: str, ctx: Context, sent: SpacySpan) -> tuple[int, int] | None:
    """`hij voorspelde de komst van meer troepen`: a verb whose object is itself a claim."""
    if lemma not in ctx.lex.object_content_verbs:
        return None
    ends = [right for child in tok.children if child.dep_ in ("obj", "dobj") and child.i > tok.i
            for _, right in [subtree_range(child)]]
    if not ends and noun_phrase_before(ctx.doc, tok.i, sent.start, ctx.lex, ctx.blocked_phrases) is None:
        return None  # with no subject before the cue, the phrase after it is the subject
    rng = noun_phrase_after(ctx.doc, tok.i + 1, sent.end, ctx.lex, ctx.blocked_phrases)
    if rng is not None:
        ends.append(rng[1])
    if not ends:
        return None
    end = ctx.doc[max(ends) - 1]
    return trim(ctx.text, ctx.doc[tok.i + 1].idx, end.idx + len(end))


def _anaphoric_content(tok: Token, ctx: Context, sent: SpacySpan) -> tuple[int, int] | None:
    """`Dat zei X`: the content is the sentence before."""
    first = sent[0]
    if first.i != tok.i - 1 or first.lower_ not in ctx.lex.anaphoric or sent.start == 0:
        return None
    prev = ctx.doc[sent.start - 1].sent
    return trim(ctx.text, prev.start_char, prev.end_char)


def _source(tok: Token, ctx: Context, sent: SpacySpan, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Characters of the speaker's noun phrase: the parser's subject when it is plausible, else the
    noun phrase after the cue (inverted order) or before it."""

    def usable(a: int, b: int) -> bool:
        clear = content is None or b <= content[0] or a >= content[1]
        first = ctx.doc.char_span(a, b, alignment_mode="expand")
        count = first is not None and len(first) > 0 and first[0].like_num
        return b > a and clear and (count or not inside(a, ctx.blocked_phrases))

    subj = subject_of(tok, sent)
    if subj is not None and subj.lower_ not in ctx.lex.complementizers and not inside(subj.idx, ctx.blocked_phrases):
        left, right = subtree_range(subj, stop_at=tok.i)
        phrase = noun_phrase_after(ctx.doc, left, tok.i if left < tok.i else sent.end, ctx.lex, ctx.blocked_phrases)
        if phrase is not None and phrase[1] > right:
            right = phrase[1]  # the parser's subject cut short: `dijkgraaf` + `Henk Visser`
        a, b = char_span(ctx.doc[left:right])
        if content is not None and a < content[0] < b:
            b = content[0]
        if content is not None and a < content[1] < b:
            a = content[1]
        a, b = _drop_edge_words(ctx, *trim(ctx.text, a, b))
        if usable(a, b):
            return a, b
    inverted = content is not None and content[1] <= tok.idx
    candidates = []
    if inverted or ctx.lex.subject_after_cue:
        candidates.append(noun_phrase_after(ctx.doc, tok.i + 1, sent.end, ctx.lex, ctx.blocked_phrases))
    before = tok.i
    if content is not None and content[1] <= tok.idx and tok.idx - content[1] <= 3:
        first = ctx.doc.char_span(content[0], content[1], alignment_mode="expand")
        before = first.start if first is not None else before  # `X „aannemelijk” achtte`: X stands before the judgement
    candidates.append(noun_phrase_before(ctx.doc, before, sent.start, ctx.lex, ctx.blocked_phrases))
    for rng in candidates:
        if rng is not None:
            a, b = trim(ctx.text, *char_span(ctx.doc[rng[0] : rng[1]]))
            if usable(a, b):
                return a, b
    return None


def _drop_edge_words(ctx: Context, a: int, b: int) -> tuple[int, int]:
    """A source without a trailing `dat`/`that` or a leading `ook`/`also`."""
    words = ctx.text[a:b].split()
    if len(words) > 1 and words[-1].lower() in ctx.lex.complementizers:
        a, b = trim(ctx.text, a, b - len(words[-1]))
    words = ctx.text[a:b].split()
    if len(words) > 1 and words[0].lower() in ctx.lex.source_stops:
        a, b = trim(ctx.text, a + len(words[0]), b)
    low = ctx.text[a:b].lower()
    for prep in ctx.lex.addressee_prepositions:  # `die bronnen aan de Britse krant`: who was told is no speaker
        cut = low.find(f" {prep} ")
        if cut > 0:
            a, b = trim(ctx.text, a, a + cut)
            low = ctx.text[a:b].lower()
    return a, b


def _evaluation(tok: Token, ctx: Context, sent: SpacySpan) -> tuple[int, int, str] | None:
    """The evaluative word a judging verb gives its object (`achtte ... „aannemelijk”`)."""
    window = sent[max(0, tok.i - sent.start - 6) : tok.i - sent.start + 6]
    for t in window:
        certainty = ctx.lex.evaluative_words.get(t.lower_)
        if certainty and t.i != tok.i:
            return t.idx, t.idx + len(t), certainty
    return None


def _cut_chain(ctx: Context, content: tuple[int, int]) -> tuple[int, int]:
    """A content ends before `, citing X` / `, op basis van X`: that is the chain, not the claim."""
    low = ctx.text[content[0] : content[1]].lower()
    cuts = [low.find(f", {phrase} ") for phrase in ctx.lex.based_on]
    cuts = [c for c in cuts if c > 0]
    return trim(ctx.text, content[0], content[0] + min(cuts)) if cuts else content


def _kind(ctx: Context, lemma: str, content: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    quote = ctx.quote_at(*content)
    if quote is not None:
        return "direct", trim(ctx.text, quote.start, quote.end, quotes=True)
    text = ctx.text[content[0] : content[1]]
    if any(c in QUOTE_CHARS[:6] for c in text) or any(
        q.open_mark is not None and content[0] <= q.open_mark < content[1] for q in ctx.quotes
    ):
        return "mixed", content
    return ("announcement" if lemma in ctx.lex.announcement else "indirect"), content


def find_verb_attributions(ctx: Context) -> list[Attribution]:
    """Every attribution whose cue is a verb of saying, judging or announcing."""
    out: list[Attribution] = []
    for sent in ctx.sentences():
        for tok in sent:
            lemma = _is_cue(tok, ctx, sent)
            if lemma is None or any(q.start <= tok.idx < q.end for q in ctx.quotes if q.end - q.start > 0 and q.open_mark is not None):
                continue
            attribution = _attribution(tok, lemma, ctx, sent)
            if attribution is not None:
                out.append(attribution)
    return out


def _attribution(tok: Token, lemma: str, ctx: Context, sent: SpacySpan) -> Attribution | None:
    cue = Span.of(ctx.text, tok.idx, tok.idx + len(tok))
    if lemma in ctx.lex.evaluation_forms.values() and lemma not in ctx.lex.say_forms.values():
        judged = _evaluation(tok, ctx, sent)
        if judged is None:
            content = _complement(tok, ctx, sent)
            if content is None:
                return None
            source = _source(tok, ctx, sent, content)
            return Attribution("indirect", source and ctx.span(*source), cue, (ctx.span(*content),))
        a, b, certainty = judged
        source = _source(tok, ctx, sent, (a, b))
        return Attribution(
            "evaluation", source and ctx.span(*source), cue, (ctx.span(a, b),), certainty=certainty
        )
    content = (
        _anaphoric_content(tok, ctx, sent)
        or _complement(tok, ctx, sent)
        or _colon_content(tok, ctx, sent)
        or _preceding_content(tok, ctx, sent)
        or _object_content(tok, lemma, ctx, sent)
    )
    if content is None or content[1] <= content[0]:
        if lemma in ctx.lex.announcement:
            source = _source(tok, ctx, sent, None)
            return Attribution("announcement", source and ctx.span(*source), cue, ())
        return None
    kind, content = _kind(ctx, lemma, _cut_chain(ctx, content))
    source = _source(tok, ctx, sent, content)
    return Attribution(kind, source and ctx.span(*source), cue, (ctx.span(*content),))
