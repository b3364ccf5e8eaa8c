"""What an exam must hold: questions per topic, a difficulty mix, the forms asked.

A blueprint comes from the command's flags or from a small YAML file; a file's mistakes are
reported as content errors are (``file:line:col: field: message``).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from ..bank import unknown_topic
from ..errors import ContentError, ExamError
from ..model import Difficulty
from ..question import Form
from ..textfile import read_utf8
from ..yamlfile import parse_yaml

__all__ = ["DEFAULT_COUNT", "Blueprint", "ExamForm", "blueprint_from_options", "load_blueprint"]

DEFAULT_COUNT = 20


class ExamForm(StrEnum):
    """How a question is asked on paper."""

    MULTIPLE_CHOICE = "multiple-choice"  # a fact's prompt, or a concept's term or definition
    TRUE_FALSE = "true-false"
    SHORT_ANSWER = "short-answer"  # written in; the answer and its aliases are accepted

    @property
    def question_forms(self) -> tuple[Form, ...]:
        """The forms of :mod:`quizlib.forms` that this paper form asks (none for short answer)."""
        return _QUESTION_FORMS[self]


_QUESTION_FORMS = {
    ExamForm.MULTIPLE_CHOICE: (Form.MULTIPLE_CHOICE, Form.TERM, Form.DEFINITION),
    ExamForm.TRUE_FALSE: (Form.TRUE_FALSE,),
    ExamForm.SHORT_ANSWER: (),
}


class Blueprint(BaseModel):
    """Every version of an exam meets its blueprint exactly.

    Validate with ``context={"topics": [...]}`` (the bank's topic ids) to check topic names.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = Field(default=None, description="The paper's title (default: the bank's).")
    instructions: str | None = Field(
        default=None, description="Printed under the name and ID lines (default: how to answer)."
    )
    topics: dict[str, int] = Field(
        min_length=1, description="Questions per topic id; every version has exactly these."
    )
    difficulty: dict[Difficulty, int] = Field(
        default={},
        description="Questions per difficulty, adding up to the total; empty for any mix.",
    )
    forms: list[ExamForm] = Field(
        default=[ExamForm.MULTIPLE_CHOICE, ExamForm.TRUE_FALSE],
        min_length=1,
        description="multiple-choice and/or true-false; true/false is kept to one question in "
        "five unless it is the only form.",
    )
    short_answer: int = Field(
        default=0, ge=0, description="How many of the questions are asked as short answer."
    )
    options: int = Field(default=4, ge=3, le=5, description="Options per multiple-choice question.")

    @property
    def total(self) -> int:
        return sum(self.topics.values())

    @field_validator("topics")
    @classmethod
    def _known_topics(cls, topics: dict[str, int], info: ValidationInfo) -> dict[str, int]:
        for topic, count in topics.items():
            if count < 1:
                raise ValueError(f"topic {topic!r}: at least 1 question, not {count}")
        declared = (info.context or {}).get("topics")
        problem = None if declared is None else unknown_topic(topics, declared)
        if problem:
            raise ValueError(problem)
        return topics

    @field_validator("difficulty")
    @classmethod
    def _mix_adds_up(
        cls, mix: dict[Difficulty, int], info: ValidationInfo
    ) -> dict[Difficulty, int]:
        if any(count < 0 for count in mix.values()):
            raise ValueError("a difficulty's count cannot be negative")
        topics = info.data.get("topics")
        if mix and topics is not None and sum(mix.values()) != sum(topics.values()):
            raise ValueError(
                f"the difficulty mix adds up to {sum(mix.values())} questions, "
                f"the topics to {sum(topics.values())}"
            )
        return {level: count for level, count in mix.items() if count}

    @field_validator("forms")
    @classmethod
    def _choice_forms(cls, forms: list[ExamForm]) -> list[ExamForm]:
        if ExamForm.SHORT_ANSWER in forms:
            raise ValueError("ask for short answers with `short_answer: N` (how many)")
        return list(dict.fromkeys(forms))

    @field_validator("short_answer")
    @classmethod
    def _short_fits(cls, count: int, info: ValidationInfo) -> int:
        topics = info.data.get("topics")
        if topics is not None and count > sum(topics.values()):
            raise ValueError(f"{count} short answers, but the exam has {sum(topics.values())}")
        return count


def load_blueprint(path: Path, topics: list[str]) -> Blueprint:
    """Read a blueprint file; raise :class:`ContentError` with every problem and its place."""
    document = parse_yaml(path, read_utf8(path))
    problems = document.duplicate_keys()
    if not isinstance(document.data, dict):
        problems.append(document.problem((), "a blueprint is a mapping with at least `topics:`"))
        raise ContentError(problems)
    try:
        blueprint = Blueprint.model_validate(document.data, context={"topics": topics})
    except ValidationError as exc:
        problems += document.validation_problems(exc)
    if problems:
        raise ContentError(problems)
    return blueprint


def blueprint_from_options(
    topics: Mapping[str, int],
    *,
    per_topic: dict[str, int] | None = None,
    count: int | None = None,
    difficulty: dict[str, int] | None = None,
    forms: list[str] | None = None,
    short_answer: int = 0,
    options: int = 4,
    title: str | None = None,
) -> Blueprint:
    """A blueprint from command-line choices.

    ``topics`` maps the bank's topic ids, in the bank's order, to their numbers of items.
    Without ``per_topic``, ``count`` (default 20) is spread over the topics in proportion to
    their items, as the article gives them weight.
    """
    if per_topic is None:
        total = DEFAULT_COUNT if count is None else count
        if total < 1:
            raise ExamError(f"--count must be at least 1, not {total}")
        per_topic = _spread(total, topics)
    elif count is not None and count != sum(per_topic.values()):
        raise ExamError(
            f"--count {count} disagrees with the --topic counts, which add up to "
            f"{sum(per_topic.values())}"
        )
    data: dict[str, Any] = {
        "title": title,
        "topics": per_topic,
        "difficulty": difficulty or {},
        "short_answer": short_answer,
        "options": options,
    }
    if forms:
        data["forms"] = forms
    try:
        return Blueprint.model_validate(data, context={"topics": list(topics)})
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        message = str(first["ctx"]["error"]) if "ctx" in first else first["msg"]
        field = ".".join(str(part) for part in first["loc"])
        raise ExamError(f"blueprint: {field}: {message}") from None


def _spread(total: int, sizes: Mapping[str, int]) -> dict[str, int]:
    """``total`` in proportion to ``sizes`` (largest remainders; ties to the earlier topic)."""
    items = sum(sizes.values()) or 1
    shares = {topic: total * size / items for topic, size in sizes.items()}
    counts = {topic: int(share) for topic, share in shares.items()}
    by_remainder = sorted(shares, key=lambda t: counts[t] - shares[t])  # stable: bank order
    for topic in by_remainder[: total - sum(counts.values())]:
        counts[topic] += 1
    return {topic: n for topic, n in counts.items() if n}
