"""GIFT, Moodle's plain-text question format (read by its "GIFT format" import).

Each question is ``::name::[html]text{answers####general feedback}``, questions parted by a
blank line, and ``$CATEGORY:`` lines switching category. Moodle's importer
(``qformat_gift::readquestion``) first swaps ``\\\\ \\~ \\= \\# \\{ \\} \\: \\n`` for
placeholders, so escaping exactly those characters (and nothing else) lets any text through.
"""

from __future__ import annotations

import html

from ..question import Question
from .pool import (
    LmsError,
    Pool,
    QuestionType,
    accepted_answers,
    feedback_html,
    paragraphs_html,
    question_type,
)

__all__ = ["category_path", "gift_escape", "write_gift"]

# One pass, so a backslash is never escaped twice; Moodle drops \r on export too.
_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "~": "\\~",
        "=": "\\=",
        "#": "\\#",
        "{": "\\{",
        "}": "\\}",
        ":": "\\:",
        "\n": "\\n",
        "\r": "",
    }
)


def gift_escape(text: str) -> str:
    return text.translate(_ESCAPES)


def category_path(pool: Pool, category: str) -> str:
    """Moodle's category path: a literal ``/`` in a name is written ``//``."""
    parts = [pool.title, category] if category else [pool.title]
    return "$course$/top/" + "/".join(part.replace("/", "//") for part in parts)


def write_gift(pool: Pool) -> str:
    """The pool as one GIFT file, a ``$CATEGORY:`` before each change of category."""
    pool.check()
    blocks: list[str] = []
    current: str | None = None
    for entry in pool.questions:
        if entry.category != current:
            current = entry.category
            path = category_path(pool, current)
            if "\n" in path:
                raise LmsError(f"a category name holds a line break: {current!r}")
            # The importer takes the rest of the line as it is (no unescaping), so no escapes.
            blocks.append(f"$CATEGORY: {path}")
        blocks.append(_question(entry.question))
    return "\n\n".join(blocks) + "\n"


def _question(question: Question) -> str:
    name = f"::{gift_escape(question.id)}::"
    text = "[html]" + gift_escape(paragraphs_html(question.stem))
    kind = question_type(question)
    if kind is QuestionType.TRUE_FALSE:
        assert question.key is not None  # checked by Pool.check
        answers = ["TRUE" if question.options[question.key] == "True" else "FALSE"]
    elif kind is QuestionType.SHORT_ANSWER:
        # '%50%' at an answer's start is read as a weight, and '%' has no GIFT escape.
        # A short answer is compared with what the student types, so it stays plain text.
        right = accepted_answers(question)
        if any(answer.startswith("%") for answer in right):
            raise LmsError(f"question {question.id}: GIFT cannot carry a short answer from '%'")
        if any("->" in answer for answer in right):
            # '=' with '->' makes the importer read a matching question; '->' has no escape.
            raise LmsError(f"question {question.id}: GIFT cannot carry '->' in a short answer")
        answers = [f"={gift_escape(answer)}" for answer in right]
    else:
        # Options follow the question text's format ([html]), so they are escaped for it.
        answers = [
            f"{'=' if i == question.key else '~'}{gift_escape(_option_html(option))}"
            for i, option in enumerate(question.options)
        ]
    lines = [f"// {question.item_id}", f"{name}{text}{{"]
    lines += [f"\t{answer}" for answer in answers]
    lines.append(f"\t####{gift_escape(feedback_html(question))}")
    lines.append("}")
    return "\n".join(lines)


def _option_html(option: str) -> str:
    # A leading '%50%' would be read as a weight; as HTML, '%' can be written as an entity.
    escaped = html.escape(option, quote=False)
    return "&#37;" + escaped[1:] if escaped.startswith("%") else escaped
