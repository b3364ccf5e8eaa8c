"""The built wheel carries the bundled bank and finds it from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (built,) = out.glob("quizlib-*.whl")
    return built


def test_wheel_contains_the_content(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "quizlib/content/bank.yaml" in names
    assert "quizlib/content/sources/pakistan-russia-volte-face.md" in names
    assert "quizlib/content/schema/items.schema.json" in names
    assert any(n.startswith("quizlib/content/items/") and n.endswith(".yaml") for n in names)
    assert "quizlib/py.typed" in names
    assert "quizlib/anki/templates/card.css" in names  # the note types read it at build time
    assert not any(n.startswith(("tests/", "decks/")) for n in names)


def test_installed_package_finds_its_content_from_another_directory(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = (
        "import quizlib, quizlib.resources as r; b = quizlib.load_bank(); "
        "print(quizlib.__file__); print(r.bundled_bank_dir()); print(len(b.facts))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    module_file, content_dir, facts = result.stdout.split("\n")[:3]
    assert Path(module_file).is_relative_to(site)  # the wheel, not this checkout
    assert Path(content_dir) == site / "quizlib" / "content"
    assert int(facts) >= 40
    cli = subprocess.run(
        [sys.executable, "-m", "quizlib", "check"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 0, cli.stderr
    assert "OK: every item is valid" in cli.stdout
