"""What every screen of the practice app shares: typed access to the app it belongs to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from ..app import PracticeApp

__all__ = ["PracticeScreen"]


class PracticeScreen(Screen[None]):
    @property
    def practice_app(self) -> PracticeApp:
        return self.app  # type: ignore[return-value]
