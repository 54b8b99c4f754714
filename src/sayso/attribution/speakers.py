"""Who is speaking: pronouns, short names, role descriptions and groups resolved to a
name or a description, and each speaker given a type."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sayso._intervals import Intervals, start_end
from sayso._slices import Folded
from sayso.attribution._tokens import relative_comma, text_of
from sayso.attribution.lexicon import Lexicon, leading_words
from sayso.records import Attribution, Entity, Span

_LABEL_RANK = {"PER": 0, "ORG": 1, "GPE": 2, "LOC": 3}


class _Entities(Intervals[Entity]):
    """The article's entities, indexed by position, and those of each label."""

    __slots__ = ("_labels",)

    def __init__(self, entities: Sequence[Entity]) -> None:
        super().__init__(entities)
        self._labels: dict[str, Intervals[Entity]] = {}

    def of_label(self, label: str) -> Intervals[Entity]:
        if label not in self._labels:
            self._labels[label] = Intervals([e for e in self._items if e.label == label])
        return self._labels[label]


def _said_before(contents: Intervals[tuple[int, Span]], k: int, a: int, b: int) -> bool:
    """Whether ``[a, b)`` overlaps the content of one of the first ``k`` attributions (in text order)."""
    return any(j < k for j, _ in contents.overlapping(a, b))


def _strip_det(text: str, lex: Lexicon) -> str:
    """``text`` without a leading determiner, but for the `een` of `een van hen`."""
    return leading_words(lex.speaker_determiners, lex.partitive_links).sub("", text.strip())


def _entities_in(span: Span, entities: Intervals[Entity], text: str) -> list[Entity]:
    """Names inside a source, the speaker's first: a person before an organisation, a name that
    is not a possessive (`Halvorsen’s head of quality`), the fuller name, the later one (apposition)."""
    inside = entities.within(span.start, span.end)

    def rank(e: Entity) -> tuple[int, bool, int, int]:
        possessive = text[e.end : e.end + 2] in ("'s", "’s")
        return (_LABEL_RANK.get(e.label, 9), possessive, -len(e.text.split()), -e.start)

    return sorted(inside, key=rank)


def _anchor(a: Attribution) -> int:
    spans = [s for s in (a.source, a.cue, *a.content) if s is not None]
    return min(s.start for s in spans) if spans else 0


def _person_before(offset: int, entities: Sequence[Entity], floor: int = 0) -> Entity | None:
    people = [e for e in entities if e.label == "PER" and floor <= e.start < offset]
    return people[-1] if people else None


def _organisation_before(
    src: Span, doc: Doc, entities: _Entities, lex: Lexicon, said: Callable[[int], bool] = lambda x: False
) -> str | None:
    """`het`/`it`: the nearest subject before it that is no person and not inside what was said before
    (`X said personal data had been stolen, after it said ...`), in its sentence or the one before, a document
    standing for its author (`The ministry's figures ... it said`); else the last organisation named (a place
    only when no organisation is)."""
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is not None:
        sent = span.sent
        previous = doc[sent.start - 1].sent if sent.start > 0 else None
        for scope in (sent, previous):
            if scope is None:
                continue
            subjects = [
                t
                for t in scope
                if t.i < span.start and t.dep_.startswith("nsubj") and t.pos_ != "PRON" and not said(t.idx)
            ]
            if scope is previous:  # of the sentence before, its main clause's subject, not one inside its claim
                subjects = [t for t in subjects if t.head.i == scope.root.i] or subjects[:1]
            if subjects:
                head = subjects[-1]
                head = _author(head, lex) or head
                words = _phrase(head, span.start)
                text = _strip_det(words.text.strip(" ,"), lex)
                named = entities.within(words.start_char, words.end_char)
                described = any(w.lower_ in lex.organisation_nouns for w in words)  # `telecoms operator X`
                person = not described and any(e.label == "PER" for e in named)
                if text and not person:
                    if named and (named[0].label == "ORG" or (described and words.text.endswith(named[-1].text))):
                        return (named[0] if named[0].label == "ORG" else named[-1]).canonical
                    return text
    for label in ("ORG", "GPE"):
        found = entities.of_label(label).last_ending_by(src.start)
        if found is not None:
            return found.canonical
    return None


