"""Spaced repetition with FSRS: a card per (bank, item), reviewed with the learner's rating.

Flashcard ratings go in as given; a multiple-choice or typed answer is graded binary, correct as
Good and wrong as Again, as the FSRS maintainers advise for pass/fail answers.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from fsrs import Card, Rating, Scheduler

__all__ = ["Card", "Rating", "Scheduler", "card_id", "new_card", "scheduler"]


def card_id(bank: str, item_id: str) -> int:
    """A stable id per item (fsrs otherwise uses the clock and sleeps a millisecond per card)."""
    digest = hashlib.sha256(f"{bank}\0{item_id}".encode()).digest()
    return int.from_bytes(digest[:7], "big")


def new_card(bank: str, item_id: str, now: datetime) -> Card:
    return Card(card_id=card_id(bank, item_id), due=now)


def scheduler(*, fuzz: bool = True, desired_retention: float = 0.9) -> Scheduler:
    """FSRS-6 with its default parameters; fuzz off gives exact due dates (tests)."""
    return Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)
