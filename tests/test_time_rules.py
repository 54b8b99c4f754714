"""The named time rules: every rule has an example in docs/time.md that it finds, the rule shows on each
time, and the narrative reference time (anaphoric periods, clock times, the same period last year)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sayso.records import Analysis, Article
from sayso.serialize import analysis_to_dict
from sayso.time import find_times
from sayso.time._grammar import grammar

DOC = Path(__file__).resolve().parents[1] / "docs" / "time.md"
PUBLISHED = date(2024, 10, 15)
ROW = re.compile(r"^\| `(?P<rule>\w+)` \| (?P<lang>\w+) \| (?P<example>.+) \| `(?P<value>[^`]+)` \|$")


def _rows() -> list[tuple[str, str, str, str, str]]:
    text = DOC.read_text(encoding="utf-8")
    table = text.split("<!-- rules -->")[1].split("<!-- /rules -->")[0]
    rows = []
    for line in table.splitlines():
        m = ROW.match(line)
        if m:
            bold = re.search(r"\*\*(.+?)\*\*", m["example"])
            assert bold, f"{line}: mark the words of the time with **"
            rows.append((m["rule"], m["lang"], m["example"].replace("**", ""), bold.group(1), m["value"]))
    return rows


ROWS = _rows()


@pytest.mark.parametrize(("rule", "language", "sentence", "words", "value"), ROWS)
def test_time_rules_example_found_by_its_rule(rule: str, language: str, sentence: str, words: str, value: str) -> None:
    found = {t.text: t for t in find_times(sentence, language=language, published=PUBLISHED)}
    assert words in found, f"{rule}: {words!r} not found in {sorted(found)}"
    assert found[words].value == value
    assert rule in found[words].rule.split("+")


def test_time_rules_every_rule_has_an_example_in_order() -> None:
    assert grammar("en").names == grammar("nl").names  # one grammar for every language
    assert [row[0] for row in ROWS] == [*grammar("en").names, "range"]


def test_time_rules_names_are_unique() -> None:
    names = grammar("en").names
    assert len(names) == len(set(names))


def test_time_rules_joined_day_and_clock_name_both() -> None:
    (t,) = find_times("The council met on Monday at noon.", language="en", published=PUBLISHED)
    assert (t.value, t.rule) == ("2024-10-14T12:00", "weekday+clock_named")


def _values(text: str, language: str = "en", published: date = PUBLISHED) -> dict[str, str]:
    return {t.text: t.value for t in find_times(text, language=language, published=published)}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The mill burned down in 1998. The following year it was rebuilt.", "en", {"The following year": "1999"}),
        ("The mill burned down in 1998. The year before, it had been sold.", "en", {"The year before": "1997"}),
        ("The storm struck on 3 March 2021. That night the river rose.", "en", {"That night": "2021-03-03TNI"}),
        ("The storm struck on 3 March 2021. Late that evening it rose.", "en", {"Late that evening": "2021-03-03TEV"}),
        ("De molen brandde af in 1998. Het jaar daarop werd hij herbouwd.", "nl", {"Het jaar daarop": "1999"}),
        ("De storm raasde op 3 maart 2021. Die nacht steeg de rivier.", "nl", {"Die nacht": "2021-03-03TNI"}),
        ("The ferry sank on 9 July 2022. It was found at 6 PM.", "en", {"at 6 PM": "2022-07-09T18:00"}),
        ("De veerboot zonk op 9 juli 2022. Om 18.00 uur werd ze gevonden.", "nl", {"Om 18.00 uur": "2022-07-09T18:00"}),
    ],
)
def test_time_rules_narrative_reference(text: str, language: str, expected: dict[str, str]) -> None:
    found = _values(text, language)
    for words, value in expected.items():
        assert found[words] == value, found


@pytest.mark.parametrize(
    ("text", "language", "words", "value"),
    [
        ("On 3 June 2019 the ferry left Hull. On 5 June it sank.", "en", "On 5 June", "2019-06-05"),
        ("In March 2015 the bakery opened. In June it hired a baker.", "en", "In June", "2015-06"),
        ("Op 3 juni 2019 vertrok de veerboot. Op 5 juni zonk ze.", "nl", "Op 5 juni", "2019-06-05"),
        ("The bakery, founded in 1998, said on 3 June it would grow.", "en", "on 3 June", "2024-06-03"),
        ("The ferry left on 3 June 2019.\n\nThe port said on 5 June it had reopened.", "en", "on 5 June", "2024-06-05"),
        (
            "On 3 June 2019 the ferry left. Later the crew went home. On 5 June it sank.",
            "en",
            "On 5 June",
            "2024-06-05",
        ),
    ],
)
def test_time_rules_narrative_year(text: str, language: str, words: str, value: str) -> None:
    """A date without a year takes the year of a dated day or month in its sentence or the one before
    (same paragraph); a bare year (founded in 1998) or an older sentence does not give it."""
    assert _values(text, language)[words] == value


def test_time_rules_a_weekday_gives_no_year() -> None:
    found = _values("The council said on Tuesday that the quarrel began in November.", published=date(2025, 1, 8))
    assert found == {"on Tuesday": "2025-01-07", "in November": "2024-11"}


def test_time_rules_same_period_keeps_the_granularity() -> None:
    found = _values("Sales fell in the second quarter of 2023, against the same period last year.")
    assert found["the same period last year"] == "2022-Q2"
    found = _values("De omzet daalde in het tweede kwartaal van 2023, tegen dezelfde periode vorig jaar.", "nl")
    assert found["tegen dezelfde periode vorig jaar"] == "2022-Q2"


@pytest.mark.parametrize(
    "text",
    ["The mayor said that year was the worst.", "Officials said that day would come."],
)
def test_time_rules_that_after_a_verb_opens_a_clause(text: str) -> None:
    assert not any(v.startswith(("19", "20")) for v in _values(text).values())


def test_time_rules_over_the_previous_year_is_a_length() -> None:
    assert _values("Prices rose 4 percent over the previous year.") == {"over the previous year": "P1Y"}


@pytest.mark.parametrize(
    ("text", "language", "words", "value"),
    [
        ("Prices have risen in recent weeks.", "en", "in recent weeks", "PXW"),
        ("Prices have risen in recent years.", "en", "in recent years", "PXY"),
        ("De prijzen stegen de afgelopen maanden.", "nl", "de afgelopen maanden", "PXM"),
        ("The park will reopen in the coming months.", "en", "in the coming months", "FUTURE_REF"),
        ("The firm filed the report a week ago.", "en", "a week ago", "2024-10-08"),
        ("Het bedrijf diende het rapport twee weken geleden in.", "nl", "twee weken geleden", "2024-10-01"),
        ("Sales will rise next year.", "en", "next year", "2025"),
        ("The budget for next year is bigger.", "en", "for next year", "2025"),
        ("The firm will hire 300 people over the next year.", "en", "over the next year", "P1Y"),
        ("The permit takes 30 to 60 days.", "en", "30 to 60 days", "PXD"),
        ("De vergunning duurt 30 tot 60 dagen.", "nl", "30 tot 60 dagen", "PXD"),
        ("He was jailed for between two and four years.", "en", "between two and four years", "PXY"),
        ("The match was postponed for an indefinite period.", "en", "an indefinite period", "PXD"),
        ("De wedstrijd is voor onbepaalde tijd uitgesteld.", "nl", "onbepaalde tijd", "PXD"),
        ("The hearing will resume at a later date.", "en", "at a later date", "XXXX-XX-XX"),
        ("The fee is paid annually.", "en", "annually", "P1Y"),
    ],
)
def test_time_rules_timeml_values(text: str, language: str, words: str, value: str) -> None:
    assert _values(text, language)[words] == value


def test_time_rules_ages_are_no_range() -> None:
    assert _values("Twee mannen van 23 en 27 jaar zijn opgepakt.", "nl") == {}


# ---- properties

_days = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
_MONTHS = "January February March April May June July August September October November December".split()
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


@given(day=_days, part=st.sampled_from(sorted(_PARTS)))
def test_time_rules_that_daypart_is_the_narrative_day(day: date, part: str) -> None:
    text = f"The flood reached the town on {day.day} {_MONTHS[day.month - 1]} {day.year}. That {part} the dike held."
    assert _values(text)[f"That {part}"] == f"{day.isoformat()}T{_PARTS[part]}"


@given(year=st.integers(1901, 2098), step=st.sampled_from([("previous", -1), ("following", 1)]))
def test_time_rules_previous_and_following_year_count_from_the_narrative(year: int, step: tuple[str, int]) -> None:
    word, n = step
    text = f"The mill was sold in {year}. The {word} year it closed."
    assert _values(text)[f"The {word} year"] == str(year + n)


@given(weeks=st.integers(1, 20))
def test_time_rules_weeks_ago_is_a_day(weeks: int) -> None:
    text = f"The report was filed {weeks} weeks ago."
    assert _values(text)[f"{weeks} weeks ago"] == (PUBLISHED - timedelta(weeks=weeks)).isoformat()


@given(low=st.integers(1, 500), more=st.integers(1, 500), unit=st.sampled_from(["days", "weeks", "months", "years"]))
def test_time_rules_a_range_of_lengths_is_one_time(low: int, more: int, unit: str) -> None:
    text = f"The permit takes {low} to {low + more} {unit}."
    times = find_times(text, language="en", published=PUBLISHED)
    assert [(t.text, t.value, t.rule) for t in times] == [
        (f"{low} to {low + more} {unit}", f"PX{unit[0].upper()}", "duration_range")
    ]


@given(day=_days, later=st.integers(1, 20))
def test_time_rules_a_date_without_year_follows_the_narrative(day: date, later: int) -> None:
    then = day + timedelta(days=later)
    text = (
        f"The ship left port on {day.day} {_MONTHS[day.month - 1]} {day.year}. "
        f"On {then.day} {_MONTHS[then.month - 1]} it sank."
    )
    assume(then.year == day.year)  # across New Year the narrative's year is a guess either way
    assert _values(text)[f"On {then.day} {_MONTHS[then.month - 1]}"] == then.isoformat()


@given(day=_days, hour=st.integers(1, 11))
def test_time_rules_clock_takes_the_narrative_day(day: date, hour: int) -> None:
    text = f"The ship left port on {_MONTHS[day.month - 1]} {day.day}, {day.year}. It sank at {hour} PM."
    assert _values(text)[f"at {hour} PM"] == f"{day.isoformat()}T{hour + 12:02d}:00"


def test_time_rules_rule_is_in_the_json() -> None:
    text = "The dam broke on 12 May 2019. That evening the power failed."
    times = tuple(find_times(text, language="en", published=PUBLISHED))
    analysis = Analysis(article=Article(text=text, id="dam"), language="en", times=times)
    shown = [(t["text"], t["rule"]) for t in analysis_to_dict(analysis)["times"]]
    assert shown == [("on 12 May 2019", "day_month"), ("That evening", "anaphoric_period")]


# ---- issue 16, session 7: comparisons, the fiscal year of the narrative, indefinite points


@pytest.mark.parametrize(
    ("text", "language", "words", "value"),
    [
        (
            "The ferry docked on 11 June 2023, three days later than originally planned.",
            "en",
            "three days later",
            "2023-06-11",
        ),
        ("The ferry docked three days later than planned.", "en", "three days later", "P3D"),
        ("The ferry left on 3 May 2023. Three days later it sank.", "en", "Three days later", "2023-05-06"),
        (
            "De veerboot legde aan op 11 juni 2023, drie dagen later dan gepland.",
            "nl",
            "drie dagen later",
            "2023-06-11",
        ),
        ("De veerboot legde drie dagen later dan gepland aan.", "nl", "drie dagen later", "P3D"),
    ],
)
def test_time_rules_later_than_compares(text: str, language: str, words: str, value: str) -> None:
    """``three days later than planned`` counts from a time the text does not give: beside a date it is
    that date (apposition), else only the length; it never counts from the narrative's last date."""
    assert _values(text, language)[words] == value


