from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from sayso.errors import InputError
from sayso.ingest import find_boilerplate, iter_articles
from sayso.ingest.decode import decode
from sayso.options import Options
from sayso.records import Article, Skipped

OPTS = Options()

HTML_PAGE = """<!DOCTYPE html><html lang="nl"><head><title>Brand in loods | Dagblad</title>
<meta property="og:site_name" content="Het Dagblad">
<meta property="article:published_time" content="2025-02-03T08:00:00+01:00"></head>
<body><nav><a href="/">Home</a> <a href="/binnenland">Binnenland</a></nav>
<article><h1>Brand in loods bij Zwolle</h1>
<p>Bij een grote brand in een loods bij Zwolle zijn gisteravond zeker dertig koeien omgekomen. Dat meldde de
veiligheidsregio IJsselland dinsdagochtend. De oorzaak is nog onbekend, zei een woordvoerder van de brandweer.</p>
<aside class="lees-ook"><h3>Lees ook</h3><a href="/x">Boer bouwt nieuwe stal na storm</a></aside>
<p>Volgens de eigenaar ging het om een melkveebedrijf met ongeveer tweehonderd dieren. De politie doet onderzoek
naar de toedracht en sluit brandstichting niet uit, aldus een politiewoordvoerder.</p>
<div class="share-buttons">Deel dit artikel op Facebook Twitter</div>
</article><footer>Copyright Het Dagblad</footer></body></html>"""


def _articles(items):
    return [x for x in items if isinstance(x, Article)]


def test_ingest_text_file_keeps_text_exactly(tmp_path: Path) -> None:
    path = tmp_path / "stuk.txt"
    path.write_bytes("Titel\r\n\r\nDe minister zei dat het „goed” gaat.\r\n".encode())
    (article,) = _articles(iter_articles([path], options=OPTS))
    assert article.text == "Titel\n\nDe minister zei dat het „goed” gaat.\n"
    assert article.id == "stuk"


def test_ingest_html_removes_furniture_and_reads_metadata(tmp_path: Path) -> None:
    path = tmp_path / "brand.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    (article,) = _articles(iter_articles([path], options=OPTS))
    assert "zeker dertig koeien" in article.text
    assert "aldus een politiewoordvoerder" in article.text
    assert "Lees ook" not in article.text
    assert "Boer bouwt nieuwe stal" not in article.text
    assert "Facebook" not in article.text
    assert "Copyright" not in article.text
    assert article.published == date(2025, 2, 3)


def test_ingest_jsonl_batch_skips_broken_lines_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {"id": "a1", "text": "The mayor said the bridge will reopen.", "published": "2025-01-02", "language": "en"}
        ),
        "{not json",
        json.dumps({"id": "a3", "title": "no body"}),
        json.dumps({"id": "a4", "html": HTML_PAGE}),
        json.dumps({"id": "a5", "text": "x", "published": "next tuesday"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles([path], options=OPTS))
    good = _articles(items)
    bad = [x for x in items if isinstance(x, Skipped)]
    assert [a.id for a in good] == ["a1", "a4"]
    assert good[0].published == date(2025, 1, 2) and good[0].language == "en"
    assert len(bad) == 3
    assert f"{path}:2" in bad[0].origin and "not valid JSON" in bad[0].reason
    assert "'text' or 'html'" in bad[1].reason
    assert "YYYY-MM-DD" in bad[2].reason


def test_ingest_folder_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("De burgemeester zei dat de brug dichtgaat.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("The mayor said the bridge will close.", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    items = list(iter_articles([tmp_path, "-"], options=OPTS, stdin=io.BytesIO(b"Uit stdin.")))
    ids = [a.id for a in _articles(items)]
    assert ids[:2] == ["a", "sub/b"] and ids[2].startswith("stdin-")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"   \n\t", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("caf\xe9".encode("latin-1"), "is not UTF-8"),
        (b"x" * 101, "more than the 100"),
    ],
)
def test_decode_refuses_bad_input_with_a_fix(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        decode(data, "stuk.txt", max_bytes=100)
    assert "stuk.txt" in str(info.value)


def test_missing_path_is_reported_not_raised(tmp_path: Path) -> None:
    (item,) = iter_articles([tmp_path / "nope.txt"], options=OPTS)
    assert isinstance(item, Skipped) and "no such file" in item.reason


def test_language_overrides_but_the_articles_own_date_wins_over_published(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": "Hij zei niets.", "published": "2020-01-01", "language": "en"}) + "\n")
    opts = Options(language="nl", published=date(2024, 5, 6))
    (article,) = _articles(iter_articles([path], options=opts))
    assert article.language == "nl" and article.published == date(2020, 1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Kop\n\nDe minister zei iets.\n\nLees ook\n\nAndere kop over iets\n\nEen teaser die stopt,\n\n"
        "Het artikel gaat hier verder met een lange alinea die echt bij het stuk hoort en veel langer is dan "
        "een teaser van een ander artikel op dezelfde pagina, zodat hij blijft staan.",
        "Title\n\nThe minister said something.\n\nRead more:\n\nAnother headline about something\n\n"
        "The article goes on here with a long paragraph that really belongs to the story and is much longer "
        "than any teaser of another article on the same page could be, so it stays.",
    ],
)
def test_boilerplate_blocks_are_found(text: str) -> None:
    spans = find_boilerplate(text)
    covered = " ".join(s.text for s in spans)
    assert covered.startswith(("Lees ook", "Read more"))
    assert "gaat hier verder" not in covered and "goes on here" not in covered
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert len(spans) >= 2
