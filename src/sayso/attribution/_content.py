"""Where the content of a verb-cued attribution lies, tried in the order `verbs.py` gives."""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sayso._slices import first_visible
from sayso.attribution._context import Context
from sayso.attribution._tokens import (
    QUOTE_CHARS,
    SUBJECT_DEPS,
    inside,
    is_nominal,
    noun_phrase_after,
    noun_phrase_before,
    subtree_range,
    trim,
)
from sayso.attribution.quotes import Quote

MAX_GAP_TO_COMPLEMENTIZER = 30  # tokens between a cue and its `dat`/`that`
QUOTE_MIN_WORDS = 4  # a shorter quote right after a cue is a quoted term, not what was said
Range = tuple[int, int]


def is_complementizer(t: Token, ctx: Context) -> bool:
    """`dat`/`that` opening a clause; right after a common noun it is a relative pronoun instead."""
    if t.lower_ not in ctx.lex.complementizers:
        return False
    k = t.i - 1
    while k > 0 and t.doc[k].text in QUOTE_CHARS:
        k -= 1  # `"every health centre" that had been damaged`: the noun inside the quote counts
    if t.pos_ in ("SCONJ", ""):
        return not (k < t.i - 1 and t.doc[k].pos_ == "NOUN")
    return t.i > 0 and t.doc[k].pos_ != "NOUN" and t.pos_ in ("DET", "PRON")


def _opens_chain(t: Token, ctx: Context) -> bool:
    """`citing X`, `quoting X`: a verb that only names the chain, inside the cue's clause."""
    return any(phrase.split()[0] == t.lower_ for phrase in ctx.lex.based_on)


def _starts_other_clause(t: Token) -> bool:
    """A verb with a clause of its own: finite, or opening `, noting ...` after a comma."""
    if t.pos_ != "VERB":
        return False
    finite = "Fin" in t.morph.get("VerbForm", []) or t.tag_ in ("VBD", "VBZ", "VBP")
    return finite or (t.i > 0 and t.doc[t.i - 1].text == ",")


def _second_verb_of_cue(verb: Token, cue: Token) -> bool:
    """`said the risk was small and called ...`, `said ..., noting that ...`: a verb with no subject of
    its own that hangs on the cue (or, by a common parser error, on the head of its content)."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    heads = {cue.i} | {c.i for c in cue.children if c.dep_ == "ccomp"}
    if verb.head.i not in heads or verb.dep_ not in ("conj", "advcl", "parataxis"):
        return False
    if verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text == ",":
        return False  # `had tried, and failed, to reach`: an aside inside the content
    gerund = verb.tag_ == "VBG" or "Ger" in verb.morph.get("VerbForm", [])  # `, noting that ...`
    same_form = verb.tag_ == cue.tag_ and verb.morph.get("Tense", []) == cue.morph.get("Tense", [])
    return gerund or same_form  # `had tried, and failed,` stays inside the content


def _gerund_cue(t: Token, ctx: Context) -> bool:
    low = t.lower_
    gerund = t.tag_ == "VBG" or "Ger" in t.morph.get("VerbForm", [])
    return gerund and (low in ctx.lex.say_forms or low in ctx.lex.evaluation_forms)


def _speaker_goes_on(conj: Token, ctx: Context, sent: SpacySpan) -> bool:
    """After `, but`/`, maar`: a verb with no subject of its own (`but denied ...`), or a cue within a few
    words (`but they described ...`, `maar wilde ze niet zeggen`, `but according to X`) ends the content; a
    clause with a subject of its own (`, but the roads stay closed`) goes on with it."""
    ahead = [t for t in ctx.doc[conj.i + 1 : min(conj.i + 7, sent.end)] if not t.is_punct]
    if not ahead or ahead[0].lower_ in ctx.lex.complementizers:
        return not ahead
    cues = (ctx.lex.say_forms, ctx.lex.evaluation_forms, ctx.lex.prepositions)
    if any(t.lower_ in words for t in ahead for words in cues):
        return True  # `but they described ...`, `maar volgens diplomaten ...`: another statement
    first = next((t for t in ahead if t.pos_ != "ADV"), ahead[0])
    return first.pos_ in ("VERB", "AUX")


def _listing_colon(colon: Token, nxt: Token | None, sent: SpacySpan) -> bool:
    """A colon before a list of what the content just named (`affected four ports: Rotterdam and ...`):
    names and nouns up to the sentence's end, no verb and no quote. The content goes on."""
    if colon.text != ":" or nxt is None or nxt.is_punct or nxt.is_quote:
        return False
    rest = sent.doc[colon.i + 1 : sent.end]
    return not any(t.pos_ in ("VERB", "AUX") or t.is_quote or t.text in ";:" for t in rest)


