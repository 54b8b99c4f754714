"""One small function per command; each only parses options and calls the API."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sayso.cli.render import render_text
from sayso.errors import InputError
from sayso.ingest import iter_articles
from sayso.options import DEFAULT_MAX_BYTES, Options
from sayso.records import Skipped


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def _add_analysis_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--language", choices=["nl", "en"], help="the articles' language (detected when absent)")
    p.add_argument("--model", help="a spaCy pipeline (package name or path) to use instead of the best installed one")


def _options(args: argparse.Namespace) -> Options:
    return Options(
        language=args.language,
        published=getattr(args, "published", None),
        model=args.model,
        max_bytes=getattr(args, "max_bytes", DEFAULT_MAX_BYTES),
    )


def run_analyze(args: argparse.Namespace) -> int:
    from sayso.pipeline import analyze
    from sayso.serialize import analysis_to_dict

    fmt = args.format or ("text" if sys.stdout.isatty() else "json")
    results: list[dict[str, Any]] = []
    skipped = 0
    for item in iter_articles(args.paths, options=_options(args)):
        if isinstance(item, Skipped):
            skipped += 1
            print(f"sayso: skipped {item.reason}", file=sys.stderr)
            continue
        analysis = analyze(item, options=_options(args))
        if fmt == "text":
            render_text(analysis, sys.stdout, colour=args.colour)
        elif fmt == "jsonl":
            print(json.dumps(analysis_to_dict(analysis), ensure_ascii=False), flush=True)
        else:
            results.append(analysis_to_dict(analysis))
    if fmt == "json" and results:
        print(json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False, indent=1))
    return 1 if skipped else 0


def run_evaluate(args: argparse.Namespace) -> int:
    from sayso.evaluation import check_floors, evaluate_by_language, format_table

    by_language = evaluate_by_language(
        Path(args.gold),
        Path(args.out),
        options=_options(args),
        progress=(lambda name: print(f"  {name}", file=sys.stderr)) if args.verbose else None,
    )
    counts = by_language.pop("all")
    print(format_table(counts))
    if len(by_language) > 1:
        for language, table in sorted(by_language.items()):
            print(f"\n{language}:\n{format_table(table)}")
    if args.floors:
        failures = check_floors(counts, Path(args.floors), by_language)
        for line in failures:
            print(f"sayso: below floor: {line}", file=sys.stderr)
        return 1 if failures else 0
    return 0


def run_train(args: argparse.Namespace) -> int:
    from sayso.language.training import train_dutch

    if args.language != "nl":
        raise InputError(
            f"sayso trains only a Dutch pipeline; for {args.language!r} install an official spaCy pipeline"
        )
    scores = train_dutch(Path(args.data), Path(args.out), seed=args.seed, max_minutes=args.max_minutes)
    print(json.dumps(scores, indent=1))
    return 0


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    run: Any
    arguments: Any

    def register(self, sub: Any) -> None:
        p = sub.add_parser(self.name, help=self.help, description=self.help)
        self.arguments(p)
        p.set_defaults(run=self.run)


def _analyze_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="text or HTML files, folders, JSONL batches, or - for stdin"
    )
    p.add_argument(
        "--format", choices=["text", "json", "jsonl"], help="output format (text on a terminal, json otherwise)"
    )
    p.add_argument("--published", type=_date, metavar="DATE", help="publication date (YYYY-MM-DD), for relative dates")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest article accepted, in bytes")
    p.add_argument("--colour", action=argparse.BooleanOptionalAction, default=None, help="colour the text report")
    _add_analysis_options(p)


def _evaluate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold", metavar="GOLD_DIR", help="folder of NAME.txt with NAME.gold.json")
    p.add_argument("--out", required=True, metavar="OUT_DIR", help="folder to write NAME.json analyses into")
    p.add_argument("--floors", metavar="FILE", help="JSON file of F1 floors; exit 1 when a measure falls below")
    p.add_argument("--verbose", action="store_true", help="name each article as it is analysed")
    _add_analysis_options(p)


def _train_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("language", choices=["nl"], help="the language to train (nl)")
    p.add_argument("--data", default="../shared/data", help="folder with ud-dutch/ and europeana-ner-nl/")
    p.add_argument("--out", default="src/sayso/language/models/nl", help="folder to write the trained pipeline into")
    p.add_argument("--seed", type=int, default=0, help="random seed")
    p.add_argument("--max-minutes", type=float, default=None, help="stop training after this many minutes")


COMMANDS = (
    Command(
        "analyze", "Analyse articles: attributions, certainty, quantities, times, entities.", run_analyze, _analyze_args
    ),
    Command(
        "evaluate",
        "Analyse a gold folder and print precision, recall and F1 per measure.",
        run_evaluate,
        _evaluate_args,
    ),
    Command(
        "train", "Train sayso's own spaCy pipeline for a language (Dutch) from open treebanks.", run_train, _train_args
    ),
)
