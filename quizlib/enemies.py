"""Enemy items: pairs of items where one question would give the other's answer away.

Item A is an enemy of item B when A's answer, term or an alias appears, as whole words, in what
B shows a test-taker: its prompt, statement, answer, term or definition. Authors may declare more
with ``enemies:``. Enemies are symmetric and never asked together.

All keys of a bank go into one Aho–Corasick automaton and every shown text is scanned once, so
the cost grows with the bank's text and the matches found, not with pairs of items.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

from .model import Concept, Fact
from .text import comparable

__all__ = ["Clash", "Enemies", "find_enemies", "keys_of", "shown_texts"]

Item = Fact | Concept


@dataclass(frozen=True, order=True)
class Clash:
    """Why two items are enemies: ``key`` (of ``answered``) stands in ``field`` of ``shown``."""

    shown: str
    field: str
    answered: str
    key: str


class Enemies:
    """The enemy relation of a bank, symmetric, with the reason behind each pair."""

    def __init__(self, clashes: Iterable[Clash], declared: Iterable[tuple[str, str]]) -> None:
        self.clashes = sorted(set(clashes))
        self._of: dict[str, set[str]] = defaultdict(set)
        for clash in self.clashes:
            self._link(clash.shown, clash.answered)
        for a, b in declared:
            self._link(a, b)

    def _link(self, a: str, b: str) -> None:
        if a != b:
            self._of[a].add(b)
            self._of[b].add(a)

    def of(self, item_id: str) -> frozenset[str]:
        return frozenset(self._of.get(item_id, ()))

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, tuple) or len(pair) != 2:
            return False
        a, b = pair
        return b in self._of.get(a, ())

    def __len__(self) -> int:
        """The number of enemy pairs."""
        return sum(len(others) for others in self._of.values()) // 2


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


def find_enemies(items: Iterable[Item]) -> Enemies:
    """Every enemy pair among ``items``, found in one scan of their texts."""
    items = list(items)
    automaton = ahocorasick.Automaton()
    owners: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for item in items:
        for key in keys_of(item):
            needle = comparable(key)
            if needle:
                owners[f" {needle} "].append((item.id, key))
    if not owners:
        return Enemies([], [])
    for needle, owned in owners.items():
        automaton.add_word(needle, owned)
    automaton.make_automaton()

    clashes = []
    for item in items:
        for field, text in shown_texts(item):
            # Padding with spaces makes every match a whole-word match: `comparable` turns
            # punctuation into spaces, so word boundaries are exactly the spaces.
            for _, owned in automaton.iter(f" {comparable(text)} "):
                clashes += [Clash(item.id, field, other, key) for other, key in owned]
    clashes = [c for c in clashes if c.shown != c.answered]
    declared = [(item.id, other) for item in items for other in item.enemies]
    return Enemies(clashes, declared)