@pytest.mark.parametrize(
    ("text", "language", "words", "value"),
    [
        (
            "Orders doubled at the very beginning of the financial year.",
            "en",
            "at the very beginning of the financial year",
            "FY2024",
        ),
        (
            "The firm lost money in fiscal 2022. During the fiscal year costs rose.",
            "en",
            "During the fiscal year",
            "FY2022",
        ),
        (
            "Orders doubled early in the financial year, against the same period of the last year.",
            "en",
            "the same period of the last year",
            "FY2023",
        ),
        ("De winst steeg in het boekjaar.", "nl", "in het boekjaar", "FY2024"),
        (
            "Het bedrijf leed verlies in boekjaar 2022. In het boekjaar stegen de kosten.",
            "nl",
            "In het boekjaar",
            "FY2022",
        ),
    ],
)
def test_time_rules_the_fiscal_year(text: str, language: str, words: str, value: str) -> None:
    assert _values(text, language)[words] == value


@pytest.mark.parametrize(
    ("text", "language", "words", "value"),
    [
        ("If there ever came a day when the mine closed, the town would empty.", "en", "a day", "FUTURE_REF"),
        ("There will come a day when the mine closes.", "en", "a day", "FUTURE_REF"),
        ("There was a day when the mill employed 300 people.", "en", "a day", "PAST_REF"),
        ("Er komt ooit een dag waarop de mijn sluit.", "nl", "een dag", "FUTURE_REF"),
        ("Er was een jaar waarop de molen stillag.", "nl", "een jaar", "PAST_REF"),
        ("The crew was paid $5 a day when it rained.", "en", "a day", "P1D"),
        ("The talks lasted a day.", "en", "a day", "P1D"),
    ],
)
def test_time_rules_indefinite_point_is_no_length(text: str, language: str, words: str, value: str) -> None:
    assert _values(text, language)[words] == value


