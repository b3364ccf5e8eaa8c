"""The time, injectable: tests pass a fixed clock so due dates and streaks are deterministic."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

__all__ = ["Clock", "system_clock"]

Clock = Callable[[], datetime]  # returns an aware datetime in UTC


def system_clock() -> datetime:
    return datetime.now(UTC)
