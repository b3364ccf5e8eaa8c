"""The keys, mode by mode (`?`)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["KEYS", "HelpScreen"]

KEYS = [
    ("Home", "Tab moves; Space ticks a topic or picks a mode; s or Start begins"),
    ("Multiple choice, exam", "1–4 or A–D, or ↑ ↓ and Enter, or click an option"),
    ("Flashcards", "Space shows the answer; rate recall 1 Again, 2 Hard, 3 Good, 4 Easy"),
    ("Typed answer", "type, then Enter; an empty answer shows the answer"),
    ("After an answer", "Enter or n: next question; PgUp/PgDn scroll"),
    ("In a session", "Esc ends it; the summary shows what you answered"),
    ("Summary", "r retry the missed ones, n new session, q quit"),
    ("Anywhere", "? this help, Ctrl+P commands, Ctrl+T light/dark, Ctrl+Q quit"),
]
NOTES = (
    "Typed answers ignore case, punctuation, accents and articles, accept the item's other "
    "names, and forgive one typo in answers of 5–9 letters and two in longer ones (never in "
    "numbers). An exam shows no score until the end."
)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static("Keys", id="help-title")
            for where, keys in KEYS:
                yield Static(Content(where), classes="help-where")
                yield Static(Content(keys), classes="help-keys")
            yield Static(Content(NOTES), id="help-notes")