_UNITS = {"days": timedelta(days=1), "weeks": timedelta(weeks=1)}


@given(day=_days, n=st.integers(2, 30), unit=st.sampled_from(sorted(_UNITS)))
def test_time_rules_later_than_beside_a_date_is_that_date(day: date, n: int, unit: str) -> None:
    text = f"The plane landed on {_MONTHS[day.month - 1]} {day.day}, {day.year}, {n} {unit} later than planned."
    assert _values(text)[f"{n} {unit} later"] == day.isoformat()


@given(day=_days, n=st.integers(2, 30))
def test_time_rules_later_without_than_counts_from_the_date(day: date, n: int) -> None:
    text = f"The plane landed on {_MONTHS[day.month - 1]} {day.day}, {day.year}. {n} days later it left."
    assert _values(text)[f"{n} days later"] == (day + timedelta(days=n)).isoformat()


@given(
    year=st.integers(1990, 2090),
    marker=st.sampled_from(["If there ever came", "If there comes", "Whenever there is", "There will be"]),
    unit=st.sampled_from(["day", "week", "year", "month"]),
)
def test_time_rules_hypothetical_point_is_future(year: int, marker: str, unit: str) -> None:
    text = f"{marker} a {unit} when the dam breaks, the valley floods."
    assert _values(text, published=date(year, 5, 1))[f"a {unit}"] == "FUTURE_REF"


