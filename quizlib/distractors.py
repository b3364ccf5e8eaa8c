"""Choosing wrong options a reader has to think about, and a non-reader cannot rule out.

Order of preference: the author's curated distractors, then answers of the same kind (and, where
the item names one, the same category) from the rest of the bank, then, for years and numbers,
other values the article itself gives and values spread around the key. Every option is checked
against the key after normalising case, punctuation and aliases; near-copies, overlaps and
"all/none of the above" never pass.

Candidates are indexed once per bank and drawn lazily in a seeded random order, so a question
costs the same in a bank of a hundred items and of a hundred thousand.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

from .bank import Bank, Item
from .model import Concept, Fact, Kind
from .text import comparable

__all__ = ["ORDERED_KINDS", "DistractorPool", "Ordered", "overlaps", "valid_options"]

ORDERED_KINDS = frozenset({Kind.YEAR, Kind.NUMBER})
_CATCH_ALLS = {"all of the above", "none of the above", "both of the above", "neither"}
_NUMBER = re.compile(r"^(?P<prefix>\D*?)(?P<value>\d[\d,]*)(?P<suffix>\D*)$")
# A comma or full stop ends a number unless a digit follows ("in 2014, Russia" is a year).
_YEAR_IN_TEXT = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)(?![\d]|[,.]\d)")
_NUMBER_IN_TEXT = re.compile(
    r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d]|[,.]\d)|(?<![\d,.])\d+(?![\d]|[,.]\d)"
)
# A distractor this much longer or shorter than the key stands out; short keys get some slack.
_LENGTH_RATIO = 2.0
_LENGTH_SLACK = 6
# Other values of the article count as plausible when this close to the key.
_YEAR_WINDOW = 40
_NUMBER_FACTOR = 10
_NEAR = 2  # paragraphs either side of a fact's own whose years and numbers it may borrow
_ARTICLE_VALUES_MAX = 8


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


_Entry = tuple[str, str]  # (item id, key): tuples, as a bank may hold a hundred thousand


class DistractorPool:
    """Candidates drawn from a whole bank, indexed by kind, category and sort of text."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self._answers: dict[Kind, list[int]] = {}
        self._near: dict[tuple[int, Kind], set[int]] = {}
        # (kind, category or None for any, whether a concept's term) -> entries
        self._index: dict[tuple[Kind, str | None, bool], list[_Entry]] = defaultdict(list)
        for facts_or_concepts, is_term in ((bank.facts, False), (bank.concepts, True)):
            for item in facts_or_concepts:
                entry = (item.id, item.answer if isinstance(item, Fact) else item.term)
                self._index[item.kind, None, is_term].append(entry)
                if item.category is not None:
                    self._index[item.kind, item.category, is_term].append(entry)

    def from_bank(self, item: Item, rng: random.Random) -> Iterator[str]:
        """Keys of other items that may stand beside ``item``'s key, in a seeded random order.

        Same kind, and same category where the item has one; a concept's term gets other terms
        first, a fact's answer other answers. Nothing when the item switches the pool off.
        """
        if not item.pool:
            return
        own_sort = isinstance(item, Concept)
        for is_term in (own_sort, not own_sort):
            entries = self._index.get((item.kind, item.category, is_term), [])
            for item_id, text in _random_order(entries, rng):
                if item_id != item.id:
                    yield text

    def available(self, item: Item, enough: int) -> int:
        """How many distinct, valid distractors :meth:`choose` could draw on, up to ``enough``."""
        key, accepted = _key(item), item.aliases
        pool = (c for c in self.from_bank(item, random.Random(0)) if _in_band(c, key))
        return len(_extend([], chain(item.distractors, pool), key, accepted, enough))

    def choose(self, item: Item, count: int, rng: random.Random) -> list[str]:
        """Up to ``count`` distractors for an item's answer or term: curated ones first."""
        key, accepted = _key(item), item.aliases
        curated_valid = valid_options(item.distractors, key, accepted)
        chosen = rng.sample(curated_valid, min(count, len(curated_valid)))
        pool = (c for c in self.from_bank(item, rng) if _in_band(c, key))
        return _extend(chosen, pool, key, accepted, count)

    def choose_definitions(self, concept: Concept, count: int, rng: random.Random) -> list[str]:
        """Up to ``count`` of the concept's curated wrong meanings of its own term."""
        valid = valid_options(concept.wrong_definitions, concept.definition, [])
        return rng.sample(valid, min(count, len(valid)))

    def choose_ordered(
        self, fact: Fact, count: int, position: int, rng: random.Random
    ) -> Ordered | None:
        """Years or numbers around the key so that, in order, the key lands at ``position``.

        The article's other values of the kind first (a reader knows which goes with which
        event), then curated values, then values spread around the key (never two years in a
        row, so the key is not the middle of a run).
        """
        key = fact.answer
        key_value = _number(key)
        if key_value is None:
            return None
        candidates = chain(
            self._article_candidates(fact, key_value, rng),
            fact.distractors,
            _spread(key, fact.kind, rng),
        )
        gap = 2 if fact.kind is Kind.YEAR else 1
        values = [key_value]
        below: list[tuple[int, str]] = []
        above: list[tuple[int, str]] = []
        taken: list[str] = []
        for text in candidates:
            if len(below) >= count and len(above) >= count:
                break  # enough on each side for any position
            value = _number(text)
            if value is None or any(abs(value - v) < gap for v in values):
                continue
            if not _extend(taken, [text], key, fact.aliases, None)[len(taken) :]:
                continue  # the key itself, a catch-all, or a repeat in other words
            taken.append(text)
            values.append(value)
            (below if value < key_value else above).append((value, text))
        position = min(position, len(below), count)
        if count - position > len(above):
            position = min(count - len(above), len(below))
        picked = below[:position] + above[: count - position]
        if len(picked) < count:
            return None
        options = [text for _, text in sorted([*picked, (key_value, key)])]
        return Ordered(options, options.index(key))

    def _article_candidates(self, fact: Fact, key_value: int, rng: random.Random) -> list[str]:
        """Other values of the fact's kind that the bank's answers and the source around the
        fact's own paragraph give: a reader must know which goes with which event."""
        match = _NUMBER.match(fact.answer.strip())
        assert match is not None  # the key parsed as a number before this is called
        if fact.kind is Kind.NUMBER and (match["prefix"] or match["suffix"]):
            return []  # "1,200 troops" and the article's bare "40" measure different things
        if fact.kind is Kind.YEAR:
            low, high = key_value - _YEAR_WINDOW, key_value + _YEAR_WINDOW
        else:
            low, high = key_value // _NUMBER_FACTOR, key_value * _NUMBER_FACTOR
        answers = self._answers_of_kind(fact.kind)  # sorted: the window is two bisections
        window = answers[bisect_left(answers, low) : bisect_right(answers, high)]
        if len(window) > 4 * _ARTICLE_VALUES_MAX:
            window = rng.sample(window, 4 * _ARTICLE_VALUES_MAX)
        nearby = self._values_near(self.bank.citation(fact).paragraph.number, fact.kind)
        values = {*window, *(v for v in nearby if low <= v <= high)} - {key_value}
        near = sorted(values)
        rng.shuffle(near)
        return [_format(match, v) for v in near[:_ARTICLE_VALUES_MAX]]

    def _values_near(self, number: int, kind: Kind) -> set[int]:
        """Years or numbers of the paragraphs around paragraph ``number``."""
        paragraphs = self.bank.source.paragraphs[max(0, number - 1 - _NEAR) : number + _NEAR]
        return set().union(*(self._values_of(p.number, kind) for p in paragraphs))

    def _values_of(self, number: int, kind: Kind) -> set[int]:
        """Years or numbers of one paragraph, read once."""
        found = self._near.get((number, kind))
        if found is None:
            text = self.bank.source.paragraph(number).text
            found = self._near[number, kind] = _values_in(text, kind)
        return found

    def _answers_of_kind(self, kind: Kind) -> list[int]:
        found = self._answers.get(kind)
        if found is None:
            found = self._answers[kind] = sorted(
                {v for f in self.bank.facts if f.kind is kind if (v := _number(f.answer))}
            )
        return found


