"""The history database's schema, version by version; ``PRAGMA user_version`` says which applies.

Version 1 was the review log alone. Version 2 keeps each item's FSRS card beside it (so a due
date is a lookup, not a replay) and the sessions a learner may resume. Migrations only add: a
review once logged is never rewritten.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from ..errors import StoreError

if TYPE_CHECKING:
    from .scheduling import Card

__all__ = ["LATEST", "MIGRATIONS", "check_version", "migrate"]

V1 = """
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    bank TEXT NOT NULL,
    item_id TEXT NOT NULL,
    form TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    mode TEXT NOT NULL,
    response TEXT,
    correct INTEGER,
    rating INTEGER NOT NULL,
    duration_ms INTEGER
);
CREATE INDEX reviews_by_item ON reviews (bank, item_id);
"""

V2 = """
ALTER TABLE reviews ADD COLUMN session_id TEXT;
CREATE INDEX reviews_by_time ON reviews (answered_at);
CREATE INDEX reviews_by_session ON reviews (session_id);
CREATE TABLE cards (
    bank TEXT NOT NULL,
    item_id TEXT NOT NULL,
    card TEXT NOT NULL,
    due TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (bank, item_id)
);
CREATE INDEX cards_by_due ON cards (bank, due);
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    bank TEXT NOT NULL,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finished_at TEXT,
    plan TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
"""


def _replay_cards(db: sqlite3.Connection) -> None:
    """Give every item logged under version 1 its FSRS card, by replaying its reviews in order."""
    from .scheduling import Rating, new_card, scheduler  # only an old history needs FSRS here

    fsrs = scheduler(fuzz=False)
    cards: dict[tuple[str, str], tuple[Card, str]] = {}
    rows = db.execute("SELECT bank, item_id, answered_at, rating FROM reviews ORDER BY id")
    for bank, item_id, answered_at, rating in rows:
        when = datetime.fromisoformat(answered_at)
        card, first_seen = cards.get((bank, item_id), (new_card(bank, item_id, when), answered_at))
        card, _ = fsrs.review_card(card, Rating(rating), review_datetime=when)
        cards[bank, item_id] = (card, first_seen)
    db.executemany(
        "INSERT INTO cards (bank, item_id, card, due, first_seen) VALUES (?, ?, ?, ?, ?)",
        [
            (bank, item_id, card.to_json(), card.due.isoformat(), first_seen)
            for (bank, item_id), (card, first_seen) in cards.items()
        ],
    )


Step = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[list[str | Step]] = [[V1], [V2, _replay_cards]]
LATEST = len(MIGRATIONS)


def check_version(db: sqlite3.Connection) -> int:
    """The schema version; :class:`StoreError` if a newer quizlib wrote it."""
    version: int = db.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST:
        raise StoreError(
            f"the history was written by a newer quizlib (schema {version}, this one knows "
            f"{LATEST}); upgrade quizlib"
        )
    return version


def migrate(db: sqlite3.Connection, *, target: int = LATEST) -> None:
    """Bring the database up to ``target``, each version in its own transaction."""
    for number in range(check_version(db) + 1, target + 1):
        with db:
            db.execute("BEGIN IMMEDIATE")
            # Another quizlib may have migrated while this one waited for the lock.
            if check_version(db) >= number:
                continue
            for step in MIGRATIONS[number - 1]:
                if isinstance(step, str):
                    for statement in filter(str.strip, step.split(";")):
                        db.execute(statement)
                else:
                    step(db)
            db.execute(f"PRAGMA user_version = {number}")
