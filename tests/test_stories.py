"""A story of its own, end to end: four articles in two languages through `sayso ingest` (the real pipeline,
models and SQLite store) and `sayso export clusters`, for the rules of the cross-article layer: one source
under several names, the same proposition in two languages, an outlet citing another's report, numbers
and a denial that contradict. The articles are written here; people and organisations are fictional."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from sayso.cli import main

STORY = [
    {
        "id": "wire",
        "outlet": "Wire Agency",
        "language": "en",
        "published": "2026-02-02",
        "text": "Hackers stole records of Zorgnet patients\n\n"
        "Dutch hospital group Zorgnet said on Monday that hackers had stolen the medical records of 1.2 million "
        "patients. Zorgnet spokeswoman Anna Vos said all eleven hospitals of the group remained open.",
    },
    {
        "id": "vertaling",
        "outlet": "Dagblad Noord",
        "language": "nl",
        "published": "2026-02-02",
        "text": "Hackers stelen dossiers van Zorgnet-patiënten\n\n"
        "Ziekenhuisgroep Zorgnet zei maandag dat hackers de medische dossiers van 1,2 miljoen patiënten hebben "
        "gestolen. Volgens woordvoerster Anna Vos van Zorgnet blijven alle elf ziekenhuizen van de groep open.",
    },
    {
        "id": "citing",
        "outlet": "Health Times",
        "language": "en",
        "published": "2026-02-03",
        "text": "Hospital data theft\n\n"
        "Hackers stole the medical records of 1.2 million patients of hospital group Zorgnet, Wire Agency "
        "reported on Monday. The Dutch data protection authority said on Tuesday that hackers had stolen the "
        "medical records of 800,000 patients.",
    },
    {
        "id": "denial",
        "outlet": "Radio Oost",
        "language": "nl",
        "published": "2026-02-03",
        "text": "Politie: geen dossiers gestolen\n\n"
        "De politie zei dinsdag dat hackers geen medische dossiers van patiënten van Zorgnet hebben gestolen. "
        "Het onderzoek gaat door.",
    },
]


def _ingested(story: list[dict[str, str]], folder: Path) -> list[dict[str, Any]]:
    """``story`` through `sayso ingest` as one JSONL batch, and its clusters as `sayso export clusters` gives them."""
    batch, db = folder / "story.jsonl", str(folder / "story.db")
    batch.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in story), encoding="utf-8")
    assert main(["ingest", str(batch), "--db", db]) == 0
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["export", "clusters", "--db", db, "--format", "json"]) == 0
    return json.loads(out.getvalue())


@pytest.fixture(scope="module")
def clusters(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return _ingested(STORY, tmp_path_factory.mktemp("story"))


def _with(clusters: list[dict[str, Any]], article: str, words: str) -> dict[str, Any]:
    [found] = [k for k in clusters if any(c["article"] == article and words in c["text"] for c in k["claims"])]
    return found


@pytest.mark.slow
def test_story_translation_and_citing_outlet_are_one_origin(clusters: list[dict[str, Any]]) -> None:
    stolen = _with(clusters, "wire", "1.2 million")
    assert _with(clusters, "vertaling", "1,2 miljoen") is stolen  # the same proposition in Dutch
    assert _with(clusters, "citing", "1.2 million") is stolen  # and as Wire Agency's report, cited
    assert stolen["origins"] == ["Zorgnet"] and stolen["independent"] == 1  # one origin however often printed


@pytest.mark.slow
def test_story_spokeswoman_speaks_for_her_organisation(clusters: list[dict[str, Any]]) -> None:
    open_ = _with(clusters, "wire", "remained open")
    names = {c["speaker"] for k in clusters for c in k["claims"] if c["article"] in ("wire", "vertaling")}
    assert names - {None} == {"Zorgnet"}  # the group and its spokeswoman, in two languages; None: a headline
    assert _with(clusters, "vertaling", "open") is open_


@pytest.mark.slow
def test_story_numbers_and_a_denial_contradict(clusters: list[dict[str, Any]]) -> None:
    stolen = _with(clusters, "wire", "1.2 million")
    authority = _with(clusters, "citing", "800,000")
    reasons = [x["reason"] for x in stolen["contradictions"]]
    assert any(r.startswith("quantity:") and "800,000" in r for r in reasons)
    assert authority is not stolen  # the numbers clash: two propositions
    police = _with(clusters, "denial", "geen medische dossiers")
    denials = [x for x in police["contradictions"] if x["reason"].startswith("denial:")]
    assert denials and denials[0]["reason"].startswith("denial: politie denies what")
    assert stolen["credibility"] >= 4  # contradicted: doubtful at best


# A second story: a headline that states two propositions, and a source that changes its account overnight.
STORM = [
    {
        "id": "wire",
        "outlet": "Wire Agency",
        "language": "en",
        "published": "2026-03-02",
        "text": "Storm floods harbour district of Lindeburg, ferry terminal closed\n\n"
        "A storm flooded the harbour district of Lindeburg on Sunday night. Ferry operator Nordline said on "
        "Monday that there was no indication that its ships had been damaged.",
    },
    {
        "id": "krant",
        "outlet": "Dagblad Noord",
        "language": "nl",
        "published": "2026-03-02",
        "text": "Storm zet havenwijk Lindeburg onder water\n\n"
        "Een storm heeft zondagnacht de havenwijk van Lindeburg onder water gezet. De veerterminal van Lindeburg "
        "is maandag gesloten.",
    },
    {
        "id": "next",
        "outlet": "Coast News",
        "language": "en",
        "published": "2026-03-03",
        "text": "Nordline says ferries damaged in storm\n\n"
        "Ferry operator Nordline said on Tuesday that its ships had been damaged in the storm at Lindeburg.",
    },
]


@pytest.fixture(scope="module")
def storm(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return _ingested(STORM, tmp_path_factory.mktemp("storm"))


@pytest.mark.slow
def test_story_a_headline_states_each_of_its_propositions(storm: list[dict[str, Any]]) -> None:
    flooded = _with(storm, "wire", "Storm floods harbour district")
    closed = _with(storm, "wire", "ferry terminal closed")
    assert flooded is not closed  # one headline, two propositions, two clusters
    assert not any("ferry terminal" in c["text"] for c in flooded["claims"])
    assert _with(storm, "krant", "veerterminal") is closed  # each part finds its own reports


@pytest.mark.slow
def test_story_a_source_that_changes_its_account_contradicts_itself(storm: list[dict[str, Any]]) -> None:
    denial = _with(storm, "wire", "no indication that its ships")
    reasons = [x["reason"] for x in denial["contradictions"]]
    assert any(r.startswith("revision: Nordline denied on 2026-03-02 and asserted on 2026-03-03") for r in reasons)
