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

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

from .bank import Bank, Item
from .draws import Draws
from .model import Concept, Fact, Kind
from .numbers import NUMBER, digit_runs, format_like, parse_number, spread, values_in_runs
from .text import comparable

__all__ = ["ORDERED_KINDS", "DistractorPool", "Ordered", "overlaps", "valid_options"]

ORDERED_KINDS = frozenset({Kind.YEAR, Kind.NUMBER})
_CATCH_ALLS = {"all of the above", "none of the above", "both of the above", "neither"}
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
    short, long = len(candidate), len(key)
    if short > long:
        short, long = long, short
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
        self._around: dict[tuple[int, Kind], set[int]] = {}
        self._values: dict[str, int | None] = {}
        self._runs: dict[int, str] = {}
        # (kind, category or None for any, whether a concept's term) -> entries
        self._index: dict[tuple[Kind, str | None, bool], list[_Entry]] = defaultdict(list)
        for facts_or_concepts, is_term in ((bank.facts, False), (bank.concepts, True)):
            for item in facts_or_concepts:
                entry = (item.id, item.answer if isinstance(item, Fact) else item.term)
                self._index[item.kind, None, is_term].append(entry)
                if item.category is not None:
                    self._index[item.kind, item.category, is_term].append(entry)

    def from_bank(self, item: Item, rng: Draws) -> Iterator[str]:
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
        key = _key(item)
        pool = (c for c in self.from_bank(item, Draws("0")) if _in_band(c, key))
        keys = _forms(key, item.aliases)
        return len(_extend([], chain(item.distractors, pool), keys, enough))

    def choose(self, item: Item, count: int, rng: Draws) -> list[str]:
        """Up to ``count`` distractors for an item's answer or term: curated ones first."""
        key = _key(item)
        keys = _forms(key, item.aliases)
        curated_valid = _extend([], item.distractors, keys, None)
        chosen = rng.sample(curated_valid, min(count, len(curated_valid)))
        pool = (c for c in self.from_bank(item, rng) if _in_band(c, key))
        if len(chosen) >= count:
            return chosen
        # Drawn curated first, then from the pool: mixed, so a curated one has no place of its own.
        mixed = _extend(chosen, pool, keys, count)
        rng.shuffle(mixed)
        return mixed

    def choose_definitions(self, concept: Concept, count: int, rng: Draws) -> list[str]:
        """Up to ``count`` of the concept's curated wrong meanings of its own term."""
        valid = valid_options(concept.wrong_definitions, concept.definition, [])
        return rng.sample(valid, min(count, len(valid)))

    def choose_ordered(self, fact: Fact, count: int, position: int, rng: Draws) -> Ordered | None:
        """Years or numbers around the key so that, in order, the key lands at ``position``.

        The article's other values of the kind first (a reader knows which goes with which
        event), then curated values, then values spread around the key (never two years in a
        row, so the key is not the middle of a run).
        """
        key = fact.answer
        key_value = parse_number(key)
        if key_value is None:
            return None
        candidates = chain(
            self._article_candidates(fact, key_value, rng),
            fact.distractors,
            spread(key, fact.kind, rng),
        )
        gap = 2 if fact.kind is Kind.YEAR else 1
        # The values closer than ``gap`` to the key or to one taken: a set, not a scan per value.
        crowded = set(range(key_value - gap + 1, key_value + gap))
        below: list[tuple[int, str]] = []
        above: list[tuple[int, str]] = []
        taken = _Picked(_forms(key, fact.aliases))
        for text in candidates:
            if len(below) >= position and len(above) >= count - position:
                break  # enough on each side for the key's place
            value = self._value(text)
            if value is None or value in crowded:
                continue
            if not taken.offer(text):
                continue  # the key itself, a catch-all, or a repeat in other words
            crowded.update(range(value - gap + 1, value + gap))
            (below if value < key_value else above).append((value, text))
        position = min(position, len(below), count)
        if count - position > len(above):
            position = min(count - len(above), len(below))
        picked = below[:position] + above[: count - position]
        if len(picked) < count:
            return None
        options = [text for _, text in sorted([*picked, (key_value, key)])]
        return Ordered(options, options.index(key))

    def _article_candidates(self, fact: Fact, key_value: int, rng: Draws) -> list[str]:
        """Other values of the fact's kind that the bank's answers and the source around the
        fact's own paragraph give: a reader must know which goes with which event."""
        match = NUMBER.match(fact.answer.strip())
        assert match is not None  # the key parsed as a number before this is called
        if fact.kind is Kind.NUMBER and (match["prefix"] or match["suffix"]):
            return []  # "1,200 troops" and the article's bare "40" measure different things
        if fact.kind is Kind.YEAR:
            low, high = key_value - _YEAR_WINDOW, key_value + _YEAR_WINDOW
        else:
            low, high = key_value // _NUMBER_FACTOR, key_value * _NUMBER_FACTOR
        answers = self._answers_of_kind(fact.kind)  # sorted: the window is two bisections
        window = answers[bisect_left(answers, low) : bisect_right(answers, high)]
        # Sampled, not shuffled whole: each draw costs, and only a handful are kept.
        if len(window) > _ARTICLE_VALUES_MAX:
            window = rng.sample(window, _ARTICLE_VALUES_MAX)
        nearby = self._values_near(self.bank.citation(fact).paragraph.number, fact.kind)
        values = sorted({*window, *(v for v in nearby if low <= v <= high)} - {key_value})
        near = rng.sample(values, min(len(values), _ARTICLE_VALUES_MAX))
        return [format_like(match, v) for v in near]

    def _values_near(self, number: int, kind: Kind) -> set[int]:
        """Years or numbers of the paragraphs around paragraph ``number``, gathered once for
        all the facts of a paragraph (callers do not change the set)."""
        found = self._around.get((number, kind))
        if found is None:
            paragraphs = self.bank.source.paragraphs[max(0, number - 1 - _NEAR) : number + _NEAR]
            found = set().union(*(self._values_of(p.number, kind) for p in paragraphs))
            self._around[number, kind] = found
        return found

    def _values_of(self, number: int, kind: Kind) -> set[int]:
        """Years or numbers of one paragraph, read once."""
        found = self._near.get((number, kind))
        if found is None:
            runs = self._runs.get(number)
            if runs is None:  # read once for both kinds
                runs = self._runs[number] = digit_runs(self.bank.source.paragraph(number).text)
            found = self._near[number, kind] = values_in_runs(runs, kind)
        return found

    def _value(self, text: str) -> int | None:
        """:func:`~quizlib.numbers.parse_number`, read once per text: the same years and counts
        come back as candidates fact after fact."""
        try:
            return self._values[text]
        except KeyError:
            found = self._values[text] = parse_number(text)
            return found

    def _answers_of_kind(self, kind: Kind) -> list[int]:
        found = self._answers.get(kind)
        if found is None:
            found = self._answers[kind] = sorted(
                {v for f in self.bank.facts if f.kind is kind if (v := parse_number(f.answer))}
            )
        return found


