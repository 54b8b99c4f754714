"""Fuzzing at the edge: random bytes, HTML and JSONL thrown at the readers and at `sayso analyze` and
`sayso ingest`, in-process, for a fixed budget of examples (no deadline, so no timed assertions).

What must hold for any input: nothing raises; every input file, and every non-blank JSONL line, comes out as
one article or one skip that names it (`file` or `file:line`); a skip is one line; no article fails with an
internal error; the output is valid JSON; the exit status is 0 when nothing was skipped and 1 otherwise.

The budget is ``FUZZ_EXAMPLES`` examples a test (raise it with the environment variable SAYSO_FUZZ_EXAMPLES
for a longer hunt); the examples are derived from the test's name, so CI runs the same ones every time.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sayso.cli import main
from sayso.ingest import iter_articles
from sayso.options import Options
from sayso.records import Article, Skipped

FUZZ_EXAMPLES = int(os.environ.get("SAYSO_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize="SAYSO_FUZZ_EXAMPLES" not in os.environ,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
READERS = settings(FUZZ, max_examples=FUZZ_EXAMPLES * 4)  # the readers alone are fast: a larger budget

WORDS = st.sampled_from(
    [
        "De minister zei dat",
        "volgens de politie",
        "The mayor said",
        "according to officials",
        "Der Bürgermeister sagte, dass",
        "le maire a dit que",
        "„",
        "”",
        '"',
        ".",
        ",",
        "\n\n",
        "\x1b[2J",
        "\u202e",
        "\x00",
        "\ud800",
        "twee miljoen",
        "50%",
        "op 2 januari",
        "Monday",
        "<b>",
        "</p>",
        "&amp;",
        "Read more",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=40).map(" ".join))
HTML = st.builds(
    lambda title, body, tail: (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
        f"<p>{body}</p>{tail}</article></body></html>"
    ),
    TEXTS,
    TEXTS,
    st.sampled_from(["", "<aside class='lees-ook'>x</aside>", "<script>alert(1)</script>", "<p>" * 50, "</html>"]),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
FIELD_VALUES = {
    "text": st.one_of(TEXTS, JSON_VALUES),
    "html": st.one_of(HTML, JSON_VALUES),
    "title": st.one_of(st.text(max_size=50), st.just("T" * 1001), JSON_VALUES),
    "url": st.one_of(st.just("https://example.org/a"), JSON_VALUES),
    "outlet": st.one_of(st.text(max_size=20), JSON_VALUES),
    "published": st.one_of(st.just("2025-03-14"), st.just("2025-13-45"), st.text(max_size=12), JSON_VALUES),
    "language": st.one_of(st.sampled_from(["nl", "en", "NL", "en-US", "de", "../en", "", "xx"]), JSON_VALUES),
    "id": st.one_of(st.text(max_size=20), st.integers(), JSON_VALUES),
}
RECORDS = st.fixed_dictionaries({}, optional=FIELD_VALUES)
JSONL_LINES = st.one_of(
    RECORDS.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    RECORDS.map(lambda r: json.dumps(r).encode()),
    st.binary(max_size=80),
    st.text(max_size=80).map(lambda s: s.encode("utf-8", "surrogatepass")),
).map(lambda line: line.replace(b"\n", b" ").replace(b"\r", b" "))
ARTICLE_LINES = st.builds(  # lines that pass the checks, so that the analysis itself is fuzzed too
    lambda words, language, title: json.dumps({"text": " ".join(words), "language": language, "title": title}),
    st.lists(WORDS, min_size=6, max_size=60),
    st.sampled_from(["nl", "en", None]),
    st.text(max_size=30),
).map(lambda s: s.encode())
FILES = st.one_of(
    st.tuples(st.just("jsonl"), st.lists(ARTICLE_LINES, min_size=1, max_size=3).map(b"\n".join)),
    st.tuples(st.just("txt"), st.one_of(st.binary(max_size=400), TEXTS.map(lambda s: s.encode("utf-8", "replace")))),
    st.tuples(st.just("html"), HTML.map(lambda s: s.encode("utf-8", "replace"))),
    st.tuples(st.just("jsonl"), st.lists(JSONL_LINES, min_size=1, max_size=6).map(b"\n".join)),
)


def _write(folder: Path, files: list[tuple[str, bytes]]) -> list[Path]:
    paths = []
    for i, (suffix, data) in enumerate(files):
        path = folder / f"in-{i}.{suffix}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def _expected_origins(paths: list[Path]) -> list[str] | None:
    """What each input should come out as, in order: a file, or each non-blank line of a JSONL file (a binary
    or empty JSONL file is one skip of its own). None when a UTF-16 JSONL file makes the lines hard to tell."""
    out: list[str] = []
    for path in paths:
        data = path.read_bytes()
        if path.suffix != ".jsonl" or b"\x00" in data[:8192]:
            out.append(str(path))
            continue
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return None
        lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
        out += [f"{path}:{n}" for n, line in enumerate(lines, start=1) if line.strip()] or [str(path)]
    return out


@READERS
@given(st.lists(FILES, min_size=1, max_size=4))
def test_fuzz_readers_account_for_every_input(files: list[tuple[str, bytes]]) -> None:
    with TemporaryDirectory() as folder:
        paths = _write(Path(folder), files)
        items = list(iter_articles(paths, options=Options(max_bytes=2_000)))
        expected = _expected_origins(paths)
        if expected is not None:
            assert [x.origin for x in items] == expected
        for item in items:
            assert isinstance(item, Article | Skipped)
            if isinstance(item, Skipped):
                assert item.reason.startswith(item.origin + ": "), item
            else:
                assert item.text.strip() and item.language in (None, "nl", "en")


@READERS
@given(st.lists(JSONL_LINES, min_size=1, max_size=12))
def test_fuzz_jsonl_every_line_is_an_article_or_a_skip(lines: list[bytes]) -> None:
    with TemporaryDirectory() as folder:
        path = Path(folder) / "batch.jsonl"
        path.write_bytes(b"\n".join(lines))
        expected = _expected_origins([path])
        items = list(iter_articles([path], options=Options()))
        assert expected is None or [x.origin for x in items] == expected


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, list[str]]:
    code = main(argv)
    out, err = capsys.readouterr()
    lines = err.splitlines()
    for line in lines:
        assert "bug in sayso" not in line and "Traceback" not in line, line
        assert "\x1b" not in line and "\x9b" not in line, line
    return code, out, lines


@pytest.mark.slow
@FUZZ
@given(files=st.lists(FILES, min_size=1, max_size=3))
def test_fuzz_analyze_finishes_every_batch(files: list[tuple[str, bytes]], capsys: pytest.CaptureFixture[str]) -> None:
    with TemporaryDirectory() as folder:
        paths = _write(Path(folder), files)
        code, out, err = _run(["analyze", *map(str, paths), "--format", "jsonl", "--max-bytes", "3000"], capsys)
        analysed = [json.loads(line) for line in out.splitlines()]
        skipped = [line for line in err if line.startswith("sayso: skipped ")]
        expected = _expected_origins(paths)
        event(f"analysed {min(len(analysed), 2)}+")
        assert code == (1 if skipped else 0)
        assert expected is None or len(analysed) + len(skipped) == len(expected)
        for result in analysed:
            assert result["language"] in ("nl", "en")
            for a in result["attributions"]:
                for span in [a["source"], a["cue"], *a["content"]]:
                    if span is not None:
                        assert result["text"][span["start"] : span["end"]] == span["text"]


class _Fake:
    """A stand-in embedder (no model to load): a few features of the text."""

    def encode(self, texts: list[str]):  # type: ignore[no-untyped-def]
        import numpy as np

        return np.array([[len(t) % 7 + 1.0, t.count(" ") + 1.0, float("e" in t), 1.0] for t in texts])


@pytest.mark.slow
@FUZZ
@given(files=st.lists(FILES, min_size=1, max_size=3))
def test_fuzz_ingest_stores_the_good_and_lists_the_rest(
    files: list[tuple[str, bytes]], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sayso.cli import store_commands
    from sayso.store import open_store

    monkeypatch.setattr(store_commands, "open_store", functools.partial(open_store, embedder=_Fake()))
    with TemporaryDirectory() as folder:
        paths = _write(Path(folder), files)
        db = str(Path(folder) / "store.db")
        code, out, _ = _run(["ingest", *map(str, paths), "--db", db], capsys)
        summary = re.search(r"added (\d+), already there (\d+), skipped (\d+)", out)
        assert summary is not None, out
        added, already, skipped = map(int, summary.groups())
        listed = [line for line in out.splitlines() if line.startswith("skipped: ")]
        expected = _expected_origins(paths)
        assert code == (1 if skipped else 0) and len(listed) == skipped
        assert expected is None or added + already + skipped == len(expected)
        with open_store(db, create=False) as store:  # what was stored is what the batch said it added
            stored = {c.article.origin for c in store.claims()}
        assert len(stored) <= added + already
        assert not any(f"skipped: {origin}:" in out for origin in stored)
        if expected is not None:
            assert stored <= set(expected)
