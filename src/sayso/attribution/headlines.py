"""Who a headline quotes: `Beveiliger: Russische hackersgroep zat achter aanval`, `..., security firm says`,
`Israeli strike kills five: ministry`, `Rail boss says sabotage behind derailment`.

A headline is no attribution of the article (see GUIDELINES.md): ``find_attributions`` never mines it, and
what is found here becomes the headline's claim, with the headline's speaker, not an attribution. The speaker
of a headline is often a role (`security firm`, `minister`) that the body names (`security firm Veldwacht
Security`): then the body's name speaks.

Forms, per part of the headline between semicolons (`Bond: ...; minister: ...` is two):

- ``colon_source``: a speaker, then a colon (`Minister: geen gevaar`, `OR Lumenveld: 'Niemand ...'`);
- ``colon_trailing``: a colon, then the speaker, at the end (`Storm kills three: police`);
- ``comma_cue``: a comma, a speaker and a verb of saying at the end (`..., People Say`, `..., zegt minister`),
  or the verb first (`..., says track manager`);
- any form the verb finder knows (`Rail boss says sabotage behind ...`, `Hackers claim to have stolen ...`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from sayso.attribution._context import Context
from sayso.attribution._tokens import QUOTE_CHARS, text_of
from sayso.attribution.lexicon import Lexicon, lexicon
from sayso.attribution.quotes import find_quotes
from sayso.attribution.speakers import can_speak, resolve_speakers, speaker_head
from sayso.attribution.verbs import find_verb_attributions
from sayso.records import Attribution, Entity, Span

__all__ = ["find_headline_attributions"]

SOURCE_MAX_WORDS = 5  # `Topvrouw Lumenveld`, `De Nederlandse minister van Landbouw`: a speaker before a colon
TRAILING_MAX_WORDS = 3  # `: ministry`, `: Reuters`
COMMA_MAX_WORDS = 6  # `, two people familiar with the matter say`
_WORD = re.compile(r"\S+")
# A role-only headline speaker is the body's named speaker whose statement shares this share of the headline's
# meaning words, and at least this many (`Beveiliger: Russische hackersgroep zat achter aanval op havens`).
LEAD_OVERLAP = 0.4
LEAD_MIN_WORDS = 2
_MEANING = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "NUM"})
_ROLE = r"(?:\b|(?<=\w{{3}})){}\b"  # a role as a word, or ending a compound (`wethouder` in `havenwethouder`)


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the spaces, quote marks and closing punctuation around it."""
    strip = " \t\n" + "".join(QUOTE_CHARS)
    while start < end and text[start] in strip:
        start += 1
    while end > start and (text[end - 1] in strip or text[end - 1] in ".,;"):
        end -= 1
    return start, end


def _speaks(
    source: tuple[int, int], doc: Doc, entities: Sequence[Entity], lex: Lexicon, *, by_colon: bool = True
) -> bool:
    """Whether a short phrase is a headline's speaker: a noun phrase that can speak. Next to a colon, which
    marks no speech by itself, it must also name a person or an organisation, or have a role, an organisation,
    a government, a group or an outlet as its head word: never a label (`Analysis:`, `Live:`) or a topic
    (`Vogelgriep in de Gelderse Vallei:`)."""
    start, end = source
    span = Span.of(text_of(doc), start, end)
    words = span.text.split()
    if not words or not can_speak(span, doc, lex):
        return False
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if tokens is not None and any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) for t in tokens):
        return False  # `Telvora geeft datalek toe:`: a clause, no speaker
    if not by_colon:
        return True
    if any(e.label in ("PER", "ORG") and start <= e.start and e.end <= end for e in entities):
        return True
    head = speaker_head(span.text, lex)
    nouns = (*lex.person_roles, *lex.organisation_nouns, *lex.group_nouns, *lex.government_words, *lex.outlet_words)
    return any(_is_or_ends_in(head, noun) for noun in nouns)


def _is_or_ends_in(word: str, noun: str) -> bool:
    """`bedrijf`, and a compound ending in it (`bergingsbedrijf`, `havenwethouder`)."""
    return word == noun or (len(noun) >= 4 and len(word) >= len(noun) + 3 and word.endswith(noun))


def _attribution(
    doc: Doc, source: tuple[int, int], cue: tuple[int, int] | None, content: tuple[int, int]
) -> Attribution:
    text = text_of(doc)
    quoted = text[content[0] - 1 : content[0]] in QUOTE_CHARS if content[0] else False
    return Attribution(
        "direct" if quoted else "indirect",
        Span.of(text, *source),
        Span.of(text, *cue) if cue is not None else None,
        (Span.of(text, *content),),
    )


