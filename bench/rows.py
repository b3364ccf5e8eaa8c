"""The rows of the benchmark table: what quizlib does and the baseline it is compared with.

Each row is measured by ``python -m bench.rows ROW SIDE BANK_DIR REPEAT`` in a process of its
own, which prints the median seconds and the process's peak memory as JSON; setting up (loading
the bank for a quiz) is not timed, but it does count towards the peak.
"""

from __future__ import annotations

import gc
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from bench.baseline import lint_plain, load_plain, quiz_plain
from bench.deck import deck_genanki, deck_quizlib
from bench.exam import QUESTIONS, VERSIONS, exam_minimal, exam_quizlib
from bench.history import ANSWERS, history_quizlib, history_sqlite
from bench.lms import qti12_quizlib, qti12_text2qti
from bench.practice import (
    BARE_APP,
    PRACTICE_APP,
    SAMPLES,
    bare_latency,
    feedback_latency,
    first_paint,
)
from quizlib import build_quiz, load_bank
from quizlib.lint import lint_bank

__all__ = ["ROWS", "Row", "measure", "peak_kib"]

Action = Callable[[], object]


@dataclass(frozen=True)
class Row:
    """One line of the table: quizlib's action and its baseline, each set up from a bank dir.

    An action that returns a float has timed itself (start-up to first paint, say) and that is
    its figure; otherwise its wall time is. A row that is not ``sized`` runs once, on the
    smallest bank, because its work does not grow with the bank.
    """

    name: str
    quizlib: Callable[[Path], Action]
    baseline: Callable[[Path], Action]
    baseline_is: str
    sized: bool = True


def _load(root: Path) -> Action:
    return lambda: load_bank(root)


def _load_plain(root: Path) -> Action:
    return lambda: load_plain(root)


def _quiz(count: int) -> Callable[[Path], Action]:
    def setup(root: Path) -> Action:
        bank = load_bank(root)
        # A fresh Bank each time: what a bank works out once (its enemy index, say) is part of
        # the first quiz a user asks for, so every timed run pays it.
        return lambda: build_quiz(replace(bank), count, seed=1)

    return setup


def _quiz_plain(count: int) -> Callable[[Path], Action]:
    def setup(root: Path) -> Action:
        bank = load_bank(root)
        return lambda: quiz_plain(bank, count, seed=1)

    return setup


def _lint(root: Path) -> Action:
    bank = load_bank(root)
    return lambda: lint_bank(replace(bank))


def _lint_plain(root: Path) -> Action:
    bank = load_bank(root)
    return lambda: lint_plain(bank)


ROWS = {
    row.name: row
    for row in (
        Row("load", _load, _load_plain, "yaml CLoader + plain pydantic models"),
        Row("quiz 40", _quiz(40), _quiz_plain(40), "random.sample, 40 question dicts"),
        Row("quiz 1000", _quiz(1000), _quiz_plain(1000), "random.sample, 1000 question dicts"),
        Row("lint", _lint, _lint_plain, "fold every stem and key once"),
        Row("deck", deck_quizlib, deck_genanki, "genanki writing the same notes itself"),
        Row(
            "exam pdfs",
            exam_quizlib,
            exam_minimal,
            f"{VERSIONS} versions x {QUESTIONS}: a minimal Typst template",
            sized=False,
        ),
        Row(
            "canvas qti",
            qti12_quizlib,
            qti12_text2qti,
            "text2qti API, the same 40 questions",
            sized=False,
        ),
        Row(
            "history",
            history_quizlib,
            history_sqlite,
            f"{ANSWERS} answers: SQLite insert + commit each",
            sized=False,
        ),
        Row(
            "start-up cold",
            lambda root: lambda: first_paint(PRACTICE_APP),
            lambda root: lambda: first_paint(BARE_APP),
            "a bare Textual app showing one line",
            sized=False,
        ),
        Row(
            "start-up warm",
            lambda root: lambda: first_paint(PRACTICE_APP, warm=True),
            lambda root: lambda: first_paint(BARE_APP, warm=True),
            "the same; quizlib's bank cache filled",
            sized=False,
        ),
        Row(
            "feedback",
            lambda root: lambda: feedback_latency(SAMPLES).p95,
            lambda root: lambda: bare_latency(SAMPLES).p95,
            f"p95 of {SAMPLES} keys; bare app echoing a key",
            sized=False,
        ),
    )
}


def measure(action: Action, repeat: int) -> float:
    """The median of ``repeat`` timings of ``action``, in seconds."""
    times = []
    for _ in range(repeat):
        # What the last run built goes now, not in the middle of the next run's timing or on
        # top of its peak memory (a load pauses the collector).
        gc.collect()
        start = time.perf_counter()
        timed = action()
        elapsed = time.perf_counter() - start
        times.append(timed if isinstance(timed, float) else elapsed)
        del timed  # a bank built by this run must not sit beside the next one's peak
    return statistics.median(times)


def main(argv: list[str]) -> None:
    name, side, root, repeat = argv
    row = ROWS[name]
    action = (row.quizlib if side == "quizlib" else row.baseline)(Path(root))
    seconds = measure(action, int(repeat))
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kib() / 1024}))


def peak_kib() -> int:
    """This process's peak resident memory, in KiB.

    Linux's VmHWM starts afresh at exec; ru_maxrss does not (it keeps the high-water mark of the
    process that forked this one), so it is only the fallback where /proc is missing.
    """
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    (line,) = (line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1])


if __name__ == "__main__":
    main(sys.argv[1:])