def clause_end(start: int, cue: Token, ctx: Context, sent: SpacySpan) -> int:
    """Character offset where the content that runs from token ``start`` ends: at `;`, or before a
    second verb of the cue's own subject (`..., noting that ...`, `... and called ...`)."""
    doc = ctx.doc
    for t in sent[start - sent.start :]:
        nxt = doc[t.i + 1] if t.i + 1 < sent.end else None
        if t.text in ";:" and t.i > start and not _listing_colon(t, nxt, sent):
            return t.idx
        if t.text == "," and nxt is not None and t.i > start and _gerund_cue(nxt, ctx):
            return t.idx  # `..., calling the story "fake news"`, `..., adding that ...`: the speaker goes on
        if t.text == "," and nxt is not None and nxt.lower_ in ctx.lex.relatives and t.i > start:
            ahead = ctx.doc[nxt.i + 1 : min(nxt.i + 4, sent.end)]
            if any(x.lower_ in ctx.lex.say_forms and x.i != cue.i for x in ahead):
                return t.idx  # `..., which he said had cost ...`: a relative clause with its own speaker
        if t.text == "," and nxt is not None and nxt.lower_ in ctx.lex.clause_breaks and t.i > start:
            if _speaker_goes_on(nxt, ctx, sent):
                return t.idx  # `..., maar een bedrag wilde ze niet noemen`: the narrative goes on
        if nxt is None or t.i <= start or not _second_verb_of_cue(nxt, cue):
            continue
        if t.pos_ == "CCONJ":
            prev = doc[t.i - 1]
            return prev.idx if prev.text == "," else prev.idx + len(prev)
        if t.text == "," and _starts_other_clause(nxt):
            return t.idx
    return sent.end_char


def _thing_object(tok: Token, ctx: Context, sent: SpacySpan) -> bool:
    """`onthulde Lion, ...`, `, onthulde Airbus plannen voor ...`: a cue that also takes a thing as its
    object, followed (past its subject, in inverted order) by a noun phrase that is no subject."""
    if ctx.lex.say_forms.get(tok.lower_) not in ctx.lex.thing_object_verbs:
        return False
    doc, nominal = ctx.doc, False
    for t in doc[tok.i + 1 : sent.end]:
        if t.pos_ not in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON"):
            return False
        prev = doc[t.i - 1]
        if nominal and (t.pos_ == "DET" or (t.pos_ == "NOUN" and t.text[:1].islower() and prev.pos_ == "PROPN")):
            return True  # a second noun phrase: subject, then object
        if t.i == tok.i + 1 and t.pos_ == "PROPN" and doc[tok.i - 1].pos_ in ("NOUN", "PROPN", "PRON"):
            return True  # `Apple onthulde Lion`: the subject stands before the cue, so this is the object
        nominal = nominal or is_nominal(t)
    return False


def _object_before(cue: Token, comma_that: Token, ctx: Context, sent: SpacySpan) -> bool:
    """Whether `, dat`/`, that` after a cue follows the cue's object (and so opens a relative clause)."""
    if _thing_object(cue, ctx, sent):
        return True
    lemma = ctx.lex.say_forms.get(cue.lower_)
    noun = ctx.doc[comma_that.i - 2] if comma_that.i - 2 > cue.i else None
    between = ctx.doc[cue.i + 1 : comma_that.i - 1]
    only_object = all(t.pos_ not in ("VERB", "AUX") for t in between)
    return lemma in ctx.lex.object_content_verbs and only_object and noun is not None and noun.pos_ in ("NOUN", "PROPN")


