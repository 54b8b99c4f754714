"""The time stage: TIMEX3 values of Dutch and English time expressions, with their spans."""

from __future__ import annotations

from datetime import date

import pytest

from sayso.records import TimeExpr
from sayso.time import find_times, without_preposition

TUESDAY = date(2024, 10, 15)  # ISO week 42
WEDNESDAY = date(2024, 10, 16)


def values(text: str, language: str, published: date | None = TUESDAY) -> dict[str, str]:
    return {t.text: t.value for t in find_times(text, language=language, published=published)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De premier sprak maandagavond met de koning.", {"maandagavond": "2024-10-14TEV"}),
        ("Zondag had de minister al gewaarschuwd.", {"Zondag": "2024-10-13"}),
        ("Dinsdag blies het leger de brug op.", {"Dinsdag": "2024-10-15"}),
        ("Het leger gaat de komende maanden oefenen.", {"de komende maanden": "FUTURE_REF"}),
        ("De rol van het land is in afgelopen jaar gegroeid.", {"in afgelopen jaar": "P1Y"}),
        ("Bij een aanval op 2 januari vielen doden.", {"op 2 januari": "2024-01-02"}),
        ("De krant schreef begin deze maand over de zaak.", {"begin deze maand": "2024-10"}),
        ("De generaal zei vorig maand dat het front hield.", {"vorig maand": "2024-09"}),
        ("De generaal zei vorige maand dat het front hield.", {"vorige maand": "2024-09"}),
        ("Sinds het begin van dit jaar rukt het leger op.", {"Sinds het begin van dit jaar": "2024"}),
        ("Eerder deze maand meldden de diensten een aanval.", {"Eerder deze maand": "2024-10"}),
        ("Vorige week schreef de krant een stuk.", {"Vorige week": "2024-W41"}),
        ("Het lag al anderhalf jaar in de lijn der verwachting.", {"anderhalf jaar": "P1.5Y"}),
        ("Het land leerde in de jaren zestig en zeventig een les.", {"in de jaren zestig": "196X", "zeventig": "197X"}),
        ("Het bedrijf maakte gisteren de cijfers bekend.", {"gisteren": "2024-10-14"}),
        ("Vandaag is de rechtszaak begonnen.", {"Vandaag": "2024-10-15"}),
        ("Morgen beslist de Kamer over de motie.", {"Morgen": "2024-10-16"}),
        ("De Morgen schreef het als eerste.", {}),
        ("Het akkoord werd op 15 oktober 2023 getekend.", {"op 15 oktober 2023": "2023-10-15"}),
        ("De wet geldt vanaf 1-1-2025.", {"vanaf 1-1-2025": "2025-01-01"}),
        ("Het verdrag is in 2011 gesloten.", {"in 2011": "2011"}),
        ("De prijzen stegen in maart sterk.", {"in maart": "2024-03"}),
        ("De fabriek sloot in mei 2019 de deuren.", {"in mei 2019": "2019-05"}),
        ("Twee jaar geleden begon de bouw.", {"Twee jaar geleden": "2022"}),
        ("De export groeide in het derde kwartaal.", {"in het derde kwartaal": "2024-Q3"}),
        ("De staking duurde drie maanden.", {"drie maanden": "P3M"}),
        ("De vergadering begint om 14.30 uur.", {"om 14.30 uur": "2024-10-15T14:30"}),
        ("Het museum heropent volgend jaar.", {"volgend jaar": "2025"}),
        ("Het kabinet valt nu al voor de tweede keer.", {"nu": "PRESENT_REF"}),
        ("De raad vergadert elke week over de begroting.", {"elke week": "P1W"}),
        ("Het bedrijf verdient jaarlijks miljoenen.", {"jaarlijks": "P1Y"}),
        ("Vanavond spreekt de premier het land toe.", {"Vanavond": "2024-10-15TEV"}),
        ("In de twintigste eeuw veranderde alles.", {"In de twintigste eeuw": "19"}),
        ("De stad groeide de afgelopen jaren snel.", {"de afgelopen jaren": "PXY"}),
        ("De minister treedt eind oktober af.", {"eind oktober": "2024-10"}),
        ("Het hof doet op donderdag 17 oktober uitspraak.", {"op donderdag 17 oktober": "2024-10-17"}),
        ("In het afgelopen weekend vielen drie doden.", {"In het afgelopen weekend": "2024-W41-WE"}),
        ("Hij was van 1993 tot 2001 president.", {"van 1993 tot 2001": "P8Y", "1993": "1993", "2001": "2001"}),
    ],
)
def test_time_dutch_values(text: str, expected: dict[str, str]) -> None:
    assert values(text, "nl") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister spoke on Monday evening with the king.", {"on Monday evening": "2024-10-14TEV"}),
        ("On Saturday the army shelled the town.", {"On Saturday": "2024-10-12"}),
        ("Shares fell sharply last week.", {"last week": "2024-W41"}),
        ("Earlier this month the firm cut jobs.", {"Earlier this month": "2024-10"}),
        ("The regulator fined the bank last month.", {"last month": "2024-09"}),
        ("The plant was built in 2011.", {"in 2011": "2011"}),
        ("The band was formed in the 1960s.", {"in the 1960s": "196X"}),
        ("The strike lasted three months.", {"three months": "P3M"}),
        ("The contract was signed on October 15, 2023.", {"on October 15, 2023": "2023-10-15"}),
        ("The contract was signed on March 01, 2008.", {"on March 01, 2008": "2008-03-01"}),
        ("The report is dated 15 October 2023.", {"15 October 2023": "2023-10-15"}),
        ("The law took effect on 2024-07-01.", {"on 2024-07-01": "2024-07-01"}),
        ("The hearing will take place next Monday.", {"next Monday": "2024-10-21"}),
        ("The company said the trial is set to begin on Thursday.", {"on Thursday": "2024-10-17"}),
        ("The company said yesterday that profits rose.", {"yesterday": "2024-10-14"}),
        ("Apple today introduced a new laptop.", {"today": "2024-10-15"}),
        ("The vote is expected tomorrow.", {"tomorrow": "2024-10-16"}),
        ("Recently the bank raised its rates.", {"Recently": "PAST_REF"}),
        ("The store now sells films.", {"now": "PRESENT_REF"}),
        ("The firm was fined on June 18 for fraud.", {"on June 18": "2024-06-18"}),
        ("The jets will be delivered on November 11.", {"on November 11": "2024-11-11"}),
        ("The jets were delivered on November 11.", {"on November 11": "2023-11-11"}),
        (
            "The plane landed at 18:00 UTC on Tuesday.",
            {"at 18:00 UTC": "2024-10-15T18:00Z", "on Tuesday": "2024-10-15"},
        ),
        ("Profits rose in the third quarter.", {"in the third quarter": "2024-Q3"}),
        ("The project began two years ago.", {"two years ago": "2022"}),
        ("The firm plans 10,000 job cuts over the next four years.", {"over the next four years": "P4Y"}),
        ("The tanker flies 15 missions a year.", {"a year": "P1Y"}),
        ("The release is almost two and a half years late.", {"almost two and a half years": "P2.5Y"}),
        ("The 27-year contract was signed.", {"27-year": "P27Y"}),
        ("A 55-year-old man was arrested.", {}),
        ("The firm holds an annual conference.", {"annual": "P1Y"}),
        ("This weekend the museum is open.", {"This weekend": "2024-W42-WE"}),
        ("The launch is planned for mid-2025.", {"for mid-2025": "2025"}),
        ("Sales slowed in the past decade.", {"in the past decade": "P10Y"}),
        ("The phone launched in May 2008.", {"in May 2008": "2008-05"}),
        ("The phone launched in April.", {"in April": "2024-04"}),
        ("Theresa May spoke to reporters.", {}),
        ("He served from 1993 to 2001.", {"from 1993 to 2001": "P8Y", "1993": "1993", "2001": "2001"}),
        ("Delivery is due later this year.", {"later this year": "2024"}),
        ("The firm said it was founded at the beginning of the year.", {"at the beginning of the year": "2024"}),
        ("The company's third-quarter earnings fell.", {"third-quarter": "2024-Q3"}),
        ("The merger should be completed by year-end.", {"by year-end": "2024"}),
        ("The fiscal year ends next June 30.", {"The fiscal year": "FY2024", "next June 30": "2025-06-30"}),
        ("Mr. Smith will succeed him effective Nov. 1.", {"Nov. 1": "2024-11-01"}),
        ("Earlier in the day, the department said sales slipped.", {"Earlier in the day": "2024-10-15"}),
    ],
)
def test_time_english_values(text: str, expected: dict[str, str]) -> None:
    assert values(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("De raad vergadert woensdag opnieuw.", "nl", {"woensdag": "2024-10-16"}),  # no tense cue, day after
        ("De raad zal vrijdag opnieuw vergaderen.", "nl", {"vrijdag": "2024-10-18"}),
        ("De raad vergaderde vrijdag.", "nl", {"vrijdag": "2024-10-11"}),
        ("The board will meet on Friday.", "en", {"on Friday": "2024-10-18"}),
        ("The board met on Friday.", "en", {"on Friday": "2024-10-11"}),
        ("The board met last Tuesday.", "en", {"last Tuesday": "2024-10-08"}),
    ],
)
def test_time_weekday_tense(text: str, language: str, expected: dict[str, str]) -> None:
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Zondag had de minister al gewaarschuwd.", "nl", {"Zondag": "XXXX-WXX-7"}),
        ("Gisteren maakte het bedrijf winst.", "nl", {"Gisteren": "PAST_REF"}),
        ("Vorige week schreef de krant.", "nl", {"Vorige week": "PAST_REF"}),
        ("Bij een aanval op 2 januari vielen doden.", "nl", {"op 2 januari": "XXXX-01-02"}),
        ("The firm will report next year.", "en", {"next year": "FUTURE_REF"}),
        ("On Monday evening the minister spoke.", "en", {"On Monday evening": "XXXX-WXX-1TEV"}),
        ("The deal was signed on October 15, 2023.", "en", {"on October 15, 2023": "2023-10-15"}),
        ("The strike began at 18:00.", "en", {"at 18:00": "XXXX-XX-XXT18:00"}),
    ],
)
def test_time_without_publication_date(text: str, language: str, expected: dict[str, str]) -> None:
    assert values(text, language, None) == expected


