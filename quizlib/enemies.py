"""Enemy items: pairs of items where one question would give the other's answer away.

Item A is an enemy of item B when A's answer, term or an alias appears, as whole words, in what
B shows a test-taker: its prompt, statement, answer, term or definition; or when one names the
other in ``enemies:`` or, for concepts, ``related:`` (related ideas explain each other). Enemies
are symmetric and never asked together.

Two ways to find them, one rule. :class:`EnemyFinder` (for lint) puts every key of a bank into one
Aho–Corasick automaton and scans every shown text once: the whole relation, never pair by pair.
:class:`EnemyGuard` (for assembling a quiz, a session, an exam version) checks each candidate
only against the items already taken, so a 40-question quiz costs the same in a bank of a hundred
items or of a hundred thousand.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import cached_property
from typing import NamedTuple

import ahocorasick

from .model import Concept, Fact
from .text import comparable

__all__ = ["Clash", "EnemyFinder", "EnemyGuard", "declared_enemies", "keys_of", "shown_texts"]

Item = Fact | Concept


class Clash(NamedTuple):
    """Why two items are enemies: ``key`` (of ``answered``) stands in ``field`` of ``shown``.

    A named tuple, so a bank's many clashes sort and hash at C speed.
    """

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


def declared_enemies(items: Iterable[Item]) -> dict[str, set[str]]:
    """Enemies named in ``enemies:`` (and, for concepts, ``related:``), both ways round."""
    declared: dict[str, set[str]] = defaultdict(set)
    for item in items:
        named = [*item.enemies, *(item.related if isinstance(item, Concept) else [])]
        for other in named:
            if other != item.id:
                declared[item.id].add(other)
                declared[other].add(item.id)
    return dict(declared)


def _padded(text: str) -> str:
    # `comparable` turns punctuation into spaces, so with a space at each end, whole words are
    # exactly the runs between spaces, and " key " in " text " is a whole-word match.
    return f" {comparable(text)} "


class EnemyGuard:
    """Keeps enemies out of one assembly of questions, checking candidates against those taken.

    A key stands in a text only where each of its words does, so the words come first: a
    candidate is searched only for the keys taken that start with one of its words, and its own
    keys only when every word of one is among the words the items taken show.
    """

    def __init__(self, declared: Mapping[str, AbstractSet[str]]) -> None:
        self._declared = declared
        self._taken: set[str] = set()
        self._needles: dict[str, list[str]] = {}  # the keys of the items taken, by first word
        self._words: set[str] = set()  # every word the items taken show
        self._shown: list[str] = []  # what the items taken show, one padded text each
        self._joined: str | None = ""  # the same, one string to search; None when stale

    def admits(self, item: Item) -> bool:
        """Whether ``item`` may join: it gives none of the taken away, and none gives it away."""
        if not self._taken.isdisjoint(self._declared.get(item.id, ())):
            return False
        # One string: "\n" is in no needle, so none matches across two texts.
        texts = "\n".join(_padded(text) for _, text in shown_texts(item))
        for word in self._needles.keys() & texts.split():
            if any(needle in texts for needle in self._needles[word]):
                return False
        keys = [
            key
            for key in map(_padded, keys_of(item))
            if (words := key.split()) and self._words.issuperset(words)
        ]
        if not keys:  # no key of its has every word among those shown
            return True
        if self._joined is None:  # joined once per item taken, not once per candidate
            self._joined = "\n".join(self._shown)
        shown = self._joined
        return not any(key in shown for key in keys)

    def take(self, item: Item) -> None:
        self._taken.add(item.id)
        for needle in map(_padded, keys_of(item)):
            words = needle.split()
            if words:
                self._needles.setdefault(words[0], []).append(needle)
        shown = [_padded(text) for _, text in shown_texts(item)]
        self._shown += shown
        for text in shown:
            self._words.update(text.split())
        self._joined = None


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
                    owners[f" {needle} "].append((item.id, key))  # see _padded
        for needle, owned in owners.items():
            # The owners' ids as a set too: a common answer (a year) may have hundreds, and
            # counting what an item gives away is then a union, not a list of clashes.
            self._automaton.add_word(needle, (owned, frozenset(i for i, _ in owned)))
        self._searchable = bool(owners)
        if self._searchable:
            self._automaton.make_automaton()
        self._declared = declared_enemies(items)

    def clashes(self, item: Item) -> list[Clash]:
        """The other items whose keys ``item`` shows, and where."""
        if not self._searchable:
            return []
        found = []
        for field, text in shown_texts(item):
            for _, (owned, _ids) in self._automaton.iter(_padded(text)):
                found += [Clash(item.id, field, other, key) for other, key in owned]
        return [c for c in found if c.answered != item.id]

    def first_and_count(self, item: Item) -> tuple[list[Clash], int]:
        """The clashes with the first item ``item`` gives away, and how many it gives away."""
        if not self._searchable:
            return [], 0
        first: list[Clash] = []
        first_id: str | None = None
        given: set[str] = set()
        for field, text in shown_texts(item):
            for _, (owned, ids) in self._automaton.iter(_padded(text)):
                given |= ids
                if first_id is None:
                    first_id = next((other for other, _ in owned if other != item.id), None)
                if first_id is not None and first_id in ids:
                    first += [Clash(item.id, field, o, key) for o, key in owned if o == first_id]
        given.discard(item.id)
        return first, len(given)

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
