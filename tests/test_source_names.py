"""The rules that give a source one name however an article writes it (``sayso.store._names``): pure, no store."""

from __future__ import annotations

import pytest

from sayso.store._names import (
    bare_concept_key,
    called,
    concept_key,
    core_name,
    head_word,
    initials,
    is_spokesperson,
    name_words,
    placed,
    role_of,
    speaks_for,
    split_official,
    state_of,
    tied_in_text,
)


@pytest.mark.parametrize(
    ("language", "written", "core"),
    [
        ("en", "Utrecht-based Veldwacht Security", "Veldwacht Security"),
        ("en", "Dutch public broadcaster NOS", "NOS"),
        ("en", "chief executive Marjolein Terpstra", "Marjolein Terpstra"),
        ("en", "hacker group calling itself DarkHarbor", "DarkHarbor"),
        ("en", "Telvora itself", "Telvora"),
        ("en", "Railbeheer spokesperson", "Railbeheer"),
        ("en", "a spokesperson for the Harbour Authority", "Harbour Authority"),
        ("nl", "Utrechtse beveiligingsbedrijf Veldwacht Security", "Veldwacht Security"),
        ("nl", "persbureau Bloomberg", "Bloomberg"),
        ("nl", "Persbureau Bloomberg", "Bloomberg"),
        ("nl", "woordvoerder van Railbeheer", "Railbeheer"),
        ("nl", "spoorbeheerder Railbeheer Nederland", "Railbeheer Nederland"),
        ("nl", "politiewoordvoerder", "politie"),
        ("en", "national public health institute IVI", "IVI"),
        ("nl", "Instituut voor Volksgezondheid", "Instituut voor Volksgezondheid"),
        # an official speaks for the organisation named after the role, as a spokesperson does
        ("en", "head of Dutch regional rail operator Vechtdal Rail", "Vechtdal Rail"),
        ("nl", "de directeur van Lumenveld", "Lumenveld"),
        ("en", "chief executive of Lumenveld Solar", "Lumenveld Solar"),
        # no part of the name is dropped where a role ties it to another name, or nothing proper is left
        ("en", "head of research", "head of research"),
        ("en", "chairman of the board", "chairman of the board"),
        ("en", "researcher of Aalto University", "researcher of Aalto University"),
        ("en", "company's chief executive", "company's chief executive"),
        ("en", "the company", "the company"),
        ("en", "Deutsche Bank AG", "Deutsche Bank AG"),
        ("en", "Bank of America", "Bank of America"),
        ("nl", "de Volkskrant", "de Volkskrant"),
        # a description with the name as its apposition or at its end is the name
        ("en", "farmworkers' union BAP", "BAP"),
        ("en", "a regional poultry farmers' association, the PGV", "PGV"),
        ("en", "the peacekeeping force in the south, UNIFIL", "UNIFIL"),
        ("en", "the Dutch Justice Minister, Frank Oudeman", "Frank Oudeman"),
        ("en", "Hussein Fares, 52", "Hussein Fares, 52"),  # an age is no name
        ("en", "Polar Lynx, a Russian hacker group", "Polar Lynx, a Russian hacker group"),
        ("en", "Royal Dutch KLM", "Royal Dutch KLM"),  # an acronym after a proper name is part of it
    ],
)
def test_source_names_core(language: str, written: str, core: str) -> None:
    assert core_name(written, name_words(language)) == core


def test_source_names_roles_acronyms_and_spokespersons() -> None:
    en, nl = name_words("en"), name_words("nl")
    assert initials("Israel Defense Forces") == "IDF"
    assert role_of("company's chief executive", en) == "chief executive"
    text = (
        "Lumenveld's chief executive Marjolein Terpstra spoke. Later Piet Jansen, the company's chief executive, spoke."
    )
    assert tied_in_text(text, "chief executive", ["Marjolein Terpstra", "Piet Jansen", "Lumenveld"], en) == [
        "Marjolein Terpstra",
        "Piet Jansen",
    ]
    assert tied_in_text("De hackersgroep Polar Lynx eiste het op.", "groep", ["Polar Lynx"], nl) == ["Polar Lynx"]
    assert tied_in_text("by Polar Lynx, a Russian hacker group.", "group", ["Polar Lynx"], en) == ["Polar Lynx"]
    assert tied_in_text("een callcenter uit Mechelen, zei de CEO.", "CEO", ["Mechelen"], nl) == []
    assert is_spokesperson("zegt woordvoerster Els Maertens van Telvora", "Els Maertens", nl)
    assert is_spokesperson("Ruben Hoekstra, woordvoerder van NTM, zegt", "Ruben Hoekstra", nl)
    assert not is_spokesperson("Ruben Hoekstra, directeur van NTM, zegt", "Ruben Hoekstra", nl)
    assert name_words("xx") == name_words(None)  # a language without resources strips nothing