@given(days=st.integers(1, 400))
def test_time_rules_from_now_is_a_day_ahead(days: int) -> None:
    """``N days from now`` is one date, as ``N days ago`` is, not ``from`` + PRESENT_REF."""
    text = f"The plant reopens {days} days from now."
    assert _values(text) == {f"{days} days from now": (PUBLISHED + timedelta(days=days)).isoformat()}


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The mill was built in the late 1800s.", "in the late 1800s", "18"),
        ("The mill was built in the 1900s.", "in the 1900s", "19"),
        ("The mill was built in the 1880s.", "in the 1880s", "188X"),
        ("The mill was built in the 2000s.", "in the 2000s", "200X"),
    ],
)
def test_time_rules_hundreds_are_a_century(text: str, words: str, value: str) -> None:
    """``the 1800s`` is the century 1800-1899 (TIMEX3 ``18``), not the decade 1800-1809; ``the 2000s``
    stays the decade, as news mostly means it."""
    assert _values(text)[words] == value


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("De fabriek gaat over twee weken open.", "over twee weken", "2024-W44"),
        ("De fabriek ging twee weken geleden dicht.", "twee weken geleden", "2024-10-01"),
        ("De molen werd in de jaren 1880 gebouwd.", "in de jaren 1880", "188X"),
    ],
)
def test_time_rules_dutch_counts_unchanged(text: str, words: str, value: str) -> None:
    """The shared rules ``from_now`` (no Dutch words) and ``decade_digits`` leave Dutch as it was."""
    assert _values(text, "nl")[words] == value


