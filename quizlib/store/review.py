"""One answer in the review log: what was asked, what the learner did, and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["Review"]


@dataclass(frozen=True)
class Review:
    """An answer, as logged. ``correct`` is None for a self-rated flashcard."""

    bank: str
    item_id: str
    form: str
    answered_at: datetime  # aware, UTC
    mode: str
    response: str | None
    correct: bool | None
    rating: int  # 1 Again, 2 Hard, 3 Good, 4 Easy
    duration_ms: int | None = None
    session_id: str | None = None
