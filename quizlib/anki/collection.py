"""The ``collection.anki2`` member of a deck, as genanki lays it out.

genanki writes the schema and the collection row: the note types (with the card requirements it
derives from their templates) and the decks. The notes and cards are inserted here in bulk, in
exactly the rows and order genanki's row-at-a-time writer uses (a test holds the two equal):
that writer took most of a build's time. It all happens in an in-memory database, so a build
leaves no temporary files behind (genanki's ``write_to_file`` leaves one per call).
"""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

import genanki

from ..bank import Bank
from .contents import DeckContents, note_type_signature
from .ids import stable_id
from .models import NoteType
from .notes import DeckNote, as_html, deck_name

__all__ = ["Layout", "genanki_model", "write_collection"]

# The columns every note and every new card shares are written into the statements: bound
# as parameters, row by row, they cost more than the values that differ.
# id, guid, mid, mod, usn, tags, flds, sfld, csum (Anki recomputes it), flags, data
_INSERT_NOTE = "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, 0, 0, '')"
# id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid,
# flags, data: a new card
_INSERT_CARD = "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')"
_CLOZE_NUMBER = re.compile(r"{{c(\d+)::.+?}}", re.DOTALL)
_CLOZE_FIELD = re.compile(r"{{[^}]*?cloze:(?:[^}]?:)*(.+?)}}")  # as genanki finds them


class _Placed(NamedTuple):  # a tuple, not a dataclass: a deck places one per note
    note: DeckNote
    model: genanki.Model
    deck_id: int
    ords: tuple[int, ...]  # the note's cards, by template (or cloze number - 1)


@dataclass(frozen=True)
class Layout:
    """The decks of a build and its notes, each with its deck and cards, in writing order."""

    decks: tuple[genanki.Deck, ...]  # names, ids and note types only; notes are in ``placed``
    placed: tuple[_Placed, ...]
    notes: dict[str, int]  # note type name -> notes, in the order the types first come
    cards: int
    topic_decks: int  # decks that hold cards

    @classmethod
    def of(cls, bank: Bank, notes: Sequence[DeckNote], *, cloze: bool) -> Layout:
        root = deck_name(bank, cloze=cloze)
        names = [root, *(deck_name(bank, topic.id, cloze=cloze) for topic in bank.topics)]
        decks = {name: genanki.Deck(stable_id(f"deck:{name}"), name) for name in names}
        decks[root].description = (
            f"Questions on <i>{as_html(bank.source.meta.title)}</i>, each answer grounded in a "
            "quote of the article. Made by quizlib; import a newer build to update the cards in "
            "place."
        )
        by_deck: dict[str, list[_Placed]] = {name: [] for name in decks}
        # By note type key, each made when its first note comes: one pass over the notes.
        models: dict[str, genanki.Model] = {}
        ords: dict[str, _CardOrds] = {}
        counts: dict[str, int] = {}
        added: set[tuple[str, str]] = set()
        cards = 0
        for note in notes:
            key = note.note_type.key
            model = models.get(key)
            if model is None:
                model = models[key] = genanki_model(note.note_type)
                ords[key] = _CardOrds(model)
            counts[key] = counts.get(key, 0) + 1
            deck = decks[note.deck]
            if (note.deck, key) not in added:
                added.add((note.deck, key))
                deck.add_model(model)
            placed = _Placed(note, model, deck.deck_id, ords[key](note))
            cards += len(placed.ords)
            by_deck[note.deck].append(placed)
        # A deck without cards would only clutter the learner's deck list.
        kept = [name for name in decks if by_deck[name] or name == root]
        return cls(
            decks=tuple(decks[name] for name in kept),
            placed=tuple(itertools.chain.from_iterable(by_deck[name] for name in kept)),
            notes={models[key].name: n for key, n in counts.items()},
            cards=cards,
            topic_decks=len({decks[name].deck_id for name in kept if by_deck[name]}),
        )


def write_collection(layout: Layout, timestamp: int, previous: DeckContents | None = None) -> bytes:
    """The member's bytes. Notes and note types that ``previous`` holds unchanged keep their
    modification times from it; everything else gets ``timestamp``."""
    db = sqlite3.connect(":memory:")
    try:
        genanki.Package(list(layout.decks)).write_to_db(db.cursor(), timestamp, iter(()))
        nid = timestamp * 1000  # ids count up from here: a note, its cards, the next note...
        notes: list[tuple[object, ...]] = []
        cards: list[tuple[object, ...]] = []
        tag_lists: dict[tuple[str, ...], str] = {}  # notes share a few tag tuples
        for note, model, deck_id, ords in layout.placed:
            tags = tag_lists.get(note.tags)
            if tags is None:
                tags = tag_lists[note.tags] = f" {' '.join(note.tags)} "
            fields = note.fields
            mod = timestamp if previous is None else _note_time(note, timestamp, previous)
            sort_field = fields[model.sort_field_index]
            notes.append(
                (nid, note.guid, model.model_id, mod, tags, "\x1f".join(fields), sort_field)
            )
            cid = nid
            for o in ords:
                cid += 1
                cards.append((cid, nid, deck_id, o, timestamp, note.due))
            nid = cid + 1
        _insert(db, notes, cards)
        if previous is not None:
            _keep_note_type_times(db, previous)
        db.commit()
        return db.serialize()
    finally:
        db.close()


