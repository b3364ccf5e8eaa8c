"""Reading students' responses: ``student,version,q1,q2,…``, one row per student.

A cell holds the letter marked on the paper (any case), blank for no answer; a short-answer
question holds 1 (right) or 0 (wrong) as the grader marked it. Every bad row or cell is reported
as ``file:line: …``, and nothing is graded until all are fixed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import ExamError, Problem, ResponsesError
from .blueprint import ExamForm
from .manifest import LETTERS, Manifest

__all__ = ["Response", "read_responses"]


@dataclass(frozen=True)
class Response:
    """One student's paper: per question, the option index marked (on the paper) or, for a short
    answer, 1 or 0; None where left blank."""

    student: str
    version: str
    answers: list[int | None]
    line: int


def read_responses(path: Path, manifest: Manifest) -> list[Response]:
    try:
        text = path.read_text(encoding="utf-8-sig")  # spreadsheets often start with a BOM
    except OSError as exc:
        raise ExamError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ExamError(f"{path}: not UTF-8 text (save the spreadsheet as CSV UTF-8)") from None
    problems: list[Problem] = []

    def problem(line: int, message: str) -> None:
        problems.append(Problem(path, line, 0, "", message))

    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    count = max(len(v.entries) for v in manifest.versions)
    expected = ["student", "version", *(f"q{n}" for n in range(1, count + 1))]
    if header is None:
        raise ResponsesError([Problem(path, 1, 0, "", "empty file: " + _header_hint(expected))])
    if [cell.strip().lower() for cell in header] != expected:
        raise ResponsesError([Problem(path, 1, 0, "", "wrong header: " + _header_hint(expected))])
    versions = {v.code: v for v in manifest.versions}
    seen: dict[str, int] = {}
    responses = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = [cell.strip() for cell in row]
        student, code = cells[0], (cells[1] if len(cells) > 1 else "").upper()
        if not student:
            problem(line, "no student id")
        elif student in seen:
            problem(line, f"student {student!r} again (first on line {seen[student]})")
        else:
            seen[student] = line
        version = versions.get(code)
        if version is None:
            known = ", ".join(list(versions)[:10]) + (", …" if len(versions) > 10 else "")
            problem(line, f"unknown version {cells[1] if len(cells) > 1 else ''!r} ({known})")
            continue
        answers = cells[2:]
        # Spreadsheets pad short rows with empty cells: trailing blanks past the paper are fine.
        while len(answers) > len(version.entries) and not answers[-1]:
            answers.pop()
        if len(answers) != len(version.entries):
            problem(
                line,
                f"{len(answers)} answers; version {code} has {len(version.entries)} questions",
            )
            continue
        marked: list[int | None] = []
        for entry, cell in zip(version.entries, answers, strict=True):
            value = cell.upper()
            if not value:
                marked.append(None)
            elif entry.form is ExamForm.SHORT_ANSWER:
                if value not in ("0", "1"):
                    problem(line, f"q{entry.number}: {cell!r}: a short answer is marked 1 or 0")
                marked.append(int(value) if value in ("0", "1") else None)
            else:
                size = len(entry.order)
                if len(value) != 1 or value not in LETTERS[:size]:
                    problem(
                        line, f"q{entry.number}: {cell!r} is not an option (A–{LETTERS[size - 1]})"
                    )
                    marked.append(None)
                else:
                    marked.append(LETTERS.index(value))
        responses.append(Response(student, code, marked, line))
    if not problems and not responses:
        problem(1, "no students: add one row per student under the header")
    if problems:
        raise ResponsesError(problems)
    return responses


def _header_hint(expected: list[str]) -> str:
    shown = expected if len(expected) <= 6 else [*expected[:4], "…", expected[-1]]
    return f"the first row must be {','.join(shown)}"
