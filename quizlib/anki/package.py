"""Building a bank's ``.apkg`` and writing it atomically.

The zip is assembled in memory with entry dates taken from the package timestamp, so the same
content and timestamp give the same bytes, and the file appears whole or not at all.

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

import gc
import io
import sqlite3
import time
import zipfile
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_bytes_atomic
from ..bank import Bank
from .cards import ALL_FACT_CARDS, FactCard
from .collection import Layout, write_collection
from .contents import MEMBER, DeckContents, read_deck, read_member
from .notes import DeckNote, deck_notes

__all__ = ["DeckReport", "build_deck", "deck_path", "write_deck"]

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
    # A build makes a few objects per note, all alive until the file is written, and next to no
    # cyclic garbage; the collector would walk them again and again (at 100,000 items its full
    # collections alone took 0.4-0.9 s of a 7-11 s build), so it waits until the deck is out.
    collecting = gc.isenabled()
    gc.disable()
    try:
        notes = deck_notes(bank, cards=cards, cloze=cloze)
        return write_deck(bank, notes, out_dir, cloze=cloze, timestamp=timestamp)
    finally:
        if collecting:
            gc.enable()


def write_deck(
    bank: Bank,
    notes: Sequence[DeckNote],
    out_dir: Path,
    *,
    cloze: bool = False,
    timestamp: int | None = None,
) -> DeckReport:
    """Write notes already made by :func:`.notes.deck_notes` (the benchmark times this apart)."""
    path = deck_path(bank, out_dir, cloze=cloze)
    layout = Layout.of(bank, notes, cloze=cloze)
    member, timestamp = _member(bank, layout, _previous(path), timestamp)
    write_bytes_atomic(path, _zip(member, timestamp))
    return DeckReport(
        path=path,
        notes=layout.notes,
        cards=layout.cards,
        decks=layout.topic_decks,
        timestamp=timestamp,
    )


def _member(
    bank: Bank, layout: Layout, previous: DeckContents | None, timestamp: int | None
) -> tuple[bytes, int]:
    """The ``collection.anki2`` bytes and the timestamp they were built with."""
    if timestamp is None and previous is not None:
        member = write_collection(layout, previous.timestamp, previous)
        if read_member(member) == previous:
            return member, previous.timestamp
        timestamp = max(_newest_mtime(bank.root), previous.timestamp + 1)
    elif timestamp is None:
        timestamp = _newest_mtime(bank.root)
    return write_collection(layout, timestamp, previous), timestamp


def _previous(path: Path) -> DeckContents | None:
    if not path.is_file():
        return None
    try:
        return read_deck(path)
    except (zipfile.BadZipFile, KeyError, sqlite3.Error, ValueError):
        return None  # not a deck we can read: nothing to keep or to supersede


def _newest_mtime(root: Path) -> int:
    times = (p.stat().st_mtime for p in root.rglob("*") if p.is_file())
    return int(max(times, default=time.time()))


def _zip(member: bytes, timestamp: int) -> bytes:
    when = time.gmtime(max(timestamp, _ZIP_EPOCH))[:6]
    buffer = io.BytesIO()
    # Stored, not deflated, as Anki's own exports and genanki's are: every client reads that.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(zipfile.ZipInfo(MEMBER, when), member)
        archive.writestr(zipfile.ZipInfo("media", when), "{}")
    return buffer.getvalue()
