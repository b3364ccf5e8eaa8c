"""Text normalisation shared by quote matching and answer comparison.

Articles pasted from the web mix curly and straight quotes, backticks used as apostrophes, several
dashes and non-breaking spaces; authors type the plain forms. Both sides are folded to one form
before they are compared, keeping a map back to the original offsets for reporting.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "comparable",
    "fold",
    "fold_with_offsets",
    "has_phrase",
    "is_word_end",
    "is_word_start",
    "phrase_spans",
]

_STYLE_MAP = {
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
_STYLES = str.maketrans(_STYLE_MAP)
_STYLES_KEYS = "".join(_STYLE_MAP)


# Characters that fold to exactly one other character, whatever surrounds them: printable ASCII
# and the quote and dash styles that NFKC leaves alone. Runs of them joined by single spaces fold
# one to one with str.translate and str.lower (casefold changes no ASCII letter differently), so
# only what lies between such runs takes the per-character path; articles are mostly such runs.
_ONE_TO_ONE = "".join(
    ch for ch in _STYLES_KEYS if unicodedata.normalize("NFKC", ch) == ch and ch.isprintable()
)
_PLAIN = re.compile(rf"[!-~{re.escape(_ONE_TO_ONE)}]+(?: [!-~{re.escape(_ONE_TO_ONE)}]+)*")


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` (see :func:`fold`) and return, for each folded character, its source offset."""
    parts: list[str] = []
    offsets: list[int] = []
    # Whether the folded text so far ends in a space (or is empty): a space is only kept
    # between non-space characters.
    after_space = True
    done = 0
    for run in _PLAIN.finditer(text):
        start, end = run.span()
        if start > done:
            after_space = _fold_slowly(text, done, start, parts, offsets, after_space)
        parts.append(run.group().translate(_STYLES).lower())
        offsets.extend(range(start, end))
        after_space = False
        done = end
    if done < len(text):
        _fold_slowly(text, done, len(text), parts, offsets, after_space)
    folded = "".join(parts)
    if folded.endswith(" "):
        folded = folded[:-1]
        offsets.pop()
    return folded, offsets


def _fold_slowly(
    text: str, start: int, end: int, parts: list[str], offsets: list[int], after_space: bool
) -> bool:
    for i in range(start, end):
        for c in _fold_character(text[i]):
            if c.isspace():
                if after_space:
                    continue
                c = " "
            parts.append(c)
            offsets.append(i)
            after_space = c == " "
    return after_space


@lru_cache(maxsize=4096)
def _fold_character(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).translate(_STYLES).casefold()


def fold(text: str) -> str:
    """Casefold, unify quote, apostrophe and dash styles, and collapse whitespace runs."""
    if _PLAIN.fullmatch(text):
        if text.isascii():  # only the backtick has another style to fold to
            return (text.replace("`", "'") if "`" in text else text).lower()
        return text.translate(_STYLES).lower()
    return fold_with_offsets(text)[0]


_NOT_WORD = re.compile(r"[^\w\s]")
_ARTICLE = re.compile(r"^(?:the|a|an) ")


@lru_cache(maxsize=1 << 17)  # options are compared pairwise: a large bank's keys come back often
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

    Anchoring at word boundaries keeps ``the`` from matching inside ``rather``. Occurrences do
    not overlap: after a match the search goes on from its end, as :func:`re.finditer` would.
    """
    needle = fold(phrase)
    if not needle:
        return []
    hay, offsets = folded
    spans = []
    start = hay.find(needle)
    while start >= 0:
        end = start + len(needle)
        if is_word_start(hay, start) and is_word_end(hay, end):
            spans.append((offsets[start], offsets[end - 1] + 1))
            start = hay.find(needle, end)
        else:
            start = hay.find(needle, start + 1)
    return spans


def has_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, after folding both."""
    needle, hay = fold(phrase), fold(text)
    if not needle:
        return False
    start = hay.find(needle)
    while start >= 0:
        if is_word_start(hay, start) and is_word_end(hay, start + len(needle)):
            return True
        start = hay.find(needle, start + 1)
    return False


def _is_word(char: str) -> bool:
    # What the regular expression class \w means for str patterns.
    return char.isalnum() or char == "_"


def is_word_start(text: str, start: int) -> bool:
    """Whether ``text[start:]`` starts a whole word: no word character just before it.

    The same test as the regular expression ``(?<!\\w)``.
    """
    return start == 0 or not _is_word(text[start - 1])


def is_word_end(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends a whole word, as ``(?!\\w)`` tests."""
    return end == len(text) or not _is_word(text[end])
