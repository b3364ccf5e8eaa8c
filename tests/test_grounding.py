"""Grounding: every quote found in one pass, exactly as a brute-force search finds it."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quizlib import load_bank
from quizlib.grounding import ground, quote_problem
from quizlib.source import Source, parse_source, read_source
from quizlib.text import fold, fold_with_offsets
from tests.conftest import BUNDLED

ARTICLE = BUNDLED / "sources" / "pakistan-russia-volte-face.md"


def source_of(*paragraphs: str) -> Source:
    front = "---\ntitle: T\nkind: note\norigin: test\n---\n\n"
    return parse_source(Path("t.md"), front + "\n\n".join(paragraphs) + "\n")


def spans(matches):
    return [(m.paragraph.number, m.start, m.end) for m in matches]


def brute_force(source: Source, quote: str) -> list[tuple[int, int, int]]:
    """Every whole-word start of the folded quote, overlapping ones too, paragraph by paragraph."""
    needle = fold(quote)
    if not needle:
        return []
    found = []
    for paragraph in source.paragraphs:
        hay, offsets = fold_with_offsets(paragraph.text)
        pattern = rf"(?<!\w)(?={re.escape(needle)}(?!\w))"
        for match in re.finditer(pattern, hay):
            start, end = match.start(), match.start() + len(needle)
            found.append((paragraph.number, offsets[start], offsets[end - 1] + 1))
    return found


def test_every_bundled_quote_is_found_exactly_once():
    bank = load_bank()
    items = list(bank.items())
    found = ground(bank.source, [item.source.quote for item in items])
    for item, matches in zip(items, found, strict=True):
        assert len(matches) == 1, item.id
        assert fold(matches[0].text) == fold(item.source.quote)
        assert matches == bank.source.find(item.source.quote)
        assert bank.citation(item) == matches[0]


def test_a_missing_quote_gets_the_closest_passage():
    source = read_source(ARTICLE)
    quote = "the Russian ambassador to Pakistan Danila Ganich candidly revealed"
    (matches,) = ground(source, [quote])
    assert matches == []
    assert quote_problem(source, quote, matches) == (
        "quote not found in the source; closest passage (paragraph 3): "
        "'the Russian ambassador to Pakistan Danila Garnish candidly revealed'"
    )


def test_an_ambiguous_quote_reports_its_second_occurrence():
    source = read_source(ARTICLE)
    (matches,) = ground(source, ["Russian strategic"])
    assert [m.paragraph.number for m in matches] == [4, 4]
    assert matches[0].start < matches[1].start
    assert quote_problem(source, "Russian strategic", matches) == (
        "quote occurs 2 times in the source (¶4); quote more words so it points at one place"
    )


def test_a_quote_found_once_has_no_problem():
    source = source_of("One two three.")
    (matches,) = ground(source, ["two"])
    assert quote_problem(source, "two", matches) is None


def test_matches_are_whole_words():
    source = source_of("The rather true ruse; rue.", "Other_rue rue2 rue")
    assert spans(ground(source, ["rue"])[0]) == [(1, 22, 25), (2, 15, 18)]
    assert spans(ground(source, ["the"])[0]) == [(1, 0, 3)]  # not inside "rather" or "Other"


def test_no_match_spans_two_paragraphs():
    source = source_of("It ends here", "here it starts")
    assert ground(source, ["here here", "here it", "ends here"]) == [
        [],
        [source.find("here it")[0]],
        [source.find("ends here")[0]],
    ]
    assert spans(ground(source, ["here"])[0]) == [(1, 8, 12), (2, 0, 4)]


def test_styles_case_and_spaces_are_folded_with_original_offsets():
    source = source_of("He said “Russia’s  role — is KEY” today.")
    (match,) = ground(source, ['"russia\'s role - is key"'])[0]
    assert match.text == "“Russia’s  role — is KEY”"


def test_overlapping_occurrences_count_as_ambiguity():
    # re.finditer would see one "a b a" here; the quote does point at two places.
    source = source_of("x a b a b a y")
    (matches,) = ground(source, ["a b a"])
    assert spans(matches) == [(1, 2, 7), (1, 6, 11)]
    assert spans(source.find("a b a")) == spans(matches)


def test_repeated_and_empty_quotes():
    source = source_of("One two three.")
    first, second, empty = ground(source, ["two", "TWO", " "])
    assert spans(first) == spans(second) == [(1, 4, 7)]
    assert empty == []
    assert ground(source, []) == []


_WORDS = ["a", "b", "ab", "Ab", "the", "rather", "’s", "'s", "—", "-", "“x”", '"x"', "é", "ﬁ", "_"]
_SPACES = [" ", "  ", " \t"]


@st.composite
def texts(draw: st.DrawFn, max_words: int = 12) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=max_words))
    gaps = draw(st.lists(st.sampled_from(_SPACES), min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, gaps, strict=True)).strip()


@settings(max_examples=300, deadline=None)
@given(
    paragraphs=st.lists(texts(), min_size=1, max_size=5),
    quotes=st.lists(texts(max_words=3), max_size=8),
    data=st.data(),
)
def test_agrees_with_a_brute_force_search(paragraphs, quotes, data):
    source = source_of(*paragraphs)
    # Also quote slices of the text itself, so that most quotes are found.
    for _ in range(data.draw(st.integers(0, 4))):
        text = data.draw(st.sampled_from(source.paragraphs)).text
        start = data.draw(st.integers(0, len(text)))
        quotes.append(text[start : data.draw(st.integers(start, len(text)))])
    found = ground(source, quotes)
    for quote, matches in zip(quotes, found, strict=True):
        assert spans(matches) == brute_force(source, quote), quote
        assert spans(source.find(quote)) == spans(matches)