def test_time_spans_are_offsets_into_the_text() -> None:
    text = "Rusland gaat de komende maanden troepen inzetten. Dat zei de president maandagavond op tv."
    found = find_times(text, language="nl", published=TUESDAY)
    assert found
    for t in found:
        assert isinstance(t, TimeExpr)
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Het lag al anderhalf jaar klaar.", "duration"),
        ("Het leger gaat de komende maanden oefenen.", "vague"),
        ("Het bedrijf verdient jaarlijks miljoenen.", "set"),
        ("De vergadering begint om 14.30 uur.", "time"),
        ("Vorige week schreef de krant.", "date"),
    ],
)
def test_time_kinds(text: str, kind: str) -> None:
    (found,) = find_times(text, language="nl", published=TUESDAY)
    assert found.kind == kind


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("De Hwasong-11 heeft een bereik van 700 kilometer.", "nl"),
        ("Er kwamen 2000 soldaten om.", "nl"),
        ("The Boeing 787 carries 290 passengers.", "en"),
        ("Some 1500 people marched.", "en"),
        ("Theresa May will march with the group.", "en"),
    ],
)
def test_time_numbers_that_are_not_times(text: str, language: str) -> None:
    assert find_times(text, language=language, published=TUESDAY) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "De gesprekken begonnen op 3 maart. De volgende dag viel het leger aan.",
            "nl",
            {"op 3 maart": "2024-03-03", "De volgende dag": "2024-03-04"},
        ),
        (
            "De gesprekken begonnen op 3 maart. Drie dagen later viel het leger aan.",
            "nl",
            {"op 3 maart": "2024-03-03", "Drie dagen later": "2024-03-06"},
        ),
        (
            "The firm lost money in 2019, after a profit a year earlier.",
            "en",
            {"in 2019": "2019", "a year earlier": "2018"},
        ),
        (
            "The talks resumed on Monday. The next day the rebels attacked.",
            "en",
            {"on Monday": "2024-10-14", "The next day": "2024-10-15"},
        ),
        ("Het systeem wordt pas over drie jaar geleverd.", "nl", {"over drie jaar": "2027"}),
    ],
)
def test_time_counted_from_a_reference(text: str, language: str, expected: dict[str, str]) -> None:
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Met Kerstmis 2023 was de winkel dicht.", "nl", {"Kerstmis 2023": "2023-12-25"}),
        ("Na Koningsdag werd het stil in de stad.", "nl", {"Na Koningsdag": "2024-04-27"}),
        ("Sales rose sharply over Christmas.", "en", {"over Christmas": "2023-12-25"}),
    ],
)
def test_time_holidays(text: str, language: str, expected: dict[str, str]) -> None:
    assert values(text, language) == expected


