"""quizlib: grounded quizzes, exams, Anki decks and terminal practice from a source text.

The core (models, loading, generation, exports) never imports Textual; the practice app does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import lazy_names

if TYPE_CHECKING:
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

# Each name is imported when first asked for: every `import quizlib.<module>` runs this file
# first, and importing all of these eagerly (YAML readers, the grounding automaton, the quiz
# builder) cost `quizlib practice` a noticeable part of its start-up.
_HOMES = {
    "Bank": "bank",
    "Concept": "model",
    "ContentError": "errors",
    "Fact": "model",
    "Form": "question",
    "Problem": "errors",
    "Question": "question",
    "Quiz": "quiz",
    "QuizlibError": "errors",
    "build_quiz": "quiz",
    "load_bank": "load",
}


__getattr__, __dir__ = lazy_names(globals(), _HOMES, __all__)
