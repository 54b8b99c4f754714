"""Run the analysis over ``NAME.txt`` + ``NAME.gold.json`` pairs, write ``OUT/NAME.json``, score."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sayso.errors import EvaluationError
from sayso.evaluation.scoring import MEASURES, Count, new_counts, score_document
from sayso.ingest import article_from_text, parse_date
from sayso.options import DEFAULT_OPTIONS, Options
from sayso.pipeline import analyze
from sayso.records import Article
from sayso.serialize import analysis_to_dict


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """An article of a gold folder, read with only its published date and language as metadata."""

    article: Article
    gold: dict[str, Any]
    name: str


def _gold_pairs(gold_dir: Path, pattern: str) -> list[tuple[Path, Path]]:
    if not gold_dir.is_dir():
        raise EvaluationError(f"{gold_dir}: not a folder; give a folder of NAME.txt and NAME.gold.json files")
    pairs = []
    for gold in sorted(gold_dir.glob(pattern)):
        text = gold.with_name(gold.name.removesuffix(".gold.json") + ".txt")
        if not text.is_file():
            raise EvaluationError(f"{gold}: has no article {text.name} beside it; add the text or remove the gold file")
        pairs.append((text, gold))
    if not pairs:
        raise EvaluationError(f"{gold_dir}: holds no {pattern} files; point to a gold folder such as shared/eval/dev")
    return pairs


def gold_articles(
    gold_dir: Path, *, options: Options = DEFAULT_OPTIONS, pattern: str = "*.gold.json"
) -> Iterator[GoldArticle]:
    """Each ``NAME.txt`` with its ``NAME.gold.json``, as the evaluation reads them."""
    for text_path, gold_path in _gold_pairs(gold_dir, pattern):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = gold.get("document", {})
        article = article_from_text(
            text_path.read_text(encoding="utf-8"),
            origin=str(text_path),
            article_id=text_path.stem,
            options=options,
            published=parse_date(doc.get("published"), str(gold_path)),
            language=doc.get("language"),
        )
        yield GoldArticle(article, gold, text_path.stem)


def evaluate_folder(
    gold_dir: Path,
    out_dir: Path,
    *,
    options: Options = DEFAULT_OPTIONS,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Count]:
    """Analyse each gold article with only its published date and language as metadata; score all."""
    return evaluate_by_language(gold_dir, out_dir, options=options, progress=progress)[ALL]


ALL = "all"  # the key of the counts over every article in `evaluate_by_language`


def evaluate_by_language(
    gold_dir: Path,
    out_dir: Path,
    *,
    options: Options = DEFAULT_OPTIONS,
    progress: Callable[[str], None] | None = None,
) -> dict[str, dict[str, Count]]:
    """As `evaluate_folder`, with the counts of all articles under ``"all"`` and of each language apart."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, dict[str, Count]] = {ALL: new_counts()}
    for item in gold_articles(gold_dir, options=options):
        result = analysis_to_dict(analyze(item.article, options=options))
        (out_dir / f"{item.name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        score_document(item.article.text, item.gold, result, counts[ALL])
        score_document(item.article.text, item.gold, result, counts.setdefault(result["language"], new_counts()))
        if progress:
            progress(item.name)
    return counts


def format_table(counts: Mapping[str, Count]) -> str:
    lines = [f"{'measure':<18} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
    for name in MEASURES:
        c = counts[name]
        lines.append(f"{name:<18} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}   {c.tp}/{c.fp}/{c.fn}")
    return "\n".join(lines)


def check_floors(
    counts: Mapping[str, Count], floors_file: Path, by_language: Mapping[str, Mapping[str, Count]] | None = None
) -> list[str]:
    """The measures whose F1 fell below the floor pinned in ``floors_file``: over all articles
    (`f1_floors`) and, where the file pins them, per language (`f1_floors_by_language`)."""
    pinned = json.loads(floors_file.read_text(encoding="utf-8"))
    tables = [("", counts, pinned["f1_floors"])]
    for language, floors in pinned.get("f1_floors_by_language", {}).items():
        if by_language is None or language not in by_language:
            return [f"{language}: floors are pinned for it but no article of it was scored; evaluate its articles"]
        tables.append((f"{language} ", by_language[language], floors))
    return [
        f"{label}{name}: F1 {table[name].f1:.3f} is below its floor {floor:.3f}"
        for label, table, floors in tables
        for name, floor in floors.items()
        if round(table[name].f1, 3) < floor
    ]
