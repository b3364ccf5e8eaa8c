"""The cards a fact note may give. Kept apart from genanki so the CLI can offer them cheaply."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ALL_FACT_CARDS", "FactCard"]


class FactCard(StrEnum):
    """A card of a fact note; ``quizlib deck --cards`` picks among them."""

    RECALL = "recall"  # question → answer
    CHOICE = "choice"  # the question generator's multiple-choice question, key marked on the back
    TYPED = "typed"  # type the answer; Anki compares it with the answer as written


ALL_FACT_CARDS = frozenset(FactCard)
