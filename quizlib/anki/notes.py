"""Bank items as deck notes: escaped HTML fields, GUID, tags, subdeck and queue position.

Nothing here touches genanki: a :class:`DeckNote` is plain data, so the same notes can be written
by quizlib's package writer or, for comparison, by genanki directly.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from operator import itemgetter

from ..bank import Bank, Item
from ..forms import QuestionMaker
from ..model import Concept, Fact
from ..question import Form
from .cards import ALL_FACT_CARDS, FactCard
from .ids import note_guid
from .models import CLOZE, CONCEPT, FACT, NoteType

__all__ = ["CHOICE_SEED", "DeckNote", "as_html", "deck_name", "deck_notes"]

# The multiple-choice card shows the same options on every build, so an unchanged bank gives an
# unchanged deck (and Anki sees no update).
CHOICE_SEED = "anki"
_FLAG = "y"


@dataclass(frozen=True)
class DeckNote:
    """One note: its fields in the note type's order, already HTML."""

    note_type: NoteType
    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    deck: str
    due: int  # the position in the new-card queue: the bank's order


def deck_name(bank: Bank, topic_id: str | None = None, *, cloze: bool = False) -> str:
    """``<bank title>::<topic title>``; the cloze deck is a tree of its own, so a learner who
    studies the main deck never meets a fact again as a cloze in the same session."""
    root = _deck_part(f"{bank.title} (cloze)" if cloze else bank.title)
    if topic_id is None:
        return root
    titles = bank.topic_titles
    return f"{root}::{_deck_part(titles[topic_id])}"


def deck_notes(
    bank: Bank, *, cards: Collection[FactCard] = ALL_FACT_CARDS, cloze: bool = False
) -> list[DeckNote]:
    """The notes of the bank's deck (or of its cloze deck), in the bank's order."""
    return list(_Notes(bank, cards).cloze() if cloze else _Notes(bank, cards).main())


class _Notes:
    def __init__(self, bank: Bank, cards: Collection[FactCard]) -> None:
        self.bank = bank
        self.cards = frozenset(cards)
        self.questions = QuestionMaker(bank)
        # Shared by every note of the bank, so escaped once.
        self.source_title = as_html(bank.source.meta.title)
        self.topic_titles = {topic.id: as_html(topic.title) for topic in bank.topics}
        self.decks = {
            (topic.id, cloze): deck_name(bank, topic.id, cloze=cloze)
            for topic in bank.topics
            for cloze in (False, True)
        }
        self.tags: dict[tuple[str, str, str], tuple[str, ...]] = {}
        # By key: hashing a note type itself would hash its every field and template.
        self.orders = {t.key: _in_order(t) for t in (FACT, CONCEPT, CLOZE)}

    def main(self) -> Iterator[DeckNote]:
        for due, item in enumerate(self.bank.items()):
            if isinstance(item, Fact):
                yield self._note(item, FACT, due, self._fact_fields(item))
            else:
                yield self._note(item, CONCEPT, due, self._concept_fields(item))

    def cloze(self) -> Iterator[DeckNote]:
        for due, fact in enumerate(self.bank.facts):
            question = self.questions.make(fact, Form.CLOZE)
            # A valid fact's statement contains its answer, so this holds; a fact that somehow
            # gave no cloze simply has no cloze note rather than an empty card.
            if question is not None and question.cloze is not None:
                yield self._note(fact, CLOZE, due, {"text": as_html(question.cloze)})

    def _fact_fields(self, fact: Fact) -> dict[str, str]:
        cards = self.cards
        choice = None
        if FactCard.CHOICE in cards:
            choice = self.questions.choice(fact, seed=CHOICE_SEED)
        # Where the generator cannot make the multiple-choice question (too few distractors) and
        # it was the only card asked for, the fact is recalled instead: a note without cards
        # would be invisible to the learner.
        recall = FactCard.RECALL in cards or (choice is None and FactCard.TYPED not in cards)
        return {
            "question": as_html(fact.prompt),
            "answer": as_html(fact.answer),
            "options": "" if choice is None else _options(*choice),
            "recall": _FLAG if recall else "",
            "typed": _FLAG if FactCard.TYPED in cards else "",
        }

    def _concept_fields(self, concept: Concept) -> dict[str, str]:
        return {"term": as_html(concept.term), "definition": as_html(concept.definition)}

    def _note(self, item: Item, note_type: NoteType, due: int, values: dict[str, str]) -> DeckNote:
        """The note, from the fields of its own type and those every note shares."""
        citation = self.bank.citation(item)
        values["explanation"] = as_html(item.explanation)
        values["quote"] = as_html(citation.text)
        values["paragraph"] = str(citation.paragraph.number)
        values["source"] = self.source_title
        values["topic"] = self.topic_titles[item.topic]
        values["note"] = as_html(item.note) if item.note else ""
        values["id"] = item.id
        # Few items differ in all three, so a bank's notes share a handful of tag tuples.
        labels = (item.topic, item.difficulty, item.kind)
        tags = self.tags.get(labels)
        if tags is None:
            tags = self.tags[labels] = (
                f"quizlib::topic::{item.topic}",
                f"quizlib::difficulty::{item.difficulty}",
                f"quizlib::kind::{item.kind}",
            )
        key = note_type.key
        guid = note_guid(self.bank.id, item.id, key)
        deck = self.decks[item.topic, note_type is CLOZE]
        return DeckNote(note_type, guid, self.orders[key](values), tags, deck, due)


def as_html(text: str) -> str:
    """Plain text as field HTML. Quotes stay as they are: fields are element content, never
    attribute values, and ``&#x27;`` would show in Anki's browser and search.

    What ``html.escape(text, quote=False)`` does, without its call: a deck escapes some ten
    fields a note, and most have nothing to escape, which three scans tell faster than three
    replacements.
    """
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _in_order(note_type: NoteType) -> Callable[[dict[str, str]], tuple[str, ...]]:
    """A note's field values, keyed by field key, as a tuple in the note type's order; every
    field must have a value (a missing one is a KeyError, not a silently empty field)."""
    return itemgetter(*(key for key, _ in note_type.fields))


def _options(options: list[str], key: int) -> str:
    """The options as a list; the key's class lets the back's CSS mark it without JavaScript."""
    items = [f"<li>{as_html(option)}</li>" for option in options]
    items[key] = f'<li class="key">{as_html(options[key])}</li>'
    return f'<ol class="options">{"".join(items)}</ol>'


def _deck_part(title: str) -> str:
    # "::" would start a deeper subdeck.
    return title.replace("::", ":").strip()
