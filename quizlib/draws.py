"""Seeded draws for one question: cheap to start, the same on every machine and Python.

A question needs a handful of draws (the key's place, which distractors, their order) from a
generator of its own, seeded from the quiz seed and the item, so that editing one item never
changes another's question. ``random.Random`` spends more on seeding its Mersenne Twister (624
words, twice over) than a question spends on drawing: a deck of 10,000 facts paid more for
seeding than for everything else of its options. A BLAKE2b digest of the seed is enough state.
"""

from __future__ import annotations

from collections.abc import MutableSequence, Sequence
from hashlib import blake2b
from typing import TypeVar

__all__ = ["Draws"]

T = TypeVar("T")

_BITS = 512
# A draw below n takes the remainder of a uniform value below ``_range``: it is off from uniform
# by at most n / _range, so the value is topped up before it falls under this.
_FLOOR = 1 << 64


class Draws:
    """A deterministic stream of uniform choices, from a text seed."""

    __slots__ = ("_range", "_refills", "_seed", "_value")

    def __init__(self, seed: str) -> None:
        self._seed = seed.encode()
        self._refills = 0
        self._value = int.from_bytes(blake2b(self._seed).digest())
        self._range = 1 << _BITS

    def randrange(self, n: int) -> int:
        """A whole number in ``[0, n)``."""
        if n <= 0:
            raise ValueError(f"empty range for randrange({n})")
        if self._range < _FLOOR:
            self._refill()
        self._value, drawn = divmod(self._value, n)
        self._range //= n
        return drawn

    def shuffle(self, items: MutableSequence[T]) -> None:
        """Put ``items`` in a random order, in place (Fisher–Yates)."""
        for i in range(len(items) - 1, 0, -1):
            j = self.randrange(i + 1)
            items[i], items[j] = items[j], items[i]

    def sample(self, population: Sequence[T], k: int) -> list[T]:
        """``k`` distinct elements of ``population``, in the order drawn."""
        rest = list(population)
        if not 0 <= k <= len(rest):
            raise ValueError(f"sample of {k} from {len(rest)}")
        chosen = []
        for i in range(k):
            j = self.randrange(len(rest) - i)
            chosen.append(rest[j])
            rest[j] = rest[len(rest) - i - 1]
        return chosen

    def _refill(self) -> None:
        self._refills += 1
        more = blake2b(self._seed, salt=self._refills.to_bytes(16, "little")).digest()
        self._value = (self._value << _BITS) | int.from_bytes(more)
        self._range <<= _BITS
