"""What each printed document shows, as plain data: a student's paper and the answer key.

The student payload is built from the questions' texts and the version's option order only: it
never holds a key, so no template, Markdown or HTML made from it can give one away.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .blueprint import ExamForm
from .manifest import Manifest, Version

__all__ = ["PAPERS", "key_payload", "paper_payload", "summary"]

PAPERS = ("a4", "us-letter")

_HOW = {
    ExamForm.MULTIPLE_CHOICE: "Multiple choice: fill in the one bubble of the best answer.",
    ExamForm.TRUE_FALSE: "True or false: fill in A for true or B for false.",
    ExamForm.SHORT_ANSWER: "Short answer: write a word or a short phrase on the lines.",
}
_NAMES = {
    ExamForm.MULTIPLE_CHOICE: "multiple choice",
    ExamForm.TRUE_FALSE: "true/false",
    ExamForm.SHORT_ANSWER: "short answer",
}


def summary(version: Version) -> str:
    forms = Counter(entry.form for entry in version.entries)
    parts = [f"{forms[form]} {_NAMES[form]}" for form in ExamForm if forms[form]]
    return f"{len(version.entries)} questions: {', '.join(parts)}"


def paper_payload(manifest: Manifest, version: Version, paper: str = "a4") -> dict[str, Any]:
    forms = {entry.form for entry in version.entries}
    instructions = [
        "Write your name and student ID above, and your name at the foot of every page.",
        *(_HOW[form] for form in ExamForm if form in forms),
        "One answer per question; a question left blank scores nothing.",
    ]
    if manifest.blueprint.instructions:
        instructions.append(manifest.blueprint.instructions)
    questions = []
    seen_written = False
    for entry in version.entries:
        question = manifest.questions[entry.question]
        written = entry.form is ExamForm.SHORT_ANSWER
        questions.append(
            {
                "number": entry.number,
                "stem": question.stem,
                "options": [question.options[i] for i in entry.order],
                "first_written": written and not seen_written,
            }
        )
        seen_written |= written
    return {
        "title": manifest.title,
        "source": f"On the article “{manifest.bank.title}”",
        "summary": summary(version),
        "code": version.code,
        "paper": paper,
        "instructions": instructions,
        "questions": questions,
    }


def key_payload(manifest: Manifest, paper: str = "a4") -> dict[str, Any]:
    """Every version's keys, then each question once, with where it stands in each version."""
    where: dict[str, list[str]] = {}
    for version in manifest.versions:
        for entry in version.entries:
            where.setdefault(entry.question, []).append(f"{version.code}{entry.number}")
    forms = {e.question: e.form for v in manifest.versions for e in v.entries}
    questions = []
    for question_id, places in where.items():
        question = manifest.questions[question_id]
        questions.append(
            {
                "where": " ".join(_abridge(places)),
                "item": question.item_id,
                "form": _NAMES[forms[question_id]],
                "stem": question.stem,
                "answer": question.answer,
                "accepted": question.accepted,
                "explanation": question.explanation,
                "note": question.note,
                "quote": question.citation.quote,
                "paragraph": question.citation.paragraph,
            }
        )
    first = manifest.versions[0]
    return {
        "title": manifest.title,
        "source": f"On the article “{manifest.bank.title}”",
        "summary": (
            f"{len(manifest.versions)} version{'s' if len(manifest.versions) > 1 else ''} · "
            f"{summary(first)} · seed {manifest.seed}"
        ),
        "paper": paper,
        "versions": [
            {
                "code": version.code,
                "keys": [
                    {"number": entry.number, "key": entry.key or "SA"} for entry in version.entries
                ],
            }
            for version in manifest.versions
        ],
        "questions": questions,
    }


def _abridge(places: list[str], most: int = 12) -> list[str]:
    # A hundred versions would list a hundred places; the first few say enough.
    if len(places) <= most:
        return places
    return [*places[:most], f"and {len(places) - most} more"]
