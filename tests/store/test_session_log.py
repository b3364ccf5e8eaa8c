"""A session written to the history: its plan before its answers, whenever the plan is saved."""

from __future__ import annotations

from quizlib.practice import ManualClock, Settings, start_session
from quizlib.store import SessionLog, Store
from tests.tui_helpers import honeybee


def _session(log):
    return start_session(honeybee(), Settings(count=4, seed=1), listeners=[log])


def test_the_plan_is_saved_at_once_by_default(tmp_path):
    with Store.open(tmp_path, clock=ManualClock()) as store:
        log = SessionLog(store, honeybee().id)
        log.begin(_session(log))
        saved = store.unfinished_session(honeybee().id)
        assert saved is not None and saved.id == log.session_id


def test_a_plan_saved_later_is_saved_once(tmp_path):
    with Store.open(tmp_path, clock=ManualClock()) as store:
        log = SessionLog(store, honeybee().id)
        session = _session(log)
        log.begin(session, save=False)
        assert store.unfinished_session(honeybee().id) is None
        log.save_plan()
        saved = store.unfinished_session(honeybee().id)
        assert saved is not None and saved.id == log.session_id
        assert len(saved.plan["questions"]) == len(session.questions)
        log.save_plan()  # nothing more to write
        assert store.unfinished_session(honeybee().id) == saved


def test_an_answer_before_the_plan_is_saved_saves_it_first(tmp_path):
    with Store.open(tmp_path, clock=ManualClock()) as store:
        log = SessionLog(store, honeybee().id)
        session = _session(log)
        log.begin(session, save=False)
        session.choose(0)
        left = log.unfinished()
        assert left is not None and left.record.id == log.session_id
        assert [a.item_id for a in left.given] == [session.questions[0].item_id]
        (review,) = store.reviews(session_id=log.session_id)
        assert review.item_id == session.questions[0].item_id


def test_a_session_ended_before_its_plan_was_saved_is_not_offered(tmp_path):
    with Store.open(tmp_path, clock=ManualClock()) as store:
        log = SessionLog(store, honeybee().id)
        log.begin(_session(log), save=False)
        log.end()
        assert store.unfinished_session(honeybee().id) is None
        assert log.unfinished() is None
