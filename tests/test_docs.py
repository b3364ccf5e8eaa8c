"""The README documents every command (as sqlite-utils does for its own docs)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from quizlib.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


@pytest.mark.parametrize("name", sorted(_commands()))
def test_command_is_documented_and_has_help(name):
    assert f"quizlib {name}" in README, f"README does not mention `quizlib {name}`"
    assert _commands()[name].description


def test_readme_starts_with_the_two_setup_commands():
    blocks = re.findall(r"```(?:bash|sh|console)?\n(.*?)```", README, flags=re.S)
    first = [line for line in blocks[0].splitlines() if line.strip() and not line.startswith("#")]
    assert len(first) == 2
    assert "pip install" in first[0] and "quizlib" in first[0].split("&&")[-1]
    assert "pip install" in first[1] and "pytest" in first[1]
