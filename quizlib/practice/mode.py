"""Practice modes, and the question forms each one can ask."""

from __future__ import annotations

from enum import StrEnum

from ..question import Form
from ..quiz import DEFAULT_FORMS

__all__ = ["Mode"]


class Mode(StrEnum):
    """How a session asks its questions and when it gives feedback."""

    MULTIPLE_CHOICE = "multiple-choice"  # options A-D, feedback after each answer
    FLASHCARDS = "flashcards"  # the prompt; the learner reveals the answer and rates recall
    TYPED = "typed"  # the learner types the answer
    EXAM = "exam"  # options A-D, no feedback until the end, an optional time limit
    REVIEW = "review"  # the items due by the schedule, then new ones; options and feedback

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def forms(self) -> tuple[Form, ...]:
        """The question forms a session in this mode is built from."""
        return _FORMS[self]

    @property
    def gives_feedback(self) -> bool:
        return self is not Mode.EXAM

    @property
    def has_options(self) -> bool:
        return self in (Mode.MULTIPLE_CHOICE, Mode.EXAM, Mode.REVIEW)


_LABELS = {
    Mode.MULTIPLE_CHOICE: "Multiple choice",
    Mode.FLASHCARDS: "Flashcards",
    Mode.TYPED: "Typed answer",
    Mode.EXAM: "Exam",
    Mode.REVIEW: "Review (due first)",
}

# A flashcard or a typed answer needs an answer that can be recalled without options: true/false
# cannot, and a definition is too long to type (a flashcard can show it, though).
_FORMS: dict[Mode, tuple[Form, ...]] = {
    Mode.MULTIPLE_CHOICE: DEFAULT_FORMS,
    Mode.FLASHCARDS: (Form.MULTIPLE_CHOICE, Form.TERM, Form.DEFINITION, Form.CLOZE),
    Mode.TYPED: (Form.MULTIPLE_CHOICE, Form.TERM, Form.CLOZE),
    Mode.EXAM: DEFAULT_FORMS,
    Mode.REVIEW: DEFAULT_FORMS,
}
