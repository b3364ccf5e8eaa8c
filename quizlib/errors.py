"""Errors raised by quizlib.

The hierarchy::

    QuizlibError                 base of everything quizlib raises on purpose
    ├── ContentError             a bank, item file or source is invalid; carries every Problem
    │   └── ResponsesError       a responses file to grade is invalid (`file:line` per bad cell)
    ├── ExamError                an exam cannot be built as asked (the bank cannot fill the
    │                            blueprint, the folder exists, a manifest cannot be read)
    ├── ScaffoldError            `quizlib new` refused to start a bank (it would overwrite files)
    ├── StoreError               the history database cannot be used (a newer quizlib wrote it)
    ├── QuizError                a quiz asked for with options that cannot be met (quiz.py)
    ├── PracticeError            a practice session that cannot start (practice/start.py)
    └── LmsError                 questions an LMS format cannot carry, or a bad format name
                                 (lms/pool.py)

The last three live beside the code that raises them, which keeps `import quizlib` light; the
CLI catches them all as QuizlibError, prints the message and exits 2.

A :class:`Problem` is one finding in one file, printed as ``path:line:col: field: message`` so that
editors and terminals can jump to it (``path:line: ...`` where a file has lines but no columns,
as a CSV row does).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ContentError",
    "ExamError",
    "Problem",
    "QuizlibError",
    "ResponsesError",
    "ScaffoldError",
    "StoreError",
]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file; ``line`` and ``column`` are 1-based, 0 when unknown."""

    path: Path
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = str(self.path)
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class QuizlibError(Exception):
    """Base class for the errors quizlib raises on purpose."""


class ContentError(QuizlibError):
    """A bank could not be loaded; ``problems`` lists every problem found, sorted by place."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} found")

    def report(self) -> str:
        """All problems, one a line, then a count."""
        return "\n".join([*map(str, self.problems), str(self)])


class ResponsesError(ContentError):
    """Students' responses could not be graded; ``problems`` lists every bad row and cell."""


class ExamError(QuizlibError):
    """An exam could not be built, written or read as asked; nothing was written."""


class ScaffoldError(QuizlibError):
    """A new bank could not be started."""


class StoreError(QuizlibError):
    """The history database cannot be used as it is; nothing in it was changed."""
