"""The history row: logging answers one transaction each, against bare SQLite doing the same."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizlib.load import load_bank
from quizlib.store import Review, Store

__all__ = ["ANSWERS", "history_quizlib", "history_sqlite"]

ANSWERS = 200
_T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def _reviews(root: Path) -> list[Review]:
    bank = load_bank(root)
    ids = [item.id for _, item in zip(range(ANSWERS), bank.items(), strict=False)]
    return [
        Review(
            bank.id,
            ids[n % len(ids)],
            "multiple-choice",
            _T0 + timedelta(seconds=n),
            "multiple-choice",
            "an answer",
            n % 3 != 0,
            3 if n % 3 else 1,
            4000,
        )
        for n in range(ANSWERS)
    ]


def history_quizlib(root: Path) -> Callable[[], object]:
    """Each answer logged and its item rescheduled (FSRS), committed at once, as in practice."""
    reviews = _reviews(root)

    def log() -> object:
        with tempfile.TemporaryDirectory() as folder, Store.open(folder) as store:
            for review in reviews:
                store.record(review)
        return None

    return log


def history_sqlite(root: Path) -> Callable[[], object]:
    """The least a crash-safe log must do: one row inserted and committed per answer, WAL, full
    sync, no scheduling."""
    reviews = _reviews(root)

    def log() -> object:
        with tempfile.TemporaryDirectory() as folder:
            db = sqlite3.connect(Path(folder) / "log.sqlite3", isolation_level=None)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            db.execute(
                "CREATE TABLE reviews (bank, item_id, form, answered_at, mode, response, correct,"
                " rating, duration_ms)"
            )
            for r in reviews:
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    "INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        r.bank,
                        r.item_id,
                        r.form,
                        r.answered_at.isoformat(),
                        r.mode,
                        r.response,
                        r.correct,
                        r.rating,
                        r.duration_ms,
                    ),
                )
                db.execute("COMMIT")
            db.close()
        return None

    return log