def _after_adjunct(cue: Token, t: Token, ctx: Context, sent: SpacySpan) -> bool:
    """`said in a statement that ...`, `verklaarde tijdens de zitting dat ...`: `that` after the noun of a
    prepositional phrase right after the cue opens the content, unless a verb follows it (a relative clause:
    `said in a report that was published ...`)."""
    if t.lower_ not in ctx.lex.complementizers or cue.i + 2 >= t.i:
        return False
    if not any(x.pos_ == "ADP" for x in ctx.doc[cue.i + 1 : t.i]):
        return False  # `zei zondagavond in een interview dat`: a prepositional phrase between cue and `dat`
    between = ctx.doc[cue.i + 1 : t.i]
    nxt = ctx.doc[t.i + 1] if t.i + 1 < sent.end else None
    return (
        all(x.pos_ not in ("VERB", "AUX", "PUNCT") for x in between)
        and nxt is not None
        and nxt.pos_ not in ("VERB", "AUX")
    )


def _said_after_its_content(tok: Token, ctx: Context, sent: SpacySpan) -> bool:
    """`A strike killed seven people, the ministry says, in one of the deadliest attacks since ... took
    effect`: a cue hung on the clause before it and followed by a comma says that clause; a verb the parser
    hangs on it after the comma is no complement of it."""
    after = tok.i + 1
    return (
        tok.dep_ == "parataxis"
        and tok.head.i < tok.i
        and tok.head.pos_ in ("VERB", "AUX")
        and after < sent.end
        and ctx.doc[after].text == ","
    )


def complement(tok: Token, ctx: Context, sent: SpacySpan) -> Range | None:
    """A `dat`/`that` clause after the cue (past `, citing X,`), or the parser's ccomp."""
    k = tok.i + 1
    while k < min(sent.end, tok.i + 1 + MAX_GAP_TO_COMPLEMENTIZER):
        t = ctx.doc[k]
        if t.text in ".;!?":
            break
        if _opens_chain(t, ctx) and k > 0 and ctx.doc[k - 1].text == ",":
            k = next((c.i for c in ctx.doc[k : sent.end] if c.text == ","), sent.end) + 1
            continue  # jump over the parenthetical chain `, citing X,`
        if _starts_other_clause(t) and not _opens_chain(t, ctx):
            break
        if is_complementizer(t, ctx) or _after_adjunct(tok, t, ctx, sent):
            if t.i + 1 >= sent.end or (ctx.doc[t.i - 1].text == "," and _object_before(tok, t, ctx, sent)):
                break  # `onthulde Lion, de nieuwe versie, dat ...`: a relative clause of the object
            start = t.i + 1
            if ctx.doc[t.i - 1].pos_ == "CCONJ" and t.i - 1 > tok.i + 1:
                start = tok.i + 1  # `said A, and that B`: both complements are the content
            return trim(ctx.text, ctx.doc[start].idx, clause_end(start, tok, ctx, sent))
        k += 1
    if _said_after_its_content(tok, ctx, sent):
        return None
    for child in tok.children:
        crossed = any(t.lower_ in ctx.lex.clause_breaks for t in ctx.doc[tok.i + 1 : child.left_edge.i])
        if child.dep_ == "ccomp" and child.i > tok.i and not crossed:  # never past `terwijl`/`while`
            left, right = subtree_range(child)
            if ctx.doc[left].lower_ in ctx.lex.complementizers:
                left += 1
            if left < right:
                end = min(ctx.doc[right - 1].idx + len(ctx.doc[right - 1]), clause_end(left, tok, ctx, sent))
                return trim(ctx.text, ctx.doc[left].idx, end)
    return None


def comma_clause(tok: Token, ctx: Context, sent: SpacySpan) -> Range | None:
    """`X reported on Monday, the shop had closed`: after a cue and its prepositional phrases (no object, no
    verb) a comma, then a clause with a subject and a finite verb of its own that is no cue (not `..., the
    minister said`); the content is that clause."""
    after = ctx.doc[tok.i + 1 : sent.end]
    comma = next((t for t in after if t.text == ","), None)
    if comma is None or comma.i == tok.i + 1:
        return None
    between = ctx.doc[tok.i + 1 : comma.i]
    first = between[0]
    if first.pos_ != "ADP" or first.lower_ in ctx.lex.addressee_prepositions:
        return None  # `told reporters, ...`, `said to X, ...`
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in ctx.lex.complementizers for t in between):
        return None
    return _clause_after(comma, tok, ctx, sent)