@pytest.mark.parametrize(
    ("text", "language", "published", "words", "value"),
    [
        ("The firm hired him in the summer.", "en", date(2007, 3, 1), "in the summer", "2006-SU"),
        ("The firm hired him in the summer.", "en", date(2007, 7, 10), "in the summer", "2007-SU"),
        ("The firm will hire him in the summer.", "en", date(2007, 3, 1), "in the summer", "2007-SU"),
        ("Prices fell in the winter.", "en", date(2007, 3, 1), "in the winter", "2006-WI"),
        ("He joined the firm in the spring.", "en", date(2007, 5, 1), "in the spring", "2007-SP"),
        ("De prijzen daalden in de zomer.", "nl", date(2007, 3, 1), "in de zomer", "2006-SU"),
        ("De brug gaat in de zomer open.", "nl", date(2007, 3, 1), "in de zomer", "2007-SU"),
    ],
)
def test_time_rules_season_after_a_past_verb_had_begun(
    text: str, language: str, published: date, words: str, value: str
) -> None:
    """After a past verb a season is the last one that had begun by publication, as a month is."""
    assert _values(text, language, published)[words] == value


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The water came from the spring.", {}),
        ("The fall of the bridge shocked the town.", {}),
        ("Prices rose within hours.", {"within hours": "PTXH"}),
    ],
)
def test_time_rules_ambiguous_words(text: str, found: dict[str, str]) -> None:
    assert _values(text) == found


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


@given(day=_days, season=st.sampled_from(sorted(_SEASON_START)))
def test_time_rules_past_season_has_begun(day: date, season: str) -> None:
    value = _values(f"Prices fell in the {season}.", published=day)[f"in the {season}"]
    year = int(value[:4])
    assert date(year, _SEASON_START[season], 1) <= day < date(year + 1, _SEASON_START[season], 1)


@pytest.mark.parametrize(
    ("text", "language", "words", "value"),
    [
        (
            "The dam broke on 12 May 2005. The following Monday the army came.",
            "en",
            "The following Monday",
            "2005-05-16",
        ),
        ("The dam broke on 12 May 2005. The previous Friday it had rained.", "en", "The previous Friday", "2005-05-06"),
        ("The dam broke on 12 May 2005. That same evening the army came.", "en", "That same evening", "2005-05-12TEV"),
        ("The dam broke in 2005. The next year it was rebuilt.", "en", "The next year", "2006"),
        ("The firm will hire 300 people in the next year.", "en", "in the next year", "P1Y"),
        ("The vote was last Friday.", "en", "last Friday", "2024-10-11"),
        ("De dijk brak op 12 mei 2005. De volgende maandag kwam het leger.", "nl", "De volgende maandag", "2005-05-16"),
        ("De stemming is volgende maandag.", "nl", "volgende maandag", "2024-10-21"),
    ],
)
def test_time_rules_anaphoric_weekdays_and_years(text: str, language: str, words: str, value: str) -> None:
    """``the following Monday`` counts from the narrative's last day; ``next Monday`` (no article) from
    publication. ``the next year`` in a past clause is the year after the narrative's."""
    assert _values(text, language)[words] == value


_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


@given(day=_days, wd=st.integers(1, 7), step=st.sampled_from([("following", 1), ("previous", -1)]))
def test_time_rules_anaphoric_weekday_is_after_the_narrative_day(day: date, wd: int, step: tuple[str, int]) -> None:
    word, direction = step
    text = f"The dam broke on {day.day} {_MONTHS[day.month - 1]} {day.year}. The {word} {_WEEKDAYS[wd - 1]} it rained."
    found = date.fromisoformat(_values(text)[f"The {word} {_WEEKDAYS[wd - 1]}"])
    assert found.isoweekday() == wd
    assert 1 <= (found - day).days * direction <= 7


@pytest.mark.parametrize(
    ("text", "language", "words", "value"),
    [
        (
            "The dam broke on 12 May 2005. By the end of the month the town was empty.",
            "en",
            "By the end of the month",
            "2005-05",
        ),
        (
            "The dam broke on 12 May 2005. The plant will close at the end of the year.",
            "en",
            "at the end of the year",
            "2024",
        ),
        (
            "De dijk brak op 12 mei 2005. Aan het eind van de maand was de stad leeg.",
            "nl",
            "het eind van de maand",
            "2005-05",
        ),
        ("De fabriek sluit aan het eind van het jaar.", "nl", "het eind van het jaar", "2024"),
    ],
)
def test_time_rules_part_of_the_narrative_period(text: str, language: str, words: str, value: str) -> None:
    """``the end of the month`` after a past verb is the month of the narrative's last date; elsewhere
    the month of publication."""
    assert _values(text, language)[words] == value