def test_time_clause_tense_beats_the_reporting_verb() -> None:
    text = "Production will be cut to four days a week from January, the company said."
    assert values(text, "en", date(2024, 11, 20))["from January"] == "2025-01"


@pytest.mark.parametrize(
    ("text", "language", "core"),
    [
        ("Bij een aanval op 2 januari vielen doden.", "nl", "2 januari"),
        ("On Saturday the army shelled the town.", "en", "Saturday"),
        ("Vorige week schreef de krant een stuk.", "nl", "Vorige week"),
    ],
)
def test_time_without_preposition_gives_the_timeml_span(text: str, language: str, core: str) -> None:
    (t,) = find_times(text, language=language, published=TUESDAY)
    bare = without_preposition(t, language=language)
    assert (bare.text, bare.value) == (core, t.value)
    assert text[bare.start : bare.end] == bare.text


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The ship was hit nearly two hours after it docked.", "en", {"nearly two hours": "PT2H"}),
        ("Het plan lag al ruim anderhalf jaar klaar.", "nl", {"ruim anderhalf jaar": "P1.5Y"}),
        ("Het bericht kwam binnen op 20-10-2000 20:02:07.", "nl", {"op 20-10-2000 20:02:07": "2000-10-20T20:02:07"}),
        ("The report was filed 10/20/2000 20:02:07.", "en", {"10/20/2000 20:02:07": "2000-10-20T20:02:07"}),
    ],
)
def test_time_approximators_and_clock_times_join_the_span(text: str, language: str, expected: dict[str, str]) -> None:
    assert values(text, language) == expected


