"""Where history lives: ``--data-dir``, else ``QUIZLIB_DATA_DIR``, else the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["DATABASE_NAME", "DATA_DIR_ENV", "data_dir"]

DATA_DIR_ENV = "QUIZLIB_DATA_DIR"
DATABASE_NAME = "history.sqlite3"


def data_dir(override: str | Path | None = None) -> Path:
    """The folder of quizlib's history (not created here)."""
    if override is not None:
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir("quizlib", appauthor=False))
