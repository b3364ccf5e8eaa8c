"""A loaded bank: its declaration, its source, and its validated items."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .enemies import EnemyFinder, declared_enemies
from .model import BankFile, Concept, Fact, Topic
from .sentences import sentence_index, sentence_starts
from .source import QuoteMatch, Source

__all__ = ["Bank", "Item", "Location", "unknown_topic"]

Item = Fact | Concept


def unknown_topic(topics: Iterable[str], declared: Sequence[str]) -> str | None:
    """The message for the first of ``topics`` not ``declared``, or None if all are."""
    unknown = [topic for topic in topics if topic not in declared]
    if not unknown:
        return None
    return f"unknown topic {unknown[0]!r}; the bank's topics are: {', '.join(declared)}"


@dataclass(frozen=True)
class Location:
    """Where an item is written: its file and the 1-based line of its ``id``."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Bank:
    """A validated bank. Every item's quote occurs exactly once in ``source``."""

    root: Path
    info: BankFile
    source: Source
    facts: tuple[Fact, ...]
    concepts: tuple[Concept, ...]
    locations: dict[str, Location] = field(default_factory=dict, compare=False)
    # Each item's place in the source, found when the bank was loaded (by item id).
    citations: dict[str, QuoteMatch] = field(default_factory=dict, compare=False, repr=False)

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def title(self) -> str:
        return self.info.title

    @property
    def topics(self) -> tuple[Topic, ...]:
        return tuple(self.info.topics)

    @cached_property
    def topic_titles(self) -> dict[str, str]:
        """Each topic's title by its id."""
        return {topic.id: topic.title for topic in self.info.topics}

    def items(self) -> Iterator[Item]:
        yield from self.facts
        yield from self.concepts

    @cached_property
    def _by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items()}

    def item(self, item_id: str) -> Item:
        return self._by_id[item_id]

    @cached_property
    def declared_enemies(self) -> dict[str, set[str]]:
        """Enemies the authors named (``enemies:``, ``related:``), both ways round."""
        return declared_enemies(self.items())

    @cached_property
    def enemies(self) -> EnemyFinder:
        """Which items give each other away; its index of every key is built on first use."""
        return EnemyFinder(tuple(self.items()))

    @cached_property
    def _sentence_starts(self) -> dict[int, list[int]]:
        return {}  # filled per paragraph as items are placed: a quiz touches few paragraphs

    def passage(self, item: Item) -> tuple[int, int]:
        """The paragraph and sentence (from 0) the item is grounded in."""
        match = self.citation(item)
        number = match.paragraph.number
        starts = self._sentence_starts.get(number)
        if starts is None:
            starts = self._sentence_starts[number] = sentence_starts(match.paragraph.text)
        return number, sentence_index(starts, match.start)

    def citation(self, item: Item) -> QuoteMatch:
        """Where the item's quote stands in the source (validated to be exactly one place)."""
        match = self.citations.get(item.id)
        if match is None:
            # A bank built by hand rather than loaded has no citations yet.
            match = self.source.find(item.source.quote)[0]
        return match