def _author(head: Token, lex: Lexicon) -> Token | None:
    """The author a thing that cannot speak stands for: the possessor of a document (`the ministry's figures`),
    the agent of a participle after a document or a thing (`an earlier toll issued by the ministry`, `de door
    het ministerie gepubliceerde cijfers`). A person (`a man arrested by police`) speaks for himself."""
    mute = head.lower_ in lex.document_nouns or head.lower_ in lex.non_speakers
    if not mute:
        return None
    for child in head.children:
        owner = child.dep_ in ("poss", "nmod:poss") and child.pos_ in ("NOUN", "PROPN")
        if owner and head.lower_ in lex.document_nouns:
            return child
        if child.dep_ == "acl" and "Part" in child.morph.get("VerbForm", []):
            for arg in child.children:
                if arg.lower_ in lex.agent_prepositions:  # `issued by X`: X hangs on the preposition
                    return next((o for o in arg.children if o.dep_ in ("pobj", "obj")), None)
                if any(c.dep_ == "case" and c.lower_ in lex.agent_prepositions for c in arg.children):
                    return arg  # `door X gepubliceerde`: the preposition hangs on X
    return None


def _phrase(head: Token, stop: int) -> SpacySpan:
    """The words of ``head``'s phrase before token ``stop``, without a possessive ending (`the ministry's`)."""
    end = min(head.right_edge.i + 1, stop)
    while end > head.i + 1 and head.doc[end - 1].lower_ in ("'s", "’s", "'"):
        end -= 1
    return head.doc[head.left_edge.i : end]


def _source_author(src: Span, doc: Doc, entities: Intervals[Entity], lex: Lexicon) -> str | None:
    """The author a source that is a document or a thing stands for (`An earlier toll issued by the
    ministry`, `the ministry's figures`): the name inside the author's phrase, else the phrase as written."""
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    author = _author(span.root, lex)
    if author is None or not (span.start <= author.i < span.end):
        return None
    words = _phrase(author, span.end)
    named = entities.within(words.start_char, words.end_char)
    return named[0].canonical if named else _strip_det(words.text, lex) or None


DOCUMENT_REACH = 600  # characters back within which `the report` takes up a report named with its author


def _document_issuer(
    src: Span, noun: str, doc: Doc, earlier: Sequence[Attribution], lex: Lexicon
) -> Attribution | None:
    """The earlier attribution whose speaker issued the document a source names without its author (`According
    to the report` after `Veldwacht Security said in a report that`): the document noun stands outside what
    it said, in the sentence of its cue, at most ``DOCUMENT_REACH`` characters back."""
    if noun not in lex.document_nouns:
        return None
    for p in reversed(earlier):
        if p.cue is None or p.cue.end < src.start - DOCUMENT_REACH:
            break
        cue = doc.char_span(p.cue.start, p.cue.end, alignment_mode="expand")
        if not p.speaker or cue is None or p.cue.start >= src.start:
            continue
        inside = [(c.start, c.end) for c in p.content]
        for t in cue.sent:
            if t.lower_ == noun and t.idx < src.start and not any(a <= t.idx < b for a, b in inside):
                return p
    return None


def _one_person(a: Attribution, lex: Lexicon) -> bool:
    """Whether a speaker is one person: named as one, or described by a role (`een woordvoerder van de
    veiligheidsregio`, `the spokeswoman`) that `hij`/`she` can take up."""
    if a.speaker_type == "person":
        return True
    return a.source is not None and speaker_head(_strip_det(a.source.text, lex), lex) in lex.person_roles


def _plural_cue(a: Attribution, doc: Doc, pronoun: str, lex: Lexicon) -> bool:
    """Whether a `zij`/`they` speaks as several: its cue (or the auxiliary before it) is plural."""
    if a.cue is None:
        return False
    span = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    verbs = [tok, *(c for c in tok.children if c.dep_ in ("aux", "aux:pass"))]
    return any("Plur" in v.morph.get("Number", []) for v in verbs) or pronoun in lex.plural_pronouns


def _group_before(src: Span, doc: Doc, lex: Lexicon) -> str | None:
    """The group a plural pronoun stands for: the last plural subject before it, in its sentence or the one
    before (`Economen van ING zijn somberder.`), named as written (without its determiner)."""
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    subjects = [
        t
        for t in doc[first : span.start]
        if t.dep_.startswith("nsubj")
        and t.pos_ != "PRON"
        and ("Plur" in t.morph.get("Number", []) or t.lower_ in lex.group_nouns)
    ]
    if not subjects:
        return None
    head = subjects[-1]
    words = doc[head.left_edge.i : head.right_edge.i + 1]
    return _strip_det(words.text.strip(" ,"), lex) or None


