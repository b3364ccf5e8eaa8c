"""Grounding: finding quotes in a source, every quote of a bank in one pass.

The source's paragraphs are folded once (see :func:`quizlib.text.fold`) and joined with a
newline. Folding turns every whitespace character into a space, so no folded quote contains a
newline and no match can span two paragraphs. All quotes are then found together by an
Aho–Corasick automaton over their folded forms, so the cost grows with the length of the source
plus the length of the quotes (and the number of matches), never with their product.

A match is a whole-word occurrence: no word character just before it or just after it, the
regular expression ``(?<!\\w)quote(?!\\w)``. Overlapping occurrences count: in "a b a b a" the
quote "a b a" occurs twice. An overlapping second occurrence still points at a second place, so
the quote is ambiguous (:func:`re.finditer`, which grounding used before, would count it once).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

import ahocorasick

from .passage import Paragraph, QuoteMatch
from .text import fold, fold_with_offsets, is_word_end, is_word_start

if TYPE_CHECKING:
    from .source import Source

__all__ = ["Grounder", "ground", "quote_problem"]

_SEPARATOR = "\n"


class Grounder:
    """The folded text of a source's paragraphs, with the way back to the original offsets."""

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = tuple(paragraphs)
        texts: list[str] = []
        # Per paragraph, the original offset of each folded character. Arrays, not lists: a
        # list holds one int object per character, some 300 MB for a 9 MB source.
        self._offsets: list[array[int]] = []
        self._starts: list[int] = []
        position = 0
        for paragraph in self.paragraphs:
            folded, offsets = fold_with_offsets(paragraph.text)
            texts.append(folded)
            self._offsets.append(array("i", offsets))
            self._starts.append(position)
            position += len(folded) + len(_SEPARATOR)
        self.text = _SEPARATOR.join(texts)

    def folded(self, index: int) -> tuple[str, Sequence[int]]:
        """The folded text of the paragraph at ``index`` (0-based) and its offsets."""
        start = self._starts[index]
        offsets = self._offsets[index]
        return self.text[start : start + len(offsets)], offsets

    def find(self, quote: str) -> list[QuoteMatch]:
        """Every whole-word occurrence of ``quote``: one scan of the source, for single lookups."""
        needle = fold(quote)
        if not needle:
            return []
        text = self.text
        matches = []
        start = text.find(needle)
        while start >= 0:
            if is_word_start(text, start) and is_word_end(text, start + len(needle)):
                matches.append(self._match(start, len(needle)))
            start = text.find(needle, start + 1)
        return matches

    def find_all(self, quotes: Sequence[str]) -> list[list[QuoteMatch]]:
        """For each quote, every whole-word occurrence, found in one pass over the source."""
        needles = [fold(quote) for quote in quotes]
        starts: dict[str, list[int]] = {needle: [] for needle in needles}
        automaton = ahocorasick.Automaton()
        for needle in starts:
            if needle:
                automaton.add_word(needle, needle)
        if len(automaton):
            automaton.make_automaton()
            text = self.text
            for last, needle in automaton.iter(text):
                start = last + 1 - len(needle)
                if is_word_start(text, start) and is_word_end(text, last + 1):
                    starts[needle].append(start)
        return [[self._match(start, len(needle)) for start in starts[needle]] for needle in needles]

    def _match(self, start: int, length: int) -> QuoteMatch:
        index = bisect_right(self._starts, start) - 1
        offsets = self._offsets[index]
        local = start - self._starts[index]
        return QuoteMatch(self.paragraphs[index], offsets[local], offsets[local + length - 1] + 1)


def ground(source: Source, quotes: Sequence[str]) -> list[list[QuoteMatch]]:
    """For each of ``quotes``, every place it occurs in ``source``, all found in one pass."""
    return source.grounder.find_all(quotes)


def quote_problem(source: Source, quote: str, matches: Sequence[QuoteMatch]) -> str | None:
    """What is wrong with a quote found at ``matches``: None when it occurs exactly once.

    A missing quote is shown the closest passage, the one step that reads the whole source per
    quote, so it runs only for misses.
    """
    if len(matches) == 1:
        return None
    if matches:
        numbers = sorted({m.paragraph.number for m in matches})
        where = ", ".join(f"¶{n}" for n in numbers)
        return (
            f"quote occurs {len(matches)} times in the source ({where}); "
            "quote more words so it points at one place"
        )
    hint = source.closest(quote)
    message = "quote not found in the source"
    if hint is not None:
        message += f"; closest passage (paragraph {hint.paragraph.number}): {hint.text!r}"
    return message