def _colon_forms(doc: Doc, part: tuple[int, int], entities: Sequence[Entity], lex: Lexicon) -> Attribution | None:
    text = text_of(doc)
    start, end = part
    colon = text.find(":", start, end)
    if colon < 0:
        return None
    source = _trim(text, start, colon)
    content = _trim(text, colon + 1, end)
    if (
        0 < len(_words(text, *source)) <= SOURCE_MAX_WORDS
        and content[1] > content[0]
        and _speaks(source, doc, entities, lex)
    ):
        return _attribution(doc, source, None, content)
    last = text.rfind(":", start, end)
    source, content = _trim(text, last + 1, end), _trim(text, start, last)
    if 0 < len(_words(text, *source)) <= TRAILING_MAX_WORDS and _speaks(source, doc, entities, lex):
        return _attribution(doc, source, None, content)
    return None


def _comma_cue(doc: Doc, part: tuple[int, int], entities: Sequence[Entity], lex: Lexicon) -> Attribution | None:
    """`..., security firm says`, `..., says track manager`: a verb of saying and its speaker after the last
    comma."""
    text = text_of(doc)
    start, end = part
    comma = text.rfind(",", start, end)
    if comma < 0:
        return None
    words = _words(text, comma + 1, end)
    if not 1 < len(words) <= COMMA_MAX_WORDS:
        return None
    first, last = words[0], words[-1]
    for cue, rest in ((last, words[:-1]), (first, words[1:])):
        if text[cue[0] : cue[1]].lower().strip(".") not in lex.say_forms:
            continue
        source = _trim(text, rest[0][0], rest[-1][1])
        content = _trim(text, start, comma)
        if content[1] > content[0] and _speaks(source, doc, entities, lex, by_colon=False):
            return _attribution(doc, source, (cue[0], cue[0] + len(text[cue[0] : cue[1]].rstrip("."))), content)
    return None


def _parts(text: str, headline: tuple[int, int]) -> list[tuple[int, int]]:
    """The parts of a headline between semicolons."""
    out, start = [], headline[0]
    for m in re.finditer(";", text[headline[0] : headline[1]]):
        out.append((start, headline[0] + m.start()))
        start = headline[0] + m.end()
    out.append((start, headline[1]))
    return [p for p in out if text[p[0] : p[1]].strip()]


def _parsed(doc: Doc, headline: tuple[int, int], lex: Lexicon) -> list[Attribution]:
    """What the verb finder reads in a headline, the rest of the article blocked; only cues the parser takes
    for verbs (a headline's nouns are often misread: `Port cyber attack: ...`)."""
    text = text_of(doc)
    ctx = Context(
        doc=doc,
        lex=lex,
        quotes=tuple(q for q in find_quotes(text) if headline[0] <= q.start and q.end <= headline[1]),
        blocked=((headline[1], len(text) + 1),),
        blocked_phrases=(),
    )
    out = []
    for a in find_verb_attributions(ctx, []):
        if a.source is None or a.cue is None or not headline[0] <= a.cue.start < headline[1]:
            continue
        cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
        if cue is not None and cue[0].pos_ in ("VERB", "AUX"):
            out.append(a)
    return out


def _within(a: Attribution, part: tuple[int, int]) -> bool:
    spans = [s for s in (a.source, a.cue, *a.content) if s is not None]
    return all(part[0] <= s.start and s.end <= part[1] for s in spans)


def _lead_cue(doc: Doc, part: tuple[int, int], entities: Sequence[Entity], lex: Lexicon) -> Attribution | None:
    """`Rail boss says sabotage behind derailment`: a speaker, a verb of saying, and the rest, where the parser
    finds no clause after the verb (a headline drops its verbs)."""
    text = text_of(doc)
    words = _words(text, *part)
    for k, (a, b) in enumerate(words[1 : SOURCE_MAX_WORDS + 1], start=1):
        if text[a:b].lower() not in lex.say_forms or k + 1 >= len(words):
            continue
        verb = doc.char_span(a, b, alignment_mode="expand")
        if verb is None or verb[0].pos_ not in ("VERB", "AUX"):
            return None  # `Cyber attack knocks out ...`: a noun, however listed
        first = words[k + 1][0]
        if text[words[k + 1][0] : words[k + 1][1]].lower() in lex.complementizers and k + 2 < len(words):
            first = words[k + 2][0]  # `says that ...`
        source, content = _trim(text, part[0], words[k - 1][1]), _trim(text, first, part[1])
        if _speaks(source, doc, entities, lex, by_colon=False):
            return _attribution(doc, source, (a, b), content)
        return None
    return None


