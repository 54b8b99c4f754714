"""The package as users install it: a wheel built from the repository (not an editable install) holds every
data file the analysis needs, and analyses the bundled example from where it is installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


def test_a_built_wheel_installs_and_analyses(tmp_path: Path) -> None:
    wheels, target, tree = tmp_path / "wheels", tmp_path / "site", tmp_path / "tree"
    # built from a copy of what the repository tracks, so that no `build/` left in the checkout slips in
    shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), "."]
    subprocess.run(build, cwd=tree, check=True, capture_output=True)
    [wheel] = wheels.glob("sayso-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for data in (
        "sayso/resources/schema.json",
        "sayso/clusters/pair_model.json",
        "sayso/resources/nl/sources.json",
        "sayso/web/templates/article.html",  # the web workspace's templates and assets: it works offline
        "sayso/web/static/style.css",
        "sayso/web/static/app.js",
    ):
        assert data in names
    assert any(n.startswith("sayso/store/migrations/") and n.endswith(".sql") for n in names)
    assert any(n.startswith("sayso/language/models/") for n in names)  # the Dutch model ships inside
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)]
    subprocess.run(install, check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(target)}  # the installed copy first, the venv's dependencies after
    where = subprocess.run(
        [sys.executable, "-c", "import sayso; print(sayso.__file__)"], env=env, cwd=tmp_path, capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    assert where.stdout.strip().startswith(str(target))
    example = ROOT / "examples" / "nl-havenaanval.txt"
    run = subprocess.run(
        [sys.executable, "-m", "sayso", "analyze", str(example), "--published", "2025-03-14", "--format", "json"],
        env=env, cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-500:]
    assert json.loads(run.stdout)["attributions"]