def test_time_a_week_before_a_new_year() -> None:
    # vorige week in the first week of January belongs to the previous ISO year
    assert values("Vorige week sneeuwde het.", "nl", date(2025, 1, 2)) == {"Vorige week": "2024-W52"}


def test_time_empty_text() -> None:
    assert find_times("", language="en", published=WEDNESDAY) == []


THURSDAY = date(2025, 6, 12)  # a day and month later in the year lie ahead of it


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # present tense (and present passive) or no tense cue: the nearer of last year's and this year's date
        ("The lawyers asked for mercy before she is sentenced on Sept. 9.", "en", {"on Sept. 9": "2025-09-09"}),
        (
            "Registration opens on June 20 and closes on October 3.",
            "en",
            {"on June 20": "2025-06-20", "on October 3": "2025-10-03"},
        ),
        ("Het ministerie publiceert op 22 augustus de cijfers.", "nl", {"op 22 augustus": "2025-08-22"}),
        (
            "De inschrijving opent op 1 juli en sluit op 15 september.",
            "nl",
            {"op 1 juli": "2025-07-01", "op 15 september": "2025-09-15"},
        ),
        ("De tentoonstelling begint op 9 augustus.", "nl", {"op 9 augustus": "2025-08-09"}),
        ("Het museum organiseert op 30 juli een open dag.", "nl", {"op 30 juli": "2025-07-30"}),
        ("De tentoonstelling wordt op 2 juni geopend.", "nl", {"op 2 juni": "2025-06-02"}),
        # past and perfect look back, modals and future-in-the-past look forward
        ("The registration closed on October 3.", "en", {"on October 3": "2024-10-03"}),
        ("De inschrijving heeft op 15 september gesloten.", "nl", {"op 15 september": "2024-09-15"}),
        ("The mayor said the vote on July 8 would settle the matter.", "en", {"on July 8": "2025-07-08"}),
        ("The mayor said the vote would have been held on July 8.", "en", {"on July 8": "2024-07-08"}),
        ("De burgemeester zei dat de stemming op 8 juli zou plaatsvinden.", "nl", {"op 8 juli": "2025-07-08"}),
        ("De raad moet op 4 februari beslissen.", "nl", {"op 4 februari": "2026-02-04"}),
    ],
)
def test_time_day_and_month_follow_the_tense(text: str, language: str, expected: dict[str, str]) -> None:
    assert values(text, language, THURSDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het Parool schreef woensdag dat de wethouder wil aftreden.", {"woensdag": "2025-06-11"}),
        ("Hij werkte bij de ploeg die in maart naar Duitsland vertrok.", {"in maart": "2025-03"}),
        ("Hij vroeg dinsdag om uitstel.", {"dinsdag": "2025-06-10"}),  # vroeg is a verb here, no part of the day
    ],
)
def test_time_irregular_past_verbs_are_tense_cues(text: str, expected: dict[str, str]) -> None:
    assert values(text, "nl", THURSDAY) == expected