class _Descriptions:
    """Where each description stands in the text, found once per description (not once per source), and the
    person named right after each place: `de Oekraïense president Volodymyr Zelensky`."""

    def __init__(self, text: str, entities: Sequence[Entity]) -> None:
        self.text = text
        self.first_person_at: dict[int, tuple[int, Entity]] = {}
        for k, e in enumerate(entities):
            if e.label == "PER":
                self.first_person_at.setdefault(e.start, (k, e))
        self._found: dict[str, tuple[re.Pattern[str], list[int], list[int]]] = {}
        self._folded = Folded(text)

    def _person_after(self, end: int) -> Entity | None:
        """The first person (in the entities' order) that starts 0 to 3 characters after ``end``."""
        hits = [self.first_person_at[p] for p in range(end, end + 4) if p in self.first_person_at]
        return min(hits, key=lambda h: h[0])[1] if hits else None

    def _matches(self, description: str) -> tuple[re.Pattern[str], list[int], list[int]]:
        if description not in self._found:
            pattern = re.compile(rf"\b{re.escape(description)}\b", flags=re.IGNORECASE)
            ends = [m.end() for m in self._folded.finditer(pattern, description)]
            self._found[description] = pattern, ends, [e for e in ends if self._person_after(e) is not None]
        return self._found[description]

    def name_after(self, description: str, before: int) -> str | None:
        """The person named after the latest ``description`` in ``text[:before]``. A match of the whole text that
        ends before ``before - 1`` is one of ``text[:before]`` too (a match reads one character either side of
        it); one ending at ``before`` is tried on its own, as ``finditer`` over ``text[:before]`` would."""
        if len(description) < 4:
            return None
        pattern, ends, followed = self._matches(description)
        last = bisect_left(ends, before)  # the matches that end before ``before``
        start = before - len(description)
        if 0 <= start and (not last or ends[last - 1] <= start) and pattern.match(self.text, start, before):
            person = self._person_after(before)
            if person is not None:
                return person.canonical
        k = bisect_left(followed, before)
        return self._person_after(followed[k - 1]).canonical if k else None  # type: ignore[union-attr]


def _in_complement(src: Span, name: Entity, lex: Lexicon) -> bool:
    """Whether a name stands after the head of its source (`Lawyers for Mr Smith`, `de advocaat van Smit`):
    the source is the head, not the person named after it."""
    before = src.text[: name.start - src.start].lower().split()
    links = [k for k, w in enumerate(before) if k > 0 and w in lex.head_ends]
    apposition = bool(links) and any("," in w for w in before[links[-1] :])  # `het hoofd van X, Tim Cook`
    return bool(links) and not apposition


def _closing_name(described: str, src: Span, name: Entity, lex: Lexicon) -> bool:
    """Whether an organisation's name closes its source as an apposition to a description before it (`the
    security firm Veldwacht Security`), not as a complement (`a spokesman for Shell`)."""
    words = described.lower().replace(",", " , ").split()
    coordinated = "," in words or any(w in lex.leading_conjunctions for w in words)  # `X and the firm Y`
    return (
        name.label == "ORG" and described.endswith(name.text) and not coordinated and not _in_complement(src, name, lex)
    )


def speaker_head(source_text: str, lex: Lexicon) -> str:
    """The head word of a source: its last word before `of`/`van`/`from` (`observers from the League` ->
    `observers`)."""
    words = source_text.lower().replace("’s", " ").replace("'s", " ").split()
    for k, w in enumerate(words):
        if k > 0 and w in lex.head_ends:
            words = words[:k]
            break
    return words[-1].strip(",.") if words else ""


def _type(source_text: str, speaker: str | None, is_person: bool, lex: Lexicon, labels: set[str]) -> str:
    """What kind of source speaks, judged by its head word first (`Ukraine's intelligence chief` is a person,
    `the disaster agency` no news outlet unless named as one)."""
    low = f" {source_text.lower()} "
    head = speaker_head(source_text, lex)
    if is_person:
        return "person"
    if any(f" {w} " in low for w in (*lex.outlet_words, *lex.outlet_names)):
        return "news outlet"
    if head in lex.document_nouns:
        return "document"
    if head in lex.group_nouns:
        return "anonymous or generic group"
    if head in lex.organisation_nouns:
        return "organisation"
    if head in lex.government_words or "GPE" in labels:
        return "government or institution"
    if "ORG" in labels:
        return "organisation"
    if any(f" {w}" in low for w in lex.government_words):
        return "government or institution"
    return "person" if speaker and speaker[:1].isupper() else "anonymous or generic group"


