"""TIMEX3 values written as people write them, for the text report."""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.cli.render import render_text
from sayso.records import Analysis, Article, Attribution, Span, TimeExpr
from sayso.time import find_times
from sayso.time.readable import describe

EXAMPLES = {
    "2025-03-11TMO": ("the morning of 11 March 2025", "de ochtend van 11 maart 2025"),
    "2025-03-11": ("11 March 2025", "11 maart 2025"),
    "2025-03-11T14:30Z": ("14:30 UTC on 11 March 2025", "14:30 UTC op 11 maart 2025"),
    "XXXX-07-04": ("4 July", "4 juli"),
    "2025-03-XX": ("some day in March 2025", "een dag in maart 2025"),
    "2025-03": ("March 2025", "maart 2025"),
    "2025": ("2025", "2025"),
    "199X": ("the 1990s", "de jaren 1990"),
    "FY2024": ("fiscal year 2024", "boekjaar 2024"),
    "2025-W11": ("week 11 of 2025", "week 11 van 2025"),
    "2025-W11-WE": ("the weekend of week 11 of 2025", "het weekend van week 11 van 2025"),
    "XXXX-WXX-2": ("a Tuesday", "een dinsdag"),
    "XXXX-WXX-5TEV": ("the evening of a Friday", "de avond van een vrijdag"),
    "2024-Q3": ("quarter 3 of 2024", "kwartaal 3 van 2024"),
    "2024-H1": ("the first half of 2024", "de eerste helft van 2024"),
    "2024-WI": ("winter 2024", "winter 2024"),
    "P3D": ("3 days", "3 dagen"),
    "P1D": ("1 day", "1 dag"),
    "P1.5Y": ("1.5 years", "1,5 jaar"),
    "PTXH": ("some hours", "enkele uren"),
    "PXY": ("some years", "enkele jaren"),
    "PT45M": ("45 minutes", "45 minuten"),
    "P2Y6M": ("2 years 6 months", "2 jaar 6 maanden"),
    "PAST_REF": ("the past", "het verleden"),
    "PRESENT_REF": ("now", "nu"),
    "FUTURE_REF": ("the future", "de toekomst"),
    "TNI": ("the night", "'s nachts"),
}


@pytest.mark.parametrize("value", sorted(EXAMPLES))
def test_describe_writes_values_as_people_do(value: str) -> None:
    english, dutch = EXAMPLES[value]
    assert describe(value) == english
    assert describe(value, "nl") == dutch


def test_describe_sets_repeat() -> None:
    assert describe("P1W", kind="set") == "every week"
    assert describe("XXXX-WXX-1", kind="set") == "every Monday"
    assert describe("P1D", "nl", kind="set") == "elke dag"


def test_describe_gives_unknown_values_back() -> None:
    assert describe("@D+1") == "@D+1" and describe("2025-13") != "" and describe("") == "?"


_VALUES = st.one_of(
    st.text(max_size=20),
    st.from_regex(r"\A(\d{4}|XXXX)(-(\d\d|XX)(-(\d\d|XX))?)?(T(MO|AF|EV|NI|DT|\d\d:\d\d(Z|[+-]\d\d:\d\d)?))?\Z"),
    st.from_regex(r"\A(\d{4}|XXXX)-(W(\d\d|XX)(-([1-7]|WE))?|Q[1-4X]|H[12]|SP|SU|FA|WI)\Z"),
    st.from_regex(r"\AP((\d{1,3}(\.\d)?|X)(Y|M|W|D|DE|CE|WE)){0,2}(T((\d{1,2}|X)[HMS]){0,2})?\Z"),
    st.from_regex(r"\A(\d{3}X|\d\d|FY\d{4}|(PAST|PRESENT|FUTURE)_REF)\Z"),
)


@settings(max_examples=300, deadline=None)
@given(_VALUES, st.sampled_from(["en", "nl"]), st.sampled_from([None, "date", "duration", "set"]))
def test_describe_never_raises_and_is_never_empty(value: str, language: str, kind: str | None) -> None:
    assert describe(value, language, kind=kind).strip()


_PHRASES = {
    "en": ["on Tuesday", "Tuesday morning", "for three days", "for hours", "in the 1990s", "last week",
           "every week", "in the third quarter", "this summer", "on 11 March 2025", "at 14:30", "recently",
           "next weekend", "for one and a half years", "in the coming years", "tonight", "in March"],
    "nl": ["op dinsdag", "dinsdagochtend", "drie dagen lang", "urenlang", "in de jaren negentig", "vorige week",
           "elke week", "in het derde kwartaal", "deze zomer", "op 11 maart 2025", "om 14.30 uur", "onlangs",
           "volgend weekend", "anderhalf jaar", "de komende jaren", "vannacht", "in maart"],
}  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["en", "nl"]), st.data())
def test_describe_reads_every_value_the_time_module_finds(language: str, data: st.DataObject) -> None:
    phrases = data.draw(st.lists(st.sampled_from(_PHRASES[language]), min_size=1, max_size=4))
    text = ". ".join(f"It happened {p}" if language == "en" else f"Het gebeurde {p}" for p in phrases) + "."
    for t in find_times(text, language=language, published=date(2025, 3, 14)):
        assert describe(t.value, language, kind=t.kind).strip()
        if not t.value.startswith("@"):
            assert describe(t.value, language, kind=t.kind) != t.value or t.value.isdigit(), t


def test_the_text_report_writes_times_next_to_their_value() -> None:
    text = "Ms Kaya said on Tuesday morning that the strike lasted for hours."
    morning = text.index("on Tuesday morning")
    hours = text.index("for hours")
    said = Attribution(
        "indirect",
        Span.of(text, 0, 7),
        Span.of(text, 8, 12),
        (Span.of(text, text.index("the strike"), len(text) - 1),),
        speaker="Kaya",
        said_at="2025-03-11TMO",
    )
    analysis = Analysis(
        article=Article(text=text, id="strike"),
        language="en",
        attributions=(said,),
        times=(
            TimeExpr(morning, morning + 18, "on Tuesday morning", "2025-03-11TMO"),
            TimeExpr(hours, hours + 9, "for hours", "PTXH", "duration"),
        ),
    )
    out = io.StringIO()
    render_text(analysis, out, colour=False)
    report = out.getvalue()
    assert "said 2025-03-11TMO (the morning of 11 March 2025)" in report
    assert "'on Tuesday morning': 2025-03-11TMO (the morning of 11 March 2025) date" in report
    assert "'for hours': PTXH (some hours) duration" in report