def test_time_a_plural_with_an_apostrophe_ends_a_sentence() -> None:
    # "foto’s." is no abbreviation: the past cue of the first sentence must not reach the second
    text = "Bij de brand verloor het museum tachtig foto’s. Vrijdag debatteren de leden."
    assert values(text, "nl", THURSDAY)["Vrijdag"] == "2025-06-13"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Afgelopen nacht brandde een schuur af.", "nl", {"Afgelopen nacht": "2025-06-11TNI"}),
        ("The fire started late on Monday.", "en", {"late on Monday": "2025-06-09TEV"}),
        ("Laat op maandag brak de brand uit.", "nl", {"Laat op maandag": "2025-06-09TEV"}),
        ("The parties hope to agree by the weekend.", "en", {"by the weekend": "2025-W24-WE"}),
        ("Over the weekend the river rose.", "en", {"Over the weekend": "2025-W23-WE"}),
        ("Sales should recover in the second half.", "en", {"in the second half": "2025-H2"}),
        ("De winst daalt in de tweede jaarhelft.", "nl", {"in de tweede jaarhelft": "2025-H2"}),
        ("Feyenoord scoorde in de tweede helft.", "nl", {}),  # a half of a match
    ],
)
def test_time_night_late_weekend_and_half_year(text: str, language: str, expected: dict[str, str]) -> None:
    assert values(text, language, THURSDAY) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Patients take two tablets a day.", "en", {"a day": ("P1D", "set")}),
        ("The coast gets 12 storms a year.", "en", {"a year": ("P1Y", "set")}),
        ("He stayed for a year.", "en", {"for a year": ("P1Y", "duration")}),
        ("Gusts reached 150 km per hour.", "en", {}),
        ("The train runs at 300 kilometres an hour.", "en", {}),
        ("De trein rijdt 300 kilometer per uur.", "nl", {}),
        ("Het bedrijf verliest een miljoen euro per week.", "nl", {"per week": ("P1W", "set")}),
    ],
)
def test_time_frequencies_are_sets_and_speeds_no_times(
    text: str, language: str, expected: dict[str, tuple[str, str]]
) -> None:
    found = find_times(text, language=language, published=THURSDAY)
    assert {t.text: (t.value, t.kind) for t in found} == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("De club presenteert in oktober een nieuw plan.", "2025-10"),  # present: the nearer October
        ("In januari wordt mogelijk nog een verdediger gehaald.", "2026-01"),
        ("De prijzen stegen in oktober sterk.", "2024-10"),  # past
        ("In oktober een nieuw plan.", "2024-10"),  # no tense at all: what happened
    ],
)
def test_time_a_month_in_the_present_is_the_nearer_one(text: str, value: str) -> None:
    (found,) = find_times(text, language="nl", published=date(2025, 9, 18))
    assert found.value == value


