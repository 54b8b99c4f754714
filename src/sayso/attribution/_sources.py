"""Who speaks for a cue: the parser's subject when plausible, else a noun phrase near the cue."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sayso.attribution._context import Context
from sayso.attribution._tokens import (
    char_span,
    inside,
    noun_phrase_after,
    noun_phrase_before,
    relative_comma,
    starting_in,
    subjects_of,
    subtree_range,
    trim,
)

Range = tuple[int, int]
AGENT_REACH = 5
VERB_CHAIN = frozenset({"xcomp", "dep", "conj", "aux", "aux:pass"})  # tokens from a passive cue to `by`/`door`


def _usable(ctx: Context, a: int, b: int, content: Range | None) -> bool:
    clear = content is None or b <= content[0] or a >= content[1]
    first = ctx.doc.char_span(a, b, alignment_mode="expand")
    count = first is not None and len(first) > 0 and first[0].like_num  # `twee diplomaten`
    return b > a and clear and (count or not inside(a, ctx.blocked_phrases))


def _edges(ctx: Context, a: int, b: int) -> Range:
    """A source without a trailing `dat`/`that`, a leading `ook`/`also`, or who was told (`aan X`)."""
    words = ctx.text[a:b].split()
    if len(words) > 1 and words[-1].lower() in ctx.lex.complementizers:
        a, b = trim(ctx.text, a, b - len(words[-1]))
    words = ctx.text[a:b].split()
    if len(words) > 1 and words[0].lower() in ctx.lex.source_stops:
        a, b = trim(ctx.text, a + len(words[0]), b)
    for prep in ctx.lex.addressee_prepositions:
        cut = ctx.text[a:b].lower().find(f" {prep} ")
        if cut > 0:
            a, b = trim(ctx.text, a, a + cut)
    return a, b


def _agent(tok: Token, ctx: Context, sent: SpacySpan) -> Range | None:
    """`was confirmed on Monday by X`, `werd bevestigd door X`: the agent of a passive cue."""
    participle = "Part" in tok.morph.get("VerbForm", []) or tok.tag_ == "VBN"
    passive = any(t.pos_ == "AUX" for t in sent[max(0, tok.i - sent.start - 4) : tok.i - sent.start])
    if not (participle and passive):
        return None
    for t in sent[tok.i - sent.start + 1 : tok.i - sent.start + 1 + AGENT_REACH]:
        if t.lower_ in ctx.lex.agent_prepositions:
            rng = noun_phrase_after(ctx.doc, t.i + 1, sent.end, ctx.lex, ctx.blocked_phrases)
            return trim(ctx.text, *char_span(ctx.doc[rng[0] : rng[1]])) if rng else None
    for t in reversed(sent[max(0, tok.i - sent.start - AGENT_REACH) : tok.i - sent.start]):
        if t.is_punct or t.pos_ == "AUX":
            break  # only between the auxiliary and the cue: not `the report by X was denied`
        if t.lower_ in ctx.lex.agent_prepositions:  # `werd door de politie gemeld`: the agent before the cue
            rng = noun_phrase_after(ctx.doc, t.i + 1, tok.i, ctx.lex, ctx.blocked_phrases)
            return trim(ctx.text, *char_span(ctx.doc[rng[0] : rng[1]])) if rng else None
    return None


def _clause_opened_between(ctx: Context, a: int, b: int) -> bool:
    """Whether `, alhoewel` / `, but` / `, terwijl` opens another clause between tokens ``a`` and ``b``."""
    return any(ctx.doc[k].text == "," and ctx.doc[k + 1].lower_ in ctx.lex.clause_openers for k in range(a, b - 1))


def _past_dateline(subj: Token, ctx: Context) -> bool:
    """A subject the parser found in a dateline whose phrase runs on past it (`BRUSSEL (BELGA) - Een groep`)."""
    return any(a <= subj.idx < b <= subj.right_edge.idx for a, b in ctx.datelines)


def _parsed_subject(tok: Token, ctx: Context, sent: SpacySpan, content: Range | None) -> Range | None:
    subj = next(
        (s for s in subjects_of(tok, sent) if not inside(s.idx, ctx.blocked_phrases) or _past_dateline(s, ctx)), None
    )
    if subj is None or subj.lower_ in ctx.lex.complementizers:
        return None
    if subj.dep_ in ("nsubj:pass", "nsubjpass") and subj.head.i == tok.i:
        return None  # the subject of a passive cue is what was said (`was asked ... and said`: it is who)
    if subj.i < tok.i and _clause_opened_between(ctx, subj.i, tok.i):
        return None  # `X keurde het af, alhoewel experts stellen dat ...`: X is the other clause's subject
    left, right = subtree_range(subj, stop_at=tok.i)
    phrase = noun_phrase_after(ctx.doc, left, tok.i if left < tok.i else sent.end, ctx.lex, ctx.blocked_phrases)
    if phrase is not None and phrase[1] > right:
        right = phrase[1]  # the parser's subject cut short: `dijkgraaf` + `Henk Visser`
    a, b = char_span(ctx.doc[left:right])
    a = next((end for start, end in ctx.datelines if start <= a < end < b), a)  # `BRUSSEL (BELGA) - Een groep`
    relative = relative_comma(ctx.text[a:b], ctx.lex)  # a time inside `, who founded it in 2004,` stays
    cut_from = b if relative is None else a + relative
    b = min(
        [b, *(x for x, _ in starting_in(ctx.blocked_phrases, a + 1, cut_from) if not ctx.text[x : x + 1].isdigit())]
    )
    if content is not None and a < content[0] < b:
        b = content[0]
    if content is not None and a < content[1] < b:
        a = content[1]
    a, b = _edges(ctx, *trim(ctx.text, a, b))
    return (a, b) if _usable(ctx, a, b, content) else None


def _chained(tok: Token) -> bool:
    """Whether ``tok`` hangs on its head within one verb chain (a participle under its auxiliary too), or is a
    present participle that goes on its head's clause (`X cut 300 jobs, adding that ...`: X adds)."""
    return (
        tok.dep_ in VERB_CHAIN
        or (tok.dep_ in ("parataxis", "ccomp") and tok.head.pos_ == "AUX")
        or (tok.dep_ == "advcl" and _present_participle(tok) and tok.i > 0 and tok.nbor(-1).text == ",")
    )


