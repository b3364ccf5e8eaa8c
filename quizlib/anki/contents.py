"""What a deck file holds, as Anki would see it, without the ids and times that vary per build.

Two builds of the same bank compare equal here even when their timestamps differ, which is how
a build decides whether the content changed and how the tests decide whether a committed deck is
stale (never by comparing bytes: the zip and SQLite bytes carry the timestamp).
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "MEMBER",
    "DeckContents",
    "note_type_signature",
    "read_database",
    "read_deck",
    "read_member",
]

MEMBER = "collection.anki2"


@dataclass(frozen=True)
class DeckContents:
    """Notes by GUID (note type, fields, tags), cards, note types and deck names."""

    notes: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]
    cards: frozenset[tuple[str, int, str, int]]  # (note GUID, template ord, deck name, due)
    note_types: dict[str, str]  # name -> its fields, templates and CSS, as canonical JSON
    decks: dict[str, str]  # name -> description
    # When each note and note type last changed, in seconds; the newest is the deck's timestamp.
    note_times: dict[str, int] = field(compare=False)
    note_type_times: dict[str, int] = field(compare=False)

    @property
    def timestamp(self) -> int:
        return max([*self.note_times.values(), *self.note_type_times.values()], default=0)


def read_deck(path: Path) -> DeckContents:
    with zipfile.ZipFile(path) as archive:
        return read_member(archive.read(MEMBER))


def read_member(member: bytes) -> DeckContents:
    """The contents of a ``collection.anki2`` member, given as bytes."""
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(member)
        return read_database(db)
    finally:
        db.close()


def read_database(db: sqlite3.Connection) -> DeckContents:
    """The contents of an open legacy (schema 11) collection, as genanki writes it."""
    models_json, decks_json = db.execute("SELECT models, decks FROM col").fetchone()
    models: dict[str, dict[str, Any]] = json.loads(models_json)
    decks: dict[str, dict[str, Any]] = json.loads(decks_json)
    model_names = {int(mid): model["name"] for mid, model in models.items()}
    deck_names = {int(did): deck["name"] for did, deck in decks.items()}
    notes: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    note_times: dict[str, int] = {}
    guids: dict[int, str] = {}
    for nid, guid, mid, mod, tags, flds in db.execute(
        "SELECT id, guid, mid, mod, tags, flds FROM notes"
    ):
        guids[nid] = guid
        notes[guid] = (model_names[mid], tuple(flds.split("\x1f")), tuple(tags.split()))
        note_times[guid] = mod
    cards = frozenset(
        (guids[nid], ord_, deck_names[did], due)
        for nid, ord_, did, due in db.execute("SELECT nid, ord, did, due FROM cards")
    )
    return DeckContents(
        notes=notes,
        cards=cards,
        note_types={model["name"]: note_type_signature(model) for model in models.values()},
        decks={deck["name"]: deck.get("desc", "") for deck in decks.values()},
        note_times=note_times,
        note_type_times={model["name"]: model["mod"] for model in models.values()},
    )


def note_type_signature(model: dict[str, Any]) -> str:
    """What Anki shows of a note type: its fields, templates and CSS, as canonical JSON."""
    kept = {
        "type": model["type"],
        "css": model["css"],
        "sortf": model["sortf"],
        "flds": [(f["name"], f.get("id")) for f in model["flds"]],
        "tmpls": [(t["name"], t.get("id"), t["qfmt"], t["afmt"]) for t in model["tmpls"]],
    }
    return json.dumps(kept, sort_keys=True, ensure_ascii=False)
