"""What the LMS writers share: a pool of questions in categories, identifiers and feedback.

Every writer takes a :class:`Pool`: questions in order, each with the category (a topic's title,
say) it is filed under in the LMS. A question is asked as one of three LMS question types,
decided by its shape, not its form: true/false by its form, a question without options as a
typed short answer (its ``answer`` and ``accepted`` aliases are the right answers), anything
else as single-answer multiple choice with ``options[key]`` right.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from ..bank import Bank
from ..errors import QuizlibError
from ..forms import QuestionMaker
from ..model import Fact
from ..question import Citation, Form, Question

__all__ = [
    "LmsError",
    "Pool",
    "PoolQuestion",
    "QuestionType",
    "accepted_answers",
    "feedback_html",
    "feedback_text",
    "identifier",
    "item_id_of",
    "paragraphs_html",
    "pool_from_bank",
    "question_type",
]


class LmsError(QuizlibError):
    """Questions that a format cannot carry faithfully (no key, say)."""


class QuestionType(StrEnum):
    """How an LMS asks a question (Moodle's names)."""

    MULTIPLE_CHOICE = "multichoice"
    TRUE_FALSE = "truefalse"
    SHORT_ANSWER = "shortanswer"


@dataclass(frozen=True)
class PoolQuestion:
    """A question and the category it is filed under (empty: the pool's own)."""

    question: Question
    category: str = ""


@dataclass(frozen=True)
class Pool:
    """Questions for one LMS file: a quiz's, an exam version's or a whole bank's."""

    title: str
    questions: tuple[PoolQuestion, ...]

    @classmethod
    def of(
        cls,
        title: str,
        questions: Iterable[Question],
        categories: Mapping[str, str] | None = None,
    ) -> Pool:
        """A pool of ``questions`` in order, filed by topic (``categories`` maps topic ids to
        titles; a topic it lacks is filed under its id)."""
        names = categories or {}
        return cls(title, tuple(PoolQuestion(q, names.get(q.topic, q.topic)) for q in questions))

    @property
    def digest(self) -> str:
        """Stable for the same title and question ids in the same order, so package ids
        stay the same across runs and differ between exam versions."""
        ids = "\n".join(entry.question.id for entry in self.questions)
        return hashlib.blake2b(f"{self.title}\n{ids}".encode(), digest_size=16).hexdigest()

    def check(self) -> None:
        """Raise :class:`LmsError` for a question no format could carry."""
        seen: set[str] = set()
        for entry in self.questions:
            q = entry.question
            if q.id in seen:
                raise LmsError(f"question {q.id} is in the pool twice")
            seen.add(q.id)
            if q.options and (q.key is None or not 0 <= q.key < len(q.options)):
                raise LmsError(f"question {q.id} has options but no key among them")


def question_type(question: Question) -> QuestionType:
    if question.form is Form.TRUE_FALSE:
        return QuestionType.TRUE_FALSE
    if not question.options:
        return QuestionType.SHORT_ANSWER
    return QuestionType.MULTIPLE_CHOICE


def accepted_answers(question: Question) -> list[str]:
    """Every right typed answer: the answer first, then the aliases, each once."""
    return list(dict.fromkeys(a for a in (question.answer, *question.accepted) if a.strip()))


def identifier(question_id: str) -> str:
    """The question id as an XML name (QTI identifiers are NCNames: no colons).

    Item ids are kebab-case and never hold a dot, so ``item_id_of`` can undo this.
    """
    name = question_id.replace(":", ".")
    return name if re.match(r"[A-Za-z_]", name) else f"_{name}"


def item_id_of(name: str) -> str:
    """The item id in an identifier made by :func:`identifier` (how results come back)."""
    return name.removeprefix("_").split(".", 1)[0]


def feedback_text(question: Question) -> str:
    """General feedback: the explanation, the note if any, then the source quote and paragraph.

    Paragraphs are separated by blank lines, as in the source.
    """
    parts = [question.explanation]
    if question.note:
        parts.append(f"Note: {question.note}")
    parts.append(source_line(question.citation))
    return "\n\n".join(parts)


def source_line(citation: Citation) -> str:
    return f"Source, paragraph {citation.paragraph}: “{citation.quote}”"


def paragraphs_html(text: str) -> str:
    """Plain text as HTML paragraphs, the way Markdown makes them (blank lines part them).

    ``< > &`` are escaped, so text never turns into markup; a single newline stays inside
    its paragraph.
    """
    blocks = [block.strip("\n") for block in re.split(r"\n[ \t]*\n", text)]
    return "\n".join(f"<p>{html.escape(block, quote=False)}</p>" for block in blocks if block)


def feedback_html(question: Question) -> str:
    return paragraphs_html(feedback_text(question))


def pool_from_bank(bank: Bank, *, seed: int = 0, options: int = 4) -> Pool:
    """Every item of the bank in the forms that fit it, a category per topic, in bank order.

    A fact gives multiple choice, a true/false question (its statement as written: a false
    one would need a distractor, and a pool is for drawing from, not for balance) and a
    short answer (its prompt; the answer and its aliases accepted). A concept gives "which
    term means …", "what does … mean" when it has wrong definitions enough, and a short
    answer (its definition; the term and its aliases accepted). ``seed`` fixes the
    distractors and the key positions.
    """
    maker = QuestionMaker(bank)
    titles = bank.topic_titles
    order = {topic.id: index for index, topic in enumerate(bank.topics)}
    items = sorted(bank.items(), key=lambda item: order.get(item.topic, len(order)))
    entries: list[PoolQuestion] = []
    for item in items:
        made: list[Question | None] = []
        if isinstance(item, Fact):
            made.append(maker.make(item, Form.MULTIPLE_CHOICE, options=options, seed=seed))
            made.append(maker.make(item, Form.TRUE_FALSE, position=0, seed=seed))
        else:
            made.append(maker.make(item, Form.TERM, options=options, seed=seed))
            made.append(maker.make(item, Form.DEFINITION, options=options, seed=seed))
        made.append(maker.short_answer(item))
        category = titles.get(item.topic, item.topic)
        entries += [PoolQuestion(q, category) for q in made if q is not None]
    return Pool(bank.title, tuple(entries))
