"""Folding: the fast path gives what folding character by character gives."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from quizlib.text import _STYLES, fold, fold_with_offsets, phrase_spans


def reference_fold(text: str) -> tuple[str, list[int]]:
    """The definition: NFKC, quote and dash styles, casefold, whitespace runs as one space."""
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


_ALPHABET = st.sampled_from(list("aZ`'.-_ \t\n\x1c\u00a0\u3000’“«é\u2013\u2011\u2032´ẞﬁİ"))


@settings(max_examples=500)
@given(st.text(_ALPHABET, max_size=30) | st.text(max_size=30))
def test_fold_agrees_with_the_per_character_definition(text):
    assert fold_with_offsets(text) == reference_fold(text)
    assert fold(text) == reference_fold(text)[0]


@settings(max_examples=300)
@given(st.text(st.sampled_from(list("ab _’'")), max_size=20), st.text("ab ’", max_size=5))
def test_phrase_spans_agrees_with_finditer(text, phrase):
    folded = fold_with_offsets(text)
    needle = fold(phrase)
    expected = (
        [
            (folded[1][m.start()], folded[1][m.end() - 1] + 1)
            for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", folded[0])
        ]
        if needle
        else []
    )
    assert phrase_spans(folded, phrase) == expected
