"""The practice app, played with keys and the mouse through Textual's Pilot."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from quizlib.practice import Answer, ManualClock, Mode, Phase, Rating
from quizlib.tui import PracticeApp
from quizlib.tui.app import DARK_THEME, LIGHT_THEME
from quizlib.tui.screens.choice import ChoiceScreen
from quizlib.tui.screens.confirm import ConfirmScreen
from quizlib.tui.screens.flashcard import FlashcardScreen
from quizlib.tui.screens.help import HelpScreen
from quizlib.tui.screens.home import HomeScreen
from quizlib.tui.screens.session import SessionScreen
from quizlib.tui.screens.summary import SummaryScreen
from quizlib.tui.screens.typed import TypedScreen
from quizlib.tui.widgets.choices import Choice
from quizlib.tui.widgets.feedback import Feedback
from tests.tui_helpers import TYPED_SEED, make_app, play


def text(pilot: Pilot[int], selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).visual)


def session_screen(pilot: Pilot[int]) -> SessionScreen:
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    return screen


def summary_text(pilot: Pilot[int]) -> str:
    screen = pilot.app.screen
    assert isinstance(screen, SummaryScreen)
    return "\n".join(str(s.visual) for s in screen.query(Static) if s.display)


def test_multiple_choice_with_keys():
    log: list[Answer] = []
    app = make_app(listeners=[log.append])

    async def scenario(pilot: Pilot[int]) -> None:
        screen = session_screen(pilot)
        session = screen.session
        assert isinstance(screen, ChoiceScreen)
        assert "Question 1 of 4" in text(pilot, "#position")
        assert not screen.query_one(Feedback).display

        await pilot.press("2")  # B, right
        feedback = screen.query_one(Feedback)
        assert feedback.display and feedback.has_class("-correct")
        assert text(pilot, "#verdict") == "✓ Correct  +10 points"
        assert text(pilot, "#quote").endswith("¶3")
        assert "Karl von Frisch described the dance" in text(pilot, "#quote")
        assert "10 pts" in text(pilot, "#stats") and "Streak 1 (best 1)" in text(pilot, "#stats")

        await pilot.press("n", "c")  # letters work too: C, right
        assert session.score.points == 22
        await pilot.press("enter", "down", "enter")  # the cursor to B and Enter: wrong (A)
        assert session.last_answer is not None and not session.last_answer.correct
        assert feedback.has_class("-wrong")
        assert "The answer: A. Physiology or Medicine" in text(pilot, "#right-answer")
        choices = list(screen.query(Choice))
        assert choices[0].has_class("-correct") and choices[1].has_class("-wrong")
        assert "Streak 0 (best 2)" in text(pilot, "#stats")
        assert "2/3 right (67%)" in text(pilot, "#stats")

        await pilot.press("5")  # no fifth option, and already answered: ignored
        await pilot.press("enter", "4", "enter")
        assert isinstance(pilot.app.screen, SummaryScreen)
        shown = summary_text(pilot)
        assert "Session complete" in shown
        assert "★ 32 points" in shown and "3 of 4 right (75%)" in shown
        assert "Best streak 2" in shown and "Time 00:00" in shown
        assert "Missed (1)" in shown and "In which field was the Nobel Prize" in shown
        assert "Answer: Physiology or Medicine  (¶3)" in shown
        table = pilot.app.screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert sorted(rows) == [
            ["Its discovery", "1", "2", "50%"],
            ["The waggle dance", "2", "2", "100%"],
        ]

        await pilot.press("r")  # retry the missed one
        retry = session_screen(pilot).session
        assert [q.item_id for q in retry.questions] == ["nobel-field"]
        await pilot.press("1", "n")
        assert "Nothing missed." in summary_text(pilot)
        await pilot.press("q")

    play(app, scenario)
    assert app.return_value == 0
    assert [a.correct for a in log] == [True, True, False, True, True]
    assert [a.choice for a in log] == [1, 2, 1, 3, 0]


def test_multiple_choice_with_the_mouse():
    app = make_app()

    async def scenario(pilot: Pilot[int]) -> None:
        screen = session_screen(pilot)
        for right in (1, 2, 0, 3):
            choices = list(screen.query(Choice))
            wrong = (right + 1) % 4
            await pilot.click(choices[wrong if right == 0 else right])
            assert screen.session.phase is Phase.ANSWERED
            await pilot.press("n")
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert screen.session.score.correct == 3
        assert screen.session.score.best_streak == 2
        await pilot.click("#quit")

    play(app, scenario)
    assert app.return_value == 0


def test_flashcards_reveal_and_rate():
    log: list[Answer] = []
    app = make_app(Mode.FLASHCARDS, listeners=[log.append])

    async def scenario(pilot: Pilot[int]) -> None:
        screen = session_screen(pilot)
        assert isinstance(screen, FlashcardScreen)
        await pilot.press("3")  # rating before the answer is shown: ignored
        assert not log
        assert "_____" in text(pilot, "#stem")  # a cloze: the answer blanked
        await pilot.press("space")
        assert screen.session.phase is Phase.REVEALED
        assert text(pilot, "#verdict") == "Answer: Karl von Frisch"
        assert "¶3" in text(pilot, "#quote")
        await pilot.press("4", "space", "2", "enter", "1", "space", "3")
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert [a.rating for a in log] == [Rating.EASY, Rating.HARD, Rating.AGAIN, Rating.GOOD]
        score = screen.session.score
        assert (score.points, score.correct, score.streak, score.best_streak) == (25, 3, 1, 2)
        assert "Missed (1)" in summary_text(pilot)

    play(app, scenario)


def test_typed_answers_forgive_a_typo_and_show_a_near_miss():
    app = make_app(Mode.TYPED, seed=TYPED_SEED)

    async def scenario(pilot: Pilot[int]) -> None:
        screen = session_screen(pilot)
        assert isinstance(screen, TypedScreen)
        box = screen.query_one("#typed", Input)
        assert box.has_focus
        await pilot.press(*"Wagle dance", "enter")  # a typo in a longer answer
        assert text(pilot, "#verdict") == "✓ Correct, with a typo  +10 points"
        assert text(pilot, "#diff") == "You typed: wag␣le dance\nSpelled:   waggle dance"
        assert box.disabled
        await pilot.press("n")  # goes to the screen, not into the box
        assert box.value == "" and box.has_focus
        await pilot.press(*"physiology or medicine", "enter", "enter")
        await pilot.press(*"1974", "enter")  # digits are never forgiven
        assert text(pilot, "#verdict") == "✗ Not quite"
        assert text(pilot, "#right-answer") == "The answer: 1973"
        assert "1974" in text(pilot, "#diff")
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, SummaryScreen)
        score = screen.session.score
        assert (score.points, score.correct, score.best_streak) == (22, 2, 2)  # a streak bonus
        assert "Yours: 1974" in summary_text(pilot)

    play(app, scenario)


def test_exam_gives_no_feedback_until_the_summary():
    app = make_app(Mode.EXAM)

    async def scenario(pilot: Pilot[int]) -> None:
        screen = session_screen(pilot)
        await pilot.press("2")
        assert not screen.query_one(Feedback).display
        assert screen.session.position == 2
        assert "pts" not in text(pilot, "#stats") and "Answered 1 of 4" in text(pilot, "#stats")
        await pilot.press("3", "2", "4")
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert screen.session.score.correct == 3
        assert "Missed (1)" in summary_text(pilot)

    play(app, scenario)


def test_an_exam_time_limit_ends_it_at_the_summary():
    clock = ManualClock()
    app = make_app(Mode.EXAM, time_limit=1, clock=clock)

    async def scenario(pilot: Pilot[int]) -> None:
        screen = session_screen(pilot)
        assert "01:00 left" in text(pilot, "#stats")
        await pilot.press("2")
        clock.advance(61)
        screen._tick()  # what the once-a-second timer does
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
        shown = summary_text(pilot)
        assert "Time is up" in shown and "Not answered: 3" in shown

    play(app, scenario)


def test_home_screen_starts_a_session_as_chosen():
    app = make_app(None)

    async def scenario(pilot: Pilot[int]) -> None:
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        assert text(pilot, "#bank-title") == "How Honeybees Share Directions"
        assert "3 paragraphs · 7 items" in text(pilot, "#bank-source")
        topics = home.query_one("#topics")
        assert "The waggle dance (4)" in str(topics.get_option_at_index(0).prompt)  # type: ignore[attr-defined]
        await pilot.click("#topics", offset=(4, 1))  # tick "Its discovery"
        await pilot.press("m", "m")  # multiple choice -> flashcards -> typed
        count = home.query_one("#count", Input)
        count.value = "2"
        await pilot.press("s")
        screen = session_screen(pilot)
        assert isinstance(screen, TypedScreen)
        assert screen.session.total == 2
        assert {q.topic for q in screen.session.questions} == {"discovery"}

    play(app, scenario)


def test_quitting_or_ending_a_session_in_progress_asks_first():
    app = make_app()

    async def scenario(pilot: Pilot[int]) -> None:
        await pilot.press("2", "ctrl+q")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(pilot.app.screen, ChoiceScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("y")
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert "Session ended early" in summary_text(pilot)
        assert "Not answered: 3" in summary_text(pilot)
        await pilot.press("ctrl+q")  # nothing in progress now: no question asked

    play(app, scenario)
    assert app.return_value == 0


def test_help_theme_and_command_palette():
    app = make_app(None)

    async def scenario(pilot: Pilot[int]) -> None:
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, HomeScreen)
        assert pilot.app.theme == DARK_THEME
        await pilot.press("ctrl+t")
        assert pilot.app.theme == LIGHT_THEME
        await pilot.press("ctrl+p", *"Mode: Flash")
        await pilot.pause(0.3)  # the palette searches in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, FlashcardScreen)
        await pilot.press("ctrl+p", *"Start a session")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)  # one is in progress

    play(app, scenario)


@pytest.mark.parametrize("mode", [m for m in Mode if m is not Mode.REVIEW])
def test_every_mode_is_playable_at_40_by_12(mode):
    # Review mode needs a history; tests/test_tui_history.py plays it.
    app = make_app(mode)
    keys = {
        Mode.MULTIPLE_CHOICE: ["down", "enter", "pagedown", "enter"],
        Mode.EXAM: ["1"],
        Mode.FLASHCARDS: ["space", "3"],
        Mode.TYPED: [*"frisch", "enter", "enter"],
    }[mode]

    async def scenario(pilot: Pilot[int]) -> None:
        screen = session_screen(pilot)
        for _ in range(screen.session.total):
            await pilot.press(*keys)
        assert isinstance(pilot.app.screen, SummaryScreen)
        await pilot.press("question_mark", "escape", "r")

    play(app, scenario, size=(40, 12))


def test_a_bank_without_questions_for_the_mode_opens_home_with_a_message(make_bank):
    from quizlib.load import load_bank
    from quizlib.practice import Settings

    app = PracticeApp(load_bank(make_bank(items="facts: []\n")), Settings(), home=False)

    async def scenario(pilot: Pilot[int]) -> None:
        assert isinstance(pilot.app.screen, HomeScreen)
        assert any("no questions" in str(n.message) for n in pilot.app._notifications)

    play(app, scenario)
