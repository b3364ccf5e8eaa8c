"""Sentences of a paragraph: the unit two items must not share if they are asked together.

Two items grounded in one sentence test one thought: whichever is asked second is half answered
by the first. A quotation is one unit however many sentences it holds, because the author offers
it as one thought; a semicolon ends a unit, as it ends a clause that could stand alone.
"""

from __future__ import annotations

from bisect import bisect_right

__all__ = ["sentence_index", "sentence_starts"]

_ENDS = ".?!;"
_OPEN, _CLOSE = "“", "”"
# A full stop after these (or after a lone initial, "J. Smith") does not end a sentence.
_ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "prof", "st", "gen", "lt", "col", "sr", "jr", "vs"}


def sentence_starts(text: str) -> list[int]:
    """Offsets where the sentences of ``text`` start (the first is 0)."""
    starts = [0]
    depth = 0
    for i, ch in enumerate(text):
        if ch == _OPEN:
            depth += 1
        elif ch == _CLOSE:
            depth = max(0, depth - 1)
            # “… the end.” Then: a quotation that ends a sentence ends it outside too.
            if depth == 0 and i and text[i - 1] in _ENDS and _next_starts(text, i):
                starts.append(i + 2)
        elif (
            ch in _ENDS
            and depth == 0
            and _next_starts(text, i)
            and not (ch == "." and _abbreviation(text, i))
        ):
            starts.append(i + 2)
    return starts


def _next_starts(text: str, i: int) -> bool:
    """Does a new sentence start after a space following position ``i``?"""
    return (
        i + 2 < len(text)
        and text[i + 1].isspace()
        and (text[i + 2].isupper() or text[i + 2] in _OPEN + '"')
    )


def _abbreviation(text: str, stop: int) -> bool:
    word = text[:stop].rsplit(None, 1)[-1] if text[:stop].strip() else ""
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


def sentence_index(starts: list[int], offset: int) -> int:
    """Which sentence (0-based) the character at ``offset`` belongs to."""
    return bisect_right(starts, offset) - 1
