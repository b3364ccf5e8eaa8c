"""The practice app with a history: answers kept across runs, review of what is due, resume."""

from __future__ import annotations

from datetime import timedelta

from textual.pilot import Pilot
from textual.widgets import DataTable, Sparkline, Static

from quizlib.practice import ManualClock, Mode
from quizlib.store import SessionLog, Store
from quizlib.tui.screens.choice import ChoiceScreen
from quizlib.tui.screens.confirm import ConfirmScreen
from quizlib.tui.screens.home import HomeScreen
from quizlib.tui.screens.session import SessionScreen
from quizlib.tui.screens.stats import StatsScreen
from quizlib.tui.screens.summary import SummaryScreen
from tests.tui_helpers import honeybee, make_app, play

# With the honeybee bank's seed, multiple choice asks keys B, C, A, D (see tests/tui_helpers.py).
RIGHT = ["2", "3", "1", "4"]


def _history(tmp_path, clock):
    return SessionLog(Store.open(tmp_path, clock=clock, fuzz=False), honeybee().id)


def test_answers_in_one_run_are_history_due_items_and_stats_in_the_next(tmp_path):
    clock = ManualClock()
    first = _history(tmp_path, clock)
    app = make_app(Mode.MULTIPLE_CHOICE, clock=clock, history=first)

    async def answer_all(pilot: Pilot[int]) -> None:
        for key in RIGHT[:3]:
            await pilot.press(key, "n")
        await pilot.press("1", "n")  # the fourth wrong: its item is due again within minutes
        assert isinstance(pilot.app.screen, SummaryScreen)

    play(app, answer_all)
    first.store.close()

    clock.advance(timedelta(days=3).total_seconds())
    second = _history(tmp_path, clock)
    logged = list(second.store.reviews(honeybee().id))
    assert [r.correct for r in logged] == [True, True, True, False]
    assert all(r.session_id == logged[0].session_id and r.duration_ms is not None for r in logged)
    app = make_app(None, clock=clock, history=second)

    async def come_back(pilot: Pilot[int]) -> None:
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        assert app.settings.mode is Mode.REVIEW  # items are due: review comes first
        assert "4 due for review" in str(home.query_one("#bank-source", Static).visual)
        await pilot.press("t")
        stats = pilot.app.screen
        assert isinstance(stats, StatsScreen)
        table = stats.query_one(DataTable)
        overall = [str(cell) for cell in table.get_row_at(table.row_count - 1)]
        assert overall[3] == f"4/{len(list(honeybee().items()))}" and overall[4] == "75%"
        assert overall[5] == "4"  # all four due today, three days on
        assert list(stats.query_one(Sparkline).data or [])[-4] == 4  # three days ago
        await pilot.press("escape", "s")  # back home, start the review
        screen = pilot.app.screen
        assert isinstance(screen, ChoiceScreen) and screen.session.mode is Mode.REVIEW
        asked = {q.item_id for q in screen.session.questions}
        seen = {r.item_id for r in logged}
        assert seen <= asked  # every due item, then new ones up to the daily limit
        unseen = {item.id for item in honeybee().items()} - seen
        assert asked - seen <= unseen

    play(app, come_back)
    second.store.close()


def test_quitting_mid_session_offers_to_resume_where_it_was_left(tmp_path):
    clock = ManualClock()
    history = _history(tmp_path, clock)
    app = make_app(Mode.MULTIPLE_CHOICE, clock=clock, history=history)

    async def answer_two_and_quit(pilot: Pilot[int]) -> None:
        await pilot.press(RIGHT[0], "n", RIGHT[1], "n")
        await pilot.press("ctrl+q")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("y")

    play(app, answer_two_and_quit)
    clock.advance(600)
    app = make_app(None, clock=clock, history=history)

    async def resume(pilot: Pilot[int]) -> None:
        prompt = pilot.app.screen
        assert isinstance(prompt, ConfirmScreen)
        assert "2 of 4 answered, 2 to go; you left 10 min ago" in prompt.detail
        await pilot.press("y")
        screen = pilot.app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.session.position == 3 and screen.session.score.correct == 2
        await pilot.press(RIGHT[2], "n", RIGHT[3], "n")
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert pilot.app.screen.session.score.correct == 4

    play(app, resume)
    assert len(list(history.store.reviews())) == 4
    assert history.unfinished() is None  # finished: not offered again
    history.store.close()


def test_choosing_a_new_session_instead_drops_the_old_one(tmp_path):
    clock = ManualClock()
    history = _history(tmp_path, clock)
    app = make_app(Mode.MULTIPLE_CHOICE, clock=clock, history=history)

    async def answer_one_and_quit(pilot: Pilot[int]) -> None:
        await pilot.press(RIGHT[0], "n", "ctrl+q", "y")

    play(app, answer_one_and_quit)
    app = make_app(None, clock=clock, history=history)

    async def decline(pilot: Pilot[int]) -> None:
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(pilot.app.screen, HomeScreen)

    play(app, decline)
    assert history.unfinished() is None
    assert len(list(history.store.reviews())) == 1  # the answer given is kept
    history.store.close()


def test_review_with_nothing_due_says_so(tmp_path):
    clock = ManualClock()
    history = _history(tmp_path, clock)
    app = make_app(Mode.REVIEW, clock=clock, history=history)
    app.new_per_day = 0

    async def nothing(pilot: Pilot[int]) -> None:
        assert isinstance(pilot.app.screen, HomeScreen)

    play(app, nothing)
    history.store.close()


def test_the_plan_is_saved_once_the_first_question_is_shown(tmp_path):
    clock = ManualClock()
    history = _history(tmp_path, clock)
    app = make_app(Mode.MULTIPLE_CHOICE, clock=clock, history=history)

    async def look(pilot: Pilot[int]) -> None:
        assert isinstance(pilot.app.screen, ChoiceScreen)
        saved = history.store.unfinished_session(honeybee().id)
        assert saved is not None and saved.id == history.session_id
        assert len(saved.plan["questions"]) == pilot.app.screen.session.total

    play(app, look)
