"""The history database: answers persist, FSRS schedules them, faults lose nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta

import pytest

from quizlib.errors import StoreError
from quizlib.practice import ManualClock
from quizlib.store import Rating, Review, Store, export_reviews
from quizlib.store.location import DATABASE_NAME
from quizlib.store.migrations import LATEST, migrate

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def review(item_id="gwadar", when=T0, rating=Rating.Good, correct=True, response="Gwadar"):
    return Review(
        bank="bank",
        item_id=item_id,
        form="multiple-choice",
        answered_at=when,
        mode="multiple-choice",
        response=response,
        correct=correct,
        rating=int(rating),
        duration_ms=4200,
    )


def test_answers_survive_reopening(tmp_path):
    with Store.open(tmp_path, clock=ManualClock(T0), fuzz=False) as store:
        store.record(review("a"))
        store.record(review("b", correct=False, rating=Rating.Again))
    with Store.open(tmp_path, clock=ManualClock(T0), fuzz=False) as store:
        logged = list(store.reviews())
        assert [(r.item_id, r.correct, r.rating) for r in logged] == [
            ("a", True, 3),
            ("b", False, 1),
        ]
        assert logged[0].answered_at == T0 and logged[0].duration_ms == 4200
        assert set(store.cards("bank")) == {"a", "b"}


def test_fsrs_due_dates_with_a_fixed_clock_and_no_fuzz(tmp_path):
    with Store.open(tmp_path, clock=ManualClock(T0), fuzz=False) as store:
        card = store.record(review(when=T0))
        assert card.due == T0 + timedelta(minutes=10)  # learning step two
        card = store.record(review(when=card.due))
        second = T0 + timedelta(minutes=10)
        assert card.due == second + timedelta(days=2)  # graduated: stability 2.3 days
        assert store.due("bank", second + timedelta(days=1)) == []
        assert store.due("bank", second + timedelta(days=2)) == ["gwadar"]
        again = store.record(review(when=card.due, rating=Rating.Again, correct=False))
        assert again.due == card.due + timedelta(minutes=10)  # relearning


def test_first_seen_counts_new_items_for_the_daily_limit(tmp_path):
    with Store.open(tmp_path, clock=ManualClock(T0), fuzz=False) as store:
        store.record(review("a", when=T0 - timedelta(days=1)))
        store.record(review("a", when=T0))
        store.record(review("b", when=T0))
        assert store.first_seen_since("bank", T0 - timedelta(hours=1)) == 1


def test_unfinished_session_is_offered_until_finished(tmp_path):
    with Store.open(tmp_path, clock=ManualClock(T0)) as store:
        assert store.unfinished_session("bank") is None
        store.save_session("s1", "bank", {"questions": ["a:term", "b:term"]})
        store.save_session("s1", "bank", {"questions": ["a:term", "b:term"]}, position=1)
        saved = store.unfinished_session("bank")
        assert saved is not None and saved.position == 1 and saved.plan["questions"][1] == "b:term"
        store.finish_session("s1")
        assert store.unfinished_session("bank") is None


def test_a_history_is_created_when_first_written_to(tmp_path):
    # Until then it reads as empty: practice shows its first question without creating a file.
    with Store.open(tmp_path, clock=ManualClock(T0), fuzz=False) as store:
        assert list(store.reviews()) == []
        assert store.cards("bank") == {}
        assert store.due("bank") == []
        assert store.first_seen_since("bank", T0) == 0
        assert store.unfinished_session("bank") is None
        store.finish_session("s1")
        assert list(tmp_path.iterdir()) == []
        store.record(review())
        assert (tmp_path / DATABASE_NAME).is_file()
    with Store.open(tmp_path, clock=ManualClock(T0), fuzz=False) as store:
        assert [r.item_id for r in store.reviews()] == ["gwadar"]


def test_a_history_created_by_another_quizlib_meanwhile_is_read(tmp_path):
    with Store.open(tmp_path, clock=ManualClock(T0)) as waiting:
        with Store.open(tmp_path, clock=ManualClock(T0)) as other:
            other.record(review())
        assert [r.item_id for r in waiting.reviews()] == ["gwadar"]


def test_a_corrupt_file_is_moved_aside_and_a_fresh_history_started(tmp_path):
    damaged = b"this is not a database" * 100
    (tmp_path / DATABASE_NAME).write_bytes(damaged)
    with Store.open(tmp_path, clock=ManualClock(T0)) as store:
        assert store.recovered == tmp_path / f"{DATABASE_NAME}.corrupt-20260302T090000Z"
        assert store.recovered is not None and store.recovered.read_bytes() == damaged
        store.record(review())
        assert len(list(store.reviews())) == 1


def test_the_cli_says_so_when_it_moved_a_corrupt_file(tmp_path, run_cli):
    (tmp_path / DATABASE_NAME).write_bytes(b"garbage" * 500)
    code, out, err = run_cli("stats", "--data-dir", tmp_path)
    assert code == 0
    assert "the history file could not be read; it was moved to" in err
    assert "Traceback" not in err
    assert "all topics" in out


def test_a_history_from_a_newer_quizlib_is_left_alone(tmp_path):
    path = tmp_path / DATABASE_NAME
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {LATEST + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="written by a newer quizlib"):
        Store.open(tmp_path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [DATABASE_NAME]


def test_migration_from_the_first_version_replays_cards(tmp_path):
    path = tmp_path / DATABASE_NAME
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=1)
    db.executemany(
        "INSERT INTO reviews (bank, item_id, form, answered_at, mode, response, correct, rating,"
        " duration_ms) VALUES ('bank', 'gwadar', 'term', ?, 'flashcards', NULL, NULL, 3, 1000)",
        [(T0.isoformat(),), ((T0 + timedelta(minutes=10)).isoformat(),)],
    )
    db.close()
    with Store.open(tmp_path, clock=ManualClock(T0), fuzz=False) as store:
        assert [r.session_id for r in store.reviews()] == [None, None]  # the new column
        (card,) = store.cards("bank").values()
        assert card.due == T0 + timedelta(minutes=10) + timedelta(days=2)  # as if live
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST
    db.close()


WRITER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from quizlib.store import Review, Store

    folder, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with Store.open(folder) as store:
        for n in range(count):
            store.record(Review("bank", f"{name}-{n % 7}", "term", datetime.now(UTC), "exam",
                                str(n), True, 3, 10))
            print(n, flush=True)
    """
)


