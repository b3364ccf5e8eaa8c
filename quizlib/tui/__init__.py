"""The Textual practice app behind `quizlib practice`. Importing this imports Textual."""

from __future__ import annotations

from .app import PracticeApp

__all__ = ["PracticeApp"]
