"""Text normalisation shared by quote matching and answer comparison.

Articles pasted from the web mix curly and straight quotes, backticks used as apostrophes, several
dashes and non-breaking spaces; authors type the plain forms. Both sides are folded to one form
before they are compared, keeping a map back to the original offsets for reporting.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["comparable", "fold", "fold_with_offsets", "phrase_spans"]

_STYLES = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "`": "'",
        "\u00b4": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` (see :func:`fold`) and return, for each folded character, its source offset."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).translate(_STYLES).casefold():
            if c.isspace():
                if not out or out[-1] == " ":
                    continue
                c = " "
            out.append(c)
            offsets.append(i)
    if out and out[-1] == " ":
        out.pop()
        offsets.pop()
    return "".join(out), offsets


def fold(text: str) -> str:
    """Casefold, unify quote, apostrophe and dash styles, and collapse whitespace runs."""
    return fold_with_offsets(text)[0]


_NOT_WORD = re.compile(r"[^\w\s]")
_ARTICLE = re.compile(r"^(?:the|a|an) ")


@lru_cache(maxsize=8192)  # options are compared pairwise, so the same texts come back often
def comparable(text: str) -> str:
    """The form two answers are compared in: folded, without punctuation or a leading article.

    "The Taliban", "taliban" and "Taliban." all become ``taliban``. Folding here needs no offsets,
    so it runs on the whole string at C speed: enemy detection folds every text of a bank.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_STYLES).casefold()
    words = " ".join(_NOT_WORD.sub(" ", folded).split())
    return _ARTICLE.sub("", words)


def phrase_spans(folded: tuple[str, list[int]], phrase: str) -> list[tuple[int, int]]:
    """Spans, in the original text, of ``phrase`` in an already folded text, as whole words.

    Anchoring at word boundaries keeps ``the`` from matching inside ``rather``.
    """
    pattern = _phrase_pattern(phrase)
    if pattern is None:
        return []
    hay, offsets = folded
    return [(offsets[m.start()], offsets[m.end() - 1] + 1) for m in pattern.finditer(hay)]


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    # Cached because one quote is searched for in every paragraph of its source.
    needle = fold(phrase)
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)") if needle else None
