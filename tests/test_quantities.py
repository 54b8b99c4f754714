"""The quantity stage: numbers that count or measure, with bounds, qualifier and unit."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

import sayso
from sayso.quantities import find_quantities
from sayso.records import Quantity
from sayso.time import find_times

PUBLISHED = date(2024, 10, 15)


def quantities(text: str, language: str) -> list[Quantity]:
    times = find_times(text, language=language, published=PUBLISHED)
    return find_quantities(text, language=language, times=times)


def one(text: str, language: str) -> Quantity:
    found = quantities(text, language)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "low", "high", "qualifier"),
    [
        ("Het leger verloor zeker twee miljoen granaten.", "zeker twee miljoen", 2e6, 2e6, None, "at_least"),
        ("Er werden minstens 40 doden geteld.", "minstens 40", 40, 40, None, "at_least"),
        ("De stad telt ruim 180.000 inwoners.", "ruim 180.000", 180000, 180000, None, "at_least"),
        (
            "De raket heeft een bereik van bijna zevenhonderd kilometer.",
            "bijna zevenhonderd kilometer",
            700,
            None,
            700,
            "almost",
        ),
        ("Het kost hoogstens 5 miljoen euro.", "hoogstens 5 miljoen euro", 5e6, None, 5e6, "at_most"),
        ("De betoging trok ongeveer 3000 mensen.", "ongeveer 3000", 3000, None, None, "about"),
        ("De inflatie bedroeg 5,7 procent.", "5,7 procent", 5.7, None, None, "exact"),
        ("De helft van de granaten komt uit het buitenland.", "De helft", 0.5, None, None, "exact"),
        ("Tienduizenden mensen sloegen op de vlucht.", "Tienduizenden", None, 10000, None, "vague"),
        ("De soldaten liepen duizenden kilometers.", "duizenden kilometers", None, 1000, None, "vague"),
        ("Het land stuurde 350.000 soldaten naar het front.", "350.000", 350000, None, None, "exact"),
        ("Er vielen zes doden.", "zes", 6, None, None, "exact"),
        ("De gemeente betaalt €5 miljoen.", "€5 miljoen", 5e6, None, None, "exact"),
        ("De bouw duurt anderhalf jaar.", "anderhalf jaar", 1.5, None, None, "exact"),
        ("Het aantal steeg van 10.000 tot 12.000.", "van 10.000 tot 12.000", 11000, 10000, 12000, "range"),
        ("Er waren tussen 10.000 en 12.000 betogers.", "tussen 10.000 en 12.000", 11000, 10000, 12000, "range"),
        ("Het gaat om 2 tot 3 miljoen euro.", "2 tot 3 miljoen euro", 2.5e6, 2e6, 3e6, "range"),
        ("Het tekort is tweeënhalf miljard.", "tweeënhalf miljard", 2.5e9, None, None, "exact"),
    ],
)
def test_quantities_dutch(
    text: str, span: str, value: float | None, low: float | None, high: float | None, qualifier: str
) -> None:
    q = one(text, "nl")
    assert (q.text, q.value, q.low, q.high, q.qualifier) == (span, value, low, high, qualifier)


@pytest.mark.parametrize(
    ("text", "span", "value", "low", "high", "qualifier"),
    [
        ("The army lost at least 4,000 soldiers.", "at least 4,000", 4000, 4000, None, "at_least"),
        ("More than 200 people were injured.", "More than 200", 200, 200, None, "at_least"),
        ("The order covers up to 60 jets.", "up to 60", 60, None, 60, "at_most"),
        ("Nearly 5.7 million people voted.", "Nearly 5.7 million", 5.7e6, None, 5.7e6, "almost"),
        ("The crowd numbered about 500.", "about 500", 500, None, None, "about"),
        ("The plane was greeted by some 400 guests.", "some 400", 400, None, None, "about"),
        ("The deal is worth $40 billion.", "$40 billion", 4e10, None, None, "exact"),
        ("The deal is worth US$40 billion.", "US$40 billion", 4e10, None, None, "exact"),
        ("Airbus won a £13 billion contract.", "£13 billion", 1.3e10, None, None, "exact"),
        ("The order is worth $15bn.", "$15bn", 1.5e10, None, None, "exact"),
        ("The firm cut between 10,000 and 12,000 jobs.", "between 10,000 and 12,000", 11000, 10000, 12000, "range"),
        ("The firm cut 10,000-12,000 jobs.", "10,000-12,000", 11000, 10000, 12000, "range"),
        ("Improvements of 15-20% are required.", "15-20%", 17.5, 15, 20, "range"),
        ("The cable runs for 500km under the sea.", "500km", 500, None, None, "exact"),
        ("Thousands of pages were copied.", "Thousands", None, 1000, None, "vague"),
        ("Dozens of protesters were arrested.", "Dozens", None, 12, None, "vague"),
        ("A third of the budget goes to defence.", "A third", 1 / 3, None, None, "exact"),
        ("The airline bought fifty new aircraft.", "fifty", 50, None, None, "exact"),
        ("The iTunes store accounts for 70% of sales.", "70%", 70, None, None, "exact"),
        ("Profits rose 78 percent.", "78 percent", 78, None, None, "exact"),
        ("The party won twenty-one seats.", "twenty-one", 21, None, None, "exact"),
    ],
)
def test_quantities_english(
    text: str, span: str, value: float | None, low: float | None, high: float | None, qualifier: str
) -> None:
    q = one(text, "en")
    assert q.text == span
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)
    assert q.value == pytest.approx(value) if value is not None else q.value is None


def test_quantities_hedged_alternatives_are_two() -> None:
    text = "Moskou liet zeker twee miljoen, maar mogelijk zes miljoen granaten verschepen."
    first, second = quantities(text, "nl")
    assert (first.text, first.qualifier, first.low, first.unit) == ("zeker twee miljoen", "at_least", 2e6, "granaten")
    assert (second.qualifier, second.high, second.unit) == ("possibly", 6e6, "granaten")


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        ("Het land stuurde 350.000 soldaten naar het front.", "nl", "soldaten"),
        ("Er kwamen zes Noord-Koreaanse officieren om.", "nl", "officieren"),
        ("De raket vloog 700 kilometer.", "nl", "km"),
        ("Het project kost 5 miljoen euro.", "nl", "EUR"),
        ("The deal is worth $40 billion.", "en", "USD"),
        ("Inflation hit 5.7 percent.", "en", "%"),
        ("The firm bought 14 new aircraft.", "en", "aircraft"),
        ("The deal was worth 9.9 billion yuan.", "en", "CNY"),
    ],
)
def test_quantities_units(text: str, language: str, unit: str) -> None:
    assert one(text, language).unit == unit


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bij de aanval werd een Hwasong-11 gebruikt.", "nl"),
        ("De F-16 steeg op vanaf de basis.", "nl"),
        ("Bij een aanval op 2 januari vielen doden.", "nl"),
        ("Volgens artikel 5 van het verdrag helpt de NAVO.", "nl"),
        ("De vergadering begint om 14.30 uur.", "nl"),
        ("Hij acht het bericht aannemelijk.", "nl"),
        ("The Airbus A380 made its maiden flight in 2005.", "en"),
        ("Boeing unveiled the 787 Dreamliner on Sunday.", "en"),
        ("The Boeing 747 is being retired.", "en"),
        ("The iPhone 4 went on sale on June 24.", "en"),
        ("No one was hurt when the plane landed at 18:00.", "en"),
        ("The dispute between the two companies continues.", "en"),
        ("One of the engines failed.", "en"),
        ("Doet het land eigenlijk twee dingen?", "nl"),
    ],
)
def test_quantities_not_quantities(text: str, language: str) -> None:
    assert quantities(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "spans"),
    [
        ("The S&P 500 rose 1.2% while the FTSE 100 fell 12.5 points.", "en", ["1.2%", "12.5"]),
        ("In Germany 3,700 jobs go.", "en", ["3,700"]),
        ("The update, iPod Software 1.1.1, costs $5.", "en", ["$5"]),
        ("Versie 2.3.1 kost 1.500 euro.", "nl", ["1.500 euro"]),
    ],
)
def test_quantities_names_and_versions_with_numbers(text: str, language: str, spans: list[str]) -> None:
    assert [q.text for q in quantities(text, language)] == spans


def test_quantities_model_number_named_once_is_a_name_everywhere() -> None:
    text = "Boeing unveiled the Boeing 787 on Sunday. The 787 carries 290 passengers."
    assert [q.text for q in quantities(text, "en")] == ["290"]


def test_quantities_durations_follow_the_language_convention() -> None:
    # the Dutch gold counts a duration as a quantity too; the English gold does not
    assert [q.text for q in quantities("Het duurde drie maanden.", "nl")] == ["drie maanden"]
    assert quantities("It lasted three months.", "en") == []


def test_quantities_find_times_themselves_when_none_are_given() -> None:
    found = find_quantities("Op 2 januari 2024 kwamen 300 mensen.", language="nl")
    assert [q.text for q in found] == ["300"]


def test_quantities_spans_are_offsets_into_the_text() -> None:
    text = "Ruim 180.000 commando's en bijna 700 kilometer: het gaat om $40 billion."
    for q in find_quantities(text, language="nl"):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "language", "span", "low", "high", "unit"),
    [
        ("Op de markt stonden tussen de 60 en 70 kramen.", "nl", "tussen de 60 en 70", 60, 70, "kramen"),
        (
            "De verbouwing kost tussen de 12 en 15 miljoen euro.",
            "nl",
            "tussen de 12 en 15 miljoen euro",
            12e6,
            15e6,
            "EUR",
        ),
        (
            "Er zaten naar schatting tussen de 300 en 350 vogels.",
            "nl",
            "naar schatting tussen de 300 en 350",
            300,
            350,
            "vogels",
        ),
        (
            "The repairs cost between 12 and 15 million dollars.",
            "en",
            "between 12 and 15 million dollars",
            12e6,
            15e6,
            "USD",
        ),
    ],
)
def test_quantities_ranges_between_the(text: str, language: str, span: str, low: float, high: float, unit: str) -> None:
    q = one(text, language)
    assert (q.text, q.low, q.high, q.unit, q.qualifier) == (span, low, high, unit, "range")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("De politie hield Karim D. (37) aan in Utrecht.", "nl"),
        ("Volgens Els de Vries (72) is het stil in het dorp.", "nl"),
        ("The landlord, Peter Hughes (66), declined to comment.", "en"),
        ("Een voorbijganger zag rook en belde 112.", "nl"),
        ("Buren hadden al gebeld en 112 gewaarschuwd.", "nl"),
        ("A neighbour dialled 999 when she saw the smoke.", "en"),
        ("The 12th round of talks opened in Vienna.", "en"),
        ("Het 4e kwartaal was zwak.", "nl"),
    ],
)
def test_quantities_ages_emergency_numbers_and_ranks_are_not_quantities(text: str, language: str) -> None:
    assert quantities(text, language) == []


def test_quantities_ordinal_ending_is_no_unit() -> None:
    q = one("The phone is in its 3rd generation.", "en")
    assert (q.text, q.unit) == ("3rd", "generation")


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        ("Inspectors found at least five bogus shell firms.", "en", "shell firms"),
        ("Volunteers recounted 52 ballot papers by hand.", "en", "ballot papers"),
        ("All 19 member countries signed.", "en", "member countries"),
        ("She scored 9 tries in 12 Six Nations matches.", "en", "tries"),
        ("She scored 9 tries in 12 Six Nations matches.", "en", "matches"),
        ("In the storm 214 died overnight.", "en", None),
        ("Burglaries fell to 800, down from some 950 last year.", "en", None),
        ("About 40 wounded soldiers were evacuated.", "en", "soldiers"),
        ("Er kwamen 45 Poolse vrachtwagenchauffeurs naar de rechtbank.", "nl", "vrachtwagenchauffeurs"),
        ("Het ging om 1200 flessen vorig jaar.", "nl", "flessen"),
    ],
)
def test_quantities_unit_is_the_counted_noun(text: str, language: str, unit: str | None) -> None:
    units = [q.unit for q in quantities(text, language)]
    assert unit in units if unit is not None else units[-1] is None


@pytest.mark.parametrize(
    ("text", "language", "span", "high", "unit"),
    [
        ("Adults should take no more than 250mg at once.", "en", "no more than 250mg", 250, "mg"),
        ("Patients may take not more than 2 g of it.", "en", "not more than 2 g", 2, "g"),
        ("Er mag niet meer dan 30 mg in zitten.", "nl", "niet meer dan 30 mg", 30, "mg"),
    ],
)
def test_quantities_upper_bounds_and_glued_units(text: str, language: str, span: str, high: float, unit: str) -> None:
    q = one(text, language)
    assert (q.text, q.high, q.unit, q.qualifier) == (span, high, unit, "at_most")


def test_quantities_plus_between_two_amounts_adds_them() -> None:
    found = quantities("The striker cost €30m plus €5m in bonuses.", "en")
    assert [(q.text, q.qualifier, q.value) for q in found] == [("€30m", "exact", 30e6), ("€5m", "exact", 5e6)]


def test_quantities_glued_letter_is_a_unit_only_in_its_case() -> None:
    assert quantities("Apple sold the 3G model.", "en") == []


@pytest.mark.parametrize(
    ("text", "language", "span", "unit"),
    [
        ("The storm brought gusts of 130 km per hour.", "en", "130 km per hour", "km/h"),
        ("The boat managed 20 miles an hour.", "en", "20 miles an hour", "mi/h"),
        ("De trein haalde 250 kilometer per uur.", "nl", "250 kilometer per uur", "km/h"),
        ("De huur is 900 euro per maand.", "nl", "900 euro per maand", "EUR/maand"),
    ],
)
def test_quantities_rates(text: str, language: str, span: str, unit: str) -> None:
    q = one(text, language)
    assert (q.text, q.unit) == (span, unit)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("In de tweede helft kwam de thuisploeg tot negentien schoten.", "negentien", 19),
        ("Het aantal faillissementen steeg vorig kwartaal tot 1.240.", "1.240", 1240),
        ("De wachtlijst daalde tot 9.500 patiënten.", "9.500", 9500),
        ("De export groeide tot 3 miljard euro.", "3 miljard euro", 3e9),
        ("Het waterpeil zakte tot 40 centimeter.", "40 centimeter", 40),
        ("Het aantal meldingen nam toe tot 640.", "640", 640),
        ("De rechter veroordeelde de man tot zes maanden cel.", "zes maanden", 6),
    ],
)
def test_quantities_tot_after_a_verb_of_change_is_the_value_reached(text: str, span: str, value: float) -> None:
    q = one(text, "nl")
    assert (q.text, q.value, q.low, q.high, q.qualifier) == (span, value, None, None, "exact")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("De winkel geeft tot 50 procent korting.", "tot 50 procent"),
        ("Het kwik kan stijgen naar tot wel 38 graden.", "tot wel 38 graden"),
    ],
)
def test_quantities_tot_alone_is_an_upper_bound(text: str, span: str) -> None:
    q = one(text, "nl")
    assert (q.text, q.qualifier) == (span, "at_most")


def test_quantities_to_after_a_verb_of_change_in_english_is_exact() -> None:
    q = one("Membership fell to 4,200 last year.", "en")
    assert (q.text, q.value, q.qualifier) == ("4,200", 4200, "exact")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Vitesse won zaterdag met 3-0 van Heracles.", "nl"),
        ("Het werd een pijnlijke 1-4 thuisnederlaag.", "nl"),
        ("De ploeg verloor met 0-2.", "nl"),
        ("Na rust stond het 2-2.", "nl"),
        ("Celtic won 4-1 at Ibrox.", "en"),
        ("It ended in a 1-3 defeat.", "en"),
    ],
)
def test_quantities_match_scores_are_not_quantities(text: str, language: str) -> None:
    assert quantities(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "span", "low", "high"),
    [
        ("Tussen 15-25 procent van de leden stemde tegen.", "nl", "15-25 procent", 15, 25),
        ("De partij won 2-3 zetels bij de peiling.", "nl", "2-3", 2, 3),
        ("Prices rose 5-8% in the quarter.", "en", "5-8%", 5, 8),
    ],
)
def test_quantities_ranges_are_not_scores(text: str, language: str, span: str, low: float, high: float) -> None:
    q = one(text, language)
    assert (q.text, q.low, q.high, q.qualifier) == (span, low, high, "range")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "qualifier"),
    [
        ("De huur is bijna het dubbele van vorig jaar.", "bijna het dubbele", 2, "keer", "almost"),
        ("De gemeente verwacht bijna een verdubbeling van de kosten.", "bijna een verdubbeling", 2, "keer", "almost"),
        ("Naar schatting is een kwart verloren gegaan.", "Naar schatting is een kwart", 0.25, "fraction", "about"),
        ("Twee derde stemde voor.", "Twee derde", 2 / 3, "fraction", "exact"),
        ("Oranje had 58 procent balbezit.", "58 procent", 58, "%", "exact"),
    ],
)
def test_quantities_fractions_and_multipliers(text: str, span: str, value: float, unit: str, qualifier: str) -> None:
    q = one(text, "nl")
    assert (q.text, q.value, q.unit, q.qualifier) == (span, pytest.approx(value), unit, qualifier)


def test_quantities_an_ordinal_third_is_no_fraction() -> None:
    assert quantities("Het was een derde poging.", "nl") == []


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        ("Het land telt 95.000 daklozen, zo'n 6000 meer dan in 2022.", "nl", "daklozen"),
        ("Er waren zo'n 6000 minder dan verwacht.", "nl", None),
        ("The city counted 95,000 voters, about 6,000 fewer than in 2022.", "en", "voters"),
    ],
)
def test_quantities_a_compared_count_counts_what_the_count_before_counts(text: str, language: str, unit: str) -> None:
    assert quantities(text, language)[-1].unit == unit


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("De 27-jarige verdediger tekende bij.", "nl"),
        ("Een 61-jarige vrouw raakte gewond.", "nl"),
        ("A 45-year-old driver was arrested.", "en"),
    ],
)
def test_quantities_age_adjectives_are_not_quantities(text: str, language: str) -> None:
    assert quantities(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "low", "high"),
    [
        ("Growth will be between 3% and 5% next year.", "en", 3, 5),
        ("De groei ligt tussen de 3 procent en 5 procent.", "nl", 3, 5),
    ],
)
def test_quantities_a_range_with_its_unit_after_each_number(text: str, language: str, low: float, high: float) -> None:
    (q,) = find_quantities(text, language=language)
    assert (q.low, q.high, q.qualifier) == (low, high, "range")


def test_quantities_a_closing_quote_mark_is_no_part_of_a_quantity() -> None:
    (q,) = find_quantities("Zij zei dat de schade „in de tientallen miljoenen” loopt.", language="nl")
    assert q.text == "tientallen miljoenen"


def _sayso_imports(module_file: Path) -> set[str]:
    tree = ast.parse(module_file.read_text(encoding="utf-8"))
    found = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    found |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return {name for name in found if name.startswith("sayso.")}


def test_quantities_number_grammar_sits_below_time_and_quantities() -> None:
    # sayso.numbers imports neither stage, and the time stage does not import the quantity stage,
    # so that quantities may use time (to leave dates out) without an import loop.
    package = Path(sayso.__file__).parent
    below = _sayso_imports(package / "numbers.py")
    assert not any(name.startswith(("sayso.time", "sayso.quantities")) for name in below)
    for module_file in (package / "time").glob("*.py"):
        assert not any(name.startswith("sayso.quantities") for name in _sayso_imports(module_file)), module_file


@pytest.mark.parametrize(
    ("text", "language", "span", "value"),
    [
        ("De index sloot op - 2,56 % lager.", "nl", "- 2,56 %", -2.56),
        ("De koers veranderde met -1,5 procent.", "nl", "-1,5 procent", -1.5),
        ("Het vroor die nacht −12 graden.", "nl", "−12 graden", -12),
        ("The index moved -0.8% in early trading.", "en", "-0.8%", -0.8),
        ("Growth came in at (-3.1 percent) last quarter.", "en", "-3.1 percent", -3.1),
    ],
)
def test_quantities_a_minus_sign_makes_a_number_negative(text: str, language: str, span: str, value: float) -> None:
    q = one(text, language)
    assert (q.text, q.value) == (span, pytest.approx(value))


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("Het sloot op 10 - 12,5 procent.", "nl", [10, 12.5]),
        ("- 2,5 procent van de leden stemde tegen.", "nl", [2.5]),
        ("De F-16 vloog 300 kilometer.", "nl", [300]),
    ],
)
def test_quantities_a_hyphen_after_a_word_or_a_number_is_no_sign(text: str, language: str, values: list[float]) -> None:
    assert [q.value for q in quantities(text, language)] == values


@pytest.mark.parametrize(
    ("text", "language", "spans"),
    [
        ("The club signed fourteen players to 31 staff members.", "en", ["fourteen", "31"]),
        ("De wijk telt 15.000 of 444.000 inwoners, net hoe je telt.", "nl", ["15.000", "444.000"]),
        ("Het aantal steeg van 2.000 naar 2.400.", "nl", ["2.000", "2.400"]),
    ],
)
def test_quantities_distant_numbers_are_not_one_range(text: str, language: str, spans: list[str]) -> None:
    found = quantities(text, language)
    assert [q.text for q in found] == spans
    assert all(q.qualifier != "range" for q in found)


@pytest.mark.parametrize(
    ("text", "language", "span", "low", "high"),
    [
        ("No houses stand within two miles of the quarry.", "en", "within two miles", None, 2),
        ("Ticket sales exceeded 4,500 on the first day.", "en", "4,500", 4500, None),
        ("Membership has surpassed 12,000 this autumn.", "en", "12,000", 12000, None),
        ("Er staat geen huis binnen drie kilometer van de groeve.", "nl", "binnen drie kilometer", None, 3),
        ("Het aantal meldingen overschreed de 900.", "nl", "900", 900, None),
    ],
)
def test_quantities_bounding_words_and_verbs(
    text: str, language: str, span: str, low: float | None, high: float | None
) -> None:
    q = one(text, language)
    assert (q.text, q.low, q.high) == (span, low, high)
    assert q.qualifier == ("at_least" if low is not None else "at_most")


@pytest.mark.parametrize(
    ("text", "language", "span", "low", "qualifier"),
    [
        ("The repairs cost at least a few million dollars.", "en", "at least a few million dollars", 1e6, "at_least"),
        ("The charity raised a few hundred pounds.", "en", "a few hundred pounds", 100, "vague"),
        ("Several thousand fans waited outside.", "en", "Several thousand", 1000, "vague"),
        ("De verbouwing kost een paar miljoen euro.", "nl", "een paar miljoen euro", 1e6, "vague"),
        ("Enkele honderd bewoners tekenden bezwaar aan.", "nl", "Enkele honderd", 100, "vague"),
    ],
)
def test_quantities_a_vague_word_before_a_scale_makes_it_vague(
    text: str, language: str, span: str, low: float, qualifier: str
) -> None:
    q = one(text, language)
    assert (q.text, q.value, q.low, q.qualifier) == (span, None, low, qualifier)


@pytest.mark.parametrize(
    ("text", "language", "span", "unit"),
    [
        ("Families slept in one of the two shelters.", "en", "two", "shelters"),
        ("Three of the five judges dissented.", "en", "five", "judges"),
        ("Twee van de zes bakkers sloten hun deuren.", "nl", "zes", "bakkers"),
        ("The vote split the three biggest parties.", "en", "three", "parties"),
        ("De twee grootste partijen verloren.", "nl", "twee", "partijen"),
    ],
)
def test_quantities_a_definite_number_counts_as_a_partitive_whole_or_a_selection(
    text: str, language: str, span: str, unit: str
) -> None:
    assert (span, unit) in [(q.text, q.unit) for q in quantities(text, language)]


def test_quantities_a_definite_number_that_refers_back_is_no_count() -> None:
    assert quantities("The talks between the two unions resumed.", "en") == []


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier"),
    [
        ("Rents rose to more than double the level of 2019.", "more than double", 2, "at_least"),
        ("The queue was nearly twice as long.", "nearly twice", 2, "almost"),
    ],
)
def test_quantities_an_english_multiplier_counts_with_a_qualifier(
    text: str, span: str, value: float, qualifier: str
) -> None:
    q = one(text, "en")
    assert (q.text, q.value, q.unit, q.qualifier) == (span, value, "times", qualifier)


def test_quantities_a_bare_english_multiplier_is_no_count() -> None:
    assert quantities("The new line runs at double the speed.", "en") == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Airbus delayed its 350 programme again.", []),
        ("The plant tests each 480 engine twice.", []),
        ("The yard built 350 ferries.", ["350"]),
        ("It costs 350 dollars.", ["350 dollars"]),
    ],
)
def test_quantities_an_english_number_before_a_singular_noun_names_a_model(text: str, spans: list[str]) -> None:
    assert [q.text for q in quantities(text, "en")] == spans


def test_quantities_a_change_verb_reaches_its_value_past_a_number() -> None:
    found = quantities("De omzet daalde met 2,5 procent tot 31 miljoen euro.", "nl")
    assert [(q.text, q.qualifier) for q in found] == [("2,5 procent", "exact"), ("31 miljoen euro", "exact")]


@pytest.mark.parametrize(
    ("text", "language", "low", "high"),
    [
        ("Er kwamen twee tot driehonderd mensen.", "nl", 200, 300),
        ("Storms damaged two to three hundred roofs.", "en", 200, 300),
        ("The fund needs from three to four hundred thousand pounds.", "en", 300000, 400000),
        ("Het kost 2 tot 3,5 miljoen euro.", "nl", 2e6, 3.5e6),
    ],
)
def test_quantities_a_scale_on_the_second_bound_scales_the_first(
    text: str, language: str, low: float, high: float
) -> None:
    q = one(text, language)
    assert (q.low, q.high, q.qualifier) == (low, high, "range")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("The lake covers 160 square miles (~415 km2) in all.", ["160 square miles", "415"]),
        ("It merges them into its 386 strong supermarket chain.", ["386"]),
    ],
)
def test_quantities_a_singular_noun_names_a_model_only_right_after_the_number(text: str, spans: list[str]) -> None:
    assert [q.text for q in quantities(text, "en")] == spans


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier"),
    [
        ("Over half a million homes lost power.", "Over half a million", 5e5, "at_least"),
        ("Half a billion dollars went missing.", "Half a billion dollars", 5e8, "exact"),
        ("She bought half a dozen eggs.", "half a dozen", 6, "exact"),
    ],
)
def test_quantities_half_a_scale(text: str, span: str, value: float, qualifier: str) -> None:
    q = one(text, "en")
    assert (q.text, q.value, q.qualifier) == (span, value, qualifier)


@pytest.mark.parametrize(
    ("text", "language"),
    [("The ferry sank at 0340 UTC on Monday.", "en"), ("Het schip zonk om 0340 UTC.", "nl")],
)
def test_quantities_a_clock_time_in_a_time_zone_is_no_count(text: str, language: str) -> None:
    assert quantities(text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("De update heet versie (10.4.1) en is gratis.", "nl"),
        ("Het bericht kwam op 07-May-05 binnen.", "nl"),
        ("The report is dated 14-Feb-19 in the archive.", "en"),
        ("Vanaf 2010-11 bouwt de fabriek zelf.", "nl"),
        ("juli. iPad 2 komt later uit.", "nl"),
        ("De nieuwe versie (iOS 7) is uit.", "nl"),
    ],
)
def test_quantities_versions_dates_year_spans_and_names_are_no_counts(text: str, language: str) -> None:
    assert quantities(text, language) == []


def test_quantities_a_number_ends_where_its_digits_end() -> None:
    # a Dutch 10.5 is neither ten and a half nor a count of one
    assert find_quantities("Het kostte 10.5 procent.", language="nl") == []


@pytest.mark.parametrize(
    ("text", "language", "span", "value", "qualifier"),
    [
        ("Nearly one in five pupils walks to school.", "en", "Nearly one in five", 0.2, "almost"),
        ("Three out of four voters stayed home.", "en", "Three out of four", 0.75, "exact"),
        ("Een op de vijf scholieren loopt naar school.", "nl", "Een op de vijf", 0.2, "exact"),
        ("Ruim 1 op de 10 huizen staat leeg.", "nl", "Ruim 1 op de 10", 0.1, "at_least"),
    ],
)
def test_quantities_a_share_is_one_fraction(text: str, language: str, span: str, value: float, qualifier: str) -> None:
    q = one(text, language)
    assert (q.text, q.value, q.unit, q.qualifier) == (span, pytest.approx(value), "fraction", qualifier)


@pytest.mark.parametrize(
    ("text", "language", "span", "value"),
    [
        ("The lake froze at minus 12 degrees.", "en", "minus 12 degrees", -12),
        ("De koers sloot op min 2,5 procent.", "nl", "min 2,5 procent", -2.5),
    ],
)
def test_quantities_a_minus_word_makes_digits_negative(text: str, language: str, span: str, value: float) -> None:
    q = one(text, language)
    assert (q.text, q.value) == (span, value)


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier"),
    [
        ("More than a dozen boats sank.", "More than a dozen", 12, "at_least"),
        ("Almost a million tickets were sold.", "Almost a million", 1e6, "almost"),
    ],
)
def test_quantities_the_article_before_a_scale_word_belongs_to_it(
    text: str, span: str, value: float, qualifier: str
) -> None:
    q = one(text, "en")
    assert (q.text, q.value, q.qualifier) == (span, value, qualifier)


def test_quantities_numbers_joined_by_a_slash_are_no_counts() -> None:
    assert quantities("The shop is open 24/7 for 9/11 families.", "en") == []
