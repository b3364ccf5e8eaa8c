"""Passages of a source: its numbered paragraphs, and spans of text within them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .text import fold_with_offsets

__all__ = ["Paragraph", "QuoteMatch"]


@dataclass(frozen=True)
class Paragraph:
    """One numbered paragraph of the source; ``line`` is where it starts in the file (1-based)."""

    number: int
    text: str
    line: int

    @cached_property
    def folded(self) -> tuple[str, list[int]]:
        return fold_with_offsets(self.text)


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote was found: a paragraph and the span of the quote in its text."""

    paragraph: Paragraph
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]
