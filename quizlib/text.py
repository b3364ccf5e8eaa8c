"""Text normalisation shared by quote matching and answer comparison.

Articles pasted from the web mix curly and straight quotes, backticks used as apostrophes, several
dashes and non-breaking spaces; authors type the plain forms. Both sides are folded to one form
before they are compared, keeping a map back to the original offsets for reporting.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "fold_with_offsets"]

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
