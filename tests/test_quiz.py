"""Quizzes: properties that hold for every seed and size, filters, balance, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizlib import Form, build_quiz, load_bank
from quizlib.forms import QuestionMaker
from quizlib.quiz import DEFAULT_FORMS, QuizError
from quizlib.text import comparable

BANK = load_bank()


def _keys(question):
    return {comparable(k) for k in [question.answer, *question.accepted]}


@settings(max_examples=80, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), count=st.integers(1, 100), options=st.integers(3, 5))
def test_quiz_properties(seed, count, options):
    quiz = build_quiz(BANK, count, seed=seed, options=options)
    assert 1 <= len(quiz.questions) <= count
    assert len({q.item_id for q in quiz.questions}) == len(quiz.questions)  # no item twice
    for q in quiz.questions:
        assert q.key is not None
        assert q.options[q.key] == q.answer
        if q.form is Form.TRUE_FALSE:
            assert q.options == ["True", "False"]
            continue
        assert 3 <= len(q.options) <= options
        folded = [comparable(o) for o in q.options]
        assert len(set(folded)) == len(folded), q.options  # no duplicates
        assert sum(f in _keys(q) for f in folded) == 1, q.options  # exactly one key
    assert build_quiz(BANK, count, seed=seed, options=options) == quiz  # same seed, same quiz


@settings(max_examples=80, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), count=st.integers(1, 100), options=st.integers(3, 5))
def test_key_positions_are_balanced(seed, count, options):
    quiz = build_quiz(BANK, count, seed=seed, options=options)
    by_size: dict[int, list[int]] = {}
    for q in quiz.questions:
        assert q.key is not None
        by_size.setdefault(len(q.options), []).append(q.key)
    for size, keys in by_size.items():
        counts = Counter(keys)
        uniform = len(keys) / size
        for position in range(size):
            assert abs(counts[position] - uniform) < 1, (size, counts)


def test_same_seed_same_quiz_across_processes():
    outputs = set()
    for hash_seed in ("1", "2", "3"):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "quizlib",
                "quiz",
                "--count",
                "30",
                "--seed",
                "5",
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_different_seeds_differ():
    assert build_quiz(BANK, 20, seed=1) != build_quiz(BANK, 20, seed=2)


def test_no_seed_draws_one_and_records_it():
    quiz = build_quiz(BANK, 10)
    assert build_quiz(BANK, 10, seed=quiz.seed) == quiz


def test_topics_are_balanced_when_several_are_chosen():
    topics = ["diplomacy", "ir-theory", "connectivity-energy"]
    for seed in range(20):
        quiz = build_quiz(BANK, 12, topics=topics, seed=seed)
        counts = Counter(q.topic for q in quiz.questions)
        assert set(counts) == set(topics)
        assert max(counts.values()) - min(counts.values()) <= 1, counts


def test_filters():
    quiz = build_quiz(
        BANK, 100, topics=["diplomacy"], difficulty="hard", forms=["multiple-choice"], seed=3
    )
    assert quiz.questions
    assert {q.topic for q in quiz.questions} == {"diplomacy"}
    assert {q.difficulty.value for q in quiz.questions} == {"hard"}
    assert {q.form for q in quiz.questions} == {Form.MULTIPLE_CHOICE}
    expected = {f.id for f in BANK.facts if f.topic == "diplomacy" and f.difficulty.value == "hard"}
    assert {q.item_id for q in quiz.questions} == expected


def test_count_larger_than_the_bank_leaves_out_only_enemies_and_unaskable_items():
    quiz = build_quiz(BANK, 1000, seed=1)
    taken = {q.item_id for q in quiz.questions}
    maker = QuestionMaker(BANK)
    for item in BANK.items():
        if item.id in taken:
            continue
        askable = [
            f
            for f in maker.forms(item)
            if f in DEFAULT_FORMS and f is not Form.TRUE_FALSE and maker.make(item, f) is not None
        ]
        assert BANK.enemies.of(item.id) & taken or not askable, item.id


def _shows(question):
    """What a test-taker reads before answering: the stem, and the key among the options."""
    shown = [question.stem]
    if question.form is not Form.TRUE_FALSE:
        shown.append(question.answer)
    return [f" {comparable(text)} " for text in shown]


def _gives_away(question, other):
    """Does ``other`` show a key of ``question``? A false true/false statement may (it swaps
    in another item's answer as its wrong claim)."""
    if question.form is Form.TRUE_FALSE or other.id.endswith(":false"):
        return False
    return any(f" {key} " in text for key in _keys(question) if key for text in _shows(other))


@settings(max_examples=80, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), count=st.integers(1, 100), options=st.integers(3, 5))
def test_no_question_gives_another_away(seed, count, options):
    questions = build_quiz(BANK, count, seed=seed, options=options).questions
    for question in questions:
        for other in questions:
            if other is not question:
                assert not _gives_away(question, other), (question.id, other.id)


