"""The three note types a deck uses: Fact, Concept and Cloze, with their fields and card templates.

Plain data: :mod:`.collection` turns a note type into a genanki model.

Anki matches fields and templates by their ``id`` (2.1.67 and later), so each carries one derived
from a key that never changes: a field may then be renamed and notes still update in place. Field
lists are append-only; a removed or reordered field makes Anki fork the note type on import.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from .cards import FactCard
from .ids import stable_id

__all__ = ["CARD_CSS", "CLOZE", "CONCEPT", "FACT", "NoteType"]


@dataclass(frozen=True)
class _Template:
    key: str
    name: str
    file: str


@dataclass(frozen=True)
class NoteType:
    """A note type: ``key`` (in GUIDs and ids), Anki name, fields (key, name) and templates."""

    key: str
    name: str
    fields: tuple[tuple[str, str], ...]
    templates: tuple[_Template, ...]
    cloze: bool = False

    @property
    def model_id(self) -> int:
        return stable_id(f"model:{self.name}")

    def field_dicts(self) -> list[dict[str, object]]:
        """The fields as a notetype lists them (genanki passes extra keys, like ``id``, on)."""
        return [
            {"name": name, "id": stable_id(f"field:{self.key}:{key}")} for key, name in self.fields
        ]

    def template_dicts(self) -> list[dict[str, object]]:
        return [
            {
                "name": t.name,
                "id": stable_id(f"template:{self.key}:{t.key}"),
                "qfmt": _template(f"{t.file}.front.html"),
                "afmt": _template(f"{t.file}.back.html"),
            }
            for t in self.templates
        ]

    @property
    def css(self) -> str:
        return CARD_CSS


# Every type ends with the fields its cards' backs share (see templates/details.html).
_SHARED = (
    ("explanation", "Explanation"),
    ("quote", "Quote"),
    ("paragraph", "Paragraph"),
    ("source", "Source"),
    ("topic", "Topic"),
    ("note", "Note"),
)

FACT = NoteType(
    key="fact",
    name="Quizlib Fact",
    fields=(
        ("question", "Question"),
        ("answer", "Answer"),
        *_SHARED,
        ("options", "Options"),  # empty: no multiple-choice card
        ("recall", "Recall"),  # "y" or empty, like Anki's own "Add Reverse"
        ("typed", "Typed"),  # "y" or empty
        ("id", "Id"),
    ),
    templates=(
        _Template(FactCard.RECALL, "Recall", "fact-recall"),
        _Template(FactCard.CHOICE, "Multiple choice", "fact-choice"),
        _Template(FactCard.TYPED, "Type the answer", "fact-typed"),
    ),
)

CONCEPT = NoteType(
    key="concept",
    name="Quizlib Concept",
    fields=(("term", "Term"), ("definition", "Definition"), *_SHARED, ("id", "Id")),
    templates=(
        _Template("term", "Term → definition", "concept-term"),
        _Template("definition", "Definition → term", "concept-definition"),
    ),
)

CLOZE = NoteType(
    key="cloze",
    name="Quizlib Cloze",
    fields=(("text", "Text"), *_SHARED, ("id", "Id")),
    templates=(_Template("cloze", "Cloze", "cloze"),),
    cloze=True,
)


@cache
def _template(name: str) -> str:
    text = (files("quizlib.anki") / "templates" / name).read_text(encoding="utf-8")
    return text.replace("<!-- details -->", _read("details.html")).strip()


def _read(name: str) -> str:
    return (files("quizlib.anki") / "templates" / name).read_text(encoding="utf-8").strip()


CARD_CSS = _read("card.css")
