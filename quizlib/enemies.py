"""Enemy items: pairs of items where one question would give the other's answer away.

Item A is an enemy of item B when A's answer, term or an alias appears, as whole words, in what
B shows a test-taker: its prompt, statement, answer, term or definition; or when one names the
other in ``enemies:`` or, for concepts, ``related:`` (related ideas explain each other). Enemies
are symmetric and never asked together.

All keys of a bank go into one Aho–Corasick automaton, built once. Scanning one item's texts with
it tells which items that one gives away, so assembling a quiz scans only the items it considers;
the whole relation (for lint) is one scan of every text. Neither grows with pairs of items.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

import ahocorasick

from .model import Concept, Fact
from .text import comparable

__all__ = ["Clash", "EnemyFinder", "keys_of", "shown_texts"]

Item = Fact | Concept


@dataclass(frozen=True, order=True)
class Clash:
    """Why two items are enemies: ``key`` (of ``answered``) stands in ``field`` of ``shown``."""

    shown: str
    field: str
    answered: str
    key: str


def keys_of(item: Item) -> list[str]:
    """What a test-taker must not be shown elsewhere: the answer (or term) and its aliases."""
    key = item.answer if isinstance(item, Fact) else item.term
    return [key, *item.aliases]


def shown_texts(item: Item) -> Iterator[tuple[str, str]]:
    """(field, text) for every text of the item that a question shows before it is answered."""
    if isinstance(item, Fact):
        yield "prompt", item.prompt
        yield "statement", item.statement
        yield "answer", item.answer
    else:
        yield "term", item.term
        yield "definition", item.definition


class EnemyFinder:
    """The enemy relation of a bank: per item on demand, or whole."""

    def __init__(self, items: Sequence[Item]) -> None:
        self._items = items
        self._automaton = ahocorasick.Automaton()
        owners: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for item in items:
            for key in keys_of(item):
                needle = comparable(key)
                if needle:
                    owners[f" {needle} "].append((item.id, key))
        for needle, owned in owners.items():
            self._automaton.add_word(needle, owned)
        self._searchable = bool(owners)
        if self._searchable:
            self._automaton.make_automaton()
        self._declared: dict[str, set[str]] = defaultdict(set)
        for item in items:
            named = [*item.enemies, *(item.related if isinstance(item, Concept) else [])]
            for other in named:
                if other != item.id:
                    self._declared[item.id].add(other)
                    self._declared[other].add(item.id)

    def clashes(self, item: Item) -> list[Clash]:
        """The other items whose keys ``item`` shows, and where."""
        if not self._searchable:
            return []
        found = []
        for field, text in shown_texts(item):
            # Padding with spaces makes every match a whole-word match: `comparable` turns
            # punctuation into spaces, so word boundaries are exactly the spaces.
            for _, owned in self._automaton.iter(f" {comparable(text)} "):
                found += [Clash(item.id, field, other, key) for other, key in owned]
        return [c for c in found if c.answered != item.id]

    def gives_away(self, item: Item) -> set[str]:
        """Ids of the items ``item`` gives away, with those declared enemies either way."""
        return {c.answered for c in self.clashes(item)} | self._declared.get(item.id, set())

    @cached_property
    def all_clashes(self) -> list[Clash]:
        """Every clash in the bank, sorted (one scan of every shown text)."""
        return sorted({c for item in self._items for c in self.clashes(item)})

    @cached_property
    def _relation(self) -> dict[str, frozenset[str]]:
        pairs: dict[str, set[str]] = defaultdict(set)
        for clash in self.all_clashes:
            pairs[clash.shown].add(clash.answered)
            pairs[clash.answered].add(clash.shown)
        for item_id, others in self._declared.items():
            pairs[item_id] |= others
        return {item_id: frozenset(others) for item_id, others in pairs.items()}

    def of(self, item_id: str) -> frozenset[str]:
        """Every enemy of the item, either way round."""
        return self._relation.get(item_id, frozenset())

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, tuple) or len(pair) != 2:
            return False
        return pair[1] in self.of(pair[0])

    def __len__(self) -> int:
        """The number of enemy pairs."""
        return sum(len(others) for others in self._relation.values()) // 2