SEPT_THURSDAY = date(2025, 9, 18)  # ISO week 38


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # voor + weekday points forward, also after a perfect; a simple past still looks back
        ("Het KNMI heeft voor zaterdag code geel afgegeven.", "nl", {"voor zaterdag": "2025-09-20"}),
        ("De gemeente heeft voor maandag extra bussen ingezet.", "nl", {"voor maandag": "2025-09-22"}),
        ("De weg wordt voor maandag afgesloten.", "nl", {"voor maandag": "2025-09-22"}),
        ("Voor dinsdag werd al gewaarschuwd.", "nl", {"Voor dinsdag": "2025-09-16"}),
        # meer dan after a count compares the count; a year earlier keeps the month of its reference
        ("De haven telde 4200 schepen meer dan een jaar eerder.", "nl", {"een jaar eerder": "2024-09"}),
        (
            "In juni waren er 300 meldingen, een jaar eerder nog 200.",
            "nl",
            {"In juni": "2025-06", "een jaar eerder": "2024-06"},
        ),
        ("Het bedrijf stopte meer dan een jaar eerder.", "nl", {"meer dan een jaar eerder": "2024-09"}),
        # an adjective of vague length is no count of hours, and na leads the noun after it
        ("Het plan sneuvelde na een urenlang overleg.", "nl", {"urenlang": "PTXH"}),
        ("Na jarenlang onderzoek kwam er een rapport.", "nl", {"jarenlang": "PXY"}),
        # ages are no durations; a sentence of years is
        ("Drie vrouwen van 31, 34 en 40 jaar raakten gewond.", "nl", {}),
        ("Een jongen van 16 jaar is opgepakt.", "nl", {}),
        ("Hij kreeg een celstraf van 12 jaar.", "nl", {"van 12 jaar": "P12Y"}),
        ("A man of 45 years was arrested.", "en", {}),
        # one night from one day to the next, dated by the day it begins
        (
            "In de nacht van vrijdag op zaterdag brak brand uit in de loods.",
            "nl",
            {"In de nacht van vrijdag op zaterdag": "2025-09-12TNI"},
        ),
        (
            "Het KNMI verwacht onweer in de nacht van zaterdag op zondag.",
            "nl",
            {"in de nacht van zaterdag op zondag": "2025-09-20TNI"},
        ),
        (
            "De ploeg zal in de nacht van zaterdag op zondag rijden.",
            "nl",
            {"in de nacht van zaterdag op zondag": "2025-09-20TNI"},
        ),
        (
            "Floods hit the town in the night of Monday to Tuesday.",
            "en",
            {"in the night of Monday to Tuesday": "2025-09-15TNI"},
        ),
    ],
)
def test_time_qa_forward_voor_comparisons_ages_and_nights(text: str, language: str, expected: dict[str, str]) -> None:
    assert values(text, language, SEPT_THURSDAY) == expected


