"""Shared fixtures: the development set (read from ../shared, never copied) and the backbones."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
DEV = SHARED_EVAL / "dev"


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not DEV.is_dir():
        pytest.skip(f"the development set is not at {DEV}; put shared/ beside the repository to run this test")
    return DEV


@pytest.fixture(scope="session")
def nlp_en():  # type: ignore[no-untyped-def]
    from sayso.language import load_backbone

    return load_backbone("en")


@pytest.fixture(scope="session")
def nlp_nl():  # type: ignore[no-untyped-def]
    from sayso.language import load_backbone

    return load_backbone("nl")