def _key(item: Item) -> str:
    return item.answer if isinstance(item, Fact) else item.term


def _random_order(entries: Sequence[_Entry], rng: Draws) -> Iterator[_Entry]:
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
    return _extend([], candidates, _forms(key, accepted), count=None)


# An option as :func:`overlaps` compares it: its comparable form, bare and padded with spaces.
_Form = tuple[str, str]


def _form(text: str) -> _Form:
    folded = comparable(text)
    return folded, f" {folded} "


def _forms(key: str, accepted: Sequence[str]) -> list[_Form]:
    forms = [_form(key)]
    forms.extend(map(_form, accepted))
    return forms


class _Picked:
    """Options picked beside a key, each folded once: a candidate is compared with the key, its
    aliases and the options before it without folding any of them again."""

    __slots__ = ("options", "seen")

    def __init__(self, keys: list[_Form], chosen: Iterable[str] = ()) -> None:
        self.options = list(chosen)  # taken as they are, like the curated ones a caller drew
        self.seen = [*keys, *(_form(option) for option in self.options)]

    def offer(self, candidate: str) -> bool:
        """Take ``candidate`` unless it is a catch-all or overlaps the key or an option."""
        x = comparable(candidate)
        if x in _CATCH_ALLS:
            return False
        padded_x = f" {x} "
        for y, padded_y in self.seen:
            # :func:`overlaps`, written out: this runs for every candidate of every question.
            if x == y or (x and y and (padded_x in padded_y or padded_y in padded_x)):
                return False
        self.options.append(candidate)
        self.seen.append((x, padded_x))
        return True


def _extend(
    chosen: list[str], candidates: Iterable[str], keys: list[_Form], count: int | None
) -> list[str]:
    """``chosen`` and the candidates after it that :meth:`_Picked.offer` would take, up to
    ``count``: the same test, written out in one loop, as every question runs it."""
    out = list(chosen)  # taken as they are, like the curated ones a caller drew
    if count is not None and len(out) >= count:
        return out  # drawing a candidate would move the question's seeded draws on
    seen = [*keys, *map(_form, chosen)]
    for candidate in candidates:
        x = comparable(candidate)
        if x in _CATCH_ALLS:
            continue
        padded_x = f" {x} "
        for y, padded_y in seen:
            if x == y or (x and y and (padded_x in padded_y or padded_y in padded_x)):
                break
        else:
            out.append(candidate)
            if count is not None and len(out) >= count:
                break
            seen.append((x, padded_x))
    return out
