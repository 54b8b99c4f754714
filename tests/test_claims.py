from __future__ import annotations

from datetime import date

import pytest

from sayso import Article, analyze

pytestmark = pytest.mark.slow

TEXT = (
    "Troepen gesneuveld aan het front?\n\n"
    "Volgens de regering zijn zeker twaalf soldaten omgekomen. De minister zei dinsdag dat er geen "
    "burgers zijn geraakt. De oorlog duurt inmiddels anderhalf jaar. Is een bestand nog mogelijk?\n"
)


def test_claims_cover_attributions_assertions_and_the_headline() -> None:
    result = analyze(Article(text=TEXT, id="t", language="nl", published=date(2025, 3, 14)))
    kinds = [c.kind for c in result.claims]
    assert kinds[0] == "headline" and result.claims[0].certainty == "questioned"
    according = next(c for c in result.claims if c.kind == "according_to")
    assert according.speaker and "regering" in according.speaker
    assert [q.value for q in according.quantities] == [12]
    said = next(c for c in result.claims if c.kind == "indirect")
    assert said.polarity == "negative" and said.said_at == "2025-03-11"
    own = [c for c in result.claims if c.kind == "assertion"]
    assert any(c.certainty == "questioned" for c in own)
    assert any(t.value == "P1.5Y" for c in own for t in c.times)
    assert all(c.speaker is None for c in own)


def test_claims_know_the_sentence_they_were_made_in() -> None:
    result = analyze(Article(text=TEXT, id="t", language="nl", published=date(2025, 3, 14)))
    said = next(c for c in result.claims if c.kind == "indirect")
    assert said.context is not None and said.context.text == "De minister zei dinsdag dat er geen burgers zijn geraakt."
    assert said.context.start <= said.content[0].start and said.content[-1].end <= said.context.end
    according = next(c for c in result.claims if c.kind == "according_to")
    assert according.context is not None and according.context.text.startswith("Volgens de regering")
    assert all(c.context == c.content[0] for c in result.claims if c.kind in ("assertion", "headline"))