def _clause_after(comma: Token, cue: Token, ctx: Context, sent: SpacySpan) -> Range | None:
    """The clause from the word after ``comma``: a subject, then a finite verb that is no cue."""
    start = comma.i + 1
    verb = next((t for t in ctx.doc[start : sent.end] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.i == start or not is_nominal(ctx.doc[start]) or ctx.doc[start].lower_ in ctx.lex.relatives:
        return None
    finite = "Fin" in verb.morph.get("VerbForm", []) or verb.tag_ in ("VBD", "VBZ", "VBP", "MD")
    if not finite or verb.lower_ in ctx.lex.say_forms or any(t.text in ",;" for t in ctx.doc[start : verb.i]):
        return None
    a, b = trim(ctx.text, ctx.doc[start].idx, clause_end(start, cue, ctx, sent))
    return (a, b) if b > a else None


def colon_content(tok: Token, ctx: Context, sent: SpacySpan) -> Range | None:
    """`X zei: „...”` — the quote after the colon that follows the cue (and its object); also after a comma
    past the cue's phrases (`told a nurse at the desk, in Dutch, "..."`), no verb between."""
    verb = False
    for t in sent[tok.i - sent.start + 1 :]:
        if t.text == "," and t.i > tok.i + 1 and not verb:
            quote = next(
                (
                    q
                    for q in ctx.quotes_near(t.idx + 1, t.idx + 3)
                    if q.open_mark is not None and 0 < q.open_mark - t.idx <= 2
                ),
                None,
            )
            if quote is not None:
                return quote.start, quote.end
        verb = verb or t.pos_ in ("VERB", "AUX")
        if t.text == ":":
            quote = next(
                (q for q in ctx.quotes_near(t.idx, t.idx + 4) if 0 <= (q.open_mark or q.start) - t.idx <= 3), None
            )
            if quote is not None:
                return quote.start, quote.end
            return trim(ctx.text, t.idx + 1, sent.end_char)
        pronoun = t.pos_ == "PRON" and t.head.i == tok.i and t.dep_ in ("obj", "dobj")  # `herhaalde dat ...: „...”`
        if (
            t.text in ".;!?"
            or (t.lower_ in ctx.lex.complementizers and not pronoun)
            or t.lower_ in ctx.lex.clause_breaks
        ):
            return None  # `zei X terwijl Y vertaalde: „...”`: that colon is another clause's
    return None


def quote_after(tok: Token, ctx: Context, sent: SpacySpan) -> Range | None:
    """`X wrote "..."`, `beloofden „...”`, `remarked, "..."`: a quote that opens right after the cue (never
    after a cue word that a determiner makes a noun: `noemde dat bericht „...”`)."""
    before = ctx.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if before in ctx.lex.articles or before in ctx.lex.anaphoric:
        return None
    k = tok.i + 1
    if k < sent.end and ctx.doc[k].text == ",":
        k += 1
    if k >= sent.end or ctx.doc[k].text not in QUOTE_CHARS:
        return None
    at = ctx.doc[k].idx
    quote = next((q for q in ctx.quotes_near(at, at + 1) if q.open_mark == at), None)
    if quote is None or len(ctx.text[quote.start : quote.end].split()) < QUOTE_MIN_WORDS:
        return None  # `had shown "significant seepage"`: a quoted term, no statement
    return quote.start, quote.end


def coordinated_quote(ctx: Context, content: Range) -> Range | None:
    """`said "A" and "B"`: a second quote joined to the quote that is the content, by `and`/`en` alone."""
    near = ctx.quotes_near(content[0], content[0] + 1)
    first = next((q for q in near if q.start == content[0] and q.close_mark is not None), None)
    if first is None or first.close_mark is None:
        return None
    span = ctx.doc.char_span(first.close_mark + 1, len(ctx.text), alignment_mode="expand")
    words = list(islice((t for t in span or () if not t.is_space), 2))
    if len(words) < 2 or words[0].pos_ != "CCONJ" or words[1].text not in QUOTE_CHARS:
        return None
    at = words[1].idx
    second = next((q for q in ctx.quotes_near(at, at + 1) if q.open_mark == at), None)
    return (second.start, second.end) if second is not None else None


def preceding_content(tok: Token, ctx: Context, sent: SpacySpan) -> Range | None:
    """`..., zegt X.` / `„...”, he said.` / `..., officials in Kyiv said.` — the content before the
    comma in front of the cue; only the subject (and an auxiliary) may stand between."""
    walked = _back_to_comma(tok, ctx, sent)
    if walked is None:
        return None
    k, between = walked
    if k <= sent.start or ctx.doc[k].text != "," or (not between and _thing_object(tok, ctx, sent)):
        return None
    if not between and _complementizer_follows(tok, ctx, sent):
        return None  # `De minister, Denys Sjmyhal, zei ... dat ...`: a subject in apposition, not inverted order
    if between and not any(is_nominal(t) for t in between):
        return None  # `Kell, who founded it, has denied ...`: an auxiliary alone is no inverted subject
    end = ctx.doc[k].idx
    near = ctx.quotes_near(end - 2, end + 2)
    quote = next((q for q in near if q.close_mark is not None and 0 <= end - q.close_mark <= 2), None)
    if quote is None:
        quote = next((q for q in near if q.close_mark is not None and 0 <= q.close_mark - end <= 1), None)
    if quote is None:
        quote = _quote_before_apposition(ctx, end)
    if quote is not None:
        return quote.start, quote.end
    if not between and not ctx.lex.subject_after_cue and any(c.dep_ in SUBJECT_DEPS and c.i < k for c in tok.children):
        return None  # `The statement, which was posted online, announced ...`: the subject stands before the comma
    if (
        between
        and not _said_after_its_content(tok, ctx, sent)
        and any(_content_after(tok, c, ctx) for c in tok.children)
    ):
        return None  # `While ..., the AU announced a payment system`: the cue's content follows it
    start = ctx.start_of(sent)
    if not any(_main_verb(t) for t in ctx.doc[sent.start : k] if t.idx >= start):
        return None  # `X, the mayor of Y, announced ...`, `X, which was posted on Y, announced`,
        # `Among them, one name was disclosed`: no clause before
    first = ctx.doc.char_span(*trim(ctx.text, start, end), alignment_mode="expand")
    if first is not None and len(first) and first[0].lower_ in ctx.lex.subordinators:
        return None  # `Toen X het toestel voorstelde, prees hij ...`: an adverbial clause, no claim
    return trim(ctx.text, start, end)


def _content_after(cue: Token, child: Token, ctx: Context) -> bool:
    """An object or clause after the cue that may be its content; not who was told (`, X told reporters`,
    `, X told a news conference`)."""
    if child.i <= cue.i or child.dep_ not in ("obj", "dobj", "ccomp"):
        return False
    return not (child.dep_ != "ccomp" and cue.lower_ in ctx.lex.addressee_verbs)


def _main_verb(t: Token) -> bool:
    """A verb of a clause of its own, not of a relative clause inside a noun phrase."""
    relative = any(x.dep_ in ("relcl", "acl:relcl", "acl") for x in (t, t.head))
    return t.pos_ in ("VERB", "AUX") and not relative


def _complementizer_follows(tok: Token, ctx: Context, sent: SpacySpan) -> bool:
    """A `dat`/`that` after the cue in its own clause: not inside a quote, not past `terwijl`/`while`."""
    for t in sent[tok.i - sent.start + 1 :]:
        if t.lower_ in ctx.lex.clause_breaks:
            return False
        if t.lower_ in ctx.lex.complementizers and not any(
            q.start <= t.idx < q.end for q in ctx.quotes_near(t.idx, t.idx + 1)
        ):
            return True
    return False


def parenthetical_content(tok: Token, ctx: Context, sent: SpacySpan) -> tuple[Range, Range] | None:
    """`In the meantime, she testified, the guards had locked the door`: a comma, the subject, the cue (and a
    time), a comma inside a clause whose verb follows; the content is the sentence before and after the cue,
    quotes left to the quote finders."""
    after = tok.i + 1
    while after < sent.end and inside(ctx.doc[after].idx, ctx.blocked_phrases):
        after += 1  # `, he said on Monday,`
    comma = _subject_comma(tok, ctx, sent)
    if comma is None or after + 1 >= sent.end or ctx.doc[after].text != ",":
        return None
    nxt = ctx.doc[after + 1]
    if nxt.lower_ in ctx.lex.complementizers or _gerund_cue(nxt, ctx) or nxt.lower_ in ctx.lex.relatives:
        return None  # `, X said, adding that ...`: the speaker goes on
    first = trim(ctx.text, ctx.start_of(sent), comma.idx)
    second = trim(ctx.text, nxt.idx, clause_end(after + 1, tok, ctx, sent))
    words = ctx.text[ctx.start_of(sent) : sent.end_char]
    if first[1] <= first[0] or second[1] <= second[0] or any(q in words for q in QUOTE_CHARS):
        return None
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.idx >= first[0]]
    if any(t.idx < first[1] for t in verbs):
        return None  # `Prices will rise, the bank said, because ...`: a whole clause before, the inverted form
    return (first, second) if any(second[0] <= t.idx < second[1] for t in verbs) else None


def _subject_comma(tok: Token, ctx: Context, sent: SpacySpan) -> Token | None:
    """The comma before the subject of a cue that follows it: `, the mayor said`, `, she testified`."""
    walked = _back_to_comma(tok, ctx, sent)
    if walked is None:
        return None
    k, between = walked
    return ctx.doc[k] if k > sent.start and between and ctx.doc[k].text == "," else None


SUBJECT_REACH = 10  # tokens back from a cue over its inverted subject to the comma before it


def _back_to_comma(tok: Token, ctx: Context, sent: SpacySpan) -> tuple[int, list[Token]] | None:
    """From the cue back to the comma before it, over words that may be its subject (`, officials in Kyiv said`,
    `, two people familiar with the matter said`); quote marks are skipped. The comma's index and the words,
    or None when another word stands between."""
    k = tok.i - 1
    between: list[Token] = []
    while k >= sent.start and k > tok.i - SUBJECT_REACH and ctx.doc[k].text != ",":
        t = ctx.doc[k]
        if t.text not in QUOTE_CHARS:
            familiar = t.lower_ in ctx.lex.complement_links and ctx.doc[t.i - 1].pos_ == "ADJ"  # `familiar with`
            linked = t.lower_ in ctx.lex.phrase_links or familiar
            if not (is_nominal(t) or linked or t.pos_ == "AUX" or t.lower_ in ("'s", "’s")):
                return None
            between.append(t)
        k -= 1
    return k, between


def _quote_before_apposition(ctx: Context, end: int) -> Quote | None:
    """`"...," the charity's coordinator, Claire Nicolet, said`: a quote, then a role, then the name."""
    for q in ctx.quotes_near(end - 80, end):
        if q.close_mark is None or not 0 < end - q.close_mark <= 80:
            continue
        role = ctx.doc.char_span(q.close_mark + 1, end, alignment_mode="expand")
        words = [t for t in role or () if not t.is_punct and not t.is_space]
        comma = ctx.text[q.close_mark - 1] in ",.!?" or ctx.text[q.close_mark + 1 : q.close_mark + 2] == ","
        if "\n" in ctx.text[q.close_mark : end]:
            continue  # `"..."` ending a paragraph, then `In May, X announced`: a new sentence, no role
        if role is not None and words and comma and all(t.pos_ not in ("VERB", "AUX") for t in words):
            return q
    return None


def object_content(tok: Token, lemma: str, ctx: Context, sent: SpacySpan) -> Range | None:
    """`hij voorspelde de komst van meer troepen`, `accused the campaign of "harvesting" ballots`:
    a verb whose object is itself a claim; the content runs to the end of the clause."""
    if lemma not in ctx.lex.object_content_verbs or tok.i + 1 >= sent.end:
        return None
    has_object = any(child.dep_ in ("obj", "dobj") and child.i > tok.i for child in tok.children)
    nxt = ctx.doc[tok.i + 1]
    if not has_object and not is_nominal(nxt) and not _gerund_object(tok, ctx) and not _modifies_noun(nxt):
        return None
    first = _after_inverted_subject(tok, ctx, sent)
    while first < sent.end and not ctx.doc[first].like_num and inside(ctx.doc[first].idx, ctx.blocked_phrases):
        first += 1  # `beloofde vorige maand nog vier systemen`: the time says when, it is no part of the claim
    if first >= sent.end:
        return None
    end = clause_end(first, tok, ctx, sent)
    end = min(end, _object_end(tok, ctx, sent, end))
    particle = ctx.lex.needs_particle(tok.lower_)
    if particle:  # `kondigde [de fusie] aan tijdens ...`: the object ends at the separable particle
        found = next((c for c in tok.children if c.dep_ == "compound:prt" and c.i > tok.i), None)
        found = found or next((t for t in sent if t.i > tok.i and t.lower_ == particle), None)
        end = min(end, found.idx) if found is not None else end
    a, b = trim(ctx.text, ctx.doc[first].idx, end)
    return (a, b) if b > a else None


def _gerund_object(tok: Token, ctx: Context) -> bool:
    """`announced closing its shop`, `denied having seen it`: a gerund right after the cue is its object."""
    nxt = ctx.doc[tok.i + 1]
    return nxt.head.i == tok.i and nxt.tag_ == "VBG" and nxt.dep_ in ("xcomp", "ccomp", "dobj", "obj")


def preposition_content(tok: Token, lemma: str, ctx: Context, sent: SpacySpan) -> Range | None:
    """`wees op de hoge kosten van het plan`, `protesteerde tegen de sluiting`: a cue whose claim is the object
    of its preposition; the preposition follows the cue (past an inverted subject or an adverb), the content
    runs from after it to the end of the clause."""
    prep = ctx.lex.preposition_objects.get(lemma)
    if prep is None:
        return None
    for t in sent[tok.i - sent.start + 1 :]:
        if t.lower_ == prep:
            a, b = trim(ctx.text, *(t.idx + len(t), clause_end(t.i + 1, tok, ctx, sent)))
            return (a, b) if b > a else None
        if t.is_punct or t.pos_ in ("VERB", "AUX") or t.lower_ in ctx.lex.complementizers:
            return None
    return None


def _modifies_noun(t: Token) -> bool:
    """`publiceerde uitgebreide informatie`: an adjective (or a participle tagged a verb) before its noun opens
    a noun phrase, however the parser hung the noun."""
    return t.dep_ == "amod" and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN")


def _after_inverted_subject(tok: Token, ctx: Context, sent: SpacySpan) -> int:
    """Token index where a cue's object begins: right after the cue, or in a verb-second language after the
    subject that follows the cue when something else opens the clause (`Kort daarna introduceerde het bedrijf
    ook X`, `Gisteren onthulde CEO Steve Jobs X`)."""
    first = tok.i + 1
    if not ctx.lex.subject_after_cue or first >= sent.end:
        return first
    opens = ctx.doc[sent.start : tok.i]
    opener = [t for t in opens if t.idx >= ctx.start_of(sent) and not t.is_punct and not t.is_space]
    before = noun_phrase_before(ctx.doc, tok.i, sent.start, ctx.lex, ctx.blocked_phrases)
    if not opener or (before is not None and before[0] <= opener[0].i):
        return first  # `Apple introduceerde X`: the subject opens the clause
    parsed = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i > tok.i), None)
    candidates = [
        (first, parsed.right_edge.i + 1) if parsed is not None and parsed.left_edge.i == first else None,
        noun_phrase_after(ctx.doc, first, sent.end, ctx.lex, ctx.blocked_phrases),
    ]
    for subject in candidates:  # the parser's subject, else the noun phrase (`Airbus | plannen` glued by the parser)
        if subject is None or subject[1] >= sent.end:
            continue
        end = subject[1]
        while end < sent.end and (ctx.doc[end].pos_ == "ADV" or inside(ctx.doc[end].idx, ctx.blocked_phrases)):
            end += 1  # `introduceerde het bedrijf ook`, `onthulde Jobs gisteren`
        if end < sent.end and is_nominal(ctx.doc[end]):
            return end
    return first


