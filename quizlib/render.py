"""A quiz as plain text, Markdown or JSON: the questions, then the key with explanations."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from .question import Form, Question
from .quiz import Quiz

__all__ = ["FORMATS", "LETTERS", "render"]

LETTERS = "ABCDE"


def render(quiz: Quiz, fmt: str) -> str:
    return FORMATS[fmt](quiz)


def _header(quiz: Quiz) -> str:
    return (
        f"{len(quiz.questions)} questions · seed {quiz.seed} · build again with --seed {quiz.seed}"
    )


def _key_label(question: Question) -> str:
    if question.key is None:
        return question.answer
    return f"{LETTERS[question.key]}. {question.options[question.key]}"


def _source(question: Question) -> str:
    return f"“{question.citation.quote}” (¶{question.citation.paragraph})"


def _text(quiz: Quiz) -> str:
    out = [quiz.title, _header(quiz), ""]
    for number, question in enumerate(quiz.questions, 1):
        prefix = f"{number}. "
        stem = (
            question.stem
            if question.form is not Form.CLOZE
            else f"Fill in the blank: {question.stem}"
        )
        out += textwrap.wrap(stem, 96, initial_indent=prefix, subsequent_indent=" " * len(prefix))
        for i, option in enumerate(question.options):
            label = f"{' ' * len(prefix)}{LETTERS[i]}. "
            out += textwrap.wrap(
                option, 96, initial_indent=label, subsequent_indent=" " * len(label)
            )
        out.append("")
    out += ["Answer key", ""]
    for number, question in enumerate(quiz.questions, 1):
        prefix = f"{number}. "
        indent = " " * len(prefix)
        out += textwrap.wrap(
            _key_label(question), 96, initial_indent=prefix, subsequent_indent=indent
        )
        out += textwrap.wrap(
            question.explanation, 96, initial_indent=indent, subsequent_indent=indent
        )
        if question.note:
            out += textwrap.wrap(
                f"Note: {question.note}", 96, initial_indent=indent, subsequent_indent=indent
            )
        out += textwrap.wrap(
            f"Source: {_source(question)}", 96, initial_indent=indent, subsequent_indent=indent
        )
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _escape(text: str) -> str:
    # Markdown would read these as emphasis, links or HTML; a handout must print them as typed.
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def _markdown(quiz: Quiz) -> str:
    out = [
        f"# Quiz: {_escape(quiz.title)}",
        "",
        f"*{_header(quiz)}*",
        "",
        "Name: ______________________",
        "",
    ]
    for number, question in enumerate(quiz.questions, 1):
        stem = _escape(question.stem)
        if question.form is Form.CLOZE:
            stem = "Fill in the blank: " + stem.replace(r"\_\_\_\_\_", "\\_" * 10)
        out += [f"**{number}.** {stem}", ""]
        out += [
            f"- **{LETTERS[i]}.** {_escape(option)}" for i, option in enumerate(question.options)
        ]
        if question.options:
            out.append("")
    out += ["---", "", "## Answer key", ""]
    for number, question in enumerate(quiz.questions, 1):
        out.append(f"**{number}. {_escape(_key_label(question))}**  ")
        out.append(f"{_escape(question.explanation)}  ")
        if question.note:
            out.append(f"*Note:* {_escape(question.note)}  ")
        out += [f"> {_escape(question.citation.quote)} (¶{question.citation.paragraph})", ""]
    return "\n".join(out).rstrip() + "\n"


def _json(quiz: Quiz) -> str:
    return quiz.model_dump_json(indent=2) + "\n"


FORMATS: dict[str, Callable[[Quiz], str]] = {"text": _text, "markdown": _markdown, "json": _json}
