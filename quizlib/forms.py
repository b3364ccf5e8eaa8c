"""Turning bank items into questions, one form at a time, each only where it makes sense."""

from __future__ import annotations

from .bank import Bank, Item
from .distractors import ORDERED_KINDS, DistractorPool
from .draws import Draws
from .model import Concept, Fact
from .question import Citation, Form, Question
from .text import fold_with_offsets, has_phrase, phrase_spans

__all__ = ["BLANK", "CONCEPT_FORMS", "FACT_FORMS", "Choice", "QuestionMaker"]

FACT_FORMS = (Form.MULTIPLE_CHOICE, Form.TRUE_FALSE, Form.CLOZE, Form.SHORT_ANSWER)
CONCEPT_FORMS = (Form.TERM, Form.DEFINITION, Form.SHORT_ANSWER)
BLANK = "_____"
TRUE, FALSE = "True", "False"

_MULTIPLE_CHOICE = Form.MULTIPLE_CHOICE.value  # formatting the enum member costs a call
Choice = tuple[list[str], int]  # a multiple-choice question's options and the key's index


class QuestionMaker:
    """Makes questions from one bank; distractor candidates are gathered once."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.pool = DistractorPool(bank)

    def forms(self, item: Item) -> tuple[Form, ...]:
        return FACT_FORMS if isinstance(item, Fact) else CONCEPT_FORMS

    def make(
        self,
        item: Item,
        form: Form,
        *,
        options: int = 4,
        position: int | None = None,
        seed: object = 0,
    ) -> Question | None:
        """The question, or None where the form does not fit the item.

        ``position`` asks for the key's place among the options (for true/false: 0 asks for the
        true statement, 1 for the false one); ``seed`` fixes the choice and order of distractors.
        """
        rng = Draws(f"{seed}:{item.id}:{form}")
        if position is None:
            position = rng.randrange(2 if form is Form.TRUE_FALSE else options)
        if isinstance(item, Fact):
            if form is Form.MULTIPLE_CHOICE:
                return self._multiple_choice(item, options, position, rng)
            if form is Form.TRUE_FALSE:
                return self._true_false(item, position, rng)
            if form is Form.CLOZE:
                return self._cloze(item)
        if form is Form.SHORT_ANSWER:
            return self.short_answer(item)
        if isinstance(item, Concept):
            if form is Form.TERM:
                return self._term(item, options, position, rng)
            if form is Form.DEFINITION:
                return self._definition(item, options, position, rng)
        return None

    def choice(self, fact: Fact, *, options: int = 4, seed: object = 0) -> Choice | None:
        """The options of ``make(fact, Form.MULTIPLE_CHOICE, options=options, seed=seed)`` and
        the key's place among them, without the rest of the question: a deck needs only these,
        for every fact of the bank."""
        rng = Draws(f"{seed}:{fact.id}:{_MULTIPLE_CHOICE}")  # as make() seeds it
        return self._choice_options(fact, options, rng.randrange(options), rng)

    def _base(self, item: Item, form: Form, suffix: str = "") -> dict[str, object]:
        citation = self.bank.citation(item)
        return {
            "id": f"{item.id}:{form}{suffix}",
            "item_id": item.id,
            "form": form,
            "explanation": item.explanation,
            "citation": Citation(quote=citation.text, paragraph=citation.paragraph.number),
            "topic": item.topic,
            "difficulty": item.difficulty,
            "kind": item.kind,
            "note": item.note,
        }

    def _multiple_choice(
        self, fact: Fact, count: int, position: int, rng: Draws
    ) -> Question | None:
        choice = self._choice_options(fact, count, position, rng)
        if choice is None:
            return None
        options, key = choice
        form = Form.MULTIPLE_CHOICE
        return self._choice(fact, form, fact.prompt, fact.answer, fact.aliases, options, key)

    def _choice_options(self, fact: Fact, count: int, position: int, rng: Draws) -> Choice | None:
        if fact.kind in ORDERED_KINDS:
            ordered = self.pool.choose_ordered(fact, count - 1, position, rng)
            return None if ordered is None else (ordered.options, ordered.key)
        return _place(fact.answer, self.pool.choose(fact, count - 1, rng), position)

    def _true_false(self, fact: Fact, position: int, rng: Draws) -> Question | None:
        span = _answer_span(fact)
        if span is None:
            return None
        if position == 0:
            return Question(
                **self._base(fact, Form.TRUE_FALSE, ":true"),
                stem=f"True or false? {fact.statement}",
                options=[TRUE, FALSE],
                key=0,
                answer=TRUE,
            )
        swaps = self.pool.choose(fact, 1, rng)
        if not swaps:
            return None
        start, end = span
        false_statement = fact.statement[:start] + swaps[0] + fact.statement[end:]
        base = self._base(fact, Form.TRUE_FALSE, ":false")
        base["explanation"] = f"False: it is {fact.answer}, not {swaps[0]}. {fact.explanation}"
        return Question(
            **base,
            stem=f"True or false? {false_statement}",
            options=[TRUE, FALSE],
            key=1,
            answer=FALSE,
        )

    def _cloze(self, fact: Fact) -> Question | None:
        span = _answer_span(fact)
        if span is None:
            return None
        start, end = span
        shown = fact.statement[start:end]
        before, after = fact.statement[:start], fact.statement[end:]
        return Question(
            **self._base(fact, Form.CLOZE),
            stem=f"{before}{BLANK}{after}",
            options=[],
            key=None,
            answer=shown,
            accepted=[fact.answer, *fact.aliases],
            cloze=f"{before}{{{{c1::{shown}}}}}{after}",
        )

    def short_answer(self, item: Item) -> Question:
        """The prompt (a concept: "which term means …") with the answer to write in; the
        aliases are accepted. For papers and LMS short-answer questions; any item has one."""
        if isinstance(item, Fact):
            stem, answer = item.prompt, item.answer
        else:
            stem, answer = _term_stem(item), item.term
        return Question(
            **self._base(item, Form.SHORT_ANSWER),
            stem=stem,
            options=[],
            key=None,
            answer=answer,
            accepted=list(item.aliases),
        )

    def _term(self, concept: Concept, count: int, position: int, rng: Draws) -> Question | None:
        # A quiz shows the article's title, so a term the title names gives itself away.
        if any(has_phrase(self.bank.title, term) for term in (concept.term, *concept.aliases)):
            return None
        wrong = self.pool.choose(concept, count - 1, rng)
        stem = _term_stem(concept)
        return self._placed(
            concept, Form.TERM, stem, concept.term, concept.aliases, wrong, position
        )

    def _definition(
        self, concept: Concept, count: int, position: int, rng: Draws
    ) -> Question | None:
        wrong = self.pool.choose_definitions(concept, count - 1, rng)
        stem = f"As the article uses it, what does “{concept.term}” mean?"
        return self._placed(concept, Form.DEFINITION, stem, concept.definition, [], wrong, position)

    def _placed(
        self,
        item: Item,
        form: Form,
        stem: str,
        answer: str,
        accepted: list[str],
        wrong: list[str],
        position: int,
    ) -> Question | None:
        """The key at ``position`` among the distractors; None below three options."""
        placed = _place(answer, wrong, position)
        if placed is None:
            return None
        options, key = placed
        return self._choice(item, form, stem, answer, accepted, options, key)

    def _choice(
        self,
        item: Item,
        form: Form,
        stem: str,
        answer: str,
        accepted: list[str],
        options: list[str],
        key: int,
    ) -> Question:
        return Question(
            **self._base(item, form),
            stem=stem,
            options=options,
            key=key,
            answer=answer,
            accepted=accepted,
        )


def _place(answer: str, wrong: list[str], position: int) -> Choice | None:
    """The answer at ``position`` among the distractors, which come drawn in a seeded random
    order already; None below three options."""
    if len(wrong) < 2:
        return None
    options = list(wrong)
    position = min(position, len(options))
    options.insert(position, answer)
    return options, position


def _term_stem(concept: Concept) -> str:
    return f"Which term, as the article uses it, means this? {concept.definition}"


def _answer_span(fact: Fact) -> tuple[int, int] | None:
    """Where the answer (or, failing that, an alias) stands in the fact's statement."""
    folded = fold_with_offsets(fact.statement)
    for candidate in (fact.answer, *fact.aliases):
        spans = phrase_spans(folded, candidate)
        if spans:
            return spans[0]
    return None
