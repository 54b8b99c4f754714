"""The rules that give a source one name however an article writes it (``sayso.store._names``): pure, no store."""

from __future__ import annotations

import pytest

from sayso.store._names import core_name, initials, is_spokesperson, name_words, role_of, tied_in_text


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
        # no part of the name is dropped where a role ties it to another name, or nothing proper is left
        (
            "en",
            "head of Dutch regional rail operator Vechtdal Rail",
            "head of Dutch regional rail operator Vechtdal Rail",
        ),
        ("en", "company's chief executive", "company's chief executive"),
        ("en", "the company", "the company"),
        ("en", "Deutsche Bank AG", "Deutsche Bank AG"),
        ("en", "Bank of America", "Bank of America"),
        ("nl", "de Volkskrant", "de Volkskrant"),
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
