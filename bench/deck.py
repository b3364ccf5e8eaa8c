"""The deck row: ``build_deck`` against genanki writing the very same notes itself."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import genanki

from quizlib.anki import build_deck
from quizlib.anki.ids import stable_id
from quizlib.anki.notes import deck_notes
from quizlib.load import load_bank

__all__ = ["deck_genanki", "deck_quizlib"]

TIMESTAMP = 1_800_000_000


def deck_quizlib(root: Path) -> Callable[[], object]:
    """The whole build, from a loaded bank: notes made from the items, the file written."""
    bank = load_bank(root)

    def build() -> object:
        with tempfile.TemporaryDirectory() as out:  # no earlier deck to compare with
            return build_deck(replace(bank), Path(out), timestamp=TIMESTAMP)

    return build


def deck_genanki(root: Path) -> Callable[[], object]:
    """genanki alone writing the notes quizlib made (made beforehand, not timed): the floor."""
    notes = deck_notes(load_bank(root))
    types = {note.note_type.name: note.note_type for note in notes}
    models = {
        name: genanki.Model(
            t.model_id,
            name,
            fields=t.field_dicts(),
            templates=t.template_dicts(),
            css=t.css,
            model_type=genanki.Model.CLOZE if t.cloze else genanki.Model.FRONT_BACK,
        )
        for name, t in types.items()
    }

    def write() -> object:
        with tempfile.TemporaryDirectory() as out:
            decks: dict[str, genanki.Deck] = {}
            for note in notes:
                deck = decks.get(note.deck)
                if deck is None:
                    deck = decks[note.deck] = genanki.Deck(
                        stable_id(f"deck:{note.deck}"), note.deck
                    )
                deck.add_note(
                    genanki.Note(
                        model=models[note.note_type.name],
                        fields=list(note.fields),
                        tags=list(note.tags),
                        guid=note.guid,
                        due=note.due,
                    )
                )
            # genanki leaves one temporary file per write; keep it inside the scratch folder.
            tempfile.tempdir, before = out, tempfile.tempdir
            try:
                genanki.Package(list(decks.values())).write_to_file(
                    str(Path(out) / "deck.apkg"), timestamp=TIMESTAMP
                )
            finally:
                tempfile.tempdir = before
        return None

    return write
