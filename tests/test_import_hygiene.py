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
