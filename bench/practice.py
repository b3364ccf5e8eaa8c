"""The practice app's rows: start-up to the first question, and key press to feedback.

Start-up runs each app in a fresh interpreter (imports included, as a learner waits for them)
and times process start to first paint, with quizlib's bytecode compiled as an install leaves it.
Cold starts with an empty cache of validated banks (the first run after installing quizlib or
changing the bank); warm with the bank in it, put there by an untimed run just before (every
run after that). Both start with no history: a learner's first session, nothing to resume.

Feedback latency runs the app headless under Pilot, with the history attached as in real use
(each answer is committed before feedback is drawn), and times a key event reaching the app to
the first refresh after the answer; the baseline is a bare Textual app that shows the key it was
sent.
"""

from __future__ import annotations

import asyncio
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "BARE_APP",
    "PRACTICE_APP",
    "SAMPLES",
    "Latency",
    "bare_latency",
    "feedback_latency",
    "first_paint",
]

SAMPLES = 40

# Both children stop at their first paint: call_after_refresh runs once the screen is drawn.
PRACTICE_APP = """
import sys, time
from quizlib import cli
from quizlib.tui import PracticeApp
from quizlib.tui.screens.session import SessionScreen

mount = SessionScreen.on_mount
def on_mount(self):
    mount(self)
    def shown():
        print(time.time()); self.app.exit()
    self.call_after_refresh(shown)
SessionScreen.on_mount = on_mount
run = PracticeApp.run
PracticeApp.run = lambda self: run(self, headless=True)
import quizlib.commands.practice
quizlib.commands.practice.has_terminal = lambda: True
sys.exit(cli.main(["practice", "--mode", "multiple-choice", "--count", "10", "--seed", "1"]))
"""

BARE_APP = """
import time
from textual.app import App
from textual.widgets import Static

class One(App):
    def compose(self):
        yield Static("one line")
    def on_mount(self):
        def shown():
            print(time.time()); self.exit()
        self.call_after_refresh(shown)

One().run(headless=True)
"""


def first_paint(code: str, *, warm: bool = False) -> float:
    """Seconds from starting ``code`` in a new interpreter to its first paint.

    ``warm``: the bank is in quizlib's cache (an untimed run of ``code`` puts it there).
    """
    _compiled()
    with tempfile.TemporaryDirectory() as cache_dir:
        if warm:
            _run(code, cache_dir)
        start = time.time()
        out = _run(code, cache_dir)
    return float(out.strip().splitlines()[-1]) - start


def _run(code: str, cache_dir: str) -> str:
    with tempfile.TemporaryDirectory() as history:  # a first run: no session to resume
        env = {**os.environ, "QUIZLIB_DATA_DIR": history, "QUIZLIB_CACHE_DIR": cache_dir}
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
    return done.stdout


@cache
def _compiled() -> None:
    """Compile quizlib's modules to bytecode, as installing it does (Textual's already are).

    Without this, an environment with PYTHONDONTWRITEBYTECODE (or a read-only checkout) would
    compile quizlib from source in every timed start, which no installed quizlib does.
    """
    import quizlib

    compileall.compile_dir(Path(quizlib.__file__).parent, quiet=1)


@dataclass(frozen=True)
class Latency:
    median: float  # seconds from a key press to the feedback drawn
    p95: float
    samples: int


def _summary(times: list[float]) -> Latency:
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return Latency(statistics.median(times), p95, len(times))


def feedback_latency(samples: int = SAMPLES) -> Latency:
    """Key press (an option's number) to feedback drawn, on the bundled bank, history on."""
    return asyncio.run(_feedback_latency(samples))


async def _feedback_latency(samples: int) -> Latency:
    from textual import events

    from quizlib.load import load_bank
    from quizlib.practice import ManualClock, Phase, Settings
    from quizlib.store import SessionLog, Store
    from quizlib.tui import PracticeApp
    from quizlib.tui.screens.session import SessionScreen

    bank = load_bank()
    times: list[float] = []
    seed = 0
    with tempfile.TemporaryDirectory() as folder, Store.open(folder) as store:
        while len(times) < samples:
            app = PracticeApp(
                bank,
                Settings(count=20, seed=seed),
                home=False,
                clock=ManualClock(),
                history=SessionLog(store, bank.id),
            )
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, SessionScreen)
                while not screen.session.finished and len(times) < samples:
                    key = str(1 + len(times) % 2)  # true/false has only two options
                    start = time.perf_counter()
                    # The key goes in as a terminal's would; Pilot.press would add its own
                    # waits for idle (about 40 ms here, measured with an unbound key).
                    app.post_message(events.Key(key, key))
                    while screen.session.phase is not Phase.ANSWERED:
                        await asyncio.sleep(0)
                    painted = asyncio.Event()
                    app.call_after_refresh(painted.set)
                    await painted.wait()
                    times.append(time.perf_counter() - start)
                    await pilot.press("n")
            seed += 1
    return _summary(times)


def bare_latency(samples: int = SAMPLES) -> Latency:
    """The same measurement on a bare Textual app that shows each key it is sent."""
    return asyncio.run(_bare_latency(samples))


async def _bare_latency(samples: int) -> Latency:
    from textual import events
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Echo(App[None]):
        shown = ""

        def compose(self) -> ComposeResult:
            yield Static("press a key", id="echo")

        def on_key(self, event: events.Key) -> None:
            self.shown = event.key
            self.query_one("#echo", Static).update(f"you pressed {event.key}")

    app = Echo()
    times: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for n in range(samples):
            key = str(1 + n % 2)
            app.shown = ""
            start = time.perf_counter()
            app.post_message(events.Key(key, key))
            while app.shown != key:
                await asyncio.sleep(0)
            painted = asyncio.Event()
            app.call_after_refresh(painted.set)
            await painted.wait()
            times.append(time.perf_counter() - start)
    return _summary(times)