def _present_participle(tok: Token) -> bool:
    forms = tok.morph.get("VerbForm", [])
    return "Ger" in forms or ("Part" in forms and "Prog" in tok.morph.get("Aspect", []))


def _misplaced_conjunct(verb: Token, cue: Token) -> bool:
    """`X bevestigde dat Y vertrok maar wilde niet zeggen ...`: a verb right after `maar`/`en` with the cue after
    it stands in main-clause order, though the parser hangs it on the verb of the `dat` clause before it."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return (
        verb.dep_ == "conj"
        and verb.head.dep_ == "ccomp"
        and before is not None
        and before.pos_ == "CCONJ"
        and verb.i < cue.i
        and verb.head.head.i != verb.head.i
    )


def _coordinated_with(verb: Token, cue: Token) -> Token:
    """The verb that ``verb`` hangs on, or is coordinated with when the parser hung it elsewhere: past the verb of
    the `dat` clause before it (`bevestigde dat Y vertrok maar wilde ...`), or past the noun it hung a conjunct on
    (`kreeg een prototype en publiceerde ...`) to the verb governing that noun."""
    if _misplaced_conjunct(verb, cue):
        return verb.head.head
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
    return head


def _governing_subject(tok: Token, ctx: Context, sent: SpacySpan, content: Range | None) -> Range | None:
    """`Een woordvoerder wilde niet reageren`: the subject of a verb the cue hangs on."""
    head = tok
    participle = False
    while _chained(head) and head.head.i != head.i and sent.start <= head.head.i < sent.end:
        if head.head.i < tok.i and _clause_opened_between(ctx, head.head.i, tok.i):
            break  # `..., alhoewel experts stellen`: not up into the clause before
        participle = participle or head.dep_ == "advcl"
        head = _coordinated_with(head, tok)
        while participle and head.dep_ == "ccomp" and head.head.i != head.i:
            head = head.head  # `X said [a swing was unlikely], noting that ...`: X notes, not the swing
        if head.pos_ in ("VERB", "AUX") and head.i < tok.i and not _misplaced_conjunct(head, tok):
            found = _parsed_subject(head, ctx, sent, content)
            if found is not None:
                return found
    return None


def is_passive(tok: Token) -> bool:
    """A passive cue (`is expected`, `wordt verwacht`): only an agent (`by X`) can be its source."""
    return any(c.dep_ in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass") for c in tok.children)


def is_impersonal(tok: Token, ctx: Context, sent: SpacySpan) -> bool:
    """`Er is wel eens gezegd dat ...`, `Er werd gemeld dat ...`: a participle cue in a clause whose subject is a
    dummy (`er`) right before its auxiliary; an impersonal passive, however the parser hung the auxiliary."""
    if "Part" not in tok.morph.get("VerbForm", []):
        return False
    for t in reversed(sent[: tok.i - sent.start]):
        if t.is_punct:
            return False
        nxt = ctx.doc[t.i + 1]
        if t.lower_ in ctx.lex.impersonal_subjects and nxt.i < tok.i and nxt.pos_ in ("AUX", "VERB"):
            return True
    return False


def _first_word_subject(tok: Token, ctx: Context, sent: SpacySpan) -> Range | None:
    """`PortLink meldde maandag dat ...`: a name of one word that opens the sentence right before its finite
    cue, however mistagged (a brand written with an inner capital as an adjective), is the cue's subject."""
    start = ctx.doc.char_span(ctx.start_of(sent), sent.end_char, alignment_mode="expand")
    first = start[0] if start is not None and len(start) else None
    if first is None or first.i != tok.i - 1 or "Fin" not in tok.morph.get("VerbForm", []):
        return None
    inner_capital = first.is_alpha and any(c.isupper() for c in first.text[1:]) and not first.is_upper
    name = first.pos_ in ("PROPN", "NOUN") or inner_capital
    return (first.i, first.i + 1) if name and first.lower_ not in ctx.lex.source_stops else None


