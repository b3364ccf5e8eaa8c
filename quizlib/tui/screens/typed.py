"""Typed answer: an input box, checked forgivingly; a near miss shows what differed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from ...practice import Phase
from .session import SessionScreen

__all__ = ["TypedScreen"]

PLACEHOLDER = "Type the answer, then Enter (empty: show it)"


class TypedScreen(SessionScreen):
    def compose_answer(self) -> ComposeResult:
        yield Input(placeholder=PLACEHOLDER, id="typed")

    def ask(self) -> None:
        typed = self.query_one("#typed", Input)
        typed.value = ""
        typed.disabled = False
        super().ask()
        typed.focus()

    @on(Input.Submitted, "#typed")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.session.phase is not Phase.ASKING:
            return
        self.session.submit(event.value)
        # Disabled, the box gives up focus, so Enter and n reach the screen's "next".
        event.input.disabled = True
        self.after_answer()