def can_speak(source: Span, doc: Doc, lex: Lexicon) -> bool:
    """Whether a source can have said something: not a thing or an event (`his resignation`, `the casualties`,
    `de tweet`), judged by its head word; not a clause (`Efforts are ongoing`); and a noun phrase at all (no
    source starts with a lower-case preposition, verb or conjunction)."""
    described = source.text[: _description_end(source, doc, lex)]
    if speaker_head(described, lex) in lex.non_speakers:
        return False
    span = doc.char_span(source.start, source.start + len(described), alignment_mode="expand")
    if span is None or not len(span):
        return True
    first = span[0]
    forms = set(first.morph.get("VerbForm", [])) if first.pos_ == "VERB" else set()
    nxt = first.nbor() if first.i + 1 < len(doc) else None
    gerund = "Ger" in forms or ("Part" in forms and "Prog" in first.morph.get("Aspect", []))  # `impacting`
    participle = gerund or ("Part" in forms and nxt is not None and nxt.pos_ in ("ADP", "DET"))
    participle = participle and first.lower_ not in lex.group_nouns  # `ingewijden tegen X`: a group, mistagged
    lower = first.is_lower or (first.is_sent_start and first.text[1:].islower())  # a sentence's first word too
    if lower and (participle or first.pos_ in ("ADP", "SCONJ", "CCONJ", "PART", "ADV")):
        return False  # `aan, waarin ...`, `impacting Kidapawan City`: no noun phrase (a role word may be a VERB)
    return not any(_clause_verb(t, span) for t in span)


def _description_end(source: Span, doc: Doc, lex: Lexicon) -> int:
    """Where a source's description ends: before a relative clause, opened by a comma (`Kell, who founded ...`)
    or not (`a security company that investigated the attack`: the company speaks, not the attack)."""
    end = relative_comma(source.text, lex) or len(source.text)
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    for tok in span if span is not None else ():
        if tok.dep_ in ("relcl", "acl:relcl") and span is not None and tok.head.i >= span.start:
            end = min(end, max(0, tok.left_edge.idx - source.start))
    return end or len(source.text)


def _clause_verb(tok: Token, span: SpacySpan) -> bool:
    """A finite verb with its own subject inside a source: the source is a clause, not a phrase."""
    if not tok.is_lower or tok.pos_ not in ("VERB", "AUX") or "Fin" not in tok.morph.get("VerbForm", []):
        return False
    governed = (tok, tok.head) if tok.dep_ in ("aux", "cop") else (tok,)
    return any(
        c.dep_.startswith("nsubj") and span.start <= c.i < span.end and "Rel" not in c.morph.get("PronType", [])
        for v in governed
        for c in v.children
    )  # `een groep die zich X noemt`: a relative clause describes the phrase, it is no clause of its own


def antecedent(source: Span, doc: Doc, lex: Lexicon) -> Span:
    """A relative pronoun as source (`the minister and the agency, who questioned ...`) stands for the noun
    phrase it follows, all its conjuncts included; any other source stays as it is."""
    if source.text.lower() not in lex.relatives:
        return source
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or not len(span):
        return source
    verb = span[0].head
    if verb.dep_ not in ("relcl", "acl:relcl") or verb.head.i >= span[0].i:
        return source
    noun = verb.head
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    author = next((c for c in noun.head.children if c.dep_.startswith("nsubj")), None)
    if noun.lower_ in lex.document_nouns and noun.dep_ in ("dobj", "obj") and author is not None:
        words = doc[author.left_edge.i : author.right_edge.i + 1]  # `They released a statement which said`
        return Span.of(text_of(doc), words.start_char, words.end_char)  # the statement's author speaks through it
    end = verb.head.i + 1
    while end < span[0].i and not doc[end].is_punct:
        end += 1  # `(UNESCO)` after the last conjunct ends at the comma or the pronoun
    words = doc[noun.left_edge.i : end]
    return Span.of(text_of(doc), words.start_char, words.end_char) if len(words) else source


def refuse_mute_sources(attributions: Sequence[Attribution], doc: Doc, lex: Lexicon) -> list[Attribution]:
    """The attributions whose source can speak, a relative pronoun replaced by what it stands for; a quote
    keeps its content and loses only a source that cannot speak."""
    out = []
    for a in attributions:
        if a.source is not None:
            a = replace(a, source=antecedent(a.source, doc, lex))
        if a.source is None or can_speak(a.source, doc, lex):
            out.append(a)
            continue
        subject = _first_conjunct_subject(a, doc, lex)
        if subject is not None or a.kind == "direct":
            out.append(replace(a, source=subject))
    return out