def find_source(tok: Token, ctx: Context, sent: SpacySpan, content: Range | None) -> Range | None:
    """Characters of the speaker's noun phrase for the cue ``tok``."""
    agent = _agent(tok, ctx, sent)
    if agent is not None and _usable(ctx, *agent, content):
        return agent
    if is_passive(tok):
        return None
    if content is not None and content[1] <= tok.idx and tok.idx - content[1] <= 3:
        span = ctx.doc.char_span(content[0], content[1], alignment_mode="expand")
        rng = noun_phrase_before(ctx.doc, span.start, sent.start, ctx.lex, ctx.blocked_phrases) if span else None
        if rng is not None:  # `dat de minister „aannemelijk” achtte`: the judge stands right before the judgement
            a, b = _edges(ctx, *trim(ctx.text, *char_span(ctx.doc[rng[0] : rng[1]])))
            if _usable(ctx, a, b, content):
                return a, b
    parsed = _parsed_subject(tok, ctx, sent, content)
    if parsed is not None:
        return parsed
    governing = _governing_subject(tok, ctx, sent, content)
    if governing is not None:
        return governing
    right_before = ctx.doc[tok.i - 1] if tok.i > sent.start else None
    if right_before is not None and right_before.lower_ in ctx.lex.subject_pronouns:  # `Hij acht het ...`
        a, b = right_before.idx, right_before.idx + len(right_before)
        if _usable(ctx, a, b, content):
            return a, b
    inverted = content is not None and content[1] <= tok.idx
    candidates = []
    if inverted or ctx.lex.subject_after_cue:
        candidates.append(noun_phrase_after(ctx.doc, tok.i + 1, sent.end, ctx.lex, ctx.blocked_phrases))
        auxiliaries = [c for c in tok.children if c.dep_ in ("aux", "aux:pass") and c.i < tok.i]
        if ctx.lex.subject_after_cue and auxiliaries:  # `Dat heeft de raad dinsdag bekendgemaakt`
            after_aux = auxiliaries[0].i + 1
            candidates.append(noun_phrase_after(ctx.doc, after_aux, tok.i, ctx.lex, ctx.blocked_phrases))
    before = tok.i
    if content is not None and content[1] <= tok.idx and tok.idx - content[1] <= 3:
        span = ctx.doc.char_span(content[0], content[1], alignment_mode="expand")
        before = span.start if span is not None else before  # `X „aannemelijk” achtte`: X before the judgement
    rng_before = noun_phrase_before(ctx.doc, before, sent.start, ctx.lex, ctx.blocked_phrases)
    if rng_before is not None and rng_before[0] > sent.start and ctx.doc[rng_before[0] - 1].pos_ == "ADP":
        rng_before = None  # `op de uitspraken van X gereageerd`: the object of a preposition is no subject
    candidates.append(rng_before)
    candidates.append(_first_word_subject(tok, ctx, sent))
    for rng in candidates:
        if rng is not None:
            a, b = _edges(ctx, *trim(ctx.text, *char_span(ctx.doc[rng[0] : rng[1]])))
            if _usable(ctx, a, b, content):
                return a, b
    return None
