"""Archive inputs: compressed JSONL batches, web archives (WARC) and folders holding them; each broken input
is skipped with its reason, naming the file and the fix."""

from __future__ import annotations

import bz2
import gzip
import io
import json
from pathlib import Path

import pytest

from sayso.ingest import iter_articles
from sayso.ingest.files import count_articles
from sayso.options import Options
from sayso.records import Article, Skipped

warcio = pytest.importorskip("warcio", reason="web archives need warcio: pip install 'sayso[scale]' (./setup does)")

LINES = [
    {"id": "one", "text": "The council said the ferry would run again."},
    {"text": "De gemeente zei dat de brug dicht blijft.", "language": "nl"},
]
PAGE = (
    "<html><head><title>Bridge shut</title></head><body><article><h1>Bridge shut</h1>"
    "<p>The harbour master said the bridge would stay shut for another week while engineers checked it.</p>"
    "<p>Traffic was sent along the ring road, the city said in a statement on Tuesday morning.</p>"
    "</article></body></html>"
)


def _jsonl() -> bytes:
    return ("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES) + "\n").encode("utf-8")


@pytest.mark.parametrize("name,pack", [("news.jsonl.gz", gzip.compress), ("news.jsonl.bz2", bz2.compress)])
def test_archives_compressed_jsonl_reads_as_plain(tmp_path: Path, name: str, pack: object) -> None:
    path = tmp_path / name
    path.write_bytes(pack(_jsonl()))  # type: ignore[operator]
    found = list(iter_articles([path], options=Options()))
    assert [(a.id, a.origin) for a in found if isinstance(a, Article)] == [
        ("one", f"{path}:1"),
        ("news-2", f"{path}:2"),  # the id made up from the name without its endings
    ]
    assert count_articles(path) == 2


def test_archives_truncated_gzip_keeps_what_came_before(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    lines = [json.dumps({"text": f"Report {n}: the council said {n * 7919 % 1000} ferries ran."}) for n in range(3000)]
    whole = gzip.compress("\n".join(lines).encode("utf-8"))
    path.write_bytes(whole[: len(whole) // 2])
    found = list(iter_articles([path], options=Options()))
    assert any(isinstance(a, Article) for a in found)
    last = found[-1]
    assert isinstance(last, Skipped) and "damaged or ends early" in last.reason and str(path) in last.reason


def test_archives_gz_that_is_not_gzip(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl.gz"
    path.write_bytes(_jsonl())
    (found,) = list(iter_articles([path], options=Options()))
    assert isinstance(found, Skipped) and str(path) in found.reason and "gzip -t" in found.reason


def _record(writer: object, url: str, body: bytes, content_type: str, status: str = "200 OK") -> object:
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(  # type: ignore[attr-defined]
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2025-03-14T08:30:00Z"},
    )


def _warc(path: Path, gz: bool = True) -> Path:
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for record in (
            _record(writer, "https://example.org/news/bridge.html", PAGE.encode("utf-8"), "text/html; charset=utf-8"),
            _record(writer, "https://example.org/logo.png", b"\x89PNG", "image/png"),  # no article
            _record(writer, "https://example.org/old", b"", "text/html", status="301 Moved Permanently"),
            _record(writer, "https://example.org/empty/", b"<html><body><nav>menu</nav></body></html>", "text/html"),
        ):
            writer.write_record(record)
    return path


@pytest.mark.parametrize("name,gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_archives_warc_html_responses_are_articles(tmp_path: Path, name: str, gz: bool) -> None:
    path = _warc(tmp_path / name, gz)
    found = list(iter_articles([path], options=Options()))
    assert len(found) == 2  # the image and the redirect are passed over
    article, empty = found
    assert isinstance(article, Article) and "harbour master said the bridge" in article.text
    assert article.id == "example.org/news/bridge"
    assert article.url == "https://example.org/news/bridge.html"
    assert str(article.published) == "2025-03-14"  # the page gives none: the day it was fetched
    assert article.origin == f"{path}:https://example.org/news/bridge.html"
    assert isinstance(empty, Skipped) and "no article text" in empty.reason and "example.org/empty" in empty.origin
    assert count_articles(path) == 2


def test_archives_warc_published_option_before_the_fetch_day(tmp_path: Path) -> None:
    from datetime import date

    path = _warc(tmp_path / "crawl.warc.gz")
    article = next(iter(iter_articles([path], options=Options(published=date(2025, 3, 1)))))
    assert isinstance(article, Article) and article.published == date(2025, 3, 1)


def test_archives_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(b"just some text\n"))
    (found,) = list(iter_articles([path], options=Options()))
    assert isinstance(found, Skipped) and "not a WARC file" in found.reason and str(path) in found.reason


def test_archives_folder_reads_every_kind(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    (folder / "2025").mkdir(parents=True)
    _warc(folder / "2025" / "crawl.warc.gz")
    (folder / "batch.jsonl.gz").write_bytes(gzip.compress(_jsonl()))
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not an article file: not read
    found = [a for a in iter_articles([folder], options=Options()) if isinstance(a, Article)]
    assert sorted(a.id for a in found) == ["batch-2", "example.org/news/bridge", "one", "page"]