@settings(max_examples=80, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), count=st.integers(1, 100))
def test_true_false_is_at_most_one_question_in_five(seed, count):
    questions = build_quiz(BANK, count, seed=seed).questions
    assert sum(q.form is Form.TRUE_FALSE for q in questions) <= count // 5


def test_true_false_alone_is_still_all_true_false():
    questions = build_quiz(BANK, 20, forms=["true-false"], seed=4).questions
    assert len(questions) == 20
    assert all(q.form is Form.TRUE_FALSE for q in questions)


def test_declared_enemies_are_never_asked_together(make_bank):
    from tests.conftest import GOOD_FACT

    second = """\
  - id: developing-states
    topic: diplomacy
    prompt: What kind of states did the ambassador call both countries?
    answer: developing
    kind: term
    distractors: [landlocked, nonaligned, postcolonial]
    explanation: He called both countries "developing" states.
    statement: The ambassador called both countries developing states.
    difficulty: easy
    enemies: [ambassador-name]
    source:
      quote: both Russia and Pakistan are “developing” states
"""
    bank = load_bank(make_bank("facts:\n" + GOOD_FACT + second))
    assert ("developing-states", "ambassador-name") in bank.enemies
    assert ("ambassador-name", "developing-states") in bank.enemies
    for seed in range(10):
        assert len(build_quiz(bank, 2, seed=seed).questions) == 1


def test_default_forms_leave_out_cloze_but_it_can_be_asked_for():
    assert all(q.form is not Form.CLOZE for q in build_quiz(BANK, 1000, seed=1).questions)
    cloze = build_quiz(BANK, 5, forms=["cloze"], seed=1).questions
    assert all(
        q.form is Form.CLOZE and "_____" in q.stem and "{{c1::" in (q.cloze or "") for q in cloze
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"topics": ["economics"]}, "unknown topic 'economics'"),
        ({"options": 6}, "options must be between 3 and 5, not 6"),
        ({"difficulty": "trivial"}, "difficulty must be one of: easy, medium, hard"),
        ({"forms": ["essay"]}, "form must be one of"),
    ],
)
def test_bad_requests(kwargs, message):
    with pytest.raises(QuizError, match=message):
        build_quiz(BANK, 5, **kwargs)


def test_cli_rejects_unknown_topic_with_exit_2(run_cli):
    code, out, err = run_cli("quiz", "--topic", "economics")
    assert code == 2 and out == ""
    assert err.startswith("quizlib: unknown topic 'economics'; the bank's topics are: world-order")


def test_items_limit_the_quiz_and_unknown_ids_are_passed_over():
    ids = [item.id for item in BANK.items()][::9]
    quiz = build_quiz(BANK, 100, seed=2, items=[*ids, "retired-long-ago"])
    assert {q.item_id for q in quiz.questions} <= set(ids)
    assert len(quiz.questions) >= len(ids) // 2  # enemies aside, they are all asked


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), count=st.integers(2, 15))
def test_small_quizzes_test_each_sentence_once(seed, count):
    # Two items grounded in one sentence half answer each other; the article has 39 sentences,
    # so a short quiz never needs two from one.
    questions = build_quiz(BANK, count, seed=seed).questions
    passages = [BANK.passage(BANK.item(q.item_id)) for q in questions]
    assert len(set(passages)) == len(passages)


def test_a_forty_question_quiz_is_forty_questions_with_few_shared_sentences():
    for seed in range(10):
        questions = build_quiz(BANK, 40, seed=seed).questions
        assert len(questions) == 40
        passages = [BANK.passage(BANK.item(q.item_id)) for q in questions]
        assert len(passages) - len(set(passages)) <= 8


def test_a_term_the_title_names_gets_no_term_question():
    # The bank's title is "Pakistan-Russian Strategic Volte-Face": asking which term means a
    # sudden reversal would be answered by the quiz's heading.
    maker = QuestionMaker(BANK)
    named = BANK.item("strategic-volte-face")
    assert maker.make(named, Form.TERM) is None
    assert maker.make(named, Form.DEFINITION) is not None
    assert maker.make(BANK.item("entente-cordiale"), Form.TERM) is not None