@pytest.mark.parametrize(
    ("language", "text", "name", "speaks"),
    [
        ("en", "said PortLink spokeswoman Mette Kjaergaard.", "Mette Kjaergaard", True),
        ("en", "said BAP official Erik Hoogendam.", "Erik Hoogendam", True),
        ("nl", "zei Telvora-topman Karel Desmet.", "Karel Desmet", True),
        ("nl", "zei directeur Marieke Dijkhuis van Vechtdal Rail.", "Marieke Dijkhuis", True),
        ("en", "Thijs Brouwer, Veldwacht's head of threat intelligence, said.", "Thijs Brouwer", True),
        ("en", "Pieter Wassink, director of Alucor Profielen, said.", "Pieter Wassink", True),
        ("en", "Unifil's spokesperson, Marco Bellandi, said.", "Marco Bellandi", True),
        # an expert or a minister speaks for themselves, not for where they work
        ("en", "said researcher Anna Korhonen of Aalto University.", "Anna Korhonen", False),
        ("nl", "zei minister Frank Oudeman van Justitie.", "Frank Oudeman", False),
        ("en", "said chief executive Marieke Dijkhuis.", "Marieke Dijkhuis", False),
    ],
)
def test_source_names_speaks_for(language: str, text: str, name: str, speaks: bool) -> None:
    assert speaks_for(text, name, name_words(language)) is speaks


def test_source_names_split_official() -> None:
    nl = name_words("nl")
    text = "zei topvrouw Marieke Dijkhuis van Vechtdal Rail. Wim van de Kolk en Jan Smit van Barneveld."
    names = ["Vechtdal Rail", "Barneveld"]
    assert split_official("Marieke Dijkhuis van Vechtdal Rail", text, names, nl) == (
        "Marieke Dijkhuis",
        "Vechtdal Rail",
    )
    assert split_official("Wim van de Kolk", text, names, nl) is None  # `van` in a Dutch name
    assert split_official("Jan Smit van Barneveld", text, names, nl) is None  # no role ties him to Barneveld
    assert split_official("Marieke Dijkhuis van Vechtdal Rail", text, [], nl) is None  # not a name of the article


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Lebanon's health ministry", "Libanese ministerie van Volksgezondheid", True),
        ("Lebanon's Ministry of Public Health", "Lebanon's health ministry", True),
        ("Israeli military", "Israëlische leger", True),
        ("Israel Defense Forces", "Israeli army", True),
        ("Oosterhof Hospital in Almelo", "Oosterhof Ziekenhuis in Almelo", True),
        ("Lebanon's health ministry", "Lebanon's finance ministry", False),
        ("Israeli army", "Lebanese army", False),
        ("Oosterhof Ziekenhuis", "Zuiderhof Ziekenhuis", False),
    ],
)
def test_source_names_concept_key(a: str, b: str, same: bool) -> None:
    assert concept_key(a) is not None and (concept_key(a) == concept_key(b)) is same


@pytest.mark.parametrize("name", ["the health ministry", "het leger", "Shell", "farmworkers' union", "Almelo"])
def test_source_names_no_concept_key_without_an_institution_and_a_name(name: str) -> None:
    assert concept_key(name) is None


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "same"),
    [
        ("police", "en", "de politie", "nl", True),
        ("Police", "en", "politie", "nl", True),
        ("regional emergency services authority", "en", "veiligheidsregio", "nl", True),
        ("the army", "en", "het leger", "nl", True),
        ("police", "en", "het leger", "nl", False),
        ("health ministry", "en", "ministerie", "nl", False),
    ],
)
def test_source_names_bare_institution_words_across_languages(a: str, la: str, b: str, lb: str, same: bool) -> None:
    ka, kb = bare_concept_key(a, name_words(la)), bare_concept_key(b, name_words(lb))
    assert ka is not None and kb is not None and (ka == kb) is same


