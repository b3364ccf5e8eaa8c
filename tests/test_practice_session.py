"""The practice session core, driven without a terminal."""

from __future__ import annotations

import pytest

from quizlib.load import load_bank
from quizlib.practice import (
    Answer,
    ManualClock,
    Mode,
    Phase,
    PracticeError,
    Rating,
    Session,
    SessionError,
    Settings,
    start_session,
)
from quizlib.question import Form, Question
from quizlib.quiz import build_quiz
from tests.practice_helpers import question


def three(topic_of_third: str = "ir-theory") -> list[Question]:
    return [question(1, key=0), question(2, key=1), question(3, key=2, topic=topic_of_third)]


def test_multiple_choice_session_scores_streaks_and_finishes():
    clock = ManualClock()
    log: list[Answer] = []
    session = Session(three(), Mode.MULTIPLE_CHOICE, clock=clock, listeners=[log.append])
    assert (session.phase, session.position, session.total) == (Phase.ASKING, 1, 3)

    clock.advance(4)
    answer = session.choose(0)
    assert answer.correct and answer.rating is Rating.GOOD and answer.response_time == 4
    assert answer.response == "Danila Ganich" and answer.choice == 0
    assert session.phase is Phase.ANSWERED and session.last_answer == answer
    assert session.last_points == 10
    with pytest.raises(SessionError):
        session.choose(1)  # one answer per question
    session.next()

    session.choose(1)
    assert session.score.streak == 2 and session.last_points == 12  # streak bonus
    session.next()
    clock.advance(3)
    wrong = session.choose(0)
    assert not wrong.correct and wrong.rating is Rating.AGAIN and wrong.response_time == 3
    assert session.score.streak == 0 and session.score.best_streak == 2
    session.next()

    assert session.finished and session.position == 3
    assert session.score.points == 22 and session.score.accuracy == pytest.approx(2 / 3)
    assert session.elapsed == 7
    clock.advance(100)
    assert session.elapsed == 7  # the clock stops at the end
    assert [a.question_id for a in log] == [q.id for q in session.questions]
    assert [q.id for q in session.missed] == ["item-3:multiple-choice"]
    topics = {t.topic: (t.asked, t.answered, t.correct) for t in session.by_topic()}
    assert topics == {"diplomacy": (2, 2, 2), "ir-theory": (1, 1, 0)}


def test_retry_missed_asks_only_the_missed_ones():
    session = Session(three(), Mode.MULTIPLE_CHOICE, clock=ManualClock())
    for choice in (1, 1, 0):
        session.choose(choice)
        session.next()
    retry = session.retry_missed()
    assert [q.id for q in retry.questions] == ["item-1:multiple-choice", "item-3:multiple-choice"]
    assert retry.mode is Mode.MULTIPLE_CHOICE and retry.score.points == 0
    retry.choose(0)
    retry.next()
    retry.choose(2)
    retry.next()
    assert retry.finished and not retry.missed
    with pytest.raises(SessionError):
        retry.retry_missed()


def test_finishing_early_leaves_the_rest_unanswered_and_retry_takes_them():
    session = Session(three(), clock=ManualClock())
    session.choose(0)
    session.finish()
    assert session.finished and [q.item_id for q in session.unanswered] == ["item-2", "item-3"]
    assert len(session.retry_missed().questions) == 2
    with pytest.raises(SessionError):
        _ = session.current


def test_flashcards_reveal_then_rate():
    log: list[Answer] = []
    session = Session(three(), Mode.FLASHCARDS, clock=ManualClock(), listeners=[log.append])
    with pytest.raises(SessionError):
        session.rate(Rating.GOOD)  # not revealed yet
    with pytest.raises(SessionError):
        session.choose(0)  # flashcards have no options to choose
    session.reveal()
    assert session.phase is Phase.REVEALED
    session.rate(Rating.EASY)
    assert (session.position, session.phase) == (2, Phase.ASKING)
    session.reveal()
    session.rate(Rating.HARD)
    assert session.last_points == 5 and session.score.streak == 2
    session.reveal()
    session.rate(Rating.AGAIN)
    assert session.finished
    assert [a.rating for a in log] == [Rating.EASY, Rating.HARD, Rating.AGAIN]
    assert [a.correct for a in log] == [True, True, False]
    assert log[0].response is None and log[0].mode is Mode.FLASHCARDS
    assert session.score.points == 15 and session.score.best_streak == 2


def test_typed_answers_are_checked_and_a_near_miss_is_kept_for_feedback():
    qs = [question(1, accepted=["Ganich"]), question(2), question(3)]
    session = Session(qs, Mode.TYPED, clock=ManualClock())
    answer = session.submit("ganich")
    assert answer.correct and answer.response == "ganich" and answer.choice is None
    session.next()
    assert session.last_match is None
    session.submit("Danila Gancih")
    assert session.last_match is not None and session.last_match.near_miss
    assert session.last_answer is not None and session.last_answer.correct
    session.next()
    session.submit("")
    assert not session.last_answer.correct
    session.next()
    assert session.finished and session.score.correct == 2


def test_exam_gives_no_feedback_and_moves_straight_on():
    session = Session(three(), Mode.EXAM, clock=ManualClock())
    session.choose(0)
    assert session.phase is Phase.ASKING and session.position == 2
    assert session.last_answer is None  # nothing to show about the previous answer
    session.choose(0)
    session.choose(2)
    assert session.finished and session.score.correct == 2


def test_an_exam_time_limit_ends_the_session():
    clock = ManualClock()
    session = Session(three(), Mode.EXAM, clock=clock, time_limit=60)
    session.choose(0)
    clock.advance(59)
    assert not session.tick() and session.time_left == 1
    clock.advance(2)
    assert session.tick() and session.timed_out and session.time_left == 0
    assert len(session.unanswered) == 2


def test_modes_with_options_refuse_questions_without_them():
    cloze = question(1, options=[], key=None, form=Form.CLOZE)
    with pytest.raises(SessionError):
        Session([cloze], Mode.MULTIPLE_CHOICE)
    Session([cloze], Mode.TYPED)
    with pytest.raises(SessionError):
        Session([], Mode.TYPED)


@pytest.mark.parametrize("mode", list(Mode))
def test_sessions_are_built_by_build_quiz(mode):
    bank = load_bank()
    session = start_session(bank, Settings(mode=mode, count=8, seed=7), clock=ManualClock())
    quiz = build_quiz(bank, 8, forms=mode.forms, seed=7)
    assert [q.id for q in session.questions] == [q.id for q in quiz.questions]
    assert {q.form for q in session.questions} <= set(mode.forms)
    assert session.time_limit is None


def test_start_session_by_topic_with_a_time_limit_for_exams_only():
    bank = load_bank()
    exam = start_session(
        bank, Settings(mode=Mode.EXAM, topics=("diplomacy",), count=3, seed=1, time_limit=5)
    )
    assert exam.time_limit == 300 and {q.topic for q in exam.questions} == {"diplomacy"}
    typed = start_session(bank, Settings(mode=Mode.TYPED, count=3, seed=1, time_limit=5))
    assert typed.time_limit is None


def test_start_session_with_no_matching_question(make_bank):
    bank = load_bank(make_bank(items="facts: []\n"))
    with pytest.raises(PracticeError, match="no questions"):
        start_session(bank, Settings())
