"""Finding the bundled content, installed or in a checkout."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["bundled_bank_dir"]


def bundled_bank_dir() -> Path:
    """The directory of the bundled bank.

    An installed wheel carries it as ``quizlib/content``; a checkout or an editable install keeps it
    in the top-level ``content/`` beside the package.
    """
    packaged = files("quizlib") / "content"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "content"
