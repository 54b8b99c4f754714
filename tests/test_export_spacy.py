"""sayso inside spaCy (issue 14): ``nlp.add_pipe("sayso")`` gives what ``sayso analyze`` gives, as
extensions and span groups whose values survive ``DocBin``; the factory is found by its entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sayso import analysis_to_dict, analyze
from sayso.errors import LanguageError
from sayso.records import Article

ROOT = Path(__file__).resolve().parents[1]
TEXTS = {
    "en": 'Harbour master Wim Kok said the locks would probably stay shut until Monday. "We cannot open them '
    'before the divers are done," he told reporters.',
    "nl": "Havenmeester Wim Kok zei dat de sluizen waarschijnlijk tot maandag dicht blijven. "
    '"We kunnen ze niet openen voordat de duikers klaar zijn," zei hij tegen verslaggevers.',
}


@pytest.fixture
def with_sayso(request: pytest.FixtureRequest) -> Iterator[Any]:
    """sayso's own backbone for the language, with the sayso component for the test only."""
    from sayso.language import load_backbone

    nlp = load_backbone(request.param)  # cached and shared: the component is removed again after the test
    nlp.add_pipe("sayso")
    try:
        yield nlp
    finally:
        nlp.remove_pipe("sayso")


def _plain(value: Any) -> Any:
    from sayso.spacy import _plain as plain

    return plain(json.loads(json.dumps(value, default=str)))


@pytest.mark.slow
@pytest.mark.parametrize("with_sayso", ["en", "nl"], indirect=True)
def test_spacy_component_gives_what_analyze_gives(with_sayso: Any) -> None:
    language = with_sayso.lang
    with_sayso.remove_pipe("sayso")
    expected = analysis_to_dict(analyze(Article(text=TEXTS[language], language=language)))
    with_sayso.add_pipe("sayso")
    doc = with_sayso(TEXTS[language])
    assert doc._.sayso_attributions == _plain(expected["attributions"])
    assert doc._.sayso_claims == _plain(expected["claims"])
    assert doc._.sayso_times == _plain(expected["times"])
    assert len(doc._.sayso_attributions) == 2 and doc._.sayso_attributions[0]["speaker"] == "Wim Kok"
    spans = doc.spans["sayso"]
    assert [s.label_ for s in spans][:3] == ["SOURCE", "CUE", "CONTENT"]
    content = spans[2]
    assert content._.sayso_speaker == "Wim Kok" and content._.sayso_certainty == "probable"
    assert content._.sayso_attribution == 0 and content._.sayso_kind == "indirect"
    claims = doc.spans["sayso_claims"]
    assert len(claims) == len(expected["claims"]) and claims[0]._.sayso_polarity == "positive"


@pytest.mark.slow
@pytest.mark.parametrize("with_sayso", ["en"], indirect=True)
def test_spacy_values_survive_docbin(with_sayso: Any) -> None:
    import spacy
    from spacy.tokens import DocBin

    from sayso.spacy import register_extensions

    doc = with_sayso(TEXTS["en"])
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    register_extensions()  # what a new process calls before reading
    [back] = DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab)
    assert back._.sayso_attributions == doc._.sayso_attributions
    assert back._.sayso_claims == doc._.sayso_claims
    for group in ("sayso", "sayso_claims"):
        before = [
            (s.start_char, s.end_char, s.label_, s._.sayso_speaker, s._.sayso_certainty) for s in doc.spans[group]
        ]
        after = [
            (s.start_char, s.end_char, s.label_, s._.sayso_speaker, s._.sayso_certainty) for s in back.spans[group]
        ]
        assert after == before and after


def test_spacy_factory_is_found_by_its_entry_point() -> None:
    probe = (
        "import sys, spacy; nlp = spacy.blank('nl'); nlp.add_pipe('sayso'); "
        "print(nlp.pipe_names, 'sayso.spacy' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["['sayso']", "True"]


def test_spacy_component_refuses_a_language_sayso_lacks() -> None:
    import spacy

    import sayso.spacy  # noqa: F401  (registers the factory)

    with pytest.raises(LanguageError, match="not supported"):
        spacy.blank("de").add_pipe("sayso")


def test_spacy_extensions_register_once() -> None:
    from spacy.tokens import Doc, Span

    from sayso.spacy import DOC_EXTENSIONS, SPAN_EXTENSIONS, register_extensions

    register_extensions()
    register_extensions()
    assert all(Doc.has_extension(n) for n in DOC_EXTENSIONS) and all(Span.has_extension(n) for n in SPAN_EXTENSIONS)