def _writer(folder, name, count):
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), name, str(count)],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_two_writers_at_once_lose_nothing(tmp_path):
    writers = [_writer(tmp_path, name, 150) for name in ("one", "two")]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
        writer.stdout.close()
    with Store.open(tmp_path) as store:
        logged = list(store.reviews())
    assert len(logged) == 300
    assert {r.item_id.split("-")[0] for r in logged} == {"one", "two"}
    # Waiting for the other's lock is not damage: nothing was moved aside.
    assert sorted(p.name for p in tmp_path.glob("*.corrupt-*")) == []


def test_a_killed_process_loses_no_answer_it_committed(tmp_path):
    writer = _writer(tmp_path, "killed", 100_000)
    assert writer.stdout is not None
    acknowledged = [writer.stdout.readline() for _ in range(40)]
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    writer.stdout.close()
    with Store.open(tmp_path) as store:
        logged = [r.response for r in store.reviews()]
    # Every answer reported as committed is there (a few more may have landed before the kill).
    assert [a.strip() for a in acknowledged] == logged[:40]


def test_export_csv_and_json(tmp_path):
    with Store.open(tmp_path, clock=ManualClock(T0)) as store:
        store.record(review("a", response='a, "quoted" answer'))
        reviews = list(store.reviews())
    rows = json.loads(export_reviews(reviews, "json"))
    assert rows[0]["item_id"] == "a" and rows[0]["answered_at"] == T0.isoformat()
    text = export_reviews(reviews, "csv")
    header, line = text.splitlines()
    assert header.startswith("bank,item_id,form,answered_at,mode,response,correct,rating")
    assert '"a, ""quoted"" answer"' in line
