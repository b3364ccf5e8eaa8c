"""Building a bank's ``.apkg`` with genanki and writing it atomically.

genanki's own ``Package.write_to_file`` leaves a temporary SQLite file behind on every call and
stamps the zip with the wall clock. Here genanki fills an in-memory database instead
(``Package.write_to_db``), and the zip is assembled in memory with entry dates taken from the
package timestamp, so a build makes no temporary files and the same content and timestamp give
the same bytes.

The timestamp. Anki applies an incoming note only when its modification time is newer than the
one it has, so every build whose content changed needs a larger timestamp than the build before
it, while a rebuild of unchanged content should keep the old one (nothing to update, and the
committed deck stays byte-for-byte what it was). With ``timestamp=None``:

* if the output file exists and holds the same content (notes, cards, note types, decks; see
  :mod:`.contents`), its timestamp is kept;
* otherwise the timestamp is the newest modification time of the bank's files (an edit makes it
  grow, and two builds of one checkout agree), but at least one second past the existing
  file's, so a release always supersedes the one before it even if file times went backwards.
"""

from __future__ import annotations

import io
import itertools
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
from .contents import MEMBER, read_deck, read_member
from .ids import stable_id
from .notes import DeckNote, as_html, deck_name, deck_notes

__all__ = ["DeckReport", "build_deck", "deck_path", "write_package"]

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
    if timestamp is None:
        timestamp = _timestamp(bank, path, package)
    write_package(package, path, timestamp)
    card_count = sum(len(note.cards) for deck in package.decks for note in deck.notes)
    return DeckReport(
        path=path,
        notes=dict(Counter(note.note_type.name for note in notes)),
        cards=card_count,
        decks=sum(bool(deck.notes) for deck in package.decks),
        timestamp=timestamp,
    )


def write_package(package: genanki.Package, path: Path, timestamp: int) -> None:
    """Write the package as an ``.apkg``, atomically, with no temporary files elsewhere."""
    write_bytes_atomic(path, _zip(_collection(package, timestamp), timestamp))


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


def _collection(package: genanki.Package, timestamp: int) -> bytes:
    db = sqlite3.connect(":memory:")
    try:
        package.write_to_db(db.cursor(), timestamp, itertools.count(timestamp * 1000))
        db.commit()
        return db.serialize()
    finally:
        db.close()


def _zip(member: bytes, timestamp: int) -> bytes:
    when = time.gmtime(max(timestamp, _ZIP_EPOCH))[:6]
    buffer = io.BytesIO()
    # Stored, not deflated, as Anki's own exports and genanki's are: every client reads that.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(zipfile.ZipInfo(MEMBER, when), member)
        archive.writestr(zipfile.ZipInfo("media", when), "{}")
    return buffer.getvalue()


def _timestamp(bank: Bank, path: Path, package: genanki.Package) -> int:
    candidate = _newest_mtime(bank.root)
    if not path.is_file():
        return candidate
    try:
        previous = read_deck(path)
    except (zipfile.BadZipFile, KeyError, sqlite3.Error, ValueError):
        return candidate  # not a deck we can read: nothing to keep or to supersede
    if read_member(_collection(package, previous.timestamp)) == previous:
        return previous.timestamp
    return max(candidate, previous.timestamp + 1)


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