def _first_conjunct_subject(a: Attribution, doc: Doc, lex: Lexicon) -> Span | None:
    """`Lowe said the risk was small and called the posts scaremongering`: a second verb of a speaker whose
    source came out as a thing speaks for the subject of the first verb, when that subject can speak."""
    span = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    verb = span[0] if span is not None and len(span) else None
    if verb is None or verb.dep_ != "conj":
        return None
    while verb.dep_ in ("conj", "ccomp") and verb.head.i < verb.i:  # up the coordination, and out of a
        verb = verb.head  # content the parser hung it on (`said [the risk was small] and called`)
        subject = next((c for c in verb.children if c.dep_.startswith("nsubj") and c.i < verb.i), None)
        if subject is not None:
            words = doc[subject.left_edge.i : subject.right_edge.i + 1]
            found = Span.of(text_of(doc), words.start_char, words.end_char)
            if can_speak(found, doc, lex) and found.text.lower() not in lex.first_person:
                return found
    return None


_LEAD = " \t:,\"'“”„‘’«»"  # what may stand between a name and the quote it speaks


def _context_speaker(
    anchor: int, doc: Doc, entities: Intervals[Entity], earlier: Sequence[Attribution]
) -> tuple[str | None, bool]:
    """Who speaks a statement that names nobody: the first person named in its own sentence before it
    (`X, the head of Y, wrote "..."`, `X heeft ... uitgesteld en noemde ...`), else the speaker of the
    statement just before it (a quote that goes on), else the first person named in the sentence before,
    else the last speaker. An organisation written right before the statement (`schrijft Polar Lynx "..."`)
    speaks it when no person is named in its sentence."""
    here = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
    if here is None:
        return (earlier[-1].speaker, earlier[-1].speaker_type == "person") if earlier else (None, False)
    sent = here.sent
    prev_start = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    named_here = entities.starting(sent.start_char, anchor)
    here_people = [e for e in named_here if e.label == "PER"]
    if here_people:
        return here_people[0].canonical, True
    text = text_of(doc)
    right_before = [e for e in named_here if e.label == "ORG" and not text[e.end : anchor].strip(_LEAD)]
    if right_before:
        return right_before[-1].canonical, False
    if earlier and earlier[-1].speaker and _anchor(earlier[-1]) >= prev_start:
        return earlier[-1].speaker, earlier[-1].speaker_type == "person"
    people = [e for e in entities.starting(prev_start, anchor) if e.label == "PER"]
    if people:
        return people[0].canonical, True
    if earlier:
        return earlier[-1].speaker, earlier[-1].speaker_type == "person"
    return None, False


