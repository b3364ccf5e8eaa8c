"""How many questions each topic takes at each difficulty, so that both counts are met.

A blueprint gives questions per topic and, separately, a difficulty mix; the bank has so many
usable items in each (topic, difficulty) cell. Choosing the cells' counts is a small flow problem
(topics → cells → difficulties): augmenting paths find counts whenever any exist, and when none do,
the minimum cut names the topics and difficulties that fall short.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from ..errors import ExamError
from ..model import Difficulty

__all__ = ["Cell", "allocate"]

Cell = tuple[str, Difficulty | None]  # (topic, difficulty); None when the mix is free


def allocate(
    topics: Mapping[str, int],
    mix: Mapping[Difficulty, int],
    available: Mapping[tuple[str, Difficulty], int],
    rng: random.Random,
) -> dict[Cell, int]:
    """Questions per cell meeting ``topics`` and ``mix`` exactly; :class:`ExamError` if none do.

    ``available`` counts the usable items per (topic, difficulty). With an empty ``mix`` each
    topic is one cell of any difficulty.
    """
    short = []
    for topic, need in topics.items():
        have = sum(n for (t, _), n in available.items() if t == topic)
        if have < need:
            short.append(
                f"topic {topic!r} needs {need} questions, the bank has {have} usable items"
            )
    for level, need in mix.items():
        per_topic = {t: available.get((t, level), 0) for t in topics}
        have = sum(per_topic.values())
        if have < need:
            each = ", ".join(f"{t} {n}" for t, n in per_topic.items())
            short.append(
                f"difficulty {level.value!r} needs {need} questions, the blueprint's topics "
                f"have {have} usable {level.value} items ({each})"
            )
    if short:
        raise ExamError("the bank cannot fill the blueprint: " + "; ".join(short))
    if not mix:
        return {(topic, None): need for topic, need in topics.items()}
    return _Flow(topics, mix, available, rng).solve()


class _Flow:
    def __init__(
        self,
        topics: Mapping[str, int],
        mix: Mapping[Difficulty, int],
        available: Mapping[tuple[str, Difficulty], int],
        rng: random.Random,
    ) -> None:
        self.topics, self.mix, self.available = topics, mix, available
        self.given = dict.fromkeys(topics, 0)  # flow into each topic
        self.taken = dict.fromkeys(mix, 0)  # flow out of each difficulty
        self.flow: dict[tuple[str, Difficulty], int] = {}
        # In a seeded order, so that different seeds may spread the same blueprint differently.
        self.cells = [(t, d) for t in topics for d in mix if available.get((t, d), 0) > 0]
        rng.shuffle(self.cells)

    def solve(self) -> dict[Cell, int]:
        for _ in range(sum(self.topics.values())):
            if not self._augment():
                raise ExamError(self._shortfall())
        return {cell: n for cell, n in self.flow.items() if n}

    def _augment(self) -> bool:
        """One more question along a path topic → level (→ topic → level …) → sink."""
        for topic in self.topics:
            if self.given[topic] < self.topics[topic]:
                path = self._path_from(topic, set(), set())
                if path is not None:
                    self.given[topic] += 1
                    for (t, d), sign in path:
                        self.flow[t, d] = self.flow.get((t, d), 0) + sign
                    return True
        return False

    def _path_from(
        self, topic: str, seen_topics: set[str], seen_levels: set[Difficulty]
    ) -> list[tuple[tuple[str, Difficulty], int]] | None:
        seen_topics.add(topic)
        # The least used cells first, so the questions spread over the cells the topic has.
        for t, level in sorted(self.cells, key=self._use):
            if t != topic or level in seen_levels:
                continue
            if self.flow.get((t, level), 0) >= self.available[t, level]:
                continue
            seen_levels.add(level)
            if self.taken[level] < self.mix[level]:
                self.taken[level] += 1
                return [((t, level), 1)]
            # The level is full: move one of its questions from another topic to another level.
            for other, d in self.cells:
                if d is level and other not in seen_topics and self.flow.get((other, d), 0) > 0:
                    rest = self._path_from(other, seen_topics, seen_levels)
                    if rest is not None:
                        return [((t, level), 1), ((other, d), -1), *rest]
        return None

    def _use(self, cell: tuple[str, Difficulty]) -> float:
        return self.flow.get(cell, 0) / self.available[cell]

    def _shortfall(self) -> str:
        """Which topics and difficulties cannot be reconciled (the cut no path crosses)."""
        topics: set[str] = set()
        levels: set[Difficulty] = set()
        for topic in self.topics:
            if self.given[topic] < self.topics[topic]:
                self._path_from(topic, topics, levels)
        need = sum(self.topics[t] for t in topics)
        room = sum(self.mix[d] for d in levels) + sum(
            self.available.get((t, d), 0) for t in topics for d in self.mix if d not in levels
        )
        cells = [
            f"{t} × {d.value}: {self.available.get((t, d), 0)}"
            for t in sorted(topics)
            for d in self.mix
            if d not in levels
        ]
        return (
            f"the bank cannot fill the blueprint: topic{'s' if len(topics) > 1 else ''} "
            f"{', '.join(sorted(topics))} need{'s' if len(topics) == 1 else ''} {need} questions, "
            f"but with the difficulty mix ({', '.join(d.value for d in sorted(levels))} full) "
            f"can have only {room}; usable items in the other difficulties: {'; '.join(cells)}"
        )
