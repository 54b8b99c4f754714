"""Small helpers over spaCy tokens shared by the attribution finders."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sayso._intervals import SpanSet
from sayso.attribution.lexicon import Lexicon

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl"})
NOMINAL = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})
HEADS = frozenset({"NOUN", "PROPN", "PRON"})
EDGE_CHARS = " \t\n,.;:!?–—-"
QUOTE_CHARS = "„“”«»‹›‘’\"'"
_TEXT, _LOWER = "sayso.text", "sayso.lower"


def text_of(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token again on each read, which made finders that read the
    text per candidate quadratic in the article's length. Kept in ``doc.user_data``; the text never changes."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def lower_text_of(doc: Doc) -> str:
    """``doc.text.lower()``, built once (see ``text_of``)."""
    low = doc.user_data.get(_LOWER)
    if low is None:
        low = doc.user_data[_LOWER] = text_of(doc).lower()
    return low


def trim(text: str, start: int, end: int, *, quotes: bool = False) -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace and punctuation at both edges (and quote marks)."""
    strip = EDGE_CHARS + (QUOTE_CHARS if quotes else "")
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    if not quotes:  # a closing mark that belongs to an opening one inside stays; a lone edge mark goes
        if start < end and text[end - 1] in QUOTE_CHARS and not any(c in QUOTE_CHARS for c in text[start : end - 1]):
            end -= 1
        if start < end and text[start] in QUOTE_CHARS and not any(c in QUOTE_CHARS for c in text[start + 1 : end]):
            start += 1
        while end > start and text[end - 1] in " \t\n,.;:":
            end -= 1
    return start, end


def char_span(tokens: Sequence[Token] | SpacySpan) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _mid_sentence_name(tok: Token) -> bool:
    """A capitalised word inside a sentence is a name, however a weak tagger tagged it (`Henk` as VERB)."""
    return tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start and tok.i > 0 and tok.text != "I"


def _misread_name(tok: Token) -> bool:
    """A capitalised word the tagger calls foreign or punctuation (`Telvora` as PUNCT): a name it did not know."""
    if not tok.text[:1].isupper():
        return False
    return tok.pos_ == "X" or (tok.pos_ == "PUNCT" and tok.is_alpha)


def is_nominal(tok: Token) -> bool:
    if _mid_sentence_name(tok):
        return True
    if tok.pos_:
        return tok.pos_ in NOMINAL or _misread_name(tok)
    return tok.text[:1].isupper()


def is_head(tok: Token) -> bool:
    if _mid_sentence_name(tok):
        return True
    if tok.pos_:
        return tok.pos_ in HEADS or _misread_name(tok)
    return tok.text[:1].isupper()


def inside(i: int, spans: Iterable[tuple[int, int]]) -> bool:
    if isinstance(spans, SpanSet):  # indexed: one lookup, not a scan of every time and quantity
        return spans.covers(i)
    return any(a <= i < b for a, b in spans)