def _key(item: Item) -> str:
    return item.answer if isinstance(item, Fact) else item.term


def _values_in(text: str, kind: Kind) -> set[int]:
    years = {int(y) for y in _YEAR_IN_TEXT.findall(text)}
    if kind is Kind.YEAR:
        return years
    return {int(n.replace(",", "")) for n in _NUMBER_IN_TEXT.findall(text)} - years


def _random_order(entries: Sequence[_Entry], rng: random.Random) -> Iterator[_Entry]:
    """``entries`` in a seeded random order, without copying or shuffling a large list.

    Callers stop after a handful, so a large list is sampled by index until sampling keeps
    hitting indices already drawn, and only then shuffled whole.
    """
    if len(entries) <= 64:
        shuffled = list(entries)
        rng.shuffle(shuffled)
        yield from shuffled
        return
    drawn: set[int] = set()
    while len(drawn) < len(entries) // 2:
        index = rng.randrange(len(entries))
        if index not in drawn:
            drawn.add(index)
            yield entries[index]
    rest = [e for i, e in enumerate(entries) if i not in drawn]
    rng.shuffle(rest)
    yield from rest


def valid_options(candidates: Iterable[str], key: str, accepted: Sequence[str]) -> list[str]:
    """The candidates that may stand beside ``key``: not it, not a catch-all, no overlaps."""
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


def _format(match: re.Match[str], value: int) -> str:
    digits = f"{value:,}" if "," in match["value"] else str(value)
    return f"{match['prefix']}{digits}{match['suffix']}"


def _spread(key: str, kind: Kind, rng: random.Random) -> list[str]:
    """Values around the key at plausible, uneven distances, nearer ones first."""
    match = _NUMBER.match(key.strip())
    if match is None:
        return []
    value = int(match["value"].replace(",", ""))
    if kind is Kind.YEAR:
        steps = [2, 3, 4, 5, 6, 7, 8, 10, 12, 15]
        values = [value + s * sign for s in steps for sign in (-1, 1)]
    else:
        # Round to the key's own precision: 1,200 gets 900 and 1,500, not 1,199 and 1,201.
        unit = 10 ** (len(str(value)) - len(str(value).rstrip("0"))) if value else 1
        factors = [0.5, 0.6, 0.75, 0.8, 1.25, 1.5, 2, 2.5, 3]
        values = [round(value * f / unit) * unit for f in factors]
        values += [value + s * sign for s in (1, 2, 3, 5) for sign in (-1, 1)]
        values = [v for v in values if v > 0 and v != value]
    rng.shuffle(values)
    values.sort(key=lambda v: abs(v - value) // max(1, value // 10 if kind is Kind.NUMBER else 3))
    return [_format(match, v) for v in dict.fromkeys(values)]