def resolve_speakers(
    attributions: Sequence[Attribution], doc: Doc, entities: Sequence[Entity], lex: Lexicon
) -> list[Attribution]:
    """The same attributions, each with ``speaker`` and ``speaker_type`` filled in, in text order."""
    text = text_of(doc)
    descriptions = _Descriptions(text, entities)
    ordered = sorted(attributions, key=_anchor)
    names = _Entities(entities)
    contents = Intervals([(k, c) for k, a in enumerate(ordered) for c in a.content], bounds=lambda kc: start_end(kc[1]))
    out: list[Attribution] = []
    for a in ordered:
        speaker, is_person, labels = None, False, set()
        anchor = _anchor(a)
        if a.source is not None:
            src = a.source
            cut = relative_comma(src.text, lex)  # names in `, waar ... te zien is` are not the speaker
            found = _entities_in(src if cut is None else Span.of(text, src.start, src.start + cut), names, text)
            labels = {e.label for e in found}
            # a person named in a complement (`a colleague of Peter Jansen`) speaks only when no other does
            found = sorted(found, key=lambda e: e.label == "PER" and _in_complement(src, e, lex))
            described = _strip_det(src.text[:cut], lex)
            bare = re.sub(r"\s*\([^()]*\)$", "", described)  # `CPB (CPB)`
            low = src.text.lower().strip()
            if found and found[0].label == "PER" and not _in_complement(src, found[0], lex):
                speaker, is_person = found[0].canonical, True
            elif low in lex.pronouns:
                role = lex.pronouns[low]
                previous = next((p for p in reversed(out) if p.speaker and _one_person(p, lex)), None)
                said = partial(_said_before, contents, len(out))  # what the attributions so far say
                floor = max(0, src.start - 600)
                # a person named inside an earlier source (`X, reporting from Tyre,`) is not the one meant
                sources = [p.source for p in out[-20:] if p.source is not None and p.source.end > floor]
                person = _person_before(
                    src.start,
                    [
                        e
                        for e in names.starting(floor, src.start)
                        if not said(e.start, e.end) and not any(s.start <= e.start < s.end for s in sources)
                    ],
                    floor=floor,
                )
                if role == "person_or_group" and _plural_cue(a, doc, low, lex):
                    speaker = _group_before(src, doc, lex)  # `Economen van ING ... Zij schatten dat`
                if speaker is None and role in ("person", "person_or_group"):
                    # the nearer of the last person speaker and the last person named outside quotes
                    if previous is not None and (person is None or _anchor(previous) >= person.start):
                        speaker, is_person = previous.speaker, True
                    elif person is not None:
                        speaker, is_person = person.canonical, True
                if speaker is None and role != "person":  # `hij`/`he` is never an organisation
                    speaker = _organisation_before(src, doc, names, lex, lambda x: said(x, x + 1))  # noqa: B023
                    labels = {"ORG"}
            elif low in lex.group_refs or any(low.endswith(g) for g in lex.group_refs if " " in g):
                earlier = next((p for p in reversed(out) if p.based_on), None)
                speaker = earlier.based_on[-1] if earlier else bare
            elif (author := _source_author(src, doc, names, lex)) is not None:
                speaker = author  # `An earlier toll issued by the ministry`: the ministry speaks
            elif found and speaker_head(described, lex) in lex.document_nouns:
                speaker = found[0].canonical  # `een verklaring op de website van Apple`: the author speaks
            elif (issuer := _document_issuer(src, speaker_head(described, lex), doc, out, lex)) is not None:
                speaker, is_person = issuer.speaker, issuer.speaker_type == "person"  # `the report`: its author
            else:
                speaker = descriptions.name_after(src.text, src.start) or descriptions.name_after(
                    bare, src.start
                )  # `de burgemeester` after `Burgemeester Annemarie Vos`
                is_person = speaker is not None
                if speaker is None:
                    name = bare.split(",")[0].strip()  # `Pharma Ledger, a trade newsletter`: the name before
                    if found and len(found[0].text) >= len(name) - 4:
                        speaker = found[0].canonical
                    elif found and _closing_name(bare, src, found[0], lex):
                        speaker = found[0].canonical  # `the Utrecht-based security firm Veldwacht Security`
                    elif name != bare and all(w[:1].isupper() for w in name.split()):
                        speaker = name
                    else:
                        speaker = bare
        else:
            speaker, is_person = _context_speaker(anchor, doc, names, out)
        kind = _type(a.source.text if a.source else "", speaker, is_person, lex, labels)
        out.append(replace(a, speaker=speaker, speaker_type=kind if speaker else None))
    return _one_name_a_person(out)


def _name_key(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name.lower())
    return re.findall(r"\w+", "".join(c for c in folded if not unicodedata.combining(c)))


def _same_person(short: list[str], full: list[str]) -> bool:
    """`Erdogan` or `Recep Erdoğan` for `Recep Tayyip Erdoğan`, `Donald Trump` for `Donald J. Trump`: the
    same surname, and every other word of the shorter name in the longer one, in order."""
    if not short or not full or len(short) >= len(full) or short[-1] != full[-1]:
        return False
    rest = iter(full[:-1])
    return all(any(w == x for x in rest) for w in short[:-1])


def _one_name_a_person(attributions: list[Attribution]) -> list[Attribution]:
    """One person is one speaker in an article, however written: each person's speaker name becomes the
    fullest form of it that the article's speakers use, when only one fuller form fits."""
    names = {a.speaker for a in attributions if a.speaker and a.speaker_type == "person"}
    keys = {n: _name_key(n) for n in names}
    fuller = {}
    for n in names:
        fits = [m for m in names if _same_person(keys[n], keys[m])]
        longest = max(fits, key=lambda m: len(keys[m]), default=None)
        if longest is not None and all(_same_person(keys[m], keys[longest]) or m == longest for m in fits):
            fuller[n] = longest
    return [replace(a, speaker=fuller[a.speaker]) if a.speaker in fuller else a for a in attributions]
