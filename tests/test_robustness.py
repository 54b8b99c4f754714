"""Odd input never loses an article: the whole analysis runs on any text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sayso import Article, analyze

pytestmark = pytest.mark.slow

PIECES = st.sampled_from(
    [
        "De minister zei dat",
        "volgens de politie",
        "„",
        "”",
        '"',
        "'",
        "‘",
        "’",
        "«",
        "»",
        ":",
        ",",
        ".",
        "?",
        "\n\n",
        "said",
        "according to",
        "Lees ook",
        "Read more",
        "zegt Breuker",
        "he said",
        "niet gereageerd",
        "declined to comment",
        "twee miljoen",
        "50%",
        "op 2 januari",
        "Monday",
        "—",
        " ",
        "X",
        "123",
        "Dat zei hij",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=40), st.sampled_from(["nl", "en"]))
def test_analysis_survives_any_mix_of_marks_and_cues(pieces: list[str], language: str) -> None:
    text = " ".join(pieces)
    result = analyze(Article(text=text, id="fuzz", language=language))
    for a in result.attributions:
        for span in (a.source, a.cue, *a.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
