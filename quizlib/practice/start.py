"""Starting a session from a bank, with the same assembly as `quizlib quiz`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..bank import Bank
from ..errors import QuizlibError
from ..quiz import build_quiz
from .clock import Clock
from .mode import Mode
from .order import feedback_last
from .session import AnswerListener, Session

__all__ = ["DEFAULT_COUNT", "PracticeError", "Settings", "start_session"]

DEFAULT_COUNT = 10


class PracticeError(QuizlibError):
    """A session cannot be started as asked (no question matches, say)."""


@dataclass(frozen=True)
class Settings:
    """What the learner chose: the same choices on the home screen and on the command line."""

    mode: Mode = Mode.MULTIPLE_CHOICE
    topics: tuple[str, ...] = ()  # none: every topic, balanced
    count: int = DEFAULT_COUNT
    seed: int | None = None
    time_limit: float | None = None  # minutes; exams only
    items: tuple[str, ...] | None = None  # only these items (a review's agenda); None: any


def start_session(
    bank: Bank,
    settings: Settings,
    *,
    clock: Clock | None = None,
    listeners: Iterable[AnswerListener] = (),
) -> Session:
    """A session of up to ``settings.count`` questions built by :func:`quizlib.build_quiz`.

    Seeded, keys balanced, no two enemy items together, true/false at most one in five; where
    answers are followed by feedback, no feedback shows the answer of a question still to come.
    """
    quiz = build_quiz(
        bank,
        settings.count,
        topics=settings.topics or None,
        forms=settings.mode.forms,
        seed=settings.seed,
        items=settings.items,
    )
    if not quiz.questions:
        raise PracticeError(f"no questions for {settings.mode.label} in the chosen topics")
    questions = quiz.questions
    if settings.mode.gives_feedback:
        questions = feedback_last(questions, bank)
    limit = settings.time_limit
    return Session(
        questions,
        settings.mode,
        clock=clock,
        time_limit=limit * 60 if limit and settings.mode is Mode.EXAM else None,
        listeners=listeners,
    )
