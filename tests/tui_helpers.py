"""Running the practice app headless in tests, on a small bank that other work does not edit."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

from textual.pilot import Pilot

from quizlib.bank import Bank
from quizlib.load import load_bank
from quizlib.practice import AnswerListener, ManualClock, Mode, Settings
from quizlib.store import SessionLog
from quizlib.tui import PracticeApp

HONEYBEE = Path(__file__).parent / "fixtures" / "honeybee-bank"
# With this seed and 4 questions, multiple choice and exam ask discoverer (key B), angle-meaning
# (C), nobel-field (A) and run-length (D); flashcards and typed ask other forms of items.
SEED = 947
# The typed-answer test asks dance-name (cloze), then nobel-field, then nobel-year (cloze):
# nobel-year's feedback quotes the prize's field, so nobel-field comes first.
TYPED_SEED = 891

_bank: Bank | None = None


def honeybee() -> Bank:
    global _bank
    if _bank is None:
        _bank = load_bank(HONEYBEE)
    return _bank


def make_app(
    mode: Mode | None = Mode.MULTIPLE_CHOICE,
    count: int = 4,
    *,
    time_limit: float | None = None,
    clock: ManualClock | None = None,
    listeners: Iterable[AnswerListener] = (),
    history: SessionLog | None = None,
    seed: int = SEED,
) -> PracticeApp:
    """An app on the honeybee bank with a hand-set clock; ``mode=None`` opens the home screen."""
    settings = Settings(
        mode=mode or Mode.MULTIPLE_CHOICE, count=count, seed=seed, time_limit=time_limit
    )
    return PracticeApp(
        honeybee(),
        settings,
        home=mode is None,
        clock=clock or ManualClock(),
        listeners=listeners,
        history=history,
    )


def play(
    app: PracticeApp,
    scenario: Callable[[Pilot[int]], Awaitable[None]],
    size: tuple[int, int] = (80, 24),
) -> None:
    """Run ``scenario`` against ``app`` headless (plain asyncio: no pytest plugin needed)."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(main())
