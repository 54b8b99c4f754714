"""Accuracy tables per gold set and language, as Markdown, for docs/accuracy.md.

    python benchmarks/accuracy_report.py [GOLD_DIR ...]

Defaults to the development set (../shared/eval/dev), the hand-annotated set
(tests/data/gold) and the held-out set (tests/data/heldout). Each article is analysed with only its published date and
language as metadata, exactly as `sayso evaluate` does.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from sayso.evaluation import MEASURES, evaluate_folder

ROOT = Path(__file__).resolve().parents[1]
DEFAULTS = (
    ROOT.parent / "shared" / "eval" / "dev",
    ROOT / "tests" / "data" / "gold",
    ROOT / "tests" / "data" / "heldout",
)


def _subset(gold: Path, prefix: str, into: Path) -> Path:
    folder = into / prefix
    folder.mkdir()
    for f in gold.iterdir():
        if f.name.startswith(prefix) and f.name.endswith((".txt", ".gold.json")):
            (folder / f.name).symlink_to(f.resolve())
    return folder


def main(argv: list[str]) -> int:
    golds = [Path(a) for a in argv] or [d for d in DEFAULTS if d.is_dir()]
    for gold in golds:
        prefixes = sorted({f.name.split("-")[0] + "-" for f in gold.glob("*.gold.json")})
        if any(f.name.startswith("nl-nrc") for f in gold.glob("*.gold.json")):
            prefixes.append("nl-nrc")
        print(f"\n### {gold}\n")
        print("| measure | " + " | ".join(f"{p.rstrip('-')} P/R/F1" for p in ["all", *prefixes]) + " |")
        print("|---|" + "---|" * (len(prefixes) + 1))
        with tempfile.TemporaryDirectory() as tmp:
            results = [evaluate_folder(gold, Path(tmp) / "all")]
            for p in prefixes:
                results.append(evaluate_folder(_subset(gold, p, Path(tmp)), Path(tmp) / f"out-{p}"))
        for m in MEASURES:
            cells = []
            for counts in results:
                c = counts[m]
                cells.append("—" if c.tp + c.fp + c.fn == 0 else f"{c.precision:.3f}/{c.recall:.3f}/**{c.f1:.3f}**")
            print(f"| {m} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
