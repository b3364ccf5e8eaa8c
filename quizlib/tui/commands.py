"""Command palette entries (Ctrl+P): start a session, change mode, switch theme."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..practice import Mode

if TYPE_CHECKING:
    from .app import PracticeApp

__all__ = ["PracticeCommands"]


class PracticeCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: PracticeApp = self.app  # type: ignore[assignment]
        current = app.settings
        commands: list[tuple[str, str, Callable[[], object]]] = [
            (
                "Start a session",
                f"{current.mode.label}, {current.count} questions, as last chosen",
                partial(app.request_start, current),
            ),
            ("Home screen", "Choose topics, mode and length", app.request_home),
        ]
        for mode in Mode:
            commands.append(
                (
                    f"Mode: {mode.label}",
                    f"Start a {mode.label.lower()} session with the same topics and length",
                    partial(app.request_start, replace(current, mode=mode)),
                )
            )
        commands.append(
            (
                "Light or dark theme",
                "Switch between the two themes (Ctrl+T)",
                app.action_toggle_theme,
            )
        )
        return commands

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
