"""The registry of attribution constructions: well formed, followed by `find_attributions`, and every example
sentence found by the full analysis."""

from __future__ import annotations

import inspect
from collections.abc import Sequence

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

import sayso.attribution as attribution
from _helpers import attributions_of
from sayso.attribution import find_attributions
from sayso.attribution._context import Context
from sayso.attribution.constructions import CONSTRUCTIONS, PIECE_SEPARATOR, Construction, Example, Finder
from sayso.attribution.lexicon import lexicon
from sayso.records import Attribution, Span

EXAMPLES = [(c, e) for c in CONSTRUCTIONS for e in c.examples]


def _id(construction: Construction, example: Example) -> str:
    same = [e for e in construction.examples if (e.form, e.language) == (example.form, example.language)]
    n = f"-{same.index(example) + 1}" if len(same) > 1 else ""
    return f"{construction.name}-{example.form}-{example.language}{n}"


def test_constructions_names_are_unique_and_in_the_pinned_order() -> None:
    names = [c.name for c in CONSTRUCTIONS]
    assert names == ["verb", "preposition", "no_response", "evidence", "quote"]


def test_constructions_only_the_bare_quotes_run_after_the_dedupe() -> None:
    assert [c.name for c in CONSTRUCTIONS if c.after_dedupe] == ["quote"]


@pytest.mark.parametrize("construction", CONSTRUCTIONS, ids=lambda c: c.name)
def test_constructions_every_language_has_an_example(construction: Construction) -> None:
    shown = {e.language for e in construction.examples}
    assert construction.languages, "a construction works in at least one language"
    assert shown == set(construction.languages), f"{construction.name}: examples in {shown}"
    for language in construction.languages:
        lexicon(language)  # the language has its resources


@pytest.mark.parametrize("construction", CONSTRUCTIONS, ids=lambda c: c.name)
def test_constructions_every_form_has_an_example(construction: Construction) -> None:
    assert len(set(construction.forms)) == len(construction.forms), "form names are unique"
    assert {e.form for e in construction.examples} == set(construction.forms)


@pytest.mark.parametrize("construction", CONSTRUCTIONS, ids=lambda c: c.name)
def test_constructions_finders_share_one_signature(construction: Construction) -> None:
    assert list(inspect.signature(construction.find).parameters) == ["ctx", "found"]


@pytest.mark.parametrize(("construction", "example"), EXAMPLES, ids=[_id(c, e) for c, e in EXAMPLES])
def test_constructions_example_words_stand_in_the_sentence(construction: Construction, example: Example) -> None:
    for piece in example.content.split(PIECE_SEPARATOR) if example.content else ():
        assert piece in example.text
    assert example.cue is None or example.cue in example.text


def _fake(name: str, calls: list[tuple[str, int]], out: Sequence[Attribution]) -> Finder:
    def find(ctx: Context, found: Sequence[Attribution]) -> list[Attribution]:
        calls.append((name, len(found)))
        return list(out)

    return find


def test_find_attributions_runs_the_registry_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Doc(Vocab(), words=["Rain", "fell", "."], spaces=[True, False, False])
    said = Attribution("indirect", None, Span.of(doc.text, 5, 9), (Span.of(doc.text, 0, 4),))
    calls: list[tuple[str, int]] = []
    fakes = (
        Construction("one", ("en",), _fake("one", calls, [said, said]), (), ()),
        Construction("two", ("en",), _fake("two", calls, []), (), ()),
        Construction("three", ("en",), _fake("three", calls, []), (), (), after_dedupe=True),
    )
    monkeypatch.setattr(attribution, "CONSTRUCTIONS", fakes)
    for step in ("add_sources_and_time", "resolve_speakers", "add_chains"):
        monkeypatch.setattr(attribution, step, lambda found, *args: found)
    found = find_attributions(doc, language="en")
    # each sees what those before it found; the one after the dedupe sees one attribution for the one cue
    assert calls == [("one", 0), ("two", 2), ("three", 1)]
    assert found == [said]


@pytest.mark.slow
@pytest.mark.parametrize(("construction", "example"), EXAMPLES, ids=[_id(c, e) for c, e in EXAMPLES])
def test_constructions_example_is_found(
    request: pytest.FixtureRequest, construction: Construction, example: Example
) -> None:
    nlp = request.getfixturevalue(f"nlp_{example.language}")
    found = attributions_of(nlp, example.text, example.language)
    seen = [(a.kind, a.cue and a.cue.text, PIECE_SEPARATOR.join(c.text for c in a.content)) for a in found]
    assert (example.kind, example.cue, example.content) in seen, f"{construction.name}/{example.form}: {seen}"
