"""Options labelled A–D: a cursor for the arrow keys, a click to answer, colours for the verdict."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

__all__ = ["LETTERS", "Choice", "ChoiceList"]

LETTERS = "ABCDE"


class Choice(Horizontal):
    """One option: its letter and its text (wrapped with a hanging indent)."""

    def __init__(self, index: int, text: str) -> None:
        super().__init__(classes="choice -cursor" if index == 0 else "choice")
        self.index = index
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(f" {LETTERS[self.index]} ", classes="letter")
        yield Static(Content(self.text), classes="option")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(ChoiceList.Chosen(self.index))


class ChoiceList(Vertical):
    class Chosen(Message):
        """The learner picked an option (by click; keys go through the screen's bindings)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    cursor: reactive[int] = reactive(0)

    def __init__(self, options: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = options
        self.answered = False

    def compose(self) -> ComposeResult:
        for index, text in enumerate(self.options):
            yield Choice(index, text)

    def set_options(self, options: list[str]) -> None:
        """Show a new question's options, the cursor on A and no verdict colours."""
        self.options = options
        self.answered = False
        self.set_reactive(ChoiceList.cursor, 0)
        self.remove_children()
        self.mount_all(Choice(index, text) for index, text in enumerate(options))

    def watch_cursor(self, cursor: int) -> None:
        for choice in self.query(Choice):
            on_it = choice.index == cursor and not self.answered
            choice.set_class(on_it, "-cursor")
            if on_it:
                choice.scroll_visible(animate=False)  # a small terminal may not show them all

    def move(self, delta: int) -> None:
        self.cursor = (self.cursor + delta) % len(self.options)

    def reveal(self, key: int | None, chosen: int | None) -> None:
        """Mark the right option, and the chosen one if it was wrong."""
        self.answered = True
        for choice in self.query(Choice):
            choice.set_class(False, "-cursor")
            choice.set_class(choice.index == key, "-correct")
            choice.set_class(choice.index == chosen and chosen != key, "-wrong")
            choice.set_class(choice.index not in (key, chosen), "-faded")