@pytest.mark.parametrize(
    ("language", "name"),
    [("en", "the company"), ("nl", "het bedrijf"), ("nl", "de krant"), ("en", "people"), ("en", "the minister"),
     ("en", "Dutch police"), ("en", "Almelo police"), ("en", "police officers")],
)  # fmt: skip
def test_source_names_no_bare_key_for_roles_places_and_other_words(language: str, name: str) -> None:
    assert bare_concept_key(name, name_words(language)) is None


def test_source_names_called_by_a_compound_apposition() -> None:
    nl = name_words("nl")
    assert called("via Callnova, een callcenterbedrijf uit Mechelen", "Callnova", "bedrijf", nl)
    assert not called("via Callnova en een callcenterbedrijf", "Callnova", "bedrijf", nl)


@pytest.mark.parametrize(
    ("text", "core", "placed_name"),
    [
        ("Poland's Ministry of Health said so.", "Ministry of Health", "Poland's Ministry of Health"),
        (
            "Het Poolse Ministerie van Gezondheid zei dat.",
            "Ministerie van Gezondheid",
            "Poolse Ministerie van Gezondheid",
        ),
        ("The Ministry of Health said so.", "Ministry of Health", None),  # no place: any country's
        ("Poland's ministry said so.", "ministry", None),  # no name
        ("Poland's health ministry said so.", "Poland's health ministry", None),  # anchored already
        # two places before the same name: which one is not known
        ("Poland's Ministry of Health met Greece's Ministry of Health.", "Ministry of Health", None),
    ],
)
def test_source_names_placed(text: str, core: str, placed_name: str | None) -> None:
    assert placed(text, core) == placed_name


@pytest.mark.parametrize(
    ("language", "name", "head"),
    [
        ("en", "Ministry of Public Works", "Ministry"),
        ("en", "Poland's health ministry", "ministry"),
        ("nl", "Bond voor Agrarisch Personeel", "Bond"),
        ("nl", "ministerie", "ministerie"),
    ],
)
def test_source_names_head_word(language: str, name: str, head: str) -> None:
    assert head_word(name, name_words(language)) == head


@pytest.mark.parametrize("written", ["hackersgroep die zich Rode Vos noemt", "een collectief dat zich Rode Vos noemt"])
def test_source_names_a_dutch_group_calling_itself_a_name(written: str) -> None:
    assert core_name(written, name_words("nl")) == "Rode Vos"


@pytest.mark.parametrize(
    ("language", "text", "role", "tied"),
    [
        ("nl", "Een hackersgroep die zich Rode Vos noemt, eist losgeld.", "hackersgroep", ["Rode Vos"]),
        ("en", "A hacker group calling itself Red Fox demands a ransom.", "hacker group", ["Red Fox"]),
        ("en", "The hacker group Red Fox demands a ransom.", "hacker group", ["Red Fox"]),
        ("en", "The hacker group said Red Fox demands a ransom.", "hacker group", []),  # no name of the group
    ],
)
def test_source_names_a_role_tied_to_the_name_it_calls_itself(
    language: str, text: str, role: str, tied: list[str]
) -> None:
    names = ["Red Fox", "Rode Vos"]
    assert tied_in_text(text, role, names, name_words(language)) == tied


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("Israel", ("=israel", True)),
        ("Israël", ("=israel", True)),
        ("the Israeli military", ("=israel", False)),
        ("het Israëlische leger", ("=israel", False)),
        ("Libanese ministerie van Volksgezondheid", ("=lebanon", False)),
        ("Russian hackers", None),  # no organ of the state
        ("a Dutch newspaper", None),
        ("Veldwacht Security", None),
    ],
)
def test_the_state_a_source_speaks_for(name: str, state: tuple[str, bool] | None) -> None:
    assert state_of(name) == state
