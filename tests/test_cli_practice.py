"""`quizlib practice`: the bundled bank by default, a session at once with any option."""

from __future__ import annotations

import argparse
import asyncio

import pytest
from textual.widgets import Static

from quizlib import cli
from quizlib.commands import practice as practice_command
from quizlib.practice import Mode
from quizlib.resources import bundled_bank_dir
from quizlib.tui import PracticeApp
from quizlib.tui.screens.flashcard import FlashcardScreen
from quizlib.tui.screens.home import HomeScreen
from tests.tui_helpers import HONEYBEE


@pytest.fixture
def launched(monkeypatch):
    """Run `quizlib practice` headless: what the app showed first, and the app itself."""
    seen: list[tuple[PracticeApp, object]] = []

    def run_headless(self: PracticeApp) -> int:
        async def main() -> None:
            async with self.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                seen.append((self, self.screen))
                # What a person would see first (read while the app runs).
                seen.append((self, [str(w.visual) for w in self.screen.query(Static)]))

        asyncio.run(main())
        return 0

    monkeypatch.setattr(practice_command, "has_terminal", lambda: True)
    monkeypatch.setattr(PracticeApp, "run", run_headless)
    return seen


def test_practice_with_no_argument_opens_home_on_the_bundled_bank(run_cli, launched):
    code, _, err = run_cli("practice")
    assert (code, err) == (0, "")
    (app, screen), (_, shown) = launched
    assert app.bank.root == bundled_bank_dir()
    assert isinstance(screen, HomeScreen)
    assert "Pakistan-Russian Strategic Volte-Face" in shown


def test_any_option_starts_a_session_at_once(run_cli, launched):
    code, _, _ = run_cli(
        "practice",
        HONEYBEE,
        "--mode",
        "flashcards",
        "--topic",
        "discovery",
        "--count",
        "2",
        "--seed",
        "5",
    )
    assert code == 0
    (_, screen), _ = launched
    assert isinstance(screen, FlashcardScreen)
    assert screen.session.total == 2
    assert {q.topic for q in screen.session.questions} == {"discovery"}


def test_a_time_limit_alone_starts_an_exam_clock(run_cli, launched):
    run_cli("practice", HONEYBEE, "--mode", "exam", "--time-limit", "5", "--seed", "1")
    (_, screen), _ = launched
    assert screen.session.time_limit == 300


def test_unknown_topic_fails_before_the_app_starts(run_cli, launched):
    code, _, err = run_cli("practice", HONEYBEE, "--topic", "nope")
    assert code == 2 and "unknown topic 'nope'" in err and "dance, discovery" in err
    assert not launched


def test_practice_needs_a_terminal(run_cli):
    code, _, err = run_cli("practice", HONEYBEE)
    assert code == 2 and "needs a terminal" in err


def test_mode_choices_are_the_modes():
    parser = cli.build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    practice = sub.choices["practice"]
    (mode,) = [a for a in practice._actions if a.dest == "mode"]
    assert mode.choices == [m.value for m in Mode]
