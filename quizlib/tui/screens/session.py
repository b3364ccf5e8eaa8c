"""What every session screen shares: the scoreboard, the feedback, moving on and ending."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from ...bank import Bank
from ...practice import Phase, Session
from ..widgets.feedback import Feedback
from ..widgets.scoreboard import Scoreboard
from .base import PracticeScreen

__all__ = ["SessionScreen"]


class SessionScreen(PracticeScreen):
    """A session in progress. Subclasses compose the question and forward the mode's keys.

    A subclass with keys of its own sets ``inherit_bindings=False`` and lists its keys before
    these (``[*mine, *SessionScreen.BINDINGS]``), so the Footer shows the answer keys first.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *PracticeScreen.BINDINGS,
        # One "enter" binding per screen (a subclass's would replace it): modes route it.
        Binding("enter", "enter", "Next", show=False),
        Binding("n", "next", "Next", key_display="⏎/n"),
        Binding("escape", "end", "End"),
        Binding("pageup", "scroll(-1)", "Scroll up", show=False),
        Binding("pagedown", "scroll(1)", "Scroll down", show=False),
    ]

    def __init__(self, bank: Bank, session: Session) -> None:
        super().__init__(classes=f"session -{session.mode.value}")
        self.bank = bank
        self.session = session

    def compose(self) -> ComposeResult:
        yield Scoreboard(id="scoreboard")
        with VerticalScroll(id="body", can_focus=False):
            yield Static(id="topic")
            yield Static(id="stem")
            yield from self.compose_answer()
            yield Feedback(id="feedback")
        yield Footer()

    def compose_answer(self) -> ComposeResult:
        """The widgets the learner answers with (options, an input box…)."""
        yield from ()

    def on_mount(self) -> None:
        self.ask()
        # Once a second: the elapsed time on the scoreboard, and an exam's time limit.
        self.set_interval(1, self._tick)

    # -- showing the session -----------------------------------------------------------------

    def ask(self) -> None:
        """Show the current question, ready for an answer."""
        question = self.session.current
        topic = self.bank.topic_titles.get(question.topic, question.topic)
        self.query_one("#topic", Static).update(Content(f"{topic} · {question.difficulty.value}"))
        self.query_one("#stem", Static).update(Content(question.stem))
        self.query_one(Feedback).clear()
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)
        self.refresh_scoreboard()
        self.refresh_bindings()

    def show_feedback(self) -> None:
        """Show the verdict on the answer just given (never in an exam)."""
        feedback = self.query_one(Feedback)
        feedback.show(
            self.session.current,
            self.session.last_answer,
            self.session.last_match,
            points=self.session.last_points,
            letters=self.session.mode.has_options,
        )
        self.refresh_scoreboard()
        self.call_after_refresh(feedback.scroll_visible, animate=False, top=False)

    def refresh_scoreboard(self) -> None:
        self.query_one(Scoreboard).show(self.session)

    def after_answer(self) -> None:
        """Feedback, or (in an exam, which gives none) the next question or the summary."""
        if self.session.finished:
            self.practice_app.show_summary(self.session)
        elif self.session.phase is Phase.ANSWERED:
            self.show_feedback()
        else:
            self.ask()

    def _tick(self) -> None:
        if self.session.finished:
            return
        if self.session.tick():
            self.notify("Time is up.", title="Exam")
            self.practice_app.show_summary(self.session)
        else:
            self.refresh_scoreboard()

    # -- actions -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys depend on the mode, not on the phase: the Footer then stays as it is after an
        # answer (redrawing it costs about a third of the time to show the feedback), and the
        # actions ignore a key that does not fit the moment.
        if action == "next":
            return self.session.mode.gives_feedback
        return True

    def action_enter(self) -> None:
        self.action_next()

    def action_next(self) -> None:
        if self.session.phase is not Phase.ANSWERED:
            return
        self.session.next()
        if self.session.finished:
            self.practice_app.show_summary(self.session)
        else:
            self.ask()

    def action_scroll(self, pages: int) -> None:
        body = self.query_one("#body", VerticalScroll)
        if pages < 0:
            body.scroll_page_up()
        else:
            body.scroll_page_down()

    def action_end(self) -> None:
        """End the session early, after a confirm; the summary shows what was answered."""
        from .confirm import ConfirmScreen  # not needed before the first question is shown

        def answered(end: bool | None) -> None:
            if end:
                self.session.finish()
                self.practice_app.show_summary(self.session)

        left = self.session.total - len(self.session.answers)
        detail = "1 question is" if left == 1 else f"{left} questions are"
        self.app.push_screen(
            ConfirmScreen("End this session?", f"{detail} left unanswered.", "End"), answered
        )
