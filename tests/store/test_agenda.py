"""Review agenda: due items first, then new ones up to the daily limit, retired ids left out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quizlib import load_bank
from quizlib.practice import ManualClock
from quizlib.store import Rating, Review, Store, agenda

BANK = load_bank()
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
IDS = [item.id for item in BANK.items()]


def _answer(store, item_id, when, rating=Rating.Good):
    store.record(Review(BANK.id, item_id, "term", when, "flashcards", None, None, int(rating)))


def test_fresh_history_offers_new_items_up_to_the_daily_limit(tmp_path):
    with Store.open(tmp_path, clock=ManualClock(NOW), fuzz=False) as store:
        plan = agenda(BANK, store, new_per_day=5, tz=UTC)
    assert plan.due == [] and plan.new == IDS[:5]


def test_due_items_come_first_and_new_ones_introduced_today_count(tmp_path):
    with Store.open(tmp_path, clock=ManualClock(NOW), fuzz=False) as store:
        yesterday = NOW - timedelta(days=1)
        _answer(store, IDS[0], yesterday, Rating.Again)  # relearning: due ten minutes later
        _answer(store, IDS[1], yesterday - timedelta(hours=1), Rating.Again)
        _answer(store, IDS[2], NOW - timedelta(hours=1), Rating.Easy)  # new today, not due
        _answer(store, "retired-id", yesterday, Rating.Again)
        plan = agenda(BANK, store, new_per_day=3, tz=UTC)
    assert plan.due == [IDS[1], IDS[0]]  # most overdue first; the retired id is not scheduled
    assert plan.new == IDS[3:5]  # one of today's three new slots is used
    assert plan.items == [IDS[1], IDS[0], IDS[3], IDS[4]]
