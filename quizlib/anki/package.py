"""Building a bank's ``.apkg`` with genanki and writing it atomically.

genanki's own ``Package.write_to_file`` leaves a temporary SQLite file behind on every call and
stamps the zip with the wall clock. Here genanki fills an in-memory database instead
(``Package.write_to_db``), and the zip is assembled in memory with entry dates taken from the
package timestamp, so a build makes no temporary files and the same content and timestamp give
the same bytes.

The timestamp. Anki applies an incoming note only when its modification time is newer than the
one it has, so every note whose content changed needs a later time than the build before gave
it, while an unchanged note should keep its time (so an import reports only the changed notes as
updated). When the output file exists, notes and note types whose content it already holds keep
their times from it; the rest get the build's timestamp. With ``timestamp=None`` that is:

* the existing file's timestamp, if it holds the same content (notes, cards, note types, decks;
  see :mod:`.contents`): the rebuild is then byte-for-byte the same file;
* otherwise the newest modification time of the bank's files (an edit makes it grow, and two
  builds of one checkout agree), but at least one second past the existing file's, so a release
  always supersedes the one before it even if file times went backwards.
"""

from __future__ import annotations

import io
import itertools
import json
import sqlite3
import time
import zipfile
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import genanki

from ..atomic import write_bytes_atomic
from ..bank import Bank
from .cards import ALL_FACT_CARDS, FactCard
from .contents import MEMBER, DeckContents, read_database, read_deck, read_member
from .ids import stable_id
from .notes import DeckNote, as_html, deck_name, deck_notes

__all__ = ["DeckReport", "build_deck", "deck_path"]

_ZIP_EPOCH = 315532800  # 1980-01-01, the earliest date a zip entry can carry


@dataclass(frozen=True)
class DeckReport:
    """What a build wrote."""

    path: Path
    notes: dict[str, int]  # note type name -> notes
    cards: int
    decks: int  # subdecks that hold cards (one per topic)
    timestamp: int

    def format(self) -> str:
        counts = ", ".join(f"{n} {name} notes" for name, n in self.notes.items()) or "no notes"
        return f"Wrote {self.path}: {counts} ({self.cards} cards in {self.decks} topic decks)"


def deck_path(bank: Bank, out_dir: Path, *, cloze: bool = False) -> Path:
    return out_dir / f"{bank.id}{'-cloze' if cloze else ''}.apkg"


def build_deck(
    bank: Bank,
    out_dir: Path,
    *,
    cards: Collection[FactCard] = ALL_FACT_CARDS,
    cloze: bool = False,
    timestamp: int | None = None,
) -> DeckReport:
    """Write ``<out_dir>/<bank id>.apkg`` (or ``<bank id>-cloze.apkg``) and say what it holds."""
    notes = deck_notes(bank, cards=cards, cloze=cloze)
    path = deck_path(bank, out_dir, cloze=cloze)
    package = _package(bank, notes, cloze=cloze)
    member, timestamp = _member(bank, package, _previous(path), timestamp)
    write_bytes_atomic(path, _zip(member, timestamp))
    card_count = sum(len(note.cards) for deck in package.decks for note in deck.notes)
    return DeckReport(
        path=path,
        notes=dict(Counter(note.note_type.name for note in notes)),
        cards=card_count,
        decks=sum(bool(deck.notes) for deck in package.decks),
        timestamp=timestamp,
    )


def _package(bank: Bank, notes: list[DeckNote], *, cloze: bool) -> genanki.Package:
    models = {t.name: t.model() for t in {note.note_type for note in notes}}
    root = deck_name(bank, cloze=cloze)
    decks = {root: genanki.Deck(_deck_id(root), root, description=_description(bank))}
    for topic in bank.topics:
        name = deck_name(bank, topic.id, cloze=cloze)
        decks.setdefault(name, genanki.Deck(_deck_id(name), name))
    for note in notes:
        decks[note.deck].add_note(
            genanki.Note(
                model=models[note.note_type.name],
                fields=list(note.fields),
                tags=list(note.tags),
                guid=note.guid,
                due=note.due,
            )
        )
    # A deck without cards would only clutter the learner's deck list.
    return genanki.Package([deck for name, deck in decks.items() if deck.notes or name == root])


def _collection(
    package: genanki.Package, timestamp: int, previous: DeckContents | None = None
) -> bytes:
    db = sqlite3.connect(":memory:")
    try:
        package.write_to_db(db.cursor(), timestamp, itertools.count(timestamp * 1000))
        if previous is not None:
            _keep_unchanged_times(db, previous)
        db.commit()
        return db.serialize()
    finally:
        db.close()


def _keep_unchanged_times(db: sqlite3.Connection, previous: DeckContents) -> None:
    # Only rows whose time differs are touched: a rebuild of an unchanged deck then runs the
    # same statements as the build before it and gives the same bytes.
    current = read_database(db)
    db.executemany(
        "UPDATE notes SET mod = ? WHERE guid = ?",
        [
            (previous.note_times[guid], guid)
            for guid, note in current.notes.items()
            if previous.notes.get(guid) == note
            and previous.note_times[guid] != current.note_times[guid]
        ],
    )
    kept = {
        name: previous.note_type_times[name]
        for name, model in current.note_types.items()
        if previous.note_types.get(name) == model
        and previous.note_type_times[name] != current.note_type_times[name]
    }
    if kept:
        (models_json,) = db.execute("SELECT models FROM col").fetchone()
        models = json.loads(models_json)
        for model in models.values():
            model["mod"] = kept.get(model["name"], model["mod"])
        db.execute("UPDATE col SET models = ?", (json.dumps(models),))


def _zip(member: bytes, timestamp: int) -> bytes:
    when = time.gmtime(max(timestamp, _ZIP_EPOCH))[:6]
    buffer = io.BytesIO()
    # Stored, not deflated, as Anki's own exports and genanki's are: every client reads that.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(zipfile.ZipInfo(MEMBER, when), member)
        archive.writestr(zipfile.ZipInfo("media", when), "{}")
    return buffer.getvalue()


def _previous(path: Path) -> DeckContents | None:
    if not path.is_file():
        return None
    try:
        return read_deck(path)
    except (zipfile.BadZipFile, KeyError, sqlite3.Error, ValueError):
        return None  # not a deck we can read: nothing to keep or to supersede


def _member(
    bank: Bank, package: genanki.Package, previous: DeckContents | None, timestamp: int | None
) -> tuple[bytes, int]:
    """The ``collection.anki2`` bytes and the timestamp they were built with."""
    if timestamp is None and previous is not None:
        member = _collection(package, previous.timestamp, previous)
        if read_member(member) == previous:
            return member, previous.timestamp
        timestamp = max(_newest_mtime(bank.root), previous.timestamp + 1)
    elif timestamp is None:
        timestamp = _newest_mtime(bank.root)
    return _collection(package, timestamp, previous), timestamp


def _newest_mtime(root: Path) -> int:
    times = (p.stat().st_mtime for p in root.rglob("*") if p.is_file())
    return int(max(times, default=time.time()))


def _deck_id(name: str) -> int:
    return stable_id(f"deck:{name}")


def _description(bank: Bank) -> str:
    return (
        f"Questions on <i>{as_html(bank.source.meta.title)}</i>, each answer grounded in a quote "
        "of the article. Made by quizlib; re-import a newer build to update the cards in place."
    )
