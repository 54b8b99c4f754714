"""Finding stored claims: `--about` words (text, speaker, entity names in any language), dates, language,
article, outlet and limit; and the hint when the dates leave claims without one out."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from _store_helpers import Topics
from _store_helpers import stand_in as _stand_in
from sayso.cli import main
from sayso.records import Analysis, Article, Entity
from sayso.store import open_store
from sayso.store._search import about_terms, canonical_name

# name as written -> canonical name, for the stand-in's entities
_NAMES = {"US": "United States", "Verenigde Staten": "United States", "Rusland": "Russia"}

_ARTICLES = (
    ("kidnap-en", "en", "Harbour Times", date(2025, 3, 10), "Minister Anna Bakker said the government pays no ransom."),
    ("sanctions-en", "en", "Capital Courier", date(2025, 3, 12), "Officials said the US will widen its sanctions."),
    ("sancties-nl", "nl", "Het Dagblad", date(2025, 3, 14), "De minister zei dat Rusland de Verenigde Staten vreest."),
    ("undated-en", "en", "Harbour Times", None, "A spokesman said the ransom talks go on."),
)


def _analysis(aid: str, language: str, outlet: str, published: date | None, text: str) -> Analysis:
    article = Article(text=text, id=aid, outlet=outlet, published=published, language=language)
    done = _stand_in(article)
    found = tuple(
        Entity(m.start(), m.end(), m.group(), "GPE", _NAMES[m.group()])
        for m in re.finditer("|".join(map(re.escape, _NAMES)), text)
    )
    return replace(done, entities=found)


@pytest.fixture
def url(store_url: str) -> str:
    with open_store(store_url, embedder=Topics()) as store:
        for row in _ARTICLES:
            store.add(_analysis(*row), cluster=False)
    return store_url


def _ids(url: str, **filters: object) -> list[str]:
    with open_store(url) as store:
        return [c.article.id for c in store.claims(**filters)]  # type: ignore[arg-type]


def test_about_matches_every_word_anywhere_not_a_phrase(url: str) -> None:
    assert _ids(url, about="government ransom") == ["kidnap-en"]
    assert _ids(url, about="RANSOM") == ["kidnap-en", "undated-en"]
    assert _ids(url, about="ransom sanctions") == []


def test_about_matches_the_speaker(url: str) -> None:
    assert _ids(url, about="bakker ransom") == ["kidnap-en"]
    assert _ids(url, about="anna") == ["kidnap-en"]


def test_about_a_name_in_one_language_finds_claims_in_another(url: str) -> None:
    assert _ids(url, about="Verenigde Staten") == ["sanctions-en", "sancties-nl"]
    assert _ids(url, about="United States") == ["sanctions-en", "sancties-nl"]
    assert _ids(url, about="verenigde staten sanctions") == ["sanctions-en"]
    assert _ids(url, about="Rusland") == ["sancties-nl"] and _ids(url, about="Russia") == ["sancties-nl"]


def test_about_terms_keep_known_names_together() -> None:
    assert canonical_name("Verenigde Staten") == "United States"
    assert about_terms("verenigde staten sanctions") == [("verenigde staten", "United States"), ("sanctions", None)]
    assert about_terms("us ransom") == [("us", None), ("ransom", None)]  # short forms need their case
    assert about_terms("50%_\\") == [("50%_\\", None)]


def test_about_takes_like_wildcards_literally(url: str) -> None:
    assert _ids(url, about="%") == [] and _ids(url, about="r_nsom") == []


def test_until_language_article_outlet_limit(url: str) -> None:
    assert _ids(url, since=date(2025, 3, 11), until=date(2025, 3, 13)) == ["sanctions-en"]
    assert _ids(url, until=date(2025, 3, 10)) == ["kidnap-en"]
    assert _ids(url, language="nl") == ["sancties-nl"]
    assert _ids(url, article="sanctions-en") == ["sanctions-en"]
    assert _ids(url, outlet="harbour") == ["kidnap-en", "undated-en"]
    assert _ids(url, limit=2) == ["kidnap-en", "sanctions-en"]
    with open_store(url) as store:
        assert store.claims_without_date(about="ransom") == 1 and store.claims_without_date(language="nl") == 0


def test_cli_claims_filters_and_says_why_undated_claims_drop_out(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "--db", url, "--about", "government ransom", "--format", "json"]) == 0
    assert '"kidnap-en"' in capsys.readouterr().out
    assert main(["claims", "--db", url, "--since", "2025-03-01", "--outlet", "Harbour", "--limit", "5"]) == 0
    out, err = capsys.readouterr()
    assert "kidnap-en" in out and "undated-en" not in out
    assert "1 claim has no date" in err and "--published" in err
    assert main(["claims", "--db", url, "--until", "2025-03-31", "--language", "nl", "--article", "sancties-nl"]) == 0
    out, err = capsys.readouterr()
    assert "sancties-nl" in out and "no date" not in err
    assert main(["claims", "--db", url]) == 0
    assert "no date and so" not in capsys.readouterr().err


def test_cli_claims_limit_must_be_a_positive_number(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["claims", "--db", url, "--limit", "0"])
    assert "positive whole number" in capsys.readouterr().err
