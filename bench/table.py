"""Running the rows at each size and printing them as one table, with the targets checked."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.rows import Row

__all__ = ["Result", "header", "line", "run_row"]

# The targets: load within 1.5× its baseline at every size; at 100k items, load in under
# 10 s and 1 GB and a 40-question quiz in under 1 s.
LOAD_RATIO = 1.5
BIG = 100_000
LOAD_SECONDS, LOAD_MB, QUIZ_SECONDS = 10.0, 1024.0, 1.0
# Issues 8 and 9: a 10k-item deck within 1.2× genanki alone; practice start-up within 1.3× a bare
# Textual app; feedback on screen within 50 ms of a key press for 95% of presses.
DECK_SIZE, DECK_RATIO = 10_000, 1.2
STARTUP_RATIO, FEEDBACK_P95 = 1.3, 0.050
EXAM_RATIO, EXAM_SECONDS = 1.1, 3.0  # issue 11: 100 versions of 40 questions to PDF
QTI_RATIO = 1.0  # issue 12: a Canvas QTI 1.2 zip no slower than text2qti's


@dataclass(frozen=True)
class Side:
    seconds: float
    peak_mb: float


@dataclass(frozen=True)
class Result:
    """A row's figures; a side is None when it ran over its time budget."""

    row: Row
    items: int
    quizlib: Side | None
    baseline: Side | None

    @property
    def ratio(self) -> float | None:
        if self.quizlib is None or self.baseline is None or self.baseline.seconds <= 0:
            return None
        return self.quizlib.seconds / self.baseline.seconds

    def target(self) -> str:
        """This row's targets at this size, each marked ok or MISS; empty when it has none."""
        quizlib, ratio = self.quizlib, self.ratio
        checks: list[tuple[str, bool]] = []
        # Over budget counts as missing every target.
        if self.row.name == "load":
            checks.append((f"≤{LOAD_RATIO}×", ratio is not None and ratio <= LOAD_RATIO))
            if self.items >= BIG:
                checks.append(
                    (
                        f"<{LOAD_SECONDS:.0f} s",
                        quizlib is not None and quizlib.seconds < LOAD_SECONDS,
                    )
                )
                checks.append(
                    (f"<{LOAD_MB / 1024:.0f} GB", quizlib is not None and quizlib.peak_mb < LOAD_MB)
                )
        if self.row.name == "quiz 40" and self.items >= BIG:
            checks.append(
                (f"<{QUIZ_SECONDS:.0f} s", quizlib is not None and quizlib.seconds < QUIZ_SECONDS)
            )
        if self.row.name == "deck" and self.items >= DECK_SIZE:
            checks.append((f"≤{DECK_RATIO}×", ratio is not None and ratio <= DECK_RATIO))
        if self.row.name == "exam pdfs":
            checks.append((f"≤{EXAM_RATIO}×", ratio is not None and ratio <= EXAM_RATIO))
            checks.append(
                (f"<{EXAM_SECONDS:.0f} s", quizlib is not None and quizlib.seconds < EXAM_SECONDS)
            )
        if self.row.name == "canvas qti":
            checks.append((f"≤{QTI_RATIO}×", ratio is not None and ratio <= QTI_RATIO))
        if self.row.name.startswith("start-up"):
            checks.append((f"≤{STARTUP_RATIO}×", ratio is not None and ratio <= STARTUP_RATIO))
        if self.row.name == "feedback":
            checks.append(
                (
                    f"p95 ≤{FEEDBACK_P95 * 1000:.0f} ms",
                    quizlib is not None and quizlib.seconds <= FEEDBACK_P95,
                )
            )
        return ", ".join(f"{label} {'ok' if passed else 'MISS'}" for label, passed in checks)


def run_row(row: Row, items: int, root: Path, repeat: int, budget: float) -> Result:
    return Result(
        row,
        items,
        _run_side(row, "quizlib", root, repeat, budget),
        _run_side(row, "baseline", root, repeat, budget),
    )


def _run_side(row: Row, side: str, root: Path, repeat: int, budget: float) -> Side | None:
    command = [sys.executable, "-m", "bench.rows", row.name, side, str(root), str(repeat)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=budget, check=True)
    except subprocess.TimeoutExpired:
        return None
    figures = json.loads(done.stdout.splitlines()[-1])
    return Side(float(figures["seconds"]), float(figures["peak_mb"]))


_COLUMNS = "{:>8}  {:<13} {:>10} {:>10} {:>8} {:>8} {:>8}  {:<26} {}"


def header() -> str:
    names = (
        "items",
        "row",
        "quizlib",
        "baseline",
        "ratio",
        "MB",
        "base MB",
        "target",
        "baseline is",
    )
    return _COLUMNS.format(*names)


def line(result: Result, *, sized: bool = True) -> str:
    def seconds(side: Side | None) -> str:
        return "over budget" if side is None else f"{side.seconds:.3f} s"

    def memory(side: Side | None) -> str:
        return "-" if side is None else f"{side.peak_mb:.0f}"

    ratio = result.ratio
    return _COLUMNS.format(
        f"{result.items:,}" if sized else "any",
        result.row.name,
        seconds(result.quizlib),
        seconds(result.baseline),
        "-" if ratio is None else f"{ratio:.2f}×",
        memory(result.quizlib),
        memory(result.baseline),
        result.target(),
        result.row.baseline_is,
    )
