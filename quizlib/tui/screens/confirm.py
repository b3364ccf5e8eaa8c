"""A yes/no dialog: leave a session in progress, or take one up again."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

__all__ = ["ConfirmScreen"]


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "dismiss(True)", "Yes"),
        Binding("n,escape", "dismiss(False)", "No"),
    ]

    def __init__(
        self, title: str, detail: str, verb: str, *, stay: str = "Stay", danger: bool = True
    ) -> None:
        super().__init__(classes="dialog")
        self.title_text, self.detail, self.verb = title, detail, verb
        self.stay, self.danger = stay, danger

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self.title_text), id="dialog-title")
            yield Static(Content(self.detail))
            with Horizontal(id="dialog-buttons"):
                yield Button(
                    f"{self.verb} (y)",
                    id="yes",
                    variant="error" if self.danger else "primary",
                    compact=True,
                )
                yield Button(
                    f"{self.stay} (n)",
                    id="no",
                    variant="primary" if self.danger else "default",
                    compact=True,
                )

    def on_mount(self) -> None:
        # The safe choice has the focus: staying in a session, or taking one up again.
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
