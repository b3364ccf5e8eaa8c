"""The bundled bank: big enough, grounded everywhere, faithful to the article."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from quizlib import load_bank
from quizlib.coverage import coverage
from quizlib.text import fold
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def test_bundled_bank_is_the_default(bank):
    assert bank.root == BUNDLED
    assert bank.id == "pakistan-russia-volte-face"


def test_size(bank):
    assert len(bank.facts) >= 40
    assert len(bank.concepts) >= 15


def test_five_to_eight_topics_each_used(bank):
    assert 5 <= len(bank.topics) <= 8
    used = Counter(item.topic for item in bank.items())
    assert all(used[t.id] >= 3 for t in bank.topics), used


def test_every_paragraph_is_cited_by_at_least_two_items(bank):
    assert coverage(bank).under(2) == []


def test_difficulties_are_mixed(bank):
    counts = Counter(f.difficulty.value for f in bank.facts)
    assert all(counts[level] >= 5 for level in ("easy", "medium", "hard")), counts


MISSPELT = [
    ("Danila Garnish", "Danila Ganich"),
    ("Stephen Walts", "Stephen Walt"),
    ("Karachi Council of Foreign Relations", "Karachi Council on Foreign Relations"),
]
# Names a question asks for; the webinar's host is only noted (asking for it was trivia).
ASKED = {"Danila Ganich", "Stephen Walt"}


@pytest.mark.parametrize(("printed", "correct"), MISSPELT)
def test_misspelt_names_keep_the_quote_and_note_the_correction(bank, printed, correct):
    citing = [i for i in bank.items() if printed in i.source.quote.replace("`", "")]
    assert citing, f"no item quotes {printed!r}"
    for item in citing:
        assert item.note is not None and correct in item.note and printed in item.note, item.id
    answers = [f for f in bank.facts if f.answer == correct]
    assert bool(answers) == (correct in ASKED), correct


def test_no_item_uses_a_misspelling_as_its_answer(bank):
    for fact in bank.facts:
        assert fact.answer not in {printed for printed, _ in MISSPELT}


def test_each_fact_has_three_curated_same_kind_distractors(bank):
    for fact in bank.facts:
        assert len(fact.distractors) >= 3, fact.id


def test_year_answers_and_distractors_are_years(bank):
    for fact in bank.facts:
        if fact.kind.value == "year":
            assert all(re.fullmatch(r"\d{4}", v) for v in [fact.answer, *fact.distractors]), fact.id


def test_opinions_are_attributed(bank):
    # Evaluative words that only the author can vouch for must not be stated as plain fact.
    loaded = re.compile(r"\b(hooliganism|duplicitous|myopic|utopian|goliath|miscalculation|must)\b")
    attribution = re.compile(
        r"\b(author|article|according to|waltz quotation|in the author's words)\b"
    )
    for fact in bank.facts:
        for text in (fact.statement, fact.prompt):
            if loaded.search(fold(text)):
                assert attribution.search(fold(text)), (fact.id, text)


def test_ids_are_locked(bank):
    # Ids key Anki notes and review history: renaming or deleting one orphans both. A retired id
    # stays in the lock file, marked, so it is never reused for a different item.
    lines = (BUNDLED / "ids.lock").read_text(encoding="utf-8").splitlines()
    entries = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    assert all(len(e) == 1 or e[1:] == ["retired"] for e in entries), "id [retired] per line"
    active = {e[0] for e in entries if len(e) == 1}
    retired = {e[0] for e in entries if len(e) == 2}
    current = {item.id for item in bank.items()}
    assert len(active) + len(retired) == len(entries), "an id is listed twice"
    assert sorted(active - current) == [], "ids removed or renamed: mark them retired"
    assert sorted(current - active - retired) == [], "new ids: add them to content/ids.lock"
    assert sorted(current & retired) == [], "retired ids are never reused"


def test_no_sentence_of_the_article_carries_more_than_three_items(bank):
    # More would make the article's best-known lines a quiz of their own, and one question would
    # lean on the next.
    carried = Counter(bank.passage(item) for item in bank.items())
    crowded = {place: n for place, n in carried.items() if n > 3}
    assert crowded == {}
