"""The core stays light: importing quizlib must not import Textual or other heavy parts."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("textual", "rich", "genanki", "typst", "fsrs")


@pytest.mark.parametrize(
    "module",
    [
        "quizlib",
        "quizlib.cli",
        "quizlib.commands.practice",
        "quizlib.commands.exam",
        "quizlib.load",
        "quizlib.scaffold",
        "quizlib.anki",
        "quizlib.anki.notes",
        "quizlib.practice",
        "quizlib.lms",
        "quizlib.exam",
        "quizlib.exam.versions",
        "quizlib.exam.folder",
        "quizlib.exam.grade",
        "quizlib.exam.analysis",
        "quizlib.exam.responses",
        "quizlib.exam.progress",
    ],
)
def test_module_does_not_import_heavy_packages(module):
    probe = f"import sys, {module}; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


# What `quizlib practice` needs before its first question: a bank read back from the cache needs
# no YAML reader, and a session no fuzzy matcher or FSRS until an answer is given.
NOT_BEFORE_THE_FIRST_QUESTION = ("yaml", "ryaml", "rapidfuzz", "fsrs", "genanki", "typst")


@pytest.mark.parametrize(
    "module",
    ["quizlib.cli", "quizlib.cache", "quizlib.practice", "quizlib.store", "quizlib.tui"],
)
def test_practice_start_up_imports_stay_light(module):
    heavy = NOT_BEFORE_THE_FIRST_QUESTION
    probe = f"import sys, {module}; print(','.join(m for m in {heavy!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
