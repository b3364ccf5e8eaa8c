"""Which items cite which paragraph of the source, and which paragraphs no item covers."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from .bank import Bank
from .source import Paragraph

__all__ = ["Coverage", "ParagraphCoverage", "coverage"]


@dataclass(frozen=True)
class ParagraphCoverage:
    paragraph: Paragraph
    item_ids: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    paragraphs: tuple[ParagraphCoverage, ...]

    def under(self, minimum: int) -> list[ParagraphCoverage]:
        """Paragraphs cited by fewer than ``minimum`` items."""
        return [p for p in self.paragraphs if len(p.item_ids) < minimum]

    def format(self, minimum: int = 1) -> str:
        lines = []
        for entry in self.paragraphs:
            paragraph = entry.paragraph
            opening = textwrap.shorten(paragraph.text, 70, placeholder=" …")
            lines.append(f"¶{paragraph.number} (line {paragraph.line}) {opening}")
            ids = ", ".join(entry.item_ids) if entry.item_ids else "no item cites it"
            lines += textwrap.wrap(
                f"{_items(len(entry.item_ids))}: {ids}",
                96,
                initial_indent="    ",
                subsequent_indent="    ",
            )
        short = self.under(minimum)
        lines.append("")
        if short:
            numbers = ", ".join(f"¶{p.paragraph.number}" for p in short)
            lines.append(
                f"{len(short)} of {len(self.paragraphs)} paragraphs cited by fewer than "
                f"{_items(minimum)}: {numbers}"
            )
        else:
            lines.append(f"every paragraph is cited by at least {_items(minimum)}")
        return "\n".join(lines)


def coverage(bank: Bank) -> Coverage:
    cited: dict[int, list[str]] = {p.number: [] for p in bank.source.paragraphs}
    for item in bank.items():
        cited[bank.citation(item).paragraph.number].append(item.id)
    return Coverage(
        tuple(ParagraphCoverage(p, tuple(cited[p.number])) for p in bank.source.paragraphs)
    )


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"
