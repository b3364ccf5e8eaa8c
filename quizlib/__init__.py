"""quizlib: grounded quizzes, exams, Anki decks and terminal practice from a source text.

The core (models, loading, generation, exports) never imports Textual; the practice app does.
"""

from __future__ import annotations

from .bank import Bank
from .errors import ContentError, Problem, QuizlibError
from .load import load_bank
from .model import Concept, Fact
from .question import Form, Question
from .quiz import Quiz, build_quiz

__all__ = [
    "Bank",
    "Concept",
    "ContentError",
    "Fact",
    "Form",
    "Problem",
    "Question",
    "Quiz",
    "QuizlibError",
    "build_quiz",
    "load_bank",
]
__version__ = "0.1.0"
