"""Moodle XML, the format Moodle's question bank imports and exports losslessly.

Text goes in CDATA (HTML inside, so it shows as typed); ``<idnumber>`` and ``<name>`` carry the
question id, so Moodle's reports name each question by item. Fractions come from Moodle's grade
list (``question_bank::fraction_options_full()``): the importer rejects any other value.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..question import Question
from .gift import category_path
from .pool import (
    Pool,
    QuestionType,
    accepted_answers,
    feedback_html,
    paragraphs_html,
    question_type,
)

__all__ = ["GRADES", "cdata", "write_moodle_xml"]

# Moodle's grade list, as percentages; the negated values are valid as well.
GRADES = (
    "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333", "30",
    "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0",
)  # fmt: skip
RIGHT, WRONG = "100", "0"
PENALTY = "0.3333333"  # Moodle's default: a third off per wrong try in interactive mode


def cdata(text: str) -> str:
    """``text`` as CDATA; a ``]]>`` inside is split across two sections."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text(tag: str, text: str, fmt: str = "html") -> str:
    return f'<{tag} format="{fmt}">{_bare(text)}</{tag}>'


def _bare(text: str) -> str:
    return f"<text>{cdata(text)}</text>" if text else "<text></text>"


def write_moodle_xml(pool: Pool) -> str:
    """The pool as a Moodle XML ``<quiz>``, a category question before each change."""
    pool.check()
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    current: str | None = None
    for entry in pool.questions:
        if entry.category != current:
            current = entry.category
            out += [
                '  <question type="category">',
                f"    <category>{_bare(category_path(pool, current))}</category>",
                "  </question>",
            ]
        out += _question(entry.question)
    out.append("</quiz>")
    return "\n".join(out) + "\n"


def _question(question: Question) -> list[str]:
    kind = question_type(question)
    lines = [
        f"  <!-- {escape(question.id).replace('--', '- -')} -->",
        f"  <question type={quoteattr(kind.value)}>",
        f"    <name>{_bare(question.id)}</name>",
        f"    {_text('questiontext', paragraphs_html(question.stem))}",
        f"    {_text('generalfeedback', feedback_html(question))}",
        "    <defaultgrade>1</defaultgrade>",
        f"    <penalty>{'1' if kind is QuestionType.TRUE_FALSE else PENALTY}</penalty>",
        "    <hidden>0</hidden>",
        f"    <idnumber>{escape(question.id)}</idnumber>",
    ]
    if kind is QuestionType.MULTIPLE_CHOICE:
        # quizlib has ordered the options (numbers ascending, keys balanced): keep its order.
        lines += [
            "    <single>true</single>",
            "    <shuffleanswers>false</shuffleanswers>",
            "    <answernumbering>ABCD</answernumbering>",
        ]
        for i, option in enumerate(question.options):
            lines.append(_answer(RIGHT if i == question.key else WRONG, paragraphs_html(option)))
    elif kind is QuestionType.TRUE_FALSE:
        truth = question.key is not None and question.options[question.key] == "True"
        lines.append(_answer(RIGHT if truth else WRONG, "true", "moodle_auto_format"))
        lines.append(_answer(WRONG if truth else RIGHT, "false", "moodle_auto_format"))
    else:
        # Typed answers are compared as plain text, case-insensitively (usecase 0).
        lines.append("    <usecase>0</usecase>")
        for answer in accepted_answers(question):
            lines.append(_answer(RIGHT, answer, "moodle_auto_format"))
    lines.append("  </question>")
    return lines


def _answer(fraction: str, text: str, fmt: str = "html") -> str:
    feedback = _text("feedback", "", fmt)
    return f'    <answer fraction="{fraction}" format="{fmt}">{_bare(text)}{feedback}</answer>'
