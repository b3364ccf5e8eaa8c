"""The practice app: the home screen, sessions in each mode, and their summaries."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from ..bank import Bank
from ..errors import QuizlibError
from ..practice import AnswerListener, Clock, Mode, Session, Settings, start_session
from ..store import NEW_PER_DAY, SessionLog, agenda
from .screens.session import SessionScreen

if TYPE_CHECKING:
    from textual.command import Provider

# Screens other than the session's, and the palette's commands, are imported when first shown:
# start-up to the first question is the wait a learner notices.

__all__ = ["DARK_THEME", "LIGHT_THEME", "PracticeApp"]

DARK_THEME, LIGHT_THEME = "textual-dark", "textual-light"


def _practice_commands() -> type[Provider]:
    from .commands import PracticeCommands

    return PracticeCommands


class PracticeApp(App[int]):
    """Practise a bank: the home screen first, or with ``home=False`` a session at once.

    ``home`` defaults to whether ``settings`` were left out. ``clock`` and ``listeners`` go to
    every session (a hand-set clock for tests). With a ``history``, every answer is written to
    the review log as it is given, a session left before its end is offered for resuming, the
    Review mode asks what is due, and the Stats screen shows progress.
    """

    CSS_PATH = Path(__file__).parent / "quizlib.tcss"  # absolute: subclasses live elsewhere
    TITLE = "quizlib practice"
    COMMANDS = App.COMMANDS | {_practice_commands}
    # Narrow terminals stack the home screen's columns and hide the summary's buttons (the Footer
    # has the same keys). Textual annotates this as an instance variable, hence the noqa.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (70, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
        Binding("ctrl+s", "stats", "Stats", show=False),
        # Hidden: home and summary show q, a session shows Esc; the help screen lists Ctrl+Q.
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        bank: Bank,
        settings: Settings | None = None,
        *,
        home: bool | None = None,
        clock: Clock | None = None,
        listeners: Iterable[AnswerListener] = (),
        history: SessionLog | None = None,
        new_per_day: int = NEW_PER_DAY,
    ) -> None:
        super().__init__()
        self.bank = bank
        self.settings = settings or Settings()
        self.start_at_once = not home if home is not None else settings is not None
        self.clock = clock
        self.history = history
        self.new_per_day = new_per_day
        self.listeners: list[AnswerListener] = [*listeners]
        if history is not None:
            self.listeners.append(history)
        self.theme = DARK_THEME

    def on_mount(self) -> None:
        left = self.history.unfinished() if self.history else None
        if left is None:
            self._begin()
            return
        answered = len(left.given)
        minutes = max(0, round((self._now() - left.record.updated_at).total_seconds() / 60))
        ago = "just now" if minutes < 1 else f"{minutes} min ago"
        ago = f"{minutes // 60} h ago" if minutes >= 120 else ago

        from .screens.confirm import ConfirmScreen

        def answered_prompt(resume: bool | None) -> None:
            assert self.history is not None
            if resume:
                self.show_session(
                    self.history.resume(left, clock=self.clock, listeners=self.listeners),
                    resumed=True,
                )
            else:
                self.history.abandon(left)
                self._begin()

        self.push_screen(
            ConfirmScreen(
                "Resume your last session?",
                f"{left.mode.label}: {answered} of {len(left.questions)} answered, "
                f"{left.left} to go; you left {ago}.",
                "Resume",
                stay="New session",
                danger=False,
            ),
            answered_prompt,
        )

    def _begin(self) -> None:
        if not self.start_at_once and self.due_count():
            self.settings = replace(self.settings, mode=Mode.REVIEW)  # what is due comes first
        if self.start_at_once:
            self.start(self.settings)
        else:
            self.show_home()

    def _now(self) -> datetime:
        return self.clock.now() if self.clock else datetime.now(UTC)

    def due_count(self) -> int:
        """How many items the schedule says are due now (0 without a history)."""
        if self.history is None:
            return 0
        return len(agenda(self.bank, self.history.store, now=self._now(), new_per_day=0).due)

    # -- moving between screens --------------------------------------------------------------

    def start(self, settings: Settings) -> None:
        """Start a session as the learner chose (from the home screen, the palette or the CLI)."""
        self.settings = settings
        if settings.mode is Mode.REVIEW:
            reviewing = self._review_settings(settings)
            if reviewing is None:
                if len(self.screen_stack) == 1:
                    self.show_home()
                return
            settings = reviewing
        try:
            session = start_session(self.bank, settings, clock=self.clock, listeners=self.listeners)
        except QuizlibError as exc:
            self.notify(str(exc), title="Cannot start", severity="error")
            if len(self.screen_stack) == 1:
                self.show_home()
            return
        self.show_session(session)

    def _review_settings(self, settings: Settings) -> Settings | None:
        """The review's items (due, then new up to today's limit), or None with a message."""
        if self.history is None:
            self.notify("Review needs a history", title="Cannot start", severity="error")
            return None
        plan = agenda(self.bank, self.history.store, now=self._now(), new_per_day=self.new_per_day)
        chosen = [
            item_id
            for item_id in plan.items
            if not settings.topics or self.bank.item(item_id).topic in settings.topics
        ]
        if not chosen:
            self.notify(
                "Nothing is due, and today's new items are done. Come back tomorrow, or "
                "practise in another mode.",
                title="All caught up",
            )
            return None
        return replace(settings, items=tuple(chosen), count=len(chosen))

    def show_session(self, session: Session, *, resumed: bool = False) -> None:
        if self.history is not None and not resumed:
            # The plan is written once the question is on screen (a synced write the learner
            # need not wait for); the history writes it anyway before the first answer.
            self.history.begin(session, save=False)
            self.call_after_refresh(self.history.save_plan)
        screen: SessionScreen
        if session.mode is Mode.FLASHCARDS:
            from .screens.flashcard import FlashcardScreen

            screen = FlashcardScreen(self.bank, session)
        elif session.mode is Mode.TYPED:
            from .screens.typed import TypedScreen

            screen = TypedScreen(self.bank, session)
        else:
            from .screens.choice import ChoiceScreen

            screen = ChoiceScreen(self.bank, session)
        self._replace(screen)

    def show_summary(self, session: Session) -> None:
        from .screens.summary import SummaryScreen

        if self.history is not None:
            self.history.end()
        self._replace(SummaryScreen(self.bank, session))

    def show_home(self) -> None:
        from .screens.home import HomeScreen

        self._replace(HomeScreen(self.bank, self.settings))

    def _replace(self, screen: Screen[None]) -> None:
        # The default screen stays at the bottom of the stack; only the top one is replaced.
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @property
    def session_in_progress(self) -> bool:
        # Look down the stack: a dialog or the palette may be on top of the session.
        return any(
            isinstance(screen, SessionScreen) and not screen.session.finished
            for screen in self.screen_stack
        )

    def request_start(self, settings: Settings) -> None:
        """Start a session, after a confirm if one is in progress (palette commands)."""
        self._after_confirm(partial(self.start, settings), "Start a new session?", "Start")

    def request_home(self) -> None:
        self._after_confirm(self.show_home, "Leave this session?", "Leave")

    def _after_confirm(self, then: Callable[[], object], title: str, verb: str) -> None:
        if not self.session_in_progress:
            then()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                then()

        from .screens.confirm import ConfirmScreen

        lost = (
            "It is saved as you go: the next start offers to resume it."
            if self.history is not None
            else "The session in progress will be lost."
        )
        self.push_screen(ConfirmScreen(title, lost, verb), answered)

    # -- actions -----------------------------------------------------------------------------

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_stats(self) -> None:
        if self.history is None:
            self.notify("Stats need a history", severity="warning")
            return
        from .screens.stats import StatsScreen

        if not isinstance(self.screen, StatsScreen):
            self.push_screen(StatsScreen(self.bank, self.history.store, self._now()))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    async def action_quit(self) -> None:
        self._after_confirm(partial(self.exit, 0), "Quit quizlib?", "Quit")
