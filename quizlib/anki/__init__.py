"""Anki decks: one ``.apkg`` per bank, whose notes update in place when the bank improves.

``build_deck`` and ``write_deck`` (in :mod:`.package`) need genanki, which loads only when one
of them is first asked for: the CLI can offer ``--cards`` (from the light :mod:`.cards`) without
paying for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .cards import ALL_FACT_CARDS, FactCard

if TYPE_CHECKING:
    from .package import DeckReport, build_deck, write_deck

__all__ = ["ALL_FACT_CARDS", "DeckReport", "FactCard", "build_deck", "write_deck"]


def __getattr__(name: str) -> Any:
    if name in ("DeckReport", "build_deck", "write_deck"):
        from . import package

        return getattr(package, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
