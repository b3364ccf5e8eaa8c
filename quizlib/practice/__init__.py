"""Practice sessions without a user interface: the core that `quizlib practice` displays.

Nothing here imports Textual; the TUI in :mod:`quizlib.tui` only shows a :class:`Session` and
forwards keys to it, so a session can be driven and tested without a terminal.
"""

from __future__ import annotations

from .answer import Answer, Rating
from .clock import Clock, ManualClock, SystemClock
from .matching import Match, Segment, SegmentKind, check_typed, normalise
from .mode import Mode
from .score import Score
from .session import AnswerListener, Phase, Session, SessionError, TopicResult
from .start import DEFAULT_COUNT, PracticeError, Settings, start_session

__all__ = [
    "DEFAULT_COUNT",
    "Answer",
    "AnswerListener",
    "Clock",
    "ManualClock",
    "Match",
    "Mode",
    "Phase",
    "PracticeError",
    "Rating",
    "Score",
    "Segment",
    "SegmentKind",
    "Session",
    "SessionError",
    "Settings",
    "SystemClock",
    "TopicResult",
    "check_typed",
    "normalise",
    "start_session",
]
