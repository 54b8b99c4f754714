"""Long texts: indexed lookups that answer as the scans they replace, texts cut into pieces for the parser
with offsets into the whole text, and claim contexts that do not repeat a run-on passage per claim."""

from __future__ import annotations

import re
from functools import partial
from itertools import pairwise

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from sayso import pipeline
from sayso._intervals import Intervals, SpanSet
from sayso._slices import Folded, char_before, ends_before, first_visible, last_visible, word_before
from sayso.attribution._tokens import text_of
from sayso.attribution.speakers import _Descriptions
from sayso.claims import CONTEXT_CHARS, build_claims
from sayso.language.backbone import SENTENCES, _abbreviations, _ends_sentence, parse, pieces
from sayso.records import Article, Attribution, Entity, Span

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])), max_size=25)


@given(spans, st.integers(-5, 80), st.integers(0, 20))
def test_intervals_answer_as_a_scan(pairs: list[tuple[int, int]], a: int, width: int) -> None:
    b = a + width
    index = Intervals(pairs, bounds=lambda p: p)
    assert index.starting(a, b) == [p for p in pairs if a <= p[0] < b]
    assert index.overlapping(a, b) == [p for p in pairs if p[0] < b and p[1] > a]
    assert index.within(a, b) == [p for p in pairs if a <= p[0] and p[1] <= b]
    assert index.any_overlapping(a, b) == any(p[0] < b and p[1] > a for p in pairs)
    earlier = [p for p in pairs if p[1] <= a]
    assert index.last_ending_by(a) == (earlier[-1] if earlier else None)
    assert SpanSet(pairs).covers(a) == any(x <= a < y for x, y in pairs)
    assert SpanSet(pairs).encloses(a, b) == any(x <= a and b <= y for x, y in pairs)
    assert SpanSet(pairs) == tuple(pairs)


@given(st.text(alphabet=" \n\tab,.”", max_size=30), st.integers(-2, 35))
def test_slices_read_as_the_slices_they_replace(text: str, i: int) -> None:
    i = max(i, 0)
    assert last_visible(text, i) == len(text[:i].rstrip()) - 1
    assert ends_before(text, i, (",", "”")) == text[:i].rstrip().endswith((",", "”"))
    assert char_before(text, i) == text[:i].rstrip()[-1:]
    assert word_before(text, i) == text[:i].split()[-1:]
    assert first_visible(text, i) == len(text[:i]) + len(text[i:]) - len(text[i:].lstrip())


@given(st.text(alphabet="sSſkK\u212aiIİı ,.ëË", max_size=40), st.text(alphabet="sSkKiIë ", min_size=1, max_size=4))
def test_folded_text_finds_what_the_pattern_finds(text: str, literal: str) -> None:
    pattern = re.compile(rf"\b{re.escape(literal)}\b", flags=re.IGNORECASE)
    found = [m.span() for m in Folded(text).finditer(pattern, literal)]
    assert found == [m.span() for m in pattern.finditer(text)]


def _described_by_scan(description: str, before: int, text: str, entities: list[Entity]) -> str | None:
    """The scan ``_Descriptions`` replaced: every match in ``text[:before]``, latest first."""
    if len(description) < 4:
        return None
    for m in reversed(list(re.finditer(rf"\b{re.escape(description)}\b", text[:before], flags=re.IGNORECASE))):
        follow = [e for e in entities if e.label == "PER" and 0 <= e.start - m.end() <= 3]
        if follow:
            return follow[0].canonical
    return None


def test_descriptions_find_the_name_a_scan_finds() -> None:
    text = (
        "The harbour master Piet Kuiper opened the lock. Later the harbour master spoke. "
        "Then harbour master Anna Smit took over, and the harbour master  Jan Wit left. the harbour master"
    )
    entities = [
        Entity(m.start(), m.end(), m.group(), "PER", m.group())
        for m in re.finditer(r"Piet Kuiper|Anna Smit|Jan Wit", text)
    ]
    found = _Descriptions(text, entities)
    for description in ("harbour master", "the harbour master", "Harbour Master", "master", "lock"):
        for before in range(0, len(text) + 1, 7):
            assert found.name_after(description, before) == _described_by_scan(description, before, text, entities)


