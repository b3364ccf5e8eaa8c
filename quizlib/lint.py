"""Checking generated items against the item-writing guidelines.

The checks follow the evidence-based guidelines for multiple-choice items of Haladyna, Downing &
Rodriguez (2002, *Applied Measurement in Education* 15(3)), as far as a program can check them.
Each finding names its guideline, the item and the line of the item file to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from statistics import mean

from .bank import Bank, Item
from .distractors import ORDERED_KINDS, overlaps, valid_options
from .forms import QuestionMaker
from .model import Concept, Fact
from .question import Form, Question
from .text import comparable
from .wording import capitalised, content_words, has_absolute, shape

__all__ = ["GUIDELINES", "Finding", "Severity", "lint_bank"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # worth knowing, nothing to fix: enemy pairs, which quizzes keep apart


GUIDELINES = {
    "key-length": "Keep options about equal in length; a conspicuously long key is a clue.",
    "clang": "Avoid clues: a word of the key should not be repeated in the stem.",
    "negative-stem": "Word stems positively; if NOT or EXCEPT is needed, write it in capitals.",
    "absolutes": "Avoid specific determiners (always, never…) that only distractors use.",
    "duplicate-options": "Options must be distinct.",
    "overlapping-options": "Options must not overlap: one option must not contain another.",
    "few-distractors": "Every item needs at least two plausible distractors of the key's kind.",
    "grammar": "Keep options homogeneous in grammatical form; the key must not stand out.",
    "convergence": "Vary wrong options along different lines; a key that shares the most with "
    "every other option is the test-wise guess.",
    "capitals": "Keep options alike in form; a key that alone is capitalised (or alone is not) "
    "stands out.",
    "pool-reliance": "Distractors must fit the category the stem names; other items' answers "
    "of the same kind may not.",
    "few-wrong-definitions": "Offer wrong meanings of the same term, plausible without the "
    "article; other terms' definitions give the key away.",
    "enemies": "One question must not answer another: these items are never asked together.",
}
SEVERITY = {
    "grammar": Severity.WARNING,
    "capitals": Severity.WARNING,
    "convergence": Severity.WARNING,
    "pool-reliance": Severity.WARNING,
    "few-wrong-definitions": Severity.WARNING,
    "enemies": Severity.INFO,
}
# A four-option question needs three distractors; fewer curated ones are topped up from the pool.
_CURATED_ENOUGH = 3
_NEGATIVE = re.compile(r"\b(not|except)\b", re.IGNORECASE)
# Sharing two more words with the other options than any distractor does singles the key out.
_CONVERGENCE_MARGIN = 2


@dataclass(frozen=True, order=True)
class Finding:
    location: str
    item_id: str
    guideline: str
    message: str
    severity: Severity

    def __str__(self) -> str:
        return f"{self.location}: {self.item_id}: {self.severity}: {self.guideline}: {self.message}"


def lint_bank(bank: Bank) -> list[Finding]:
    """Every finding for every item of the bank, sorted by place."""
    maker = QuestionMaker(bank)
    findings: set[Finding] = set()

    def add(item_id: str, guideline: str, message: str) -> None:
        location = str(bank.locations.get(item_id, bank.root))
        severity = SEVERITY.get(guideline, Severity.ERROR)
        findings.add(Finding(location, item_id, guideline, message, severity))

    for item in bank.items():
        for guideline, message in _item_findings(maker, item):
            add(item.id, guideline, message)
    for item_id, message in _enemy_notes(bank):
        add(item_id, "enemies", message)
    return sorted(findings, key=_in_file_order)


def _in_file_order(finding: Finding) -> tuple[str, int, str, str, str]:
    path, _, line = finding.location.rpartition(":")
    if not line.isdigit():
        path, line = finding.location, "0"
    return (path, int(line), finding.item_id, finding.guideline, finding.message)


def _enemy_notes(bank: Bank) -> Iterator[tuple[str, str]]:
    """One note per item that gives others away: the first of them, and how many in all.

    One note per pair would bury the author when a common answer (a year, a country) stands in
    hundreds of stems; the count says which items cost the most.
    """
    for item in bank.items():
        first, count = bank.enemies.first_and_count(item)
        if not first:
            continue
        answered = first[0].answered
        fields = list(dict.fromkeys(c.field for c in first))
        key = max((c.key for c in first), key=len)
        shows = f"its {' and '.join(fields)} show{'s' if len(fields) == 1 else ''} {key!r}"
        others = count - 1
        more = f" (and the answers of {others} other item{'s' if others != 1 else ''})"
        yield (
            item.id,
            f"{shows}, the answer of {answered}{more if others else ''}; never asked together "
            f"({item.id} gives away {count} item{'s' if count != 1 else ''})",
        )


def _item_findings(maker: QuestionMaker, item: Item) -> Iterator[tuple[str, str]]:
    yield from _curated(item)
    yield from _supply(maker, item)
    for form in maker.forms(item):
        if form is Form.CLOZE:
            continue
        question = maker.make(item, form, position=0, seed=0)
        if question is None:
            continue
        yield from _stem(question)
        if form is not Form.TRUE_FALSE:
            yield from _options(question)


def _curated(item: Item) -> Iterator[tuple[str, str]]:
    """The author's own distractors, checked before the generator quietly drops any."""
    key = item.answer if isinstance(item, Fact) else item.term
    seen: list[str] = []
    for distractor in item.distractors:
        for other in [key, *item.aliases, *seen]:
            if comparable(distractor) == comparable(other):
                yield "duplicate-options", f"{distractor!r} repeats {other!r}"
            elif overlaps(distractor, other):
                yield "overlapping-options", f"{distractor!r} and {other!r} overlap"
        seen.append(distractor)


