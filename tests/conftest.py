from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from quizlib.cli import main
from quizlib.resources import bundled_bank_dir

BUNDLED = bundled_bank_dir()
FIXTURES = Path(__file__).parent / "fixtures"

# A valid fact on paragraph 3 of the bundled article; tests copy it and break one thing.
GOOD_FACT = """\
  - id: ambassador-name
    topic: diplomacy
    prompt: Which Russian ambassador spoke at the Karachi Council of Foreign Relations webinar?
    answer: Danila Ganich
    kind: person
    aliases: [Danila Garnish]
    distractors: [Sergey Lavrov, Moeed Yusuf, Kenneth Waltz]
    explanation: The article names him as the ambassador who spoke at the webinar.
    statement: Danila Ganich was the Russian ambassador who spoke at the webinar.
    difficulty: easy
    note: The article spells the name "Danila Garnish".
    source:
      quote: the Russian ambassador to Pakistan Danila Garnish candidly revealed
"""


@pytest.fixture
def make_bank(tmp_path: Path) -> Callable[..., Path]:
    """A bank directory with the bundled bank.yaml and source, and the given item files."""

    def make(items: str | None = None, **files: str) -> Path:
        root = tmp_path / "bank"
        root.mkdir()
        shutil.copy(BUNDLED / "bank.yaml", root / "bank.yaml")
        shutil.copytree(BUNDLED / "sources", root / "sources")
        if items is not None:
            files["items.yaml"] = items
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return make


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run the CLI in-process; return (exit code, stdout, stderr)."""

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(autouse=True)
def _history_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    # No test may write to the learner's real history.
    monkeypatch.setenv("QUIZLIB_DATA_DIR", str(tmp_path_factory.mktemp("history")))
    # Nor to the learner's cache of validated banks.
    monkeypatch.setenv("QUIZLIB_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