@pytest.mark.parametrize(
    ("text", "language", "words", "value"),
    [
        ("Buren bellen ons straks midden in de nacht, zegt hij.", "nl", "midden in de nacht", "XXXX-XX-XXTNI"),
        ("Op 1 oktober 2024 brak midden in de nacht brand uit.", "nl", "midden in de nacht", "2024-10-01TNI"),
        (
            "De brand begon op 1 oktober 2024. Midden in de nacht sloeg het vuur over.",
            "nl",
            "Midden in de nacht",
            "2024-10-01TNI",
        ),
        (
            "The barn caught fire in the middle of the night on 1 October 2024.",
            "en",
            "in the middle of the night",
            "2024-10-01TNI",
        ),
        ("Neighbours phone us in the middle of the night.", "en", "in the middle of the night", "XXXX-XX-XXTNI"),
    ],
)
def test_time_rules_narrative_daypart(text: str, language: str, words: str, value: str) -> None:
    assert _values(text, language)[words] == value


@pytest.mark.parametrize(
    ("text", "language", "words", "value"),
    [
        ("Net income rose 10 percent in the quarter.", "en", "in the quarter", "2024-Q3"),
        ("Net income will rise in the quarter.", "en", "in the quarter", "2024-Q4"),
        (
            "Sales rose in the latest quarter, from 5 million in the year-earlier quarter.",
            "en",
            "in the year-earlier quarter",
            "2023-Q3",
        ),
        ("Sales rose in the second quarter of 2022. Costs in the quarter fell.", "en", "in the quarter", "2022-Q2"),
        ("A quarter of the staff left.", "en", None, None),
        (
            "De winst steeg in het derde kwartaal van 2022. In het kwartaal daalden de kosten.",
            "nl",
            "In het kwartaal",
            "2022-Q3",
        ),
        ("De winst zal in het kwartaal stijgen.", "nl", "in het kwartaal", "2024-Q4"),
    ],
)
def test_time_rules_the_quarter(text: str, language: str, words: str | None, value: str | None) -> None:
    found = _values(text, language)
    if words is None:
        assert found == {}
    else:
        assert found[words] == value


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Between 2015 and 2019 prices rose.", "en"),
        ("From 2015 to 2019 prices rose.", "en"),
        ("Tussen 2015 en 2019 woningen gebouwd.", "nl"),
    ],
)
def test_time_rules_a_range_ends_in_a_year_before_a_plural(text: str, language: str) -> None:
    """The end of ``between 2015 and 2019 prices`` is a year, not a count of 2019 prices."""
    assert "2019" in _values(text, language).values()


def test_time_rules_a_count_before_a_plural_stays_a_count() -> None:
    assert _values("Between 20 and 2019 soldiers died.") == {}


@pytest.mark.parametrize(
    ("text", "language", "words", "value"),
    [
        ('"Today is a sad day," the mayor said on Saturday.', "en", "Today", "2024-10-12"),
        ('On Saturday the mayor said: "Tomorrow we close the bridge."', "en", "Tomorrow", "2024-10-13"),
        ('"We lost today. It hurts," the coach said on Saturday.', "en", "today", "2024-10-12"),
        ('"Today is a sad day," the mayor said.', "en", "Today", "2024-10-15"),
        ("The mayor said today that the bridge closes.", "en", "today", "2024-10-15"),
        ("„Gisteren was het druk”, zei de burgemeester zondag.", "nl", "Gisteren", "2024-10-12"),
        ('"Vandaag is een zwarte dag," zei de minister maandag.', "nl", "Vandaag", "2024-10-14"),
    ],
)
def test_time_rules_deixis_in_a_quotation_counts_from_its_speech(
    text: str, language: str, words: str, value: str
) -> None:
    """``today`` inside a quotation is the day its speaker spoke, when the sentence names it outside the
    quotation; else publication, as outside quotations."""
    assert _values(text, language)[words] == value


@given(back=st.integers(1, 6), offset=st.sampled_from([("yesterday", -1), ("today", 0), ("tomorrow", 1)]))
def test_time_rules_quoted_deixis_property(back: int, offset: tuple[str, int]) -> None:
    word, n = offset
    spoke = PUBLISHED - timedelta(days=back)
    text = f'"The market opens {word}," the mayor said on {_WEEKDAYS[spoke.isoweekday() - 1]}.'
    assert _values(text)[word] == (spoke + timedelta(days=n)).isoformat()
