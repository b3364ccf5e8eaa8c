"""What every screen of the practice app shares: typed access to the app it belongs to, and its
width class from the start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.types import NoActiveAppError

if TYPE_CHECKING:
    from ..app import PracticeApp

__all__ = ["PracticeScreen"]


class PracticeScreen(Screen[None]):
    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name, id, classes)
        # Textual gives a screen its width class (-narrow, -wide) when it is first sized, then
        # restyles every widget on it (some 10 ms for a session's screen, before its first
        # question shows). Given now, from the terminal's width, the class is there before
        # anything is styled and that restyle finds nothing to change; Textual still keeps the
        # class up to date on every resize.
        try:
            app = self.app
        except NoActiveAppError:
            return
        mine = self.HORIZONTAL_BREAKPOINTS  # Textual's rule: the screen's own, else the app's
        breakpoints = (app.HORIZONTAL_BREAKPOINTS if mine is None else mine) or []
        for width, class_name in sorted(breakpoints, reverse=True):
            if app.size.width >= width:
                self.add_class(class_name, update=False)
                break

    @property
    def practice_app(self) -> PracticeApp:
        return self.app  # type: ignore[return-value]
