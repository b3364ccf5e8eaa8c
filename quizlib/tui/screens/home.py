"""The home screen: the bank, its topics with item counts, the mode, the length, Start."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
)

from ...bank import Bank
from ...practice import DEFAULT_COUNT, Mode, Settings
from .base import PracticeScreen

if TYPE_CHECKING:
    pass

__all__ = ["TIME_LIMITS", "HomeScreen"]

TIME_LIMITS = (0, 5, 10, 15, 30)  # minutes; 0 is none
MAX_COUNT = 100


class HomeScreen(PracticeScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start", "Start"),
        Binding("m", "next_mode", "Mode"),
        Binding("t", "app.stats", "Stats"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, bank: Bank, settings: Settings) -> None:
        super().__init__()
        self.bank = bank
        self.settings = settings

    def compose(self) -> ComposeResult:
        bank, meta = self.bank, self.bank.source.meta
        counts = Counter(item.topic for item in bank.items())
        total = sum(counts.values())
        with VerticalScroll(id="home"):
            yield Static(Content(bank.title), id="bank-title")
            # The bank is usually named after its article: say the title once.
            named = "" if meta.title == bank.title else f" “{meta.title}”"
            by = f" by {meta.author}" if meta.author else ""
            due = self.practice_app.due_count()
            yield Static(
                Content(
                    f"Source: the {meta.kind}{named}{by}, {len(bank.source.paragraphs)} "
                    f"paragraphs · {total} items to practise"
                    + (f" · {due} due for review" if due else "")
                ),
                id="bank-source",
            )
            with Horizontal(id="columns"):
                with Vertical(id="topics-column"):
                    yield Label("Topics  (none ticked: all, balanced)", classes="heading")
                    yield SelectionList[str](
                        *(
                            (f"{t.title} ({counts[t.id]})", t.id, t.id in self.settings.topics)
                            for t in bank.topics
                        ),
                        id="topics",
                        compact=True,
                    )
                with Vertical(id="options-column"):
                    yield Label("Mode", classes="heading")
                    with RadioSet(id="mode", compact=True):
                        for mode in Mode:
                            yield RadioButton(
                                mode.label, value=mode is self.settings.mode, name=mode.value
                            )
                    with Horizontal(classes="field"):
                        yield Label("Questions", classes="field-label")
                        yield Input(
                            str(self.settings.count or DEFAULT_COUNT),
                            type="integer",
                            max_length=3,
                            id="count",
                            compact=True,
                        )
                    with Horizontal(classes="field"):
                        yield Label("Exam time", classes="field-label")
                        limit = int(self.settings.time_limit or 0)
                        yield Select(
                            [(f"{m} min" if m else "no limit", m) for m in TIME_LIMITS],
                            value=limit if limit in TIME_LIMITS else 0,
                            allow_blank=False,
                            id="time-limit",
                            compact=True,
                        )
                    yield Button("Start", id="start", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self._sync_time_limit()
        self.query_one("#start", Button).focus()

    def chosen(self) -> Settings:
        """The settings as the form stands."""
        topics = tuple(self.query_one("#topics", SelectionList).selected)
        pressed = self.query_one("#mode", RadioSet).pressed_button
        mode = Mode(pressed.name) if pressed is not None and pressed.name else Mode.MULTIPLE_CHOICE
        try:
            count = min(max(int(self.query_one("#count", Input).value), 1), MAX_COUNT)
        except ValueError:
            count = DEFAULT_COUNT
        limit = self.query_one("#time-limit", Select).value
        return Settings(
            mode=mode,
            topics=topics,
            count=count,
            seed=self.settings.seed,
            time_limit=float(limit) if isinstance(limit, int) and limit else None,
        )

    def _sync_time_limit(self) -> None:
        pressed = self.query_one("#mode", RadioSet).pressed_button
        exam = pressed is not None and pressed.name == Mode.EXAM.value
        self.query_one("#time-limit", Select).disabled = not exam

    @on(RadioSet.Changed, "#mode")
    def _mode_changed(self) -> None:
        self._sync_time_limit()

    @on(Button.Pressed, "#start")
    @on(Input.Submitted, "#count")
    def action_start(self) -> None:
        self.practice_app.start(self.chosen())

    def action_next_mode(self) -> None:
        buttons = list(self.query(RadioButton))
        pressed = self.query_one("#mode", RadioSet).pressed_index
        buttons[(pressed + 1) % len(buttons)].value = True
