"""Sentences of a paragraph, the unit two questions of one quiz should not share."""

from __future__ import annotations

import pytest

from quizlib.sentences import sentence_index, sentence_starts


def _sentences(text):
    starts = sentence_starts(text)
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two? Three! Four", ["One.", "Two?", "Three!", "Four"]),
        ("He wrote; “Then came more.", ["He wrote;", "“Then came more."]),
        # A quotation is one thought however many sentences it holds.
        ("“First. Second.” Then after.", ["“First. Second.”", "Then after."]),
        # Titles and initials are not ends of sentences.
        ("Dr. Moeed Yusuf spoke. J. Smith too.", ["Dr. Moeed Yusuf spoke.", "J. Smith too."]),
        ("In 2014. the end", ["In 2014. the end"]),  # no capital after: not a new sentence
    ],
)
def test_sentences(text, expected):
    assert _sentences(text) == expected


def test_sentence_index():
    starts = sentence_starts("One. Two. Three.")
    assert [sentence_index(starts, i) for i in (0, 4, 5, 10, 15)] == [0, 0, 1, 2, 2]
