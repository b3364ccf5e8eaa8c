"""What a session records for each answer: the unit a review log will store and schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from ..question import Form
from .mode import Mode

__all__ = ["Answer", "Rating"]


class Rating(IntEnum):
    """How well an item was recalled; the values are FSRS's (Again=1 … Easy=4)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


@dataclass(frozen=True)
class Answer:
    """One answer, as given.

    Multiple-choice and typed answers are graded for the learner (right is Good, wrong is Again,
    the binary grading FSRS's authors advise); a flashcard carries the learner's own rating.
    """

    question_id: str
    item_id: str
    form: Form
    mode: Mode
    topic: str
    correct: bool
    rating: Rating
    response: str | None  # the chosen option's text, or the typed text; None for a flashcard
    choice: int | None  # the chosen option's index, for a multiple-choice answer
    response_time: float  # seconds from the question being shown to the answer
    answered_at: datetime  # UTC
