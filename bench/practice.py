"""Two measurements of the practice app, for `python -m bench` rows (see the report in issue 9).

    from tests.tui_bench import startup, feedback_latency
    startup(runs=7)            # start-up to the first question vs a bare Textual app (target <= 1.3x)
    feedback_latency(60)       # key press to feedback shown, median and p95 (target p95 <= 50 ms)

Run as a script to print both: ``.venv/bin/python -m tests.tui_bench``.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

__all__ = ["Latency", "Startup", "feedback_latency", "startup"]

# Both children stop at their first paint: call_after_refresh runs once the screen is drawn.
_PRACTICE = """
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
cli._has_terminal = lambda: True
sys.exit(cli.main(["practice", "--count", "10", "--seed", "1"]))
"""

_BARE = """
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


@dataclass(frozen=True)
class Startup:
    practice: float  # median seconds from process start to the first question on screen
    bare: float  # the same for a bare Textual app showing one line
    runs: int

    @property
    def ratio(self) -> float:
        return self.practice / self.bare


def _first_paint(code: str) -> float:
    with tempfile.TemporaryDirectory() as history:  # a first run: no session to resume
        env = {**os.environ, "QUIZLIB_DATA_DIR": history}
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout
    return float(out.strip().splitlines()[-1]) - start


def startup(runs: int = 7) -> Startup:
    """Median time to first paint of `quizlib practice --count 10 --seed 1` and of a bare app.

    Each run is a fresh interpreter (imports included, as a learner waits for them); the two are
    run alternately, after one warm-up each, so both see the same disk cache and machine load.
    """
    _first_paint(_PRACTICE), _first_paint(_BARE)
    practice, bare = [], []
    for _ in range(runs):
        practice.append(_first_paint(_PRACTICE))
        bare.append(_first_paint(_BARE))
    return Startup(statistics.median(practice), statistics.median(bare), runs)


@dataclass(frozen=True)
class Latency:
    median: float  # seconds from a key press to the feedback drawn
    p95: float
    samples: int


def feedback_latency(samples: int = 60) -> Latency:
    """Key press (an option's number) to feedback drawn, on the bundled bank.

    The app runs headless under Pilot (``run_test``); each sample is the time from a key event
    reaching the app to the first screen refresh after the answer was recorded.
    """
    return asyncio.run(_feedback_latency(samples))


async def _feedback_latency(samples: int) -> Latency:
    from textual import events

    from quizlib.load import load_bank
    from quizlib.practice import ManualClock, Phase, Settings
    from quizlib.tui import PracticeApp
    from quizlib.tui.screens.session import SessionScreen

    bank = load_bank()
    times: list[float] = []
    seed = 0
    while len(times) < samples:
        app = PracticeApp(bank, Settings(count=20, seed=seed), home=False, clock=ManualClock())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SessionScreen)
            while not screen.session.finished and len(times) < samples:
                key = str(1 + len(times) % 2)  # true/false has only two options
                start = time.perf_counter()
                # The key goes in as a terminal's would; Pilot.press would add its own waits
                # for idle (about 40 ms here, measured with an unbound key).
                app.post_message(events.Key(key, key))
                while screen.session.phase is not Phase.ANSWERED:
                    await asyncio.sleep(0)
                painted = asyncio.Event()
                app.call_after_refresh(painted.set)
                await painted.wait()
                times.append(time.perf_counter() - start)
                await pilot.press("n")
        seed += 1
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return Latency(statistics.median(times), p95, len(times))


if __name__ == "__main__":
    up = startup()
    print(
        f"start-up to first question: {up.practice * 1000:.0f} ms; bare Textual app: "
        f"{up.bare * 1000:.0f} ms; ratio {up.ratio:.2f}x (target <= 1.3x; median of {up.runs})"
    )
    lat = feedback_latency()
    print(
        f"key press to feedback: median {lat.median * 1000:.1f} ms, p95 {lat.p95 * 1000:.1f} ms "
        f"(target p95 <= 50 ms; {lat.samples} presses)"
    )
