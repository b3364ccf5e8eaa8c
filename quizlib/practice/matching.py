"""Checking a typed answer: forgiving about form and small typos, strict about substance.

Case, punctuation, accents and articles never matter, and any of the question's accepted forms
(the item's aliases) counts. A longer answer may carry one or two typos (a transposition counts as
one), but never in its digits: 2014 is not 2015. A typo that lands closer to one of the
question's distractors than to the answer is not forgiven: "Austria" is not a typo of "Australia"
when Austria is among the options.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from ..question import Question
from ..text import comparable

__all__ = ["Match", "Segment", "SegmentKind", "allowed_typos", "check_typed", "normalise"]

_ARTICLES = frozenset({"a", "an", "the"})


class SegmentKind(StrEnum):
    SAME = "same"
    CHANGED = "changed"  # typed differs from the answer here
    MISSING = "missing"  # the answer has this, the typed text does not
    EXTRA = "extra"  # the typed text has this, the answer does not


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    typed: str
    expected: str


@dataclass(frozen=True)
class Match:
    """The verdict on a typed answer."""

    correct: bool
    typed: str
    expected: str  # the accepted form nearest to what was typed, as the bank writes it
    typos: int  # edits between the two once normalised (0: the same answer)
    diff: tuple[Segment, ...] = ()  # what differed, for a near miss; empty otherwise

    @property
    def near_miss(self) -> bool:
        return bool(self.diff)


def normalise(text: str) -> str:
    """Lowercase words without punctuation, accents or articles: "The Élysée." -> "elysee"."""
    decomposed = unicodedata.normalize("NFKD", comparable(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = plain.split()
    return " ".join([w for w in words if w not in _ARTICLES] or words)


def allowed_typos(expected: str) -> int:
    """Typos forgiven in an answer of this (normalised) form: none in short words."""
    letters = len(expected.replace(" ", ""))
    return 0 if letters < 5 else 1 if letters < 10 else 2


def check_typed(question: Question, typed: str) -> Match:
    """Whether ``typed`` answers ``question``; see the module docstring for what is forgiven."""
    # Imported at the first typed answer: every practice session imports this module, and the
    # session's first question is on screen sooner without it.
    from rapidfuzz.distance import OSA

    said = normalise(typed)
    accepted = list(dict.fromkeys([question.answer, *question.accepted]))
    if not said:
        return Match(correct=False, typed=typed, expected=question.answer, typos=0)
    scored = [(OSA.distance(said, normalise(form)), i, form) for i, form in enumerate(accepted)]
    distance, _, expected = min(scored)
    target = normalise(expected)
    if distance == 0:
        return Match(correct=True, typed=typed, expected=expected, typos=0)
    forgiven = (
        distance <= allowed_typos(target)
        and _digits(said) == _digits(target)
        and not any(OSA.distance(said, normalise(d)) <= distance for d in question.distractors)
    )
    shown = _diff(said, target) if distance <= allowed_typos(target) + 2 else ()
    return Match(correct=forgiven, typed=typed, expected=expected, typos=distance, diff=shown)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _diff(typed: str, expected: str) -> tuple[Segment, ...]:
    from rapidfuzz.distance import Levenshtein

    segments: list[Segment] = []
    for op in Levenshtein.opcodes(typed, expected):
        got, want = typed[op.src_start : op.src_end], expected[op.dest_start : op.dest_end]
        kind = {
            "equal": SegmentKind.SAME,
            "replace": SegmentKind.CHANGED,
            "delete": SegmentKind.EXTRA,
            "insert": SegmentKind.MISSING,
        }[op.tag]
        segments.append(Segment(kind, got, want))
    return _merge(segments)


def _merge(segments: list[Segment]) -> tuple[Segment, ...]:
    """Join edits split by at most one matching letter into one change.

    A transposition comes out of Levenshtein as an insertion and a deletion around a shared
    letter ("ne" for "en"); shown as one change it reads as the swap it is.
    """
    merged: list[Segment] = []
    for segment in segments:
        if (
            segment.kind is not SegmentKind.SAME
            and len(merged) >= 2
            and merged[-1].kind is SegmentKind.SAME
            and len(merged[-1].typed) == 1
            and merged[-2].kind is not SegmentKind.SAME
        ):
            gap, before = merged.pop(), merged.pop()
            segment = Segment(
                SegmentKind.CHANGED,
                before.typed + gap.typed + segment.typed,
                before.expected + gap.expected + segment.expected,
            )
        elif (
            segment.kind is not SegmentKind.SAME
            and merged
            and merged[-1].kind is not SegmentKind.SAME
        ):
            before = merged.pop()
            segment = Segment(
                SegmentKind.CHANGED,
                before.typed + segment.typed,
                before.expected + segment.expected,
            )
        merged.append(segment)
    return tuple(merged)
