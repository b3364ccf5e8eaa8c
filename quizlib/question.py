"""A question made from a bank item: the shared unit of quizzes, decks, exams and practice."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from .model import Difficulty, Kind

__all__ = ["Citation", "Form", "Question"]


class Form(StrEnum):
    """How an item is asked."""

    MULTIPLE_CHOICE = "multiple-choice"  # a fact's prompt, its answer among distractors
    TERM = "term"  # a concept's definition; which term means it?
    DEFINITION = "definition"  # a concept's term; what does it mean?
    TRUE_FALSE = "true-false"  # a fact's statement, as written or with the answer swapped
    CLOZE = "cloze"  # a fact's statement with the answer blanked (Anki cloze cards)
    SHORT_ANSWER = "short-answer"  # a fact's prompt or a concept's definition, answer written in


class Citation(BaseModel):
    """Where the question's evidence stands in the source."""

    model_config = ConfigDict(frozen=True)

    quote: str = Field(description="The item's verbatim quote of the source.")
    paragraph: int = Field(description="The number of the source paragraph it stands in (from 1).")


class Question(BaseModel):
    """One question. ``options[key]`` is the correct option; a cloze has no options."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Stable: '<item id>:<form>', plus ':true'/':false' for true/false.")
    item_id: str
    form: Form
    stem: str
    options: list[str] = Field(description="In display order; empty for a cloze.")
    key: int | None = Field(description="Index of the correct option; null for a cloze.")
    answer: str = Field(description="The correct answer as text.")
    accepted: list[str] = Field(default=[], description="Other answers to accept when typed.")
    cloze: str | None = Field(default=None, description="Anki cloze text, e.g. '... {{c1::2014}}'.")
    explanation: str
    citation: Citation
    topic: str
    difficulty: Difficulty
    kind: Kind
    note: str | None = None

    @property
    def distractors(self) -> list[str]:
        return [option for i, option in enumerate(self.options) if i != self.key]
