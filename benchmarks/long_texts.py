"""Analysis time per word and peak memory from a short article to a 1 MB text: is sayso linear?

    python benchmarks/long_texts.py [--news ../shared/eval/news] [--sizes 2,20,200,1000] [--language en]
                                    [--smoke-mb 5]

Builds each text by joining articles (the news set when present, else the repository's ``examples/``) with
blank lines until it reaches the size, analyses it in a fresh process (the fastest of three runs below
100 KB), and prints the wall-clock seconds, the CPU seconds of the process (which other work on the machine
barely moves) and CPU seconds per 10,000 words, peak resident memory and the size of the JSON output.
Analysis time per word should be flat: the last size within 1.5x of the first. ``--smoke-mb`` adds one run
at that size (5 MB is the input limit) that only has to finish. Nothing is written into the repository; the
texts live in a temporary folder.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"\w+")

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from sayso.pipeline import analyze
from sayso.records import Article
from sayso.serialize import analysis_to_dict
path, language, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = Path(path).read_text(encoding="utf-8")
analyze(Article(id="warm", text="Een woord. A word.", language=language))  # models loaded before the clock
seconds = cpu = float("inf")
for _ in range(repeat):  # the fastest run counts: a short text's one run is mostly noise
    start, start_cpu = time.perf_counter(), time.process_time()
    analysis = analyze(Article(id="long", text=text, language=language))
    seconds, cpu = min(seconds, time.perf_counter() - start), min(cpu, time.process_time() - start_cpu)
size = len(json.dumps(analysis_to_dict(analysis), ensure_ascii=False).encode("utf-8"))
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mb": rss, "json_bytes": size, "claims": len(analysis.claims)}))
"""


def _articles(news: Path, language: str) -> list[str]:
    found = sorted(news.glob(f"{language}-*.txt")) if news.is_dir() else []
    if not found:
        found = sorted((ROOT / "examples").glob("*.txt"))
    return [p.read_text(encoding="utf-8").strip() for p in found]


def _text(articles: list[str], kilobytes: float) -> str:
    parts, size, k = [], 0, 0
    while size < kilobytes * 1000:
        parts.append(articles[k % len(articles)])
        size += len(parts[-1].encode("utf-8")) + 2
        k += 1
    return "\n\n".join(parts) + "\n"


def _run(path: Path, language: str, repeat: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-c", _CHILD, str(path), language, str(repeat)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark: the analysis of {path.name} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", default=str(ROOT.parent / "shared" / "eval" / "news"))
    parser.add_argument("--sizes", default="2,20,200,1000", help="text sizes in KB, comma-separated")
    parser.add_argument("--language", default="en", choices=("en", "nl"))
    parser.add_argument("--smoke-mb", type=float, default=0, help="one more run at this many MB (0: none)")
    args = parser.parse_args()
    articles = _articles(Path(args.news), args.language)
    sizes = [float(s) for s in args.sizes.split(",")] + ([args.smoke_mb * 1000] if args.smoke_mb else [])
    head = ("KB", "words", "s", "CPU s", "CPU s/10k words", "peak MB", "JSON MB", "claims")
    print(" ".join(f"{h:>{w}}" for h, w in zip(head, (6, 8, 7, 7, 16, 8, 8, 7), strict=True)))
    first = None
    with tempfile.TemporaryDirectory(prefix="sayso-long-") as tmp:
        for kb in sizes:
            text = _text(articles, kb)
            path = Path(tmp) / f"{args.language}-{kb:g}.txt"
            path.write_text(text, encoding="utf-8")
            words = len(WORD.findall(text))
            got = _run(path, args.language, repeat=3 if kb < 100 else 1)
            per = got["cpu"] / words * 10_000
            first = per if first is None else first
            print(
                f"{len(text.encode('utf-8')) / 1000:>6.0f} {words:>8} {got['seconds']:>7.1f} {got['cpu']:>7.1f} "
                f"{per:>16.2f} "
                f"{got['rss_mb']:>8.0f} {got['json_bytes'] / 1e6:>8.2f} {got['claims']:>7.0f}",
                flush=True,
            )
    print(f"last size / first size, CPU seconds per word: {per / first:.2f} (flat: at most 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
