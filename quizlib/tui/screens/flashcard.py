"""Flashcards: the prompt; Space shows the answer; the learner rates recall 1–4."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from ...practice import Phase, Rating
from ..widgets.feedback import Feedback
from .session import SessionScreen

__all__ = ["FlashcardScreen"]

_RATE = Binding.Group("Rate", compact=True)
RATE_HINT = "How well did you recall it?  1 Again   2 Hard   3 Good   4 Easy"


class FlashcardScreen(SessionScreen, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Show answer", key_display="space"),
        *(
            Binding(
                str(r.value), f"rate({r.value})", r.label, key_display=str(r.value), group=_RATE
            )
            for r in Rating
        ),
        *SessionScreen.BINDINGS,
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return False  # rating a card moves on
        return super().check_action(action, parameters)

    def action_enter(self) -> None:
        self.action_reveal()

    def action_reveal(self) -> None:
        if self.session.phase is not Phase.ASKING:
            return
        self.session.reveal()
        feedback = self.query_one(Feedback)
        feedback.show(self.session.current, None, hint=RATE_HINT)
        self.call_after_refresh(feedback.scroll_visible, animate=False, top=False)

    def action_rate(self, value: int) -> None:
        if self.session.phase is not Phase.REVEALED:
            return
        self.session.rate(Rating(value))
        if self.session.finished:
            self.practice_app.show_summary(self.session)
        else:
            self.ask()