def _roles(a: Attribution, body: Sequence[Attribution], entities: Sequence[Entity], lex: Lexicon) -> list[str]:
    """The roles a headline's speaker is named by, fullest first: the source without its determiner when it
    names nobody (`Dutch rail boss`, then its head `boss`), or the role before a name that speaks nowhere in the
    body (`Topvrouw` in `Topvrouw Lumenveld`: the company's name, not the speaker's)."""
    if a.source is None:
        return []
    named = sorted((e for e in entities if a.source.start <= e.start and e.end <= a.source.end), key=lambda e: e.start)
    if not named:
        determiners = "|".join(map(re.escape, lex.speaker_determiners))
        role = re.sub(rf"^(?:{determiners})\s+", "", a.source.text, flags=re.I)
        return [role, speaker_head(role, lex)]
    before = a.source.text[: named[0].start - a.source.start].strip()
    speaks = any(b.speaker and named[0].text.lower() in b.speaker.lower() for b in body)
    if before and not speaks and before.lower().split()[0] in lex.person_roles | lex.organisation_nouns:
        return [before]
    return []


def _named(b: Attribution, entities: Sequence[Entity]) -> bool:
    """The body's speaker is named: a person or an organisation stands in its source."""
    src = b.source
    return src is not None and any(
        src.start <= e.start and e.end <= src.end and e.label in ("PER", "ORG") for e in entities
    )


def _content_words(doc: Doc, spans: Sequence[Span]) -> set[str]:
    """The words that carry a statement's meaning: nouns, names, adjectives, verbs and numbers, not stop words."""
    words: set[str] = set()
    for s in spans:
        for t in doc.char_span(s.start, s.end, alignment_mode="expand") or ():
            if t.pos_ in _MEANING and not t.is_stop and len(t.text) > 2:
                words.add((t.lemma_ or t.text).lower())
    return words


def _fits(role: str, b: Attribution, lex: Lexicon) -> bool:
    """A role can name the body's speaker: a person's role a person, an organisation's noun an organisation;
    a role the lexicon does not know fits either."""
    head = speaker_head(role, lex)
    if head in lex.person_roles:
        return b.speaker_type == "person"
    if head in lex.organisation_nouns:
        return b.speaker_type != "person"
    return True


def _lead_speaker(
    doc: Doc, a: Attribution, body: Sequence[Attribution], roles: list[str], lex: Lexicon, entities: Sequence[Entity]
) -> Attribution | None:
    """The named body speaker whose statement the headline sums up: most of the headline's meaning words
    (``LEAD_OVERLAP``, at least ``LEAD_MIN_WORDS``) recur in it (`Russian hacker group Polar Lynx was behind
    port cyberattack, security firm says` over `Veldwacht Security said that the attack was carried out by
    Polar Lynx, a Russian hacker group`); the earliest wins a tie."""
    mine = _content_words(doc, a.content)
    best: tuple[int, Attribution] | None = None
    for b in body:
        if not b.speaker or not _named(b, entities) or not _fits(roles[0], b, lex):
            continue
        shared = len(mine & _content_words(doc, b.content))
        if shared >= max(LEAD_MIN_WORDS, LEAD_OVERLAP * len(mine)) and (best is None or shared > best[0]):
            best = (shared, b)
    return best[1] if best else None


def _speaker_from_body(
    doc: Doc, a: Attribution, body: Sequence[Attribution], entities: Sequence[Entity], lex: Lexicon
) -> Attribution:
    """A headline's speaker named by a role takes the name of the body's speaker that the body introduces with
    that role (`security firm Veldwacht Security said ...`, `zei topvrouw Marjolein Terpstra`), else, when the
    role names nobody, of the named speaker whose statement the headline sums up; else it keeps what the
    speaker resolution made of it."""
    roles = _roles(a, body, entities, lex)
    for role in roles:
        if len(role) < 3:
            continue
        for b in body:
            if b.source is None or not b.speaker or not re.search(_ROLE.format(re.escape(role)), b.source.text, re.I):
                continue
            if _named(b, entities):
                return replace(a, speaker=b.speaker, speaker_type=b.speaker_type)
    if (
        roles
        and a.source is not None
        and not any(a.source.start <= e.start and e.end <= a.source.end for e in entities)
    ):
        lead = _lead_speaker(doc, a, body, roles, lex, entities)
        if lead is not None:
            return replace(a, speaker=lead.speaker, speaker_type=lead.speaker_type)
    return a


def find_headline_attributions(
    doc: Doc,
    *,
    language: str,
    headline: tuple[int, int],
    entities: Sequence[Entity] = (),
    attributions: Sequence[Attribution] = (),
) -> list[Attribution]:
    """The statements a headline ascribes to a speaker, each with its speaker resolved (a role through the
    body's ``attributions``), in text order."""
    lex = lexicon(language)
    parsed = _parsed(doc, headline, lex)
    found: list[Attribution] = []
    for part in _parts(text_of(doc), headline):
        here = [a for a in parsed if _within(a, part)]
        if not here:
            forms = (_colon_forms, _comma_cue, _lead_cue)
            form = next((f for f in (find(doc, part, entities, lex) for find in forms) if f is not None), None)
            here = [form] if form is not None else []
        found += here
    resolved = resolve_speakers(found, doc, entities, lex)
    return [_speaker_from_body(doc, a, attributions, entities, lex) for a in resolved]
