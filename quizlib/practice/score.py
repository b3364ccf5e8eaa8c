"""Points, accuracy and streaks."""

from __future__ import annotations

from dataclasses import dataclass

from .answer import Rating

__all__ = ["BASE_POINTS", "MAX_STREAK_BONUS", "STREAK_BONUS", "Score"]

BASE_POINTS = 10
STREAK_BONUS = 2  # per right answer already in the streak: a run is worth more than its parts
MAX_STREAK_BONUS = 10


@dataclass
class Score:
    points: int = 0
    answered: int = 0
    correct: int = 0
    streak: int = 0
    best_streak: int = 0

    @property
    def accuracy(self) -> float | None:
        """Right answers as a share of those given; None before the first."""
        return self.correct / self.answered if self.answered else None

    def record(self, correct: bool, rating: Rating) -> int:
        """Count one answer; return the points it earned.

        A right answer earns the base points plus a bonus for the streak it extends; a recall
        rated Hard is right but shaky, so it earns half the base points and no bonus.
        """
        self.answered += 1
        if not correct:
            self.streak = 0
            return 0
        self.correct += 1
        if rating is Rating.HARD:
            gained = BASE_POINTS // 2
        else:
            gained = BASE_POINTS + min(self.streak * STREAK_BONUS, MAX_STREAK_BONUS)
        self.streak += 1
        self.best_streak = max(self.best_streak, self.streak)
        self.points += gained
        return gained
