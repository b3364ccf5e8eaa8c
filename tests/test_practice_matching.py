"""Typed answers: forgiving about form and small typos, strict about substance."""

from __future__ import annotations

import pytest

from quizlib.practice import SegmentKind, check_typed, normalise
from quizlib.practice.matching import allowed_typos
from tests.practice_helpers import question

GANICH = question(1, answer="Danila Ganich", accepted=["Danila Garnish", "Ganich"])
YEAR = question(2, answer="2014", options=["2012", "2014", "2015", "2016"], key=1)
ARCTIC = question(
    3,
    answer="the Arctic",
    accepted=["Arctic Ocean"],
    options=["the Arctic", "Siberia", "the Black Sea", "the Caspian Sea"],
)
ENTENTE = question(4, answer="entente cordiale", accepted=["entente"])
AUSTRALIA = question(5, answer="Australia", options=["Australia", "Austria", "Germany", "Japan"])
CPEC = question(6, answer="CPEC", accepted=["China-Pakistan Economic Corridor"])
DETENTE = question(7, answer="Détente", options=["Détente", "Alliance", "Bromance", "Honeymoon"])


@pytest.mark.parametrize(
    ("q", "typed", "correct", "typos"),
    [
        # case, punctuation, articles, accents
        (GANICH, "danila ganich", True, 0),
        (GANICH, "  DANILA   GANICH. ", True, 0),
        (ARCTIC, "Arctic", True, 0),
        (ARCTIC, "an arctic", True, 0),
        (ARCTIC, "The Arctic!", True, 0),
        (DETENTE, "detente", True, 0),
        (DETENTE, "DÉTENTE", True, 0),
        (CPEC, "c.p.e.c.", False, 3),  # dots inside a word split it: c p e c is not cpec
        (CPEC, "cpec", True, 0),
        (CPEC, "China Pakistan economic corridor", True, 0),
        # aliases
        (GANICH, "Ganich", True, 0),
        (GANICH, "Danila Garnish", True, 0),
        (ARCTIC, "arctic ocean", True, 0),
        (ENTENTE, "Entente", True, 0),
        # typos in longer answers: one or two, a transposition counts as one
        (GANICH, "Danila Gainch", True, 1),
        (GANICH, "Danilla Ganic", True, 2),
        (ENTENTE, "entente cordial", True, 1),
        (ENTENTE, "etnente cordaile", True, 2),
        (CPEC, "China-Pakistan Economic Coridor", True, 1),
        # wrong answers
        (GANICH, "Sergey Lavrov", False, None),
        (GANICH, "Danila", False, None),
        (GANICH, "", False, 0),
        (GANICH, "Dnl Gnch", False, None),  # too many edits
        (ARCTIC, "Siberia", False, None),
        (YEAR, "2015", False, 1),  # digits are never forgiven
        (YEAR, "2104", False, 1),
        (ENTENTE, "entente cordiale pact", False, None),
        (CPEC, "CPEK", False, 1),  # four letters: no typo forgiven
        (AUSTRALIA, "Austria", False, 2),  # a distractor, not a typo
        (AUSTRALIA, "Australa", True, 1),
    ],
)
def test_typed_answers(q, typed, correct, typos):
    match = check_typed(q, typed)
    assert match.correct is correct, match
    if typos is not None:
        assert match.typos == typos


def test_a_forgiven_typo_shows_what_differed():
    match = check_typed(GANICH, "Danila Ganihc")
    assert match.correct and match.near_miss
    assert match.expected == "Danila Ganich"
    changed = [s for s in match.diff if s.kind is not SegmentKind.SAME]
    assert changed and all(s.typed != s.expected for s in changed)
    assert "".join(s.expected for s in match.diff) == "danila ganich"
    assert "".join(s.typed for s in match.diff) == "danila ganihc"


def test_a_near_miss_that_is_wrong_still_shows_the_difference():
    match = check_typed(YEAR, "2015")
    assert not match.correct and match.near_miss


def test_an_exact_answer_and_a_far_one_show_no_difference():
    assert not check_typed(GANICH, "Danila Ganich").near_miss
    assert not check_typed(GANICH, "Kenneth Waltz").near_miss


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("The Élysée.", "elysee"),
        ("“Bromance”", "bromance"),
        ("people-to-people contacts", "people to people contacts"),
        ("A", "a"),  # an answer that is only an article keeps it
        ("the Belt and the Road", "belt and road"),
    ],
)
def test_normalise(text, normal):
    assert normalise(text) == normal


@pytest.mark.parametrize(("answer", "typos"), [("cpec", 0), ("ganich", 1), ("danila ganich", 2)])
def test_allowed_typos_grow_with_length(answer, typos):
    assert allowed_typos(answer) == typos
