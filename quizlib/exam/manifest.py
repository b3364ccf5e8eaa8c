"""An exam's record: its versions, their order and option permutations, and every question.

``manifest.json`` is enough to grade the exam, to write its papers and LMS files again without the
bank, and (with the seed, the blueprint and a bank of the same hash) to rebuild it exactly.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .. import __version__
from ..bank import Bank
from ..errors import ExamError
from ..load import BANK_FILE, item_files
from ..question import Question
from .blueprint import Blueprint, ExamForm

__all__ = ["LETTERS", "BankRef", "Entry", "Manifest", "Version", "bank_hash", "read_manifest"]

LETTERS = "ABCDE"
MANIFEST_FORMAT = 1


class Entry(BaseModel):
    """One question as it stands in one version."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    number: int = Field(description="Its number on the paper, from 1.")
    question: str = Field(description="The question's id, a key of the manifest's `questions`.")
    item: str = Field(description="The bank item it asks about.")
    form: ExamForm
    order: list[int] = Field(
        description="Option j on the paper is option order[j] of the question; [] for short answer."
    )
    key: str | None = Field(description="The correct letter on the paper; null for short answer.")

    @property
    def key_index(self) -> int | None:
        return None if self.key is None else LETTERS.index(self.key)


class Version(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    entries: list[Entry]


class BankRef(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    title: str
    hash: str = Field(description="sha256 of the bank's files; the same hash, the same questions.")


class Manifest(BaseModel):
    """Everything about one exam build."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: int = MANIFEST_FORMAT
    quizlib: str = __version__
    title: str
    bank: BankRef
    seed: int
    vary: bool = Field(description="Whether versions draw different questions (else reorder).")
    blueprint: Blueprint
    versions: list[Version]
    questions: dict[str, Question] = Field(
        description="Every question of every version by id, options in the bank's order."
    )

    def version(self, code: str) -> Version | None:
        return next((v for v in self.versions if v.code == code), None)

    def to_json(self) -> str:
        return self.model_dump_json(indent=1) + "\n"


def read_manifest(path: Path) -> Manifest:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExamError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        return Manifest.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ExamError(f"{path}: not an exam manifest ({where}: {first['msg']})") from None


def bank_hash(bank: Bank) -> str:
    """sha256 over the bank's declaration, source and item files (names and bytes)."""
    root = bank.root
    paths = sorted({root / BANK_FILE, root / bank.info.source, *item_files(root)})
    digest = hashlib.sha256()
    for path in paths:
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
