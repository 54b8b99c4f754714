from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.cli import build_parser, main
from sayso.cli.commands import COMMANDS
from sayso.cli.serve_command import SERVE
from sayso.cli.store_commands import STORE_COMMANDS


def _subparsers():  # type: ignore[no-untyped-def]
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return action.choices


def test_every_command_and_option_has_help() -> None:
    for name, sub in _subparsers().items():
        assert sub.description, f"{name} has no description"
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, f"option {action.dest} of {name} has no help text"
    assert {c.name for c in (*COMMANDS, *STORE_COMMANDS, SERVE)} == set(_subparsers())


def test_readme_mentions_every_command() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in _subparsers():
        assert f"sayso {name}" in readme, f"README does not document 'sayso {name}'"


def test_bad_input_gives_one_line_and_non_zero_exit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "leeg.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main(["analyze", str(empty), "--format", "json"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "leeg.txt" in err[0] and "empty" in err[0]


def test_bad_date_option_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["analyze", "x.txt", "--published", "15/10/2024"])
    assert info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.slow
def test_analyze_json_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "Storm hits coast\n\nAt least 12 people died when the storm hit the coast on Sunday, officials said on Monday. "
        '"We lost everything," a fisherman told the BBC.\n'
    )
    (tmp_path / "storm.txt").write_text(text, encoding="utf-8")
    assert main(["analyze", str(tmp_path / "storm.txt"), "--format", "json", "--published", "2025-01-14"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["text"] == text and out["language"] == "en" and out["published"] == "2025-01-14"
    for key in ("title", "attributions", "quantities", "times", "entities", "claims"):
        assert key in out
    for a in out["attributions"]:
        for span in [a["source"], a["cue"], *a["content"]]:
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"]
    kinds = {a["kind"] for a in out["attributions"]}
    assert {"indirect", "direct"} <= kinds


@pytest.mark.slow
def test_analyze_batch_skips_broken_and_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"id": "ok", "text": "The mayor said the bridge would reopen in May.", "language": "en"})
        + "\n"
        + "{broken\n",
        encoding="utf-8",
    )
    assert main(["analyze", str(batch), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "ok"
    assert "batch.jsonl:2" in captured.err
