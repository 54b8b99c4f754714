"""Our scorer must give the same numbers as the reference scorer in shared/eval."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

from conftest import SHARED_EVAL
from sayso.evaluation import MEASURES, check_floors, new_counts, score_document
from sayso.evaluation.scoring import same_name


def _reference():  # type: ignore[no-untyped-def]
    path = SHARED_EVAL / "score.py"
    if not path.is_file():
        pytest.skip(f"the reference scorer is not at {path}; put shared/ beside the repository")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _perturb(gold: dict, rng: random.Random) -> dict:
    """A plausible system output: gold items shifted, dropped, relabelled, plus spurious ones."""
    out: dict = {}
    for layer in ("quantities", "times", "entities"):
        items = []
        for item in gold.get(layer, []):
            if rng.random() < 0.2:
                continue
            item = dict(item)
            if rng.random() < 0.3:
                item["end"] = max(item["start"] + 1, item["end"] + rng.choice([-2, 2]))
            if layer == "times" and rng.random() < 0.2:
                item["value"] = "PAST_REF"
            if layer == "quantities" and rng.random() < 0.2:
                item["value"] = 7
            items.append(item)
        items.append({"start": 0, "end": 5, "value": 1, "label": "ORG", "canonical": "X"})
        out[layer] = items
    atts = []
    for a in gold.get("attributions", []):
        if rng.random() < 0.2:
            continue
        a = dict(a)
        a["speaker"] = a.get("source_entity") if rng.random() < 0.7 else "Somebody Else"
        if rng.random() < 0.3:
            a["source"] = None
        atts.append(a)
    out["attributions"] = atts
    return out


def test_scorer_agrees_with_reference_on_perturbed_gold(dev_dir: Path) -> None:
    ref = _reference()
    rng = random.Random(7)
    ours = new_counts()
    theirs = {n: ref.Tally() for n in MEASURES}
    for gold_path in [*sorted(dev_dir.glob("*.gold.json"))[::6], next(dev_dir.glob("nl-nrc-*.gold.json"))]:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        system = _perturb(gold, rng)
        score_document(text, gold, system, ours)
        ref.score_doc(text, gold, system, theirs, [])
    for name in MEASURES:
        r = theirs[name].prf()
        assert (ours[name].tp, ours[name].fp, ours[name].fn) == (r["tp"], r["fp"], r["fn"]), name
        assert round(ours[name].f1, 3) == r["f1"], name


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Remco Breuker", "Breuker", True),
        ("Zelensky", "Volodymyr Zelensky", True),
        ("Poetin", "Putin", False),
        ("Kim Jong-un", "Kim Jong Un", True),
        ("", "x", False),
    ],
)
def test_same_name(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same


def test_floors_report_only_measures_below(tmp_path: Path) -> None:
    counts = new_counts()
    counts["entity_names"].add(6, 4, 4)  # F1 0.6
    counts["quantity"].add(9, 1, 1)  # F1 0.9
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"f1_floors": {"entity_names": 0.65, "quantity": 0.85}}))
    failures = check_floors(counts, floors)
    assert len(failures) == 1 and failures[0].startswith("entity_names")


@pytest.mark.slow
def test_evaluate_writes_what_the_reference_scorer_reads(dev_dir: Path, tmp_path: Path) -> None:
    import shutil

    from sayso.evaluation import evaluate_folder

    ref = _reference()
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for stem in ("nl-nrc-2024-10-15-noord-korea", "en-meantime-airbus-100911", "nl-meantime-airbus-100911"):
        for suffix in (".txt", ".gold.json"):
            shutil.copy(dev_dir / f"{stem}{suffix}", gold_dir)
    ours = evaluate_folder(gold_dir, tmp_path / "out")
    theirs = {n: ref.Tally() for n in MEANTIME_AND_NRC}
    for g, s in ref.pairs_of(str(gold_dir), str(tmp_path / "out")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        system = json.loads(s.read_text(encoding="utf-8"))
        text = g.with_name(g.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        assert system["text"] == text
        ref.score_doc(text, gold, system, theirs, [])
    for name in MEANTIME_AND_NRC:
        r = theirs[name].prf()
        assert (ours[name].tp, ours[name].fp, ours[name].fn) == (r["tp"], r["fp"], r["fn"]), name


MEANTIME_AND_NRC = MEASURES


def test_floors_per_language(tmp_path: Path) -> None:
    counts, en, nl = new_counts(), new_counts(), new_counts()
    counts["attribution"].add(8, 2, 2)  # F1 0.8
    en["attribution"].add(9, 1, 1)  # F1 0.9
    nl["attribution"].add(7, 3, 3)  # F1 0.7
    floors = tmp_path / "floors.json"
    floors.write_text(
        json.dumps(
            {
                "f1_floors": {"attribution": 0.75},
                "f1_floors_by_language": {"en": {"attribution": 0.85}, "nl": {"attribution": 0.75}},
            }
        )
    )
    failures = check_floors(counts, floors, {"en": en, "nl": nl})
    assert failures == ["nl attribution: F1 0.700 is below its floor 0.750"]
    assert check_floors(counts, floors, {"en": en})[0].startswith("nl: floors are pinned")
