"""A session with feedback asks a question before any feedback that would give its answer away."""

from __future__ import annotations

import pytest

from quizlib.enemies import keys_of
from quizlib.load import load_bank
from quizlib.practice import Mode, Settings, start_session
from quizlib.practice.order import _stable_order, feedback_last
from quizlib.question import Question
from quizlib.quiz import build_quiz
from quizlib.text import comparable

BANK = load_bank()


def _shows(feedback_of: Question, answer_of: Question) -> bool:
    """Whether the feedback of one question shows, as whole words, the other's answer."""
    shown = f" {comparable(feedback_of.explanation)} {comparable(feedback_of.citation.quote)} "
    keys = keys_of(BANK.item(answer_of.item_id))
    return any(f" {comparable(key)} " in shown for key in keys if comparable(key))


def _spoilers(questions: list[Question]) -> list[tuple[str, str]]:
    """(earlier, later) where the earlier's feedback shows the later's answer, unless the later
    must itself come after the earlier (a circle of feedback, which no order can satisfy)."""
    return [
        (a.id, b.id)
        for i, a in enumerate(questions)
        for b in questions[i + 1 :]
        if _shows(a, b) and not _shows_in_turn(b, a, questions)
    ]


def _shows_in_turn(start: Question, target: Question, questions: list[Question]) -> bool:
    """Whether a chain leads from ``start`` to ``target``, each question's feedback showing the
    next one's answer: then ``target`` must come before ``start`` as well as after it."""
    seen, todo = {start.id}, [start]
    while todo:
        shown_by = todo.pop()
        for other in questions:
            if other.id not in seen and _shows(shown_by, other):
                if other.id == target.id:
                    return True
                seen.add(other.id)
                todo.append(other)
    return False


@pytest.mark.parametrize("seed", range(8))
def test_no_feedback_gives_away_a_question_still_to_come(seed):
    built = build_quiz(BANK, 40, forms=Mode.MULTIPLE_CHOICE.forms, seed=seed).questions
    assert _spoilers(built)  # the bundled bank has such pairs: this test has something to do
    session = start_session(BANK, Settings(count=40, seed=seed))
    assert sorted(q.id for q in session.questions) == sorted(q.id for q in built)
    assert _spoilers(list(session.questions)) == []


def test_an_exam_keeps_the_order_it_was_built_in():
    # No feedback until the end, so nothing to move.
    built = build_quiz(BANK, 20, forms=Mode.EXAM.forms, seed=3).questions
    session = start_session(BANK, Settings(mode=Mode.EXAM, count=20, seed=3))
    assert [q.id for q in session.questions] == [q.id for q in built]


def test_only_what_must_move_moves():
    built = build_quiz(BANK, 40, forms=Mode.MULTIPLE_CHOICE.forms, seed=1).questions
    ordered = feedback_last(built, BANK)
    moved = [q.id for q in ordered if not any(_shows(q, o) or _shows(o, q) for o in built)]
    untouched = [q.id for q in built if q.id in moved]
    assert moved == untouched  # questions tied to no other keep their relative order
    assert feedback_last([], BANK) == []


def test_constraints_and_circles():
    # 0 after 1; 2 and 3 each after the other (a circle: built order kept); 4 after 0.
    assert _stable_order([{1}, set(), {3}, {2}, {0}]) == [1, 0, 2, 3, 4]
    assert _stable_order([set(), set(), set()]) == [0, 1, 2]
    assert _stable_order([{2}, {0}, {1}]) == [0, 1, 2]  # one circle of three