def _object_end(tok: Token, ctx: Context, sent: SpacySpan, end: int) -> int:
    """Where the parsed object of a cue ends (`announced his resignation | on Monday in a video`), or past an
    `as` judgement after it (`identified the suspect as ...`); ``end`` when the parser gives no object."""
    obj = next((c for c in tok.children if c.dep_ in ("obj", "dobj") and c.i > tok.i), None)
    if obj is None and tok.i + 1 < sent.end and _gerund_object(tok, ctx):
        obj = ctx.doc[tok.i + 1]  # `announced leaving the venture | in May`
    if obj is None or ctx.lex.subject_after_cue:  # `kondigde topman X ... aan`: that object may be the subject
        return end
    right = obj.right_edge
    nxt = ctx.doc[right.i + 1] if right.i + 1 < sent.end else None
    if nxt is None or nxt.lower_ in ctx.lex.judgement_links or nxt.text in QUOTE_CHARS:
        return end  # `identified X as Y`, `announced his death "with great sorrow"`: the clause goes on
    return right.idx + len(right)


def infinitive_content(tok: Token, ctx: Context, sent: SpacySpan) -> Range | None:
    """`zegt niet op de hoogte te zijn van plannen`, `claims to have seen the files`: a cue whose content is
    a `te`/`to` infinitive clause of the speaker's own; from the cue to the end of the clause."""
    if tok.lower_ in ctx.lex.addressee_verbs or ctx.lex.say_forms.get(tok.lower_) not in ctx.lex.infinitive_cues:
        return None  # `told staff not to copy her in` is an order; `expects to ship` an intention, no claim
    end = clause_end(tok.i + 1, tok, ctx, sent)
    words = [t for t in sent[tok.i - sent.start + 1 :] if t.idx < end]
    if not words or any(t.lower_ in ctx.lex.complementizers or t.text in QUOTE_CHARS for t in words):
        return None
    marked = any(
        t.lower_ in ctx.lex.infinitive_markers and t.i + 1 < sent.end and ctx.doc[t.i + 1].pos_ in ("VERB", "AUX")
        for t in words
    )
    if not marked:
        return None
    a, b = trim(ctx.text, words[0].idx, end)
    return (a, b) if b > a else None


