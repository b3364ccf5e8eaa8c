"""What the practice app looks like: approve changes with `pytest --snapshot-update`, then look.

Every app here has a fixed seed and a hand-set clock, so the screens never change between runs.
"""

from __future__ import annotations

from quizlib.practice import Mode
from tests.tui_helpers import TYPED_SEED, make_app


def test_home(snap_compare):
    assert snap_compare(make_app(None), terminal_size=(80, 24))


def test_question(snap_compare):
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_feedback_after_a_wrong_answer(snap_compare):
    assert snap_compare(make_app(), press=["1"], terminal_size=(80, 24))


def test_summary(snap_compare):
    keys = ["2", "n", "3", "n", "2", "n", "4", "n"]
    assert snap_compare(make_app(), press=keys, terminal_size=(80, 24))


def test_question_at_40_by_12(snap_compare):
    assert snap_compare(make_app(), terminal_size=(40, 12))


def test_typed_near_miss(snap_compare):
    keys = [*"Wagle dance", "enter"]
    assert snap_compare(make_app(Mode.TYPED, seed=TYPED_SEED), press=keys, terminal_size=(80, 24))


def test_flashcard_revealed(snap_compare):
    assert snap_compare(make_app(Mode.FLASHCARDS), press=["space"], terminal_size=(80, 24))
