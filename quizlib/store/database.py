"""The history database: an append-only review log, each item's FSRS card, resumable sessions.

SQLite in WAL mode, one short ``BEGIN IMMEDIATE`` transaction per answer with a full sync, so a
second quizlib can write at the same time (it waits its turn) and a killed process loses nothing
already answered. A file that is not a readable database is moved aside, never deleted.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import astuple, dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..practice.clock import Clock, SystemClock
from .location import DATABASE_NAME, data_dir
from .migrations import check_version, migrate
from .review import Review

if TYPE_CHECKING:
    from .scheduling import Card, Scheduler

# FSRS (.scheduling) is imported when a card is first read or rescheduled, not when the history
# opens: a practice session's first question needs neither.

__all__ = ["SessionRecord", "Store"]

_BUSY_MS = 10_000  # how long a writer waits for another quizlib's transaction to finish
_DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


class _Damaged(sqlite3.DatabaseError):
    """The file opened, but SQLite's own check found it damaged."""


@dataclass(frozen=True)
class SessionRecord:
    """A practice session as saved: its plan (what to ask) and how far the learner got."""

    id: str
    bank: str
    started_at: datetime
    updated_at: datetime
    plan: dict[str, Any]
    position: int


class Store:
    """A learner's history. Open with :meth:`open`; close when done (or use ``with``).

    A history file that does not exist yet is created when something is first written to it:
    until then every question asked of it has an empty answer. Creating it (its tables, WAL,
    each step synced to disk, 10–30 ms here) then no longer holds up a first practice session's
    first question.
    """

    def __init__(
        self,
        path: Path,
        db: sqlite3.Connection | None,
        clock: Clock,
        fuzz: bool,
        recovered: Path | None,
    ) -> None:
        self.path = path
        self.clock = clock
        self.fuzz = fuzz
        # Where a damaged file was moved, when this store had to start afresh.
        self.recovered = recovered
        self._db = db

    @classmethod
    def open(
        cls,
        directory: str | Path | None = None,
        *,
        clock: Clock | None = None,
        fuzz: bool = True,
    ) -> Store:
        folder = data_dir(directory)
        folder.mkdir(parents=True, exist_ok=True)
        store = cls(folder / DATABASE_NAME, None, clock or SystemClock(), fuzz, None)
        if store.path.exists():
            store._connection()  # a damaged or too new file is found now, not halfway
        return store

    def _connection(self) -> sqlite3.Connection:
        """The database, opened (and created, if need be) on first use."""
        if self._db is None:
            try:
                self._db = _connect(self.path)
            except sqlite3.DatabaseError as exc:
                # Only damage moves a file aside: "database is locked" is a DatabaseError too.
                if not isinstance(exc, _Damaged) and exc.sqlite_errorcode not in _DAMAGE_CODES:
                    raise
                self.recovered = _move_aside(self.path, self.clock.now())
                self._db = _connect(self.path)
        return self._db

    def _reader(self) -> sqlite3.Connection | None:
        """The database to read, or None if there is no history yet (nothing to read)."""
        if self._db is None and not self.path.exists():
            return None
        return self._connection()

    @cached_property
    def fsrs(self) -> Scheduler:
        """The scheduler that reschedules each answered item."""
        from .scheduling import scheduler

        return scheduler(fuzz=self.fuzz)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the review log ----------------------------------------------------------------------

    def record(self, review: Review) -> Card:
        """Log one answer and reschedule its item, in one transaction committed at once."""
        from .scheduling import Card, Rating, new_card

        fsrs = self.fsrs
        db = self._connection()
        with db:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute(
                "SELECT card, first_seen FROM cards WHERE bank = ? AND item_id = ?",
                (review.bank, review.item_id),
            ).fetchone()
            when = review.answered_at
            card = Card.from_json(row[0]) if row else new_card(review.bank, review.item_id, when)
            card, _ = fsrs.review_card(
                card, Rating(review.rating), when, review_duration=review.duration_ms
            )
            values = astuple(review)
            values = (*values[:3], when.isoformat(), *values[4:])
            db.execute(
                "INSERT INTO reviews (bank, item_id, form, answered_at, mode, response, correct,"
                " rating, duration_ms, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
            db.execute(
                "INSERT OR REPLACE INTO cards (bank, item_id, card, due, first_seen)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    review.bank,
                    review.item_id,
                    card.to_json(),
                    card.due.isoformat(),
                    row[1] if row else when.isoformat(),
                ),
            )
        return card

    def reviews(
        self, bank: str | None = None, *, session_id: str | None = None
    ) -> Iterator[Review]:
        """The log, oldest first; every bank's and session's unless one is named."""
        where, values = [], []
        for column, value in (("bank", bank), ("session_id", session_id)):
            if value is not None:
                where.append(f"{column} = ?")
                values.append(value)
        db = self._reader()
        if db is None:
            return
        rows = db.execute(
            "SELECT bank, item_id, form, answered_at, mode, response, correct, rating,"
            " duration_ms, session_id FROM reviews"
            + (f" WHERE {' AND '.join(where)}" if where else "")
            + " ORDER BY id",
            values,
        )
        for row in rows:
            yield Review(
                row[0],
                row[1],
                row[2],
                datetime.fromisoformat(row[3]),
                row[4],
                row[5],
                None if row[6] is None else bool(row[6]),
                row[7],
                row[8],
                row[9],
            )

    # -- scheduling --------------------------------------------------------------------------

    def cards(self, bank: str) -> dict[str, Card]:
        """Every item of ``bank`` that has been answered, with its FSRS card."""
        db = self._reader()
        if db is None:
            return {}
        from .scheduling import Card

        rows = db.execute("SELECT item_id, card FROM cards WHERE bank = ?", (bank,))
        return {item_id: Card.from_json(card) for item_id, card in rows}

    def due(self, bank: str, now: datetime | None = None) -> list[str]:
        """Ids of the items due by ``now``, most overdue first (retired ids included)."""
        now = now or self.clock.now()
        db = self._reader()
        if db is None:
            return []
        rows = db.execute(
            "SELECT item_id FROM cards WHERE bank = ? AND due <= ? ORDER BY due",
            (bank, now.isoformat()),
        )
        return [item_id for (item_id,) in rows]

    def first_seen_since(self, bank: str, since: datetime) -> int:
        """How many items were answered for the first time since ``since`` (the daily new limit)."""
        db = self._reader()
        if db is None:
            return 0
        row = db.execute(
            "SELECT count(*) FROM cards WHERE bank = ? AND first_seen >= ?",
            (bank, since.isoformat()),
        ).fetchone()
        return int(row[0])

    # -- sessions ----------------------------------------------------------------------------

    def save_session(
        self, session_id: str, bank: str, plan: dict[str, Any], position: int = 0
    ) -> None:
        """Create or update a session's saved state."""
        now = self.clock.now().isoformat()
        db = self._connection()
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.execute(
                "INSERT INTO sessions (id, bank, started_at, updated_at, plan, position)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " updated_at = excluded.updated_at, plan = excluded.plan,"
                " position = excluded.position",
                (session_id, bank, now, now, json.dumps(plan), position),
            )

    def finish_session(self, session_id: str) -> None:
        db = self._reader()
        if db is None:
            return  # no history, so no such session
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.execute(
                "UPDATE sessions SET finished_at = ? WHERE id = ?",
                (self.clock.now().isoformat(), session_id),
            )

    def unfinished_session(self, bank: str) -> SessionRecord | None:
        """The latest session of ``bank`` left before its end, if any."""
        db = self._reader()
        if db is None:
            return None
        row = db.execute(
            "SELECT id, bank, started_at, updated_at, plan, position FROM sessions"
            " WHERE bank = ? AND finished_at IS NULL ORDER BY updated_at DESC LIMIT 1",
            (bank,),
        ).fetchone()
        if row is None:
            return None
        return SessionRecord(
            row[0],
            row[1],
            datetime.fromisoformat(row[2]),
            datetime.fromisoformat(row[3]),
            json.loads(row[4]),
            row[5],
        )


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: transactions are begun explicitly, IMMEDIATE, so two writers queue
    # instead of failing halfway with "database is locked".
    db = sqlite3.connect(path, isolation_level=None, timeout=_BUSY_MS / 1000)
    try:
        db.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
        if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise _Damaged("quick_check failed")
        check_version(db)  # before anything writes to a file a newer quizlib owns
        _use_wal(db)
        db.execute("PRAGMA synchronous = FULL")
        migrate(db)
    except BaseException:
        db.close()
        raise
    return db


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL, waiting for another quizlib that is creating the file at the same moment.

    Changing the journal mode takes the lock without SQLite's busy handler, so a second process
    opening a brand-new history gets "database is locked" at once rather than after a wait.
    """
    deadline = time.monotonic() + _BUSY_MS / 1000
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            busy = exc.sqlite_errorcode in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _move_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged database (and its WAL files) out of the way, keeping every byte."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.rename(target.with_name(target.name + suffix))
    path.rename(target)
    return target