def _anaphoric_object(tok: Token, ctx: Context, sent: SpacySpan) -> bool:
    """`spreekt dat tegen`, `bestrijdt dat.`, `denied this.`: a pronoun for the sentence before, right after the
    cue, and then nothing but the cue's particle, a time word or the end of the sentence."""
    k = tok.i + 1
    if k >= sent.end or ctx.doc[k].lower_ not in ctx.lex.anaphoric:
        return False
    rest = [t for t in ctx.doc[k + 1 : sent.end] if not t.is_punct and not t.is_space]
    particle = ctx.lex.needs_particle(tok.lower_)
    return all(t.lower_ == particle or t.pos_ == "ADV" or inside(t.idx, ctx.blocked_phrases) for t in rest)


def anaphoric_content(tok: Token, ctx: Context, sent: SpacySpan) -> Range | None:
    """`Dat zei X` / `Dat heeft X bekendgemaakt` / `X spreekt dat tegen`: the content is the sentence before."""
    first = sent[0]
    if sent.start > 0 and _anaphoric_object(tok, ctx, sent):
        return _sentence_before(ctx, sent)
    if first.lower_ not in ctx.lex.anaphoric or sent.start == 0 or first.i >= tok.i or _opens_clause(tok, ctx, sent):
        return None
    between = ctx.doc[first.i + 1 : tok.i]
    main_verb = any(t.pos_ == "VERB" and t.dep_ not in ("aux", "aux:pass", "cop") for t in between)
    words = [t for t in between if not t.is_punct]  # `de Dienst (NDD)`: brackets add no words
    if main_verb or any(t.lower_ in ctx.lex.complementizers for t in between) or len(words) > 8:
        return None
    return _sentence_before(ctx, sent)


