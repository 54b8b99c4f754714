from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sayso.attribution.quotes import find_quotes


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De minister zei: „We gaan door.” Daarna vertrok ze.", ["We gaan door."]),
        ("“We will rebuild,” the mayor said.", ["We will rebuild,"]),
        ('He said: "It is over. We lost." Then he left.', ["It is over. We lost."]),
        ("« Nous restons », a-t-il dit.", [" Nous restons "]),
        ("‘Don’t go,’ she said. The commando’s left.", ["Don’t go,"]),
        ("Het is een „gedetailleerd” rapport.", ["gedetailleerd"]),
        ("It's the 'best' plan, said Ann.", ["best"]),
        ("Eerste zin. Tweede zin zonder begin.” Daarna niets.", ["Eerste zin. Tweede zin zonder begin."]),
        ("Hij zei: „Dit loopt door tot het eind", ["Dit loopt door tot het eind"]),
        ("Filmstudio ‘s willen meer, zei hij ‘s avonds in ’s-Hertogenbosch.", []),
        ("Hij zei 't zelf: ‘stop nu’.", ["stop nu"]),
    ],
)
def test_quotes_each_mark_style(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_quotes_run_over_paragraphs_when_the_next_opens_again() -> None:
    text = "“The first paragraph of the statement.\n\n“And the second one,” the minister said."
    (quote,) = find_quotes(text)
    assert text[quote.start : quote.end].startswith("The first") and text[quote.start : quote.end].endswith(
        "second one,"
    )


def test_quotes_odd_marks_never_lose_the_rest() -> None:
    text = "„Een.\n\nTwee zei hij.\n\nDrie: „vier” en vijf."
    assert "vier" in _texts(text)


@given(st.text(alphabet="ab .,\n„”“‘’\"'«»", max_size=80))
def test_quotes_any_text_gives_spans_inside_it(text: str) -> None:
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