def test_text_of_is_the_doc_text_built_once() -> None:
    doc = spacy.blank("en")("Twee woorden.  En meer.")
    assert text_of(doc) == doc.text
    assert text_of(doc) is text_of(doc)


def test_sentence_starts_set_at_once_as_one_by_one() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(SENTENCES, config={"language": "en"})
    text = 'The mayor said "It works." Dr. Jones agreed.\nA new line. J. F. Kennedy came. it went on'
    doc = nlp(text)
    slow = nlp.make_doc(text)
    abbreviations = _abbreviations("en")
    for i in range(len(slow) - 1):
        slow[i + 1].is_sent_start = _ends_sentence(slow, i, abbreviations)
    assert [t.is_sent_start for t in doc] == [t.is_sent_start for t in slow]


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("First paragraph here.\n\nSecond one is here.\n\nThird.\n", 30),
        ("One line.\nAnother line that is longer.\nShort.\n", 20),
        ("A sentence ends. Another follows here. And one more.", 25),
        ("words without any end at all but spaces between them", 12),
        ("x" * 50, 16),
    ],
)
def test_pieces_cover_the_text_at_breaks(text: str, limit: int) -> None:
    cut = pieces(text, limit)
    assert cut[0][0] == 0 and cut[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in pairwise(cut))
    assert all(0 < b - a <= limit for a, b in cut)
    if "\n\n" in text:
        assert all(text[a:b].endswith("\n\n") for a, b in cut[:-1])
    elif " " in text:
        assert all(text[b - 1].isspace() for _, b in cut[:-1])


def _long_text() -> str:
    paragraphs = [
        f"Minister Karin Bos said on Monday that the bridge number {n} would reopen in May. "
        f'"We are nearly done," said engineer Tom Vos. Traffic was light.'
        for n in range(12)
    ]
    return "Bridges reopen\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.mark.slow
def test_a_text_in_pieces_parses_as_one_doc(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = _long_text()
    doc = parse(nlp_en, text, whole=300, limit=400)
    assert len(pieces(text, 400)) > 2
    assert doc.text == text
    assert [s.start_char for s in doc.sents] == [s.start_char for s in nlp_en(text).sents]


@pytest.mark.slow
def test_analysis_in_pieces_points_into_the_whole_text(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _long_text()
    whole = pipeline.analyze(Article(id="whole", text=text, language="en"))
    monkeypatch.setattr(pipeline, "parse", partial(pipeline.parse, whole=300, limit=400))
    cut = pipeline.analyze(Article(id="cut", text=text, language="en"))
    for a in cut.attributions:
        for s in (a.source, a.cue, *a.content):
            assert s is None or text[s.start : s.end] == s.text
    assert {a.cue.start for a in cut.attributions if a.cue} == {a.cue.start for a in whole.attributions if a.cue}
    assert max(a.cue.start for a in cut.attributions if a.cue) > 2 * 400  # found in a late piece, placed there
    assert len(cut.claims) == len(whole.claims)


def test_claim_context_of_a_run_on_sentence_is_the_claim() -> None:
    text = "Het begon " + "en toen ging het verder " * 60 + "zei de burgemeester dat alles goed was en nog meer"
    cue_at = text.index("zei")
    content = Span.of(text, text.index("alles"), len(text))
    said = Attribution("indirect", None, Span.of(text, cue_at, cue_at + 3), (content,))
    claims = build_claims(text, language="nl", attributions=[said], quantities=[], times=[], sentences=[(0, len(text))])
    assert len(text) > CONTEXT_CHARS
    context = claims[0].context
    assert context is not None and (context.start, context.end) == (cue_at, len(text))