def _opens_clause(tok: Token, ctx: Context, sent: SpacySpan) -> bool:
    """`Dat zou verklaren waarom ...`, `That explains why ...`: a question word or complementizer right after
    the cue opens its own object clause, so the pronoun before it is its subject, not what was said."""
    k = tok.i + 1
    if k >= sent.end:
        return False
    word = ctx.doc[k].lower_
    return word in ctx.lex.question_words or word in ctx.lex.complementizers


def _sentence_before(ctx: Context, sent: SpacySpan) -> Range | None:
    """The words of the sentence before ``sent``: past a headline the parser ran into it and past a dateline
    (`Kop\n\nAMERSFOORT - Bij twee boerderijen is ... vastgesteld. Dat heeft X bekendgemaakt.`)."""
    prev = ctx.doc[sent.start - 1].sent
    start = prev.start_char
    for _ in range(2):
        start = next((b for a, b in ctx.blocked if a <= start < b), start)
        start = next((b for a, b in ctx.datelines if a <= start < b), start)
        start = first_visible(ctx.text, start)
    a, b = trim(ctx.text, start, prev.end_char)
    return (a, b) if b > a else None


def cut_chain(ctx: Context, content: Range) -> Range:
    """A content ends before `, citing X` / `, op basis van X`: that is the chain, not the claim."""
    low = ctx.text[content[0] : content[1]].lower()
    cuts = [c for c in (low.find(f", {phrase} ") for phrase in ctx.lex.based_on) if c > 0]
    return trim(ctx.text, content[0], content[0] + min(cuts)) if cuts else content
