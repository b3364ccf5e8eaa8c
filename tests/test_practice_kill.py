"""A practice session killed with SIGKILL loses no answer it was given."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time

from quizlib.store import SessionLog, Store
from tests.tui_helpers import HONEYBEE, SEED, honeybee


def _wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def _logged(data_dir) -> int:
    with Store.open(data_dir) as store:
        return len(list(store.reviews()))


def test_sigkill_mid_session_keeps_every_answer_and_the_session_can_resume(tmp_path):
    leader, follower = pty.openpty()
    os.set_blocking(leader, False)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    command = [sys.executable, "-m", "quizlib", "practice", str(HONEYBEE)]
    command += ["--mode", "multiple-choice", "--count", "4", "--seed", str(SEED)]
    command += ["--data-dir", str(tmp_path)]
    app = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    try:
        # The keys are B, C, A, D (tests/tui_helpers.py): right, wrong, right.
        for given, key in enumerate(["2", "1", "1"], start=1):
            time.sleep(0.5)  # a person reads the question
            os.write(leader, key.encode())
            _wait_for(lambda n=given: _logged(tmp_path) == n)  # committed as it was given
            os.write(leader, b"n")
        app.send_signal(signal.SIGKILL)
        assert app.wait(timeout=30) == -signal.SIGKILL
    finally:
        if app.poll() is None:
            app.kill()
        os.close(leader)
    with Store.open(tmp_path) as store:
        assert store.recovered is None  # the file is whole, not moved aside as damaged
        logged = list(store.reviews())
        assert [r.correct for r in logged] == [True, False, True]
        left = SessionLog(store, honeybee().id).unfinished()
        assert left is not None and len(left.given) == 3 and left.left == 1
