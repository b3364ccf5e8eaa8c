"""Multiple choice and exam: options A–D, answered with 1–4, A–D, arrows and Enter, or a click."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from ...practice import Phase
from ..widgets.choices import LETTERS, ChoiceList
from .session import SessionScreen

__all__ = ["ChoiceScreen"]

_ANSWER = Binding.Group("Answer", compact=True)


class ChoiceScreen(SessionScreen, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                f"{n + 1},{LETTERS[n].lower()}",
                f"choose({n})",
                LETTERS[n],
                show=n < 4,
                key_display=str(n + 1),
                group=_ANSWER,
            )
            for n in range(len(LETTERS))
        ),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        *SessionScreen.BINDINGS,
    ]

    def compose_answer(self) -> ComposeResult:
        # Composed with the first question's options, not mounted again just after by ask().
        session = self.session
        yield ChoiceList([] if session.finished else session.current.options, id="choices")

    def ask(self) -> None:
        choices = self.query_one("#choices", ChoiceList)
        if choices.options is not self.session.current.options or choices.answered:
            choices.set_options(self.session.current.options)
        super().ask()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and not self.session.finished:
            (index,) = parameters  # true/false shows only 1 and 2
            return isinstance(index, int) and index < len(self.session.current.options)
        return super().check_action(action, parameters)

    def action_choose(self, index: int) -> None:
        if self.session.phase is not Phase.ASKING:
            return
        choices = self.query_one("#choices", ChoiceList)
        self.session.choose(index)
        if self.session.mode.gives_feedback:
            choices.reveal(self.session.current.key, index)
        self.after_answer()

    def action_enter(self) -> None:
        """Enter answers with the option under the cursor, then goes on to the next question."""
        if self.session.phase is Phase.ASKING:
            self.action_choose(self.query_one("#choices", ChoiceList).cursor)
        else:
            self.action_next()

    def action_move(self, delta: int) -> None:
        if self.session.phase is Phase.ASKING:
            self.query_one("#choices", ChoiceList).move(delta)
        else:  # after an answer the arrows scroll the feedback, as in any long text
            self.query_one("#body").scroll_relative(y=delta, animate=False)

    @on(ChoiceList.Chosen)
    def _clicked(self, event: ChoiceList.Chosen) -> None:
        if self.session.phase is Phase.ASKING:
            self.action_choose(event.index)
