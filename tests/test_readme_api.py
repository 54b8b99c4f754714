"""The README's Python example runs as written, on a folder with a broken file in it."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from sayso import Article, InputError, Skipped, analyze

pytestmark = pytest.mark.slow

README = Path(__file__).resolve().parents[1] / "README.md"


def _example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks, "README.md has no ```python example"
    return blocks[0]


def test_readme_example_runs_on_a_folder_with_a_broken_file(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Brug dicht\n\nDe burgemeester zei dinsdag dat de brug voorlopig dicht blijft.\n", encoding="utf-8"
    )
    (tmp_path / "broken.txt").write_bytes(b"Brug \x80\x81 dicht \xc3(")  # no text encoding fits
    (tmp_path / "german.txt").write_text("Die Brücke bleibt nach Angaben der Stadt bis zum Sommer geschlossen.\n")
    code = _example().replace('"examples/"', repr(str(tmp_path)))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    printed = out.getvalue()
    assert "skipped" in printed and "broken.txt" in printed and "german.txt" in printed
    assert "burgemeester" in printed


def test_analyze_refuses_a_skipped_input_with_its_reason() -> None:
    with pytest.raises(InputError, match=r"not UTF-8.*isinstance"):
        analyze(Skipped("broken.txt", "broken.txt: not UTF-8; save it as UTF-8"))
    with pytest.raises(InputError, match="takes an Article"):
        analyze("De brug blijft dicht.")  # type: ignore[arg-type]
    assert analyze(Article(text="De burgemeester zei dat de brug dicht blijft.", language="nl")).claims
