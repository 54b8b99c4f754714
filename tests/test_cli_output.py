"""What the terminal shows (issue 12): a reader who leaves early, progress on stderr, plurals, one default
format, the version, and a training run that keeps the shipped model."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

import sayso
from _store_helpers import Topics, stand_in
from sayso import pipeline
from sayso.cli import main
from sayso.records import Article
from sayso.store import open_store
from sayso.store.records import StoredArticle, StoredClaim, StoredCluster

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
STAND_IN = [sys.executable, str(ROOT / "tests" / "_stand_in_sayso.py")]  # the command, with no model loaded

LINES = [
    "Harbour master Wim Kok said the locks were shut for repairs.",
    "Alderman Fleur Dekker said the ferry would run again on Monday.",
    "The canal was drained for the first time in forty years.",
]


def _store(path: Path) -> str:
    with open_store(str(path), embedder=Topics()) as store:
        for k, line in enumerate(LINES):
            store.add(stand_in(Article(text=line, id=f"canal-{k}", origin=f"canal-{k}.txt")))
    return str(path)


def _folder(path: Path) -> Path:
    path.mkdir()
    for k, line in enumerate(LINES):
        (path / f"canal-{k}.txt").write_text(line, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["claims"], ["export", "clusters"], ["sources"], ["claim", "1"]])
def test_a_reader_who_leaves_early_ends_the_command_quietly(tmp_path: Path, command: list[str]) -> None:
    db = _store(tmp_path / "canal.db")
    proc = subprocess.Popen(
        [sys.executable, "-m", "sayso", *command, "--db", db], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `| head -0`: the reader is gone before the first line is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err


def test_ingest_says_total_phases_and_the_summary_once(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "canal")
    run = subprocess.run(
        [*STAND_IN, "ingest", str(folder), "--db", str(tmp_path / "s.db")], env=ENV, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "sayso: loading models" in run.stderr
    assert re.search(r"sayso: 3 articles, [\d.]+ articles/s, 100% of 3", run.stderr), run.stderr
    assert re.search(r"sayso: clustering \d+ new claims", run.stderr), run.stderr
    assert run.stdout.count("added 3, already there 0, skipped 0") == 1
    assert "added" not in run.stderr.replace("(added 3", "")  # the summary is not said twice


def test_analyze_over_a_folder_shows_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pipeline, "analyze", stand_in)
    assert main(["analyze", str(_folder(tmp_path / "canal")), "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3
    assert err.splitlines() == ["sayso: loading models", "sayso: 3 articles: 3 analysed, 0 skipped"]


def test_one_article_needs_no_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pipeline, "analyze", stand_in)
    (tmp_path / "one.txt").write_text(LINES[0], encoding="utf-8")
    assert main(["analyze", str(tmp_path / "one.txt"), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_is_a_bar_with_percentage() -> None:
    from sayso.cli.progress import Progress

    screen = _Terminal()
    with Progress(screen, 4, verb="ingesting") as progress:
        progress.phase("loading models")
        for _ in range(2):
            progress.advance(Counter({"added": 1}))
    drawn = screen.getvalue()
    assert "loading models" in drawn and "0/4" in drawn and "%|" in drawn and "\r" in drawn  # redrawn in place


def test_the_bar_starts_no_thread() -> None:
    """tqdm's monitor thread would make ``sayso ingest --workers N`` on a terminal spawn its workers (each
    loading every model itself) instead of forking them from the process that loaded them."""
    import threading

    from tqdm._monitor import TMonitor

    from sayso.cli.progress import Progress

    before = set(threading.enumerate())
    with Progress(_Terminal(), 4, verb="ingesting") as progress:
        progress.advance(Counter({"added": 1}))
        assert set(threading.enumerate()) == before
        assert not any(isinstance(t, TMonitor) for t in threading.enumerate())  # nor one an earlier bar left


def test_inputs_are_counted_before_reading(tmp_path: Path) -> None:
    from sayso.cli.progress import count_inputs

    folder = _folder(tmp_path / "canal")
    (folder / "batch.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n', encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    assert count_inputs([str(folder)]) == 5  # three texts and two JSONL lines
    assert count_inputs([str(folder), "-"]) is None  # stdin: not known before reading


def test_plurals() -> None:
    from sayso.cli.render import plural

    assert [plural(n, "claim") for n in (0, 1, 2)] == ["0 claims", "1 claim", "2 claims"]


def test_one_claim_is_one_claim(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _store(tmp_path / "canal.db")
    assert main(["claims", "--db", db, "--speaker", "Fleur Dekker"]) == 0
    assert capsys.readouterr().err.strip() == "1 claim"


def test_version_is_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"sayso {project['version']}"
    assert sayso.__version__ == project["version"]


def test_the_command_exits_with_mains_code_what_it_loaded_frozen() -> None:
    probe = (
        "import atexit, gc\n"
        "from sayso import cli\n"
        "cli.main = lambda: 3\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count()))\n"
        "cli.run()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], env=ENV, capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr
    assert int(done.stdout.split()[-1]) > 1000  # the modules it imported, left out of the last collection


def test_train_keeps_the_shipped_model(capsys: pytest.CaptureFixture[str]) -> None:
    shipped = Path(sayso.__file__).parent / "language" / "models" / "nl"
    assert main(["train", "nl", "--out", str(shipped), "--data", "/nonexistent"]) == 1
    err = capsys.readouterr().err
    assert "replaces the shipped model" in err and "--force" in err
    from sayso.cli import build_parser

    assert build_parser().parse_args(["train", "nl"]).out == "sayso-model-nl"


def test_every_command_prints_text_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pipeline, "analyze", stand_in)
    (tmp_path / "one.txt").write_text(LINES[0], encoding="utf-8")
    assert main(["analyze", str(tmp_path / "one.txt")]) == 0  # stdout is not a terminal here, as in `| less`
    assert capsys.readouterr().out.startswith("== ")
    db = _store(tmp_path / "canal.db")
    assert main(["export", "clusters", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("cluster ")
    assert main(["export", "clusters", "--db", db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)


def _claim(k: int, speaker: str, text: str) -> StoredClaim:
    article = StoredArticle(f"canal-{k}", "hash", None, None, None, None, "en", f"canal-{k}.txt", "2025-03-14")
    return StoredClaim(
        id=k, article=article, kind="attributed", polarity="positive", text=text, content=(), speaker=speaker,
        source=speaker, speaker_type=None, speaker_grade=None, certainty="certain", said_on=None, said_at=None,
        chain=(), quantities=(), times=(), entities=(),
    )  # fmt: skip


def test_text_export_shows_origins_and_why_claims_contradict() -> None:
    from sayso.cli.store_commands import _cluster_summary

    cluster = StoredCluster(
        id=7,
        claims=(_claim(1, "Wim Kok", "the locks were shut"), _claim(2, "Fleur Dekker", "the locks were open")),
        origins=("Wim Kok", "Fleur Dekker"),
        independent=2,
        repeats=(),
        contradictions=((1, 2, "Fleur Dekker denies what Wim Kok asserts"),),
        credibility=6,
        across=((2, 9, 4, "40 ships against 60 ships"),),
    )
    text = _cluster_summary(cluster)
    assert "1 contradiction," in text and "origins     Wim Kok; Fleur Dekker" in text
    assert "contradicts 1 vs 2: Fleur Dekker denies what Wim Kok asserts" in text
    assert "contradicts 2 vs 9 (cluster 4): 40 ships against 60 ships" in text


def test_help_loads_neither_spacy_nor_the_store() -> None:
    """Start-up (its time is in benchmarks/startup.py): the parser and ``import sayso`` import no heavy module."""
    probe = (
        "import sys, sayso; from sayso.cli import build_parser; build_parser(); "
        "print(sorted(m for m in ('spacy', 'trafilatura', 'sayso.store', 'sayso.pipeline') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", probe], env=ENV, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
