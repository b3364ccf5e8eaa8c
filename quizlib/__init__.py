"""quizlib: grounded quizzes, exams, Anki decks and terminal practice from a source text.

The core (models, loading, generation, exports) never imports Textual; the practice app does.
"""

from __future__ import annotations

from .bank import Bank
from .errors import ContentError, Problem, QuizlibError
from .load import load_bank
from .model import Concept, Fact

__all__ = ["Bank", "Concept", "ContentError", "Fact", "Problem", "QuizlibError", "load_bank"]
__version__ = "0.1.0"
