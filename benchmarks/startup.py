"""Start-up time of the ``sayso`` command: ``--help``, ``--version`` and one short article, from a fresh process.

    PYTHONPATH=src python benchmarks/startup.py [--runs 5] [--article examples/en-port-attack.txt]

Each case runs in a new interpreter (what a user waits for when typing the command); prints the median and
the fastest of the runs, in seconds. The aims of issue 12: ``--help`` under 0.3 s, one article under 2.5 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _time(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sayso", *argv], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per case (the median is reported)")
    parser.add_argument("--article", default=str(ROOT / "examples" / "en-port-attack.txt"), help="the short article")
    args = parser.parse_args()
    cases = {
        "--help": ["--help"],
        "--version": ["--version"],
        "analyze one article": ["analyze", args.article, "--format", "json", "--published", "2025-03-14"],
    }
    for name, argv in cases.items():
        times = [_time(argv) for _ in range(args.runs)]
        print(f"{name:<22} median {statistics.median(times):.2f} s  fastest {min(times):.2f} s  ({args.runs} runs)")


if __name__ == "__main__":
    main()