def starting_in(spans: Sequence[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans with ``lo <= start < hi``, in order."""
    if isinstance(spans, SpanSet):
        return spans.starting(lo, hi)
    return [(a, b) for a, b in spans if lo <= a < hi]


def _quoted_word_end(doc: Doc, j: int, limit: int) -> int | None:
    """`een „gedetailleerd” rapport`: the index after a short quoted modifier that opens at ``j``."""
    if doc[j].text not in QUOTE_CHARS:
        return None
    for k in range(j + 1, min(limit, j + 5)):
        if doc[k].text in QUOTE_CHARS:
            return k + 1 if k + 1 < limit and is_nominal(doc[k + 1]) else None
    return None


def _joins(doc: Doc, j: int, limit: int, lex: Lexicon, blocked: Sequence[tuple[int, int]]) -> bool:
    """Whether token ``j`` links two parts of one noun phrase (`van`, `in`, `en`, a hyphen)."""
    tok = doc[j]
    if not (tok.lower_ in lex.phrase_links or tok.pos_ == "CCONJ" or tok.text in ("-", "‐")):
        return False
    nxt = j + 1
    if nxt < limit - 1 and doc[nxt].pos_ == "ADV" and is_nominal(doc[nxt + 1]):
        nxt += 1  # `van meer troepen`, `of many officials`
    return (
        nxt < limit
        and (is_nominal(doc[nxt]) or doc[nxt].lower_ in lex.phrase_links)
        and not inside(doc[nxt].idx, blocked)
    )


_RELATIVE = re.compile(r",\s*(\w+)\b")


def relative_comma(text: str, lex: Lexicon) -> int | None:
    """Offset of the comma that opens a relative clause inside ``text`` (`Kell, who founded ...`), if any."""
    for m in _RELATIVE.finditer(text):
        if m.group(1).lower() in lex.relatives and m.start() > 0:
            return m.start()
    return None


def _acronym(tok: Token) -> bool:
    """`OM`, `NCSC`: a name in capitals, whatever the tagger made of it (`om` is also a preposition)."""
    return tok.is_upper and len(tok) > 1


def _particle_in_name(doc: Doc, j: int, limit: int, lex: Lexicon) -> bool:
    """A lower-case name particle between two capitalised words of one name."""
    tok = doc[j]
    if not tok.is_lower or tok.lower_ not in lex.name_particles or j == 0 or j + 1 >= limit:
        return False
    after = next((t for t in doc[j + 1 : limit] if t.lower_ not in lex.name_particles), None)
    return doc[j - 1].text[:1].isupper() and after is not None and after.text[:1].isupper()


def noun_phrase_after(
    doc: Doc, i: int, limit: int, lex: Lexicon, blocked: Sequence[tuple[int, int]] = ()
) -> tuple[int, int] | None:
    """Token range ``[i, j)`` of the noun phrase that starts at token ``i`` (a source after its cue)."""
    j, seen_head = i, False
    while j < limit:
        tok = doc[j]
        low = tok.lower_
        counted = j > i and doc[i].like_num and all(inside(doc[k].idx, blocked) for k in range(i, j + 1))
        if (inside(tok.idx, blocked) and (seen_head or not tok.like_num) and not counted) or (
            low in lex.source_stops and seen_head
        ):
            break  # a time ends a phrase; a count may open one (`twee betrokkenen`), never end it
        if low in lex.complementizers:
            break
        if not seen_head and low in lex.partitives and j + 1 < limit and doc[j + 1].lower_ in lex.head_ends:
            j += 2  # `een van hen`, `one of the diplomats`: the group after it is the phrase's noun
            continue
        quoted = _quoted_word_end(doc, j, limit)
        if quoted is not None:
            j = quoted
            continue
        if is_nominal(tok) and tok.pos_ == "PRON":
            if seen_head:
                break
            j += 1
            if j < limit and doc[j].pos_ != "PRON" and is_head(doc[j]):
                continue  # `die bronnen`: a demonstrative before its noun
            if j < limit and _acronym(doc[j]):
                seen_head, j = True, j + 1  # `het OM`: an article before an acronym, however tagged
                continue
            seen_head = True
            break  # `hij`: a pronoun is a whole phrase
        if low in lex.group_nouns and not is_nominal(tok):  # `ingewijden`, tagged a participle
            seen_head, j = True, j + 1
            continue
        if is_nominal(tok):
            if lex.proper_noun_ends_phrase and j > i and _name_like(doc[j - 1]) and tok.is_lower and tok.pos_ == "NOUN":
                break  # `Volgens het NCSC lagen ...`: no lower-case noun follows a name in one phrase
            seen_head = seen_head or is_head(tok)
            j += 1
            continue
        if seen_head and _word_hyphen(doc, j, limit):
            j += 2  # `the Utrecht-based security firm`: a hyphen inside a word joins it, it ends nothing
            continue
        role_before_name = j + 1 < limit and doc[j + 1].text[:1].isupper() and doc[j + 1].is_alpha
        word = tok.text.replace("-", "").isalpha()  # `energie-expert Jan Smit`: a hyphenated role too
        if not seen_head and word and tok.is_lower and role_before_name and low not in lex.source_stops:
            j += 1  # `brandweercommandant Ellen Huisman`: a role word before a name, however tagged
            continue
        if (
            not seen_head
            and j > i
            and doc[j - 1].pos_ in ("DET", "ADJ")
            and tok.is_alpha
            and (low not in lex.source_stops or _acronym(tok))  # `het OM`
        ):
            seen_head = True  # a determiner or adjective wants its noun: `militaire experts` mistagged
            j += 1
            continue
        if _particle_in_name(doc, j, limit, lex):  # `Dennis te Kloese`, `Wiesje van der Flier`
            j += 1
            continue
        if seen_head and low in ("'s", "’s"):  # Kyiv's military intelligence
            j += 1
            continue
        if (
            seen_head
            and low in lex.complement_links
            and doc[j - 1].pos_ == "ADJ"
            and j + 1 < limit
            and is_nominal(doc[j + 1])
        ):
            j += 1  # `people familiar with the investigation`, `sources close to the talks`
            continue
        if seen_head and _joins(doc, j, limit, lex, blocked):
            j += 2 if doc[j + 1].pos_ == "ADV" else 1
            continue
        if seen_head and tok.text == "," and j + 1 < limit and doc[j + 1].pos_ == "PROPN":
            k = j + 1  # an apposition: `Het hoofd van ..., Kyrylo Boedanov, zei`
            while k < limit and (doc[k].pos_ == "PROPN" or doc[k].text in ("-", "‐")):
                k += 1
            j = k
            continue
        break
    while (
        j > i
        and (doc[j - 1].pos_ in ("ADP", "CCONJ", "PUNCT") or doc[j - 1].lower_ in lex.complementizers)
        and doc[j - 1].text not in QUOTE_CHARS
        and not _acronym(doc[j - 1])  # `het OM`, however tagged
    ):
        j -= 1
    return (i, j) if j > i and seen_head else None


def _name_like(tok: Token) -> bool:
    """A name, or a capitalised noun inside a sentence (`het ministerie van Volksgezondheid`, tagged a noun)."""
    return tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.is_sent_start)


def _word_hyphen(doc: Doc, j: int, limit: int) -> bool:
    """Whether token ``j`` is a hyphen written inside one word (`Utrecht-based`, `state-owned`), no space on
    either side, with a word after it."""
    tok = doc[j]
    return (
        tok.text in ("-", "‐")
        and j > 0
        and not doc[j - 1].whitespace_
        and not tok.whitespace_
        and j + 1 < limit
        and doc[j + 1].is_alpha
    )


SKIPPABLE_BEFORE_CUE = frozenset({"ADV", "AUX", "PART"})


def noun_phrase_before(
    doc: Doc, end: int, floor: int, lex: Lexicon, blocked: Sequence[tuple[int, int]] = ()
) -> tuple[int, int] | None:
    """Token range of the noun phrase that ends before token ``end``, past adverbs and auxiliaries
    (`Zelensky had al gewaarschuwd`, `dat ook de minister Kim Yong-hyun „aannemelijk” achtte`)."""
    j = end - 1
    while (
        j >= floor
        and (doc[j].pos_ in SKIPPABLE_BEFORE_CUE or doc[j].text in QUOTE_CHARS)
        and not inside(doc[j].idx, blocked)
    ):
        j -= 1
    last = j
    seen_head = False
    while j >= floor:
        tok = doc[j]
        if inside(tok.idx, blocked) or tok.lower_ in lex.complementizers or tok.pos_ in ("VERB", "AUX", "ADV", "SCONJ"):
            break
        if is_nominal(tok) and tok.pos_ != "PRON":
            seen_head = seen_head or is_head(tok)
            j -= 1
            continue
        if tok.pos_ == "PRON" and j == last:
            return (j, j + 1) if tok.lower_ in lex.pronouns else None
        if (
            seen_head
            and j > floor
            and (tok.lower_ in lex.phrase_links or tok.text in ("-", "‐"))
            and is_nominal(doc[j - 1])
        ):
            j -= 1
            continue
        break
    first = j + 1
    while first <= last and doc[first].pos_ in ("ADP", "CCONJ", "PUNCT") and not _misread_name(doc[first]):
        first += 1
    return (first, last + 1) if seen_head and first <= last else None


def subjects_of(tok: Token, sent: SpacySpan) -> list[Token]:
    """The grammatical subject of ``tok`` (or of the auxiliary or main verb it hangs on). A parse may
    give two (`BUDAPEST, June 12 (Reuters) - Hungary's government ... denied`, `Zorgpunt reageerde
    dinsdag`): all of them, in text order, for the caller to pick the first plausible one."""
    auxiliaries = [c for c in tok.children if c.dep_ in ("aux", "aux:pass")]  # `AC Milan heeft ... gereageerd`
    for cand in (tok, tok.head if tok.dep_ in ("aux", "aux:pass", "xcomp", "conj", "cop") else None, *auxiliaries):
        if cand is None:
            continue
        found = [c for c in cand.children if c.dep_ in SUBJECT_DEPS and sent.start <= c.i < sent.end]
        if found:
            return found
    return []


def subtree_range(tok: Token, *, stop_at: int | None = None) -> tuple[int, int]:
    """Token range of ``tok``'s subtree, cut before ``stop_at`` when it lies on the right of ``tok``."""
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    if stop_at is not None and tok.i < stop_at < right:
        right = stop_at
    if stop_at is not None and left <= stop_at < tok.i:
        left = stop_at + 1
    return left, right