def test_time_by_points_forward_only_before_a_time() -> None:
    published = date(2025, 9, 18)
    (half,) = find_times("Prices rose by an average of 9% in the first half.", language="en", published=published)
    assert half.value == "2025-H1"
    (friday,) = find_times("The report is due by Friday.", language="en", published=published)
    assert friday.value == "2025-09-19"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a range opened by from/between is a duration beside its two ends; two months share a year
        (
            "The mine will close between 2027 and 2030.",
            "en",
            {"between 2027 and 2030": "P3Y", "2027": "2027", "2030": "2030"},
        ),
        (
            "Analysts expect weaker sales for the July-September period.",
            "en",
            {"July": "2025-07", "September": "2025-09"},
        ),
        (
            "Tussen november en januari daalde de verkoop.",
            "nl",
            {"Tussen november en januari": "P2M", "november": "2024-11", "januari": "2025-01"},
        ),
        # a month or a day with a relative year is one expression
        ("Prices have doubled since May last year.", "en", {"since May last year": "2024-05"}),
        ("De fabriek staat sinds maart vorig jaar stil.", "nl", {"sinds maart vorig jaar": "2024-03"}),
        ("The deal was signed on March 3 last year.", "en", {"on March 3 last year": "2024-03-03"}),
        # in + a count points forward in a future clause and stays a duration otherwise
        ("The bridge will reopen in two weeks.", "en", {"in two weeks": "2025-W40"}),
        ("The river rose two metres in three days.", "en", {"in three days": "P3D"}),
        # a year earlier keeps the quarter of its reference
        (
            "Profit fell in the second quarter from a year earlier.",
            "en",
            {"in the second quarter": "2025-Q2", "from a year earlier": "2024-Q2"},
        ),
        (
            "De omzet steeg in het eerste kwartaal, een jaar eerder daalde die nog.",
            "nl",
            {"in het eerste kwartaal": "2025-Q1", "een jaar eerder": "2024-Q1"},
        ),
        # a clock hour with a day part; an adverbial day part gives no day of its own
        ("De winkel is open tot tien uur ’s avonds.", "nl", {"tot tien uur ’s avonds": "XXXX-XX-XXT22:00"}),
        (
            "The ferry will leave at six o'clock in the morning.",
            "en",
            {"at six o'clock in the morning": "2025-09-18T06:00"},
        ),
        # a day and its time of day joined by at/rond are one time
        ("The vote was held on Monday at noon.", "en", {"on Monday at noon": "2025-09-15T12:00"}),
        ("De brand brak dinsdag rond het middaguur uit.", "nl", {"dinsdag rond het middaguur": "2025-09-16T12:00"}),
        # nights, quarters of an hour, unit by unit
        ("The crew worked three nights without sleep.", "en", {"three nights": "P3D"}),
        ("De trein had een vertraging van twee kwartier.", "nl", {"van twee kwartier": "PT30M"}),
        ("The pressure rose day by day.", "en", {"day by day": "P1D"}),
        ("Het water steeg week na week.", "nl", {"week na week": "P1W"}),
        # as early as leads a year
        ("The first warnings came as early as 2016.", "en", {"as early as 2016": "2016"}),
        # by before a name marks an agent, no deadline; zou ... hebben gezien looks back
        ("The merger was approved on Friday by Nordbank's board.", "en", {"on Friday": "2025-09-12"}),
        ("Een buurman zou zaterdag een man hebben gezien.", "nl", {"zaterdag": "2025-09-13"}),
    ],
)
def test_time_qa_ranges_relative_years_clock_parts(text: str, language: str, expected: dict[str, str]) -> None:
    assert values(text, language, SEPT_THURSDAY) == expected


def test_time_a_half_year_written_short() -> None:
    (h,) = find_times("Sales rose in H1.", language="en", published=date(2025, 9, 18))
    assert h.value == "2025-H1"


def test_time_an_irregular_past_points_back() -> None:
    (t,) = find_times("A US appeals court upheld the ruling on Thursday.", language="en", published=date(2025, 10, 14))
    assert t.value == "2025-10-09"