def _insert(
    db: sqlite3.Connection, notes: list[tuple[object, ...]], cards: list[tuple[object, ...]]
) -> None:
    """The rows, with the indexes genanki's schema put on the two tables built once they are
    in: kept up row by row, the indexes cost about a third of the whole insert. The tables and
    indexes hold the same in the end; only where the index pages fall in the file differs."""
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master"
        " WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('notes', 'cards')"
        " ORDER BY rowid"
    ).fetchall()
    for name, _ in indexes:
        db.execute(f'DROP INDEX "{name}"')
    db.executemany(_INSERT_NOTE, notes)
    db.executemany(_INSERT_CARD, cards)
    for _, sql in indexes:
        db.execute(sql)


def genanki_model(note_type: NoteType) -> genanki.Model:
    """A fresh genanki model of a note type (genanki fills defaults into the dicts it is given,
    so models are not shared between builds)."""
    return genanki.Model(
        note_type.model_id,
        note_type.name,
        fields=note_type.field_dicts(),
        templates=note_type.template_dicts(),
        css=note_type.css,
        model_type=genanki.Model.CLOZE if note_type.cloze else genanki.Model.FRONT_BACK,
        sort_field_index=0,
    )


class _CardOrds:
    """The cards genanki makes for a note of one model: by its templates' required fields, or,
    for a cloze note type, one per cloze number in the fields its first template clozes.

    A front-and-back note's cards depend only on which of the required fields are empty, so
    they are worked out once for each such pattern, not once per note.
    """

    def __init__(self, model: genanki.Model) -> None:
        self.model = model
        self.cloze = model.model_type == genanki.Model.CLOZE
        if self.cloze:
            self.clozed = set(_CLOZE_FIELD.findall(model.templates[0]["qfmt"]))
            return
        required = sorted({i for _, _, required in model._req for i in required})
        # The required fields' values, always as a tuple (itemgetter of one index gives a value).
        self.required = itemgetter(*required, *required[:1]) if required else lambda _: ()
        self.known: dict[tuple[bool, ...], tuple[int, ...]] = {}

    def __call__(self, note: DeckNote) -> tuple[int, ...]:
        if self.cloze:
            return self._cloze(note)
        filled = tuple(map(bool, self.required(note.fields)))
        found = self.known.get(filled)
        if found is None:
            found = self.known[filled] = self._front_back(note)
        return found

    def _front_back(self, note: DeckNote) -> tuple[int, ...]:
        ords = []
        for ord_, how, required in self.model._req:
            test = all if how == "all" else any
            if test(note.fields[i] for i in required):
                ords.append(ord_)
        return tuple(ords)

    def _cloze(self, note: DeckNote) -> tuple[int, ...]:
        numbers = {
            int(n)
            for (_, name), value in zip(note.note_type.fields, note.fields, strict=True)
            if name in self.clozed
            for n in _CLOZE_NUMBER.findall(value)
        }
        return tuple(sorted(n - 1 for n in numbers if n > 0))


def _note_time(note: DeckNote, timestamp: int, previous: DeckContents | None) -> int:
    if previous is not None and previous.notes.get(note.guid) == (
        note.note_type.name,
        note.fields,
        note.tags,
    ):
        return previous.note_times[note.guid]
    return timestamp


def _keep_note_type_times(db: sqlite3.Connection, previous: DeckContents) -> None:
    # Only a note type whose time differs is rewritten: a rebuild of an unchanged deck then runs
    # the same statements as the build before it and gives the same bytes.
    (models_json,) = db.execute("SELECT models FROM col").fetchone()
    models = json.loads(models_json)
    changed = False
    for model in models.values():
        name = model["name"]
        kept = previous.note_type_times.get(name)
        if previous.note_types.get(name) == note_type_signature(model) and kept != model["mod"]:
            model["mod"] = kept
            changed = True
    if changed:
        db.execute("UPDATE col SET models = ?", (json.dumps(models),))
