"""Work shared with a forked child gives exactly the results of doing it all in one process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quizlib.forked import ForkedMap

ROOT = Path(__file__).resolve().parent.parent
CANNOT_FORK = 77


@pytest.mark.parametrize(
    "check",
    [
        "results_in_order",
        "results_when_the_child_fails",
        "results_when_the_child_dies",
        "child_reaped_when_not_asked",
        "deck_notes_alike",
    ],
)
def test_in_a_process_of_one_thread(check):
    done = subprocess.run(
        [sys.executable, "-m", "tests.forked_checks", check],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode == CANNOT_FORK:
        pytest.skip("no fork here: not Linux, or a single CPU")
    assert done.returncode == 0, done.stderr


def test_small_work_stays_in_this_process():
    with ForkedMap(lambda n: n * n, range(10)) as shared:
        assert not shared.forked
        assert shared.results() == [n * n for n in range(10)]
