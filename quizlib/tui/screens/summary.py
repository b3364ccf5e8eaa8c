"""The end of a session: score, accuracy, time, a table by topic and the missed questions."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, DataTable, Footer, Static

from ...bank import Bank
from ...practice import Session
from ...question import Question
from ..widgets.scoreboard import clock_text
from .base import PracticeScreen

if TYPE_CHECKING:
    pass

__all__ = ["SummaryScreen"]


class SummaryScreen(PracticeScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Retry missed"),
        Binding("n", "new", "New session"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, bank: Bank, session: Session) -> None:
        super().__init__()
        self.bank = bank
        self.session = session

    def compose(self) -> ComposeResult:
        session, score = self.session, self.session.score
        with VerticalScroll(id="summary"):
            yield Static(Content(self._heading()), id="summary-title")
            if score.accuracy is None:
                accuracy = "none answered"
            else:
                of_answered = " of those answered" if session.unanswered else ""
                accuracy = f"{score.accuracy:.0%}{of_answered}"
            yield Static(
                Content(
                    f"★ {score.points} points   ✓ {score.correct} of {session.total} right "
                    f"({accuracy})\nBest streak {score.best_streak}   "
                    f"Time {clock_text(session.elapsed)}"
                ),
                id="summary-score",
            )
            yield DataTable(id="by-topic", cursor_type="none", zebra_stripes=True)
            missed = session.missed
            yield Static(
                Content(f"Missed ({len(missed)})" if missed else "Nothing missed."),
                classes="heading",
            )
            for question in missed:
                yield Static(self._missed(question), classes="missed")
            if session.unanswered:
                yield Static(Content(f"Not answered: {len(session.unanswered)}"), classes="heading")
        with Horizontal(id="summary-buttons"):
            yield Button(
                "Retry missed (r)",
                id="retry",
                variant="primary",
                disabled=not (missed or session.unanswered),
                compact=True,
            )
            yield Button("New session (n)", id="new", compact=True)
            yield Button("Quit (q)", id="quit", variant="error", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#by-topic", DataTable)
        rows = self.session.by_topic()
        titles = [self.bank.topic_titles.get(row.topic, row.topic) for row in rows]
        table.add_column("Topic", width=max(len(t) for t in titles))
        table.add_columns("Right", "Asked", "Accuracy")
        for title, row in zip(titles, rows, strict=True):
            accuracy = f"{row.correct / row.answered:.0%}" if row.answered else "–"
            # Text, not str: a DataTable parses a str cell as markup.
            table.add_row(Text(title), row.correct, row.asked, accuracy)

    def _heading(self) -> str:
        if self.session.timed_out:
            return "Time is up"
        if self.session.unanswered:
            return "Session ended early"
        return "Session complete"

    def _missed(self, question: Question) -> Content:
        answer = self.session.answers[self.session.questions.index(question)]
        lines = [Content.assemble(("✗ ", "bold"), Content(question.stem))]
        if answer.response:
            lines.append(Content.assemble(("  Yours: ", "dim"), Content(answer.response)))
        lines.append(
            Content.assemble(
                ("  Answer: ", "bold"),
                (question.answer, "bold"),
                (f"  (¶{question.citation.paragraph})", "dim"),
            )
        )
        return Content("\n").join(lines)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return bool(self.session.missed or self.session.unanswered)
        return True

    @on(Button.Pressed, "#retry")
    def action_retry(self) -> None:
        if self.session.missed or self.session.unanswered:
            self.practice_app.show_session(self.session.retry_missed())

    @on(Button.Pressed, "#new")
    def action_new(self) -> None:
        self.practice_app.show_home()

    @on(Button.Pressed, "#quit")
    def _quit(self) -> None:
        self.practice_app.exit(0)
