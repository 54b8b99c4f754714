"""One small function per command; each only parses options and calls the API."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sayso.cli.progress import Progress, count_inputs
from sayso.cli.render import json_safe, plural, render_text, skip_line, terminal_safe
from sayso.errors import InputError, LanguageError
from sayso.language.detect import language_code
from sayso.language.resources import supported_languages
from sayso.options import DEFAULT_MAX_BYTES, Options
from sayso.records import Analysis, Article, Skipped, iso_date


def _date(value: str) -> date:
    try:
        return iso_date(value, "")
    except InputError as err:
        raise argparse.ArgumentTypeError(str(err).removeprefix(" ")) from None


def _language(value: str) -> str:
    try:
        return language_code(value, "--language")
    except LanguageError as err:
        raise argparse.ArgumentTypeError(str(err).removeprefix("--language: ")) from None


def _add_analysis_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--language",
        type=_language,
        metavar="LANG",
        help=f"the articles' language: {' or '.join(supported_languages())} (detected when absent; nl-BE reads as nl)",
    )
    p.add_argument("--model", help="a spaCy pipeline (package name or path) to use instead of the best installed one")


def add_article_options(p: argparse.ArgumentParser) -> None:
    """The metadata a user may give the articles read (analyze, ingest): the article's own wins, these fill in."""
    p.add_argument(
        "--published",
        type=_date,
        metavar="DATE",
        help="publication date (YYYY-MM-DD) for articles that give none (HTML meta, JSONL, a dateline win)",
    )
    p.add_argument("--id", dest="article_id", metavar="ID", help="the article's id (one input only)")
    p.add_argument("--title", help="the article's title, when it gives none")
    p.add_argument("--outlet", help="the outlet that published it, when it names none")
    p.add_argument("--url", help="the article's address, when it gives none")


def _options(args: argparse.Namespace) -> Options:
    return Options(
        language=args.language,
        published=getattr(args, "published", None),
        model=getattr(args, "model", None),
        max_bytes=getattr(args, "max_bytes", DEFAULT_MAX_BYTES),
        article_id=getattr(args, "article_id", None),
        title=getattr(args, "title", None),
        outlet=getattr(args, "outlet", None),
        url=getattr(args, "url", None),
    )


def analyse_one(article: Article, options: Options) -> Analysis | Skipped:
    """The analysis of one article of a batch, or its ``Skipped`` record: one article never stops a batch.
    sayso's warnings about it (a mixed-language text) go to stderr as one line each and into its ``notes``."""
    from sayso.batch import analyse_quietly

    result, said = analyse_quietly(article, options)
    for line in said:
        say_warning(line)
    return result


def say_warning(line: str) -> None:
    """One of sayso's warnings about an article, as one line on stderr."""
    print(f"sayso: warning: {terminal_safe(line)}", file=sys.stderr)


def _dumps(value: object, indent: int | None = None) -> str:
    return json_safe(json.dumps(value, ensure_ascii=False, indent=indent))


def run_analyze(args: argparse.Namespace) -> int:
    from sayso.ingest import iter_articles

    fmt, options = args.format, _options(args)
    results: list[Any] = []  # JSON dicts, or for an export format the analyses
    analysed = skipped = 0
    total = count_inputs(args.paths)
    with Progress(sys.stderr if total is None or total > 1 else None, total, verb="analysing") as progress:
        progress.phase("loading models")
        for item in iter_articles(args.paths, options=options):
            result = analyse_one(item, options) if isinstance(item, Article) else item
            progress.advance()
            with progress.writing():
                _write_result(result, fmt, results, colour=args.colour)
            analysed, skipped = analysed + isinstance(result, Analysis), skipped + isinstance(result, Skipped)
    if fmt == "json" and results:
        print(_dumps(results[0] if len(results) == 1 else results, indent=1))
    elif fmt not in _OWN_FORMATS and results:
        _export(fmt, results)
    if analysed + skipped > 1:  # the summary, once
        print(
            f"sayso: {plural(analysed + skipped, 'article')}: {analysed} analysed, {skipped} skipped", file=sys.stderr
        )
    return 1 if skipped else 0


def _write_result(result: Analysis | Skipped, fmt: str, results: list[Any], *, colour: bool | None) -> None:
    from sayso.serialize import analysis_to_dict

    if isinstance(result, Skipped):
        print(f"sayso: skipped {skip_line(result)}", file=sys.stderr, flush=True)
    elif fmt == "text":
        render_text(result, sys.stdout, colour=colour)
        sys.stdout.flush()
    elif fmt == "jsonl":
        print(_dumps(analysis_to_dict(result)), flush=True)
    elif fmt == "json":
        results.append(analysis_to_dict(result))
    else:
        results.append(result)  # an export format: written once, for all articles, at the end


_OWN_FORMATS = ("text", "json", "jsonl")


def _export(fmt: str, analyses: list[Analysis]) -> None:
    """The claims of the analysed articles in an export format, as the store would export them."""
    from sayso.export import FORMATS, of_analyses

    sys.stdout.write(str(FORMATS[fmt].write("claims", of_analyses(analyses))))


def _article_formats() -> list[str]:
    from sayso.export import FORMATS

    return [name for name, f in FORMATS.items() if f.article and name not in _OWN_FORMATS]


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
    out = Path(args.out)
    package = Path(__file__).resolve().parent.parent
    if out.resolve().is_relative_to(package) and not args.force:
        raise InputError(
            f"--out {out} is inside the sayso package ({package}): training there replaces the shipped model; "
            "write to a folder of your own (the default is ./sayso-model-nl, used with --model), "
            "or pass --force to replace it on purpose"
        )
    scores = train_dutch(Path(args.data), out, seed=args.seed, max_minutes=args.max_minutes)
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
        "--format",
        choices=[*_OWN_FORMATS, *_article_formats()],
        default="text",
        help="output format (default: text); csv, tsv, webannotation, claimreview, stix and misp hold the claims "
        "of all the articles, as 'sayso export claims' writes them (docs/export.md)",
    )
    add_article_options(p)
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
    p.add_argument(
        "--out",
        default="sayso-model-nl",
        help="folder to write the trained pipeline into (default: ./sayso-model-nl; use it with --model)",
    )
    p.add_argument("--force", action="store_true", help="write into the sayso package, replacing the shipped model")
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
