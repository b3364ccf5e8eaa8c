"""Stats: per topic and overall, from a history written with a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quizlib import load_bank
from quizlib.practice import ManualClock
from quizlib.store import Rating, Review, Store, compute_stats

BANK = load_bank()
NOW = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)


def _answer(store, item, when, correct=True):
    store.record(
        Review(
            BANK.id,
            item.id,
            "multiple-choice",
            when,
            "multiple-choice",
            "x",
            correct,
            int(Rating.Good if correct else Rating.Again),
            1000,
        )
    )


def test_stats_per_topic_and_overall(tmp_path):
    topic = BANK.topics[0].id
    items = [i for i in BANK.items() if i.topic == topic][:3]
    with Store.open(tmp_path, clock=ManualClock(NOW), fuzz=False) as store:
        # Three days in a row up to today, then one wrong answer today.
        for days_ago, item in zip((2, 1, 0), items, strict=True):
            _answer(store, item, NOW - timedelta(days=days_ago, hours=1))
        _answer(store, items[0], NOW - timedelta(minutes=5), correct=False)
        # History of an item the bank no longer has: kept, not counted in any topic.
        store.record(
            Review(BANK.id, "retired-item", "term", NOW, "flashcards", None, None, 3, None)
        )
        stats = compute_stats(BANK, store, tz=UTC)
    row = next(t for t in stats.topics if t.topic == topic)
    assert (row.seen, row.answered, row.correct) == (3, 4, 3)
    assert row.accuracy == 0.75
    assert 0 < row.mastery < 3 / row.items  # three items partly retained, the rest unseen
    assert row.due_today >= 1  # the one missed today is relearning within minutes
    assert row.due_week == 3
    others = [t for t in stats.topics if t.topic != topic]
    assert all(t.seen == 0 and t.mastery == 0 for t in others)
    assert stats.overall.seen == 3 and stats.overall.items == len(list(BANK.items()))
    assert stats.streak == 3
    assert [n for _, n in stats.per_day[-3:]] == [1, 1, 3]
    assert stats.per_day[-1][0] == NOW.date() and len(stats.per_day) == 30
    assert stats.reviews == 5
    text = stats.format()
    assert "day streak: 3 days" in text and "75%" in text


def test_streak_counts_up_to_yesterday_before_todays_first_review(tmp_path):
    item = next(BANK.items())
    with Store.open(tmp_path, clock=ManualClock(NOW), fuzz=False) as store:
        _answer(store, item, NOW - timedelta(days=1))
        _answer(store, item, NOW - timedelta(days=2))
        _answer(store, item, NOW - timedelta(days=4))
        stats = compute_stats(BANK, store, tz=UTC)
    assert stats.streak == 2


def test_an_edited_item_keeps_its_history(tmp_path, make_bank):
    import shutil

    from tests.conftest import BUNDLED

    item = BANK.item("end-of-american-strategic-hooliganism")
    with Store.open(tmp_path / "history", clock=ManualClock(NOW), fuzz=False) as store:
        _answer(store, item, NOW - timedelta(days=1))
        # The author rewrites the item's prompt and answer wording; its id stays.
        root = tmp_path / "bank"
        shutil.copytree(BUNDLED, root)
        path = next(root.glob("items/*1-4.yaml"))
        text = path.read_text(encoding="utf-8")
        edited = text.replace(
            "Which American conduct in the East does the author say",
            "What American conduct in the East does the author say",
        ).replace("answer: strategic hooliganism\n", "answer: strategic hooliganism in the East\n")
        assert edited != text
        path.write_text(edited, encoding="utf-8")
        stats = compute_stats(load_bank(root), store, tz=UTC)
    row = next(t for t in stats.topics if t.topic == item.topic)
    assert row.seen == 1 and row.answered == 1
