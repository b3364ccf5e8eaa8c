"""Choosing wrong options a knowledgeable reader has to think about.

Order of preference: the author's curated distractors, then answers of the same kind from the rest
of the bank (other people for a person, other years for a year), then, for years and numbers,
nearby values. Every option is checked against the key after normalising case, punctuation and
aliases; near-copies, overlaps and "all/none of the above" never pass.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .bank import Bank
from .model import Concept, Kind
from .text import comparable

__all__ = ["ORDERED_KINDS", "DistractorPool", "Ordered", "overlaps"]

ORDERED_KINDS = frozenset({Kind.YEAR, Kind.NUMBER})
_CATCH_ALLS = {"all of the above", "none of the above", "both of the above", "neither"}
_NUMBER = re.compile(r"^(?P<prefix>\D*?)(?P<value>\d[\d,]*)(?P<suffix>\D*)$")
# A distractor this much longer or shorter than the key stands out; short keys get some slack.
_LENGTH_RATIO = 2.0
_LENGTH_SLACK = 6


def overlaps(a: str, b: str) -> bool:
    """True when one option repeats the other, or contains it as whole words."""
    x, y = comparable(a), comparable(b)
    if not x or not y:
        return x == y
    return x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} "


def _in_band(candidate: str, key: str) -> bool:
    short, long = sorted((len(candidate), len(key)))
    return long <= short * _LENGTH_RATIO or long - short <= _LENGTH_SLACK


@dataclass(frozen=True)
class Ordered:
    """Options that must be shown in numerical order, with the key at ``key``."""

    options: list[str]
    key: int


class DistractorPool:
    """Candidates drawn from a whole bank, grouped by kind."""

    def __init__(self, bank: Bank) -> None:
        # kind -> (item id, text, whether the text is a concept's term)
        self._names: dict[Kind, list[tuple[str, str, bool]]] = defaultdict(list)
        for fact in bank.facts:
            self._names[fact.kind].append((fact.id, fact.answer, False))
        for concept in bank.concepts:
            self._names[concept.kind].append((concept.id, concept.term, True))
        self._definitions = [(c.id, c.kind, c.definition) for c in bank.concepts]

    def same_kind(self, item_id: str, kind: Kind, rng: random.Random | None = None) -> list[str]:
        """Answers and terms of ``kind`` from the other items of the bank.

        With ``rng``, shuffled, then the same sort of text as the item's own first: a concept's
        term reads like other terms, a fact's answer like other answers.
        """
        own_is_concept = any(
            other == item_id and is_term for other, _, is_term in self._names[kind]
        )
        others = [(text, is_term) for other, text, is_term in self._names[kind] if other != item_id]
        if rng is not None:
            rng.shuffle(others)
            others.sort(key=lambda o: o[1] != own_is_concept)
        return [text for text, _ in others]

    def available(
        self, item_id: str, kind: Kind, key: str, accepted: Sequence[str], curated: Sequence[str]
    ) -> int:
        """How many distinct, valid distractors :meth:`choose` could draw on for this key."""
        pool = [c for c in self.same_kind(item_id, kind) if _in_band(c, key)]
        return len(_valid([*curated, *pool], key, accepted))

    def choose(
        self,
        item_id: str,
        kind: Kind,
        key: str,
        accepted: Sequence[str],
        curated: Sequence[str],
        count: int,
        rng: random.Random,
    ) -> list[str]:
        """Up to ``count`` distractors for a short answer of ``kind``: curated ones first."""
        curated_valid = _valid(curated, key, accepted)
        chosen = rng.sample(curated_valid, min(count, len(curated_valid)))
        pool = [c for c in self.same_kind(item_id, kind, rng) if _in_band(c, key)]
        return _extend(chosen, pool, key, accepted, count)

    def choose_definitions(self, concept: Concept, count: int, rng: random.Random) -> list[str]:
        """Other concepts' definitions: same kind first, then the closest in length."""
        others = [(kind, text) for cid, kind, text in self._definitions if cid != concept.id]
        rng.shuffle(others)
        length = len(concept.definition)
        others.sort(key=lambda o: (o[0] != concept.kind, abs(len(o[1]) - length) // 40))
        return _extend([], [text for _, text in others], concept.definition, [], count)

    def choose_ordered(
        self,
        kind: Kind,
        key: str,
        curated: Sequence[str],
        count: int,
        position: int,
        rng: random.Random,
    ) -> Ordered | None:
        """Numbers or years around ``key`` so that, in order, the key lands at ``position``."""
        key_value = _number(key)
        if key_value is None:
            return None
        below: list[tuple[int, str]] = []
        above: list[tuple[int, str]] = []
        for text in _valid([*curated, *_near(key, kind, rng)], key, []):
            value = _number(text)
            if value is not None and value != key_value:
                (below if value < key_value else above).append((value, text))
        position = min(position, len(below), count)
        if count - position > len(above):
            position = min(count - len(above), len(below))
        picked = below[:position] + above[: count - position]
        if len(picked) < count:
            return None
        options = [text for _, text in sorted([*picked, (key_value, key)])]
        return Ordered(options, options.index(key))


def _valid(candidates: Iterable[str], key: str, accepted: Sequence[str]) -> list[str]:
    return _extend([], candidates, key, accepted, count=None)


def _extend(
    chosen: list[str],
    candidates: Iterable[str],
    key: str,
    accepted: Sequence[str],
    count: int | None,
) -> list[str]:
    keys = [key, *accepted]
    out = list(chosen)
    for candidate in candidates:
        if count is not None and len(out) >= count:
            break
        if comparable(candidate) in _CATCH_ALLS or any(overlaps(candidate, k) for k in keys):
            continue
        if any(overlaps(candidate, other) for other in out):
            continue
        out.append(candidate)
    return out


def _number(text: str) -> int | None:
    match = _NUMBER.match(text.strip())
    return int(match["value"].replace(",", "")) if match else None


def _near(key: str, kind: Kind, rng: random.Random) -> list[str]:
    """Plausible nearby values, closest first with a little shuffling among equals."""
    match = _NUMBER.match(key.strip())
    if match is None:
        return []
    value = int(match["value"].replace(",", ""))
    if kind is Kind.YEAR:
        steps = [1, 2, 3, 4, 5, 6, 8, 10]
        values = [value + s * sign for s in steps for sign in (-1, 1)]
    else:
        spread = {1, 2, max(1, value // 10), max(1, value // 4), max(1, value // 2), value}
        values = [value + s * sign for s in sorted(spread) for sign in (-1, 1)]
        values = [v for v in values if v > 0]
    grouping = "," in match["value"]
    rng.shuffle(values)
    values.sort(key=lambda v: abs(v - value))
    return [
        f"{match['prefix']}{v:,}{match['suffix']}"
        if grouping
        else f"{match['prefix']}{v}{match['suffix']}"
        for v in values
    ]