def _supply(maker: QuestionMaker, item: Item) -> Iterator[tuple[str, str]]:
    yield from _pool_reliance(maker, item)
    if isinstance(item, Concept) and maker.make(item, Form.DEFINITION) is None:
        yield (
            "few-wrong-definitions",
            f"{len(item.wrong_definitions)} wrong definition(s): with fewer than two valid ones "
            "the term gets no definition question; add wrong_definitions",
        )
    if isinstance(item, Fact):
        if item.kind in ORDERED_KINDS:
            if maker.make(item, Form.MULTIPLE_CHOICE, position=0) is None:
                yield "few-distractors", f"the {item.kind} {item.answer!r} is not a number"
            return
        found = maker.pool.available(item, 2)
        if found < 2:
            yield (
                "few-distractors",
                (
                    f"only {found} distractor(s) of kind '{item.kind}' for "
                    f"{item.answer!r}: add curated ones or more {item.kind} items"
                ),
            )
    elif isinstance(item, Concept):
        found = maker.pool.available(item, 2)
        if found < 2:
            yield (
                "few-distractors",
                (f"only {found} other term(s) of kind '{item.kind}': add curated distractors"),
            )


def _pool_reliance(maker: QuestionMaker, item: Item) -> Iterator[tuple[str, str]]:
    # A concept's term question names no category: any term of its kind may stand beside it.
    if not isinstance(item, Fact) or item.kind in ORDERED_KINDS:
        return
    if not item.pool or item.category is not None:
        return
    curated = len(valid_options(item.distractors, item.answer, item.aliases))
    if curated < _CURATED_ENOUGH and maker.pool.available(item, _CURATED_ENOUGH) > curated:
        yield (
            "pool-reliance",
            f"{curated} curated distractor(s): the rest come from any {item.kind} in the bank, "
            "which may not fit the stem; add distractors, set `category`, or `pool: false`",
        )


def _stem(question: Question) -> Iterator[tuple[str, str]]:
    for match in _NEGATIVE.finditer(question.stem):
        if match.group() != match.group().upper():
            yield "negative-stem", f"{match.group()!r} in the stem: reword, or write it in capitals"


def _options(question: Question) -> Iterator[tuple[str, str]]:
    key = question.answer
    distractors = question.distractors
    if not distractors:
        return
    lengths = [len(d) for d in distractors]
    if len(key) > max(lengths) and len(key) >= 1.5 * mean(lengths) and len(key) - max(lengths) >= 5:
        yield (
            "key-length",
            (
                f"{question.form} key is {len(key)} characters, the distractors "
                f"{round(mean(lengths))} on average"
            ),
        )
    clues = content_words(key) & content_words(question.stem)
    clues -= set().union(*(content_words(d) for d in distractors))
    if clues:
        yield "clang", f"{question.form}: the stem and the key share {', '.join(sorted(clues))!s}"
    key_absolute = has_absolute(key)
    for distractor in distractors:
        if has_absolute(distractor) and not key_absolute:
            yield (
                "absolutes",
                f"{question.form}: only the distractor {distractor!r} uses an absolute",
            )
    yield from _convergence(question)
    if question.kind not in ORDERED_KINDS and all(
        capitalised(d) != capitalised(key) for d in distractors
    ):
        yield (
            "capitals",
            f"{question.form}: the key {key!r} alone "
            f"{'starts with a capital' if capitalised(key) else 'starts in lower case'}",
        )
    # Definitions are whole sentences; their openings say nothing about grammatical agreement.
    if question.kind not in ORDERED_KINDS and question.form is not Form.DEFINITION:
        key_shape = shape(key)
        if all(shape(d) != key_shape for d in distractors):
            yield (
                "grammar",
                (
                    f"{question.form}: the key {key!r} is shaped unlike every distractor "
                    f"({', '.join(map(repr, distractors))})"
                ),
            )


def _convergence(question: Question) -> Iterator[tuple[str, str]]:
    """Wrong options made by changing one part of the key each leave the key as their centre:
    it shares the most words with all the others, and a test-wise guess picks it."""
    words = [content_words(option) for option in question.options]
    shared = [
        sum(len(mine & theirs) for j, theirs in enumerate(words) if j != i)
        for i, mine in enumerate(words)
    ]
    assert question.key is not None
    key_shares = shared.pop(question.key)
    if shared and key_shares >= max(shared) + _CONVERGENCE_MARGIN:
        yield (
            "convergence",
            f"{question.form}: the key shares {key_shares} words with the other options, no "
            f"distractor more than {max(shared)}: vary the distractors along different lines",
        )
