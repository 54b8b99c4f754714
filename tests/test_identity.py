"""Article identity, dates and metadata at the input: ids that do not collide, dates the article gives itself,
and metadata a user adds on the command line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from sayso.errors import InputError, SaysoWarning, StoreError
from sayso.ingest import iter_articles
from sayso.ingest.html import read_html
from sayso.options import Options
from sayso.records import Analysis, Article, Skipped
from sayso.store import open_store

OPTS = Options()
ROOT = Path(__file__).resolve().parents[1]


def _read(paths: list, options: Options = OPTS, stdin: bytes | None = None) -> list[Article | Skipped]:
    return list(iter_articles(paths, options=options, stdin=io.BytesIO(stdin) if stdin is not None else None))


def _ids(items: list[Article | Skipped]) -> list[str]:
    return [x.id for x in items if isinstance(x, Article)]


def _two_sites(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "site" / "haven" / "index.txt", tmp_path / "site" / "polder" / "index.txt"
    texts = ("De havenmeester zei dat de sluis dichtgaat.", "Het waterschap meldt hoogwater.")
    for path, text in zip((first, second), texts, strict=True):
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    return first, second


# ids


def test_files_of_one_name_in_two_folders_get_two_ids_and_keep_them(tmp_path: Path) -> None:
    first, second = _two_sites(tmp_path)
    assert _ids(_read([tmp_path / "site"])) == ["haven/index", "polder/index"]
    as_files = _ids(_read([first, second]))
    assert as_files[0] == "index" and as_files[1].startswith("index-") and len(set(as_files)) == 2
    assert _ids(_read([first, second])) == as_files  # the same input, the same ids


def test_the_same_file_given_twice_keeps_one_id(tmp_path: Path) -> None:
    first, _ = _two_sites(tmp_path)
    assert _ids(_read([first, first])) == ["index", "index"]


def test_stdin_is_named_by_its_text(tmp_path: Path) -> None:
    (one,) = _ids(_read(["-"], stdin=b"De burgemeester opent de brug."))
    (other,) = _ids(_read(["-"], stdin=b"De wethouder sluit de weg."))
    (again,) = _ids(_read(["-"], stdin=b"De burgemeester opent de brug."))
    assert one.startswith("stdin-") and one != other and one == again


def _stored(store_url: str, article: Article) -> str:
    with open_store(store_url) as store:
        return store.add(Analysis(article=article, language="nl"), cluster=False).article_id


def test_a_made_up_id_taken_in_the_store_is_lengthened_but_a_given_one_is_refused(tmp_path: Path) -> None:
    first, second = _two_sites(tmp_path)
    url = str(tmp_path / "sayso.db")
    (a,) = _read([first])
    (b,) = _read([second])
    assert a.id == b.id == "index"
    assert _stored(url, a) == "index"
    lengthened = _stored(url, b)
    assert lengthened.startswith("index-") and _stored(url, b) == lengthened  # stored once, under one id
    (given,) = _read([second])
    assert _stored(url, given) == lengthened  # its text is stored already: nothing happens
    with pytest.raises(StoreError, match="already stored with a different text"):
        _stored(url, Article(text="Een ander bericht over de sluis.", id="index"))  # a given id stays exact


def test_id_names_one_article_and_is_refused_for_several(tmp_path: Path) -> None:
    first, second = _two_sites(tmp_path)
    (article,) = _read([first], Options(article_id="haven-2025"))
    assert article.id == "haven-2025"
    for paths in ([first, second], [tmp_path / "site"]):
        with pytest.raises(InputError, match="names one article"):
            _read(paths, Options(article_id="x"))


# metadata given by the user


def test_title_outlet_and_url_fill_in_what_a_text_lacks(tmp_path: Path) -> None:
    first, _ = _two_sites(tmp_path)
    opts = Options(title="Sluis dicht", outlet="Havenkrant", url="https://example.org/sluis")
    (article,) = _read([first], opts)
    assert (article.title, article.outlet, article.url) == ("Sluis dicht", "Havenkrant", "https://example.org/sluis")


PAGE = """<!DOCTYPE html><html><head><title>Dijk houdt stand</title>
<meta property="og:site_name" content="Het Rivierenblad">
<link rel="canonical" href="https://www.rivierenblad.example/dijk">
<meta property="article:published_time" content="2025-01-20T07:00:00+01:00"></head>
<body><article><h1>Dijk houdt stand</h1><p>De dijk bij Tiel heeft het hoge water van het weekeinde doorstaan,
zei de dijkgraaf maandag. Het waterschap blijft de komende dagen controleren of er zwakke plekken zijn.</p>
<p>Volgens de dijkgraaf was het water op zijn hoogste punt bijna zeven meter boven het gewone peil.</p>
</article></body></html>"""


def test_an_html_page_names_its_outlet_by_og_site_name() -> None:
    assert read_html(PAGE, "dijk.html").outlet == "Het Rivierenblad"


def test_the_pages_own_date_wins_over_published_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "dijk.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = _read([path], Options(published=date(2025, 6, 1)))
    assert article.published == date(2025, 1, 20)


# dates


def test_a_dateline_gives_a_plain_text_its_date(tmp_path: Path) -> None:
    english = tmp_path / "storm.txt"
    english.write_text("Storm closes port\nMarch 01, 2008\n\nThe harbour master said ships stay in.", encoding="utf-8")
    dutch = tmp_path / "anp.txt"
    dutch.write_text("AMSTERDAM, 14 maart (ANP) - De minister zei dat de brug open blijft.", encoding="utf-8")
    saved = datetime(2025, 6, 2, 12, 0).timestamp()
    os.utime(dutch, (saved, saved))
    in_a_sentence = tmp_path / "zin.txt"
    in_a_sentence.write_text("De minister zei op 14 maart 2024 dat de brug open blijft.", encoding="utf-8")
    read = {a.id: a.published for a in _read([english, dutch, in_a_sentence]) if isinstance(a, Article)}
    assert read == {"storm": date(2008, 3, 1), "anp": date(2025, 3, 14), "zin": None}
    (kept,) = _read([english], Options(published=date(2020, 1, 1)))
    assert kept.published == date(2008, 3, 1)
    (filled,) = _read([in_a_sentence], Options(published=date(2024, 3, 15)))
    assert filled.published == date(2024, 3, 15)


def test_a_day_the_calendar_lacks_is_no_such_date(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such date"):
        Options(published="2025-02-30")
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"text": "De minister zei niets.", "published": "2025-02-30"}) + "\n", encoding="utf-8")
    (skipped,) = _read([path])
    assert isinstance(skipped, Skipped) and "no such date" in skipped.reason


def test_article_takes_an_iso_string_as_its_date() -> None:
    assert Article(text="Tekst.", published="2025-01-10").published == date(2025, 1, 10)
    with pytest.raises(InputError, match="not an ISO date"):
        Article(text="Tekst.", published="tiende januari")
    with pytest.raises(InputError, match="no such date"):
        Article(text="Tekst.", published="2025-13-01")


def test_the_articles_own_date_wins_in_the_analysis() -> None:
    from sayso.pipeline import analyze

    article = Article(text="The mayor said on Monday that the bridge reopens.", language="en", published="2025-01-10")
    with pytest.warns(SaysoWarning, match=r"own published \(2025-01-10\) is kept over the given 2020-06-01"):
        result = analyze(article, options=Options(published=date(2020, 6, 1)))
    assert result.article.published == date(2025, 1, 10)
    assert [t.value for t in result.times] == ["2025-01-06"]


# the command line


def _sayso(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "sayso", *args], capture_output=True, text=True, env=env, cwd=ROOT)


def test_analyze_says_when_the_articles_own_date_overrules_published(tmp_path: Path) -> None:
    path = tmp_path / "storm.txt"
    path.write_text("March 01, 2008\n\nThe harbour master said ships stay in port.", encoding="utf-8")
    done = _sayso("analyze", "--format", "jsonl", "--language", "en", "--published", "2020-01-01", str(path))
    assert done.returncode == 0 and json.loads(done.stdout)["published"] == "2008-03-01"
    assert "own published (2008-03-01) is kept over the given 2020-01-01" in done.stderr


def test_a_url_argument_says_urls_are_not_fetched() -> None:
    (skipped,) = _read(["https://example.org/nieuws/1"])
    assert isinstance(skipped, Skipped) and "does not fetch URLs; save the page and pass the file" in skipped.reason


def test_the_command_line_refuses_a_day_the_calendar_lacks(tmp_path: Path) -> None:
    done = _sayso("analyze", "--published", "2025-02-30", str(tmp_path))
    assert done.returncode == 2 and "no such date" in done.stderr
    done = _sayso("ingest", "--db", str(tmp_path / "s.db"), "--published", "2025-02-30", str(tmp_path))
    assert done.returncode == 2 and "no such date" in done.stderr
