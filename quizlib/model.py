"""The content model: what a bank file and an item file may contain.

Every model forbids unknown keys (a typo such as ``tgas:`` is an error, not a silent no-op) and is
frozen. Checks that need the rest of the bank (declared topics, the source text) read it from the
validation context, so their errors land on the offending YAML line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from .grounding import quote_problem
from .source import Source
from .text import fold, has_phrase

__all__ = [
    "BankFile",
    "Concept",
    "Difficulty",
    "Fact",
    "ItemFile",
    "Kind",
    "SourceRef",
    "Topic",
    "ValidationContext",
]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)


def _check_id(value: str) -> str:
    if len(value) > 64:
        raise ValueError(f"an id has at most 64 characters (this one has {len(value)})")
    if not _ID_RE.match(value):
        raise ValueError(
            f"{value!r} is not a valid id: "
            "use lowercase words joined by hyphens, e.g. 'gwadar-port'"
        )
    return value


Id = Annotated[
    str,
    AfterValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "maxLength": 64}),
]
Text = Annotated[str, Field(min_length=1)]


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Kind(StrEnum):
    """What an answer (or a concept) is; distractors are drawn from the same kind."""

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    PLACE = "place"
    PROJECT = "project"
    STRATEGY = "strategy"
    THEORY = "theory"
    EVENT = "event"
    YEAR = "year"
    NUMBER = "number"
    TERM = "term"
    PHRASE = "phrase"


@dataclass(frozen=True)
class ValidationContext:
    """What validation may check against: the bank's source and its declared topics."""

    source: Source | None = None
    topics: frozenset[str] | None = None


# A fresh list per item: a shared ``default=[]`` is deep-copied for every item (a tenth of a
# second per 25,000 items); the schema still shows the default to editors.
_LIST_DEFAULT: dict[str, Any] = {
    "default_factory": list,
    "json_schema_extra": {"default": []},
}


def _list_field(description: str) -> Any:
    return Field(description=description, **_LIST_DEFAULT)


def _context(info: ValidationInfo) -> ValidationContext:
    context = info.context
    return context if isinstance(context, ValidationContext) else ValidationContext()


class _Content(BaseModel):
    # defer_build: the validators are built when a file is first validated, not on import; a
    # bank read back from the cache (quizlib.cache) is never validated, so never pays for them.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class SourceRef(_Content):
    """Where an item comes from: a verbatim quote of the source."""

    quote: Text = Field(
        description="Copied verbatim from the source. Matching ignores case, whitespace runs and "
        "quote/dash styles, and the quote must occur exactly once."
    )

    @field_validator("quote")
    @classmethod
    def _quote_is_in_source(cls, quote: str, info: ValidationInfo) -> str:
        source = _context(info).source
        if source is None:
            return quote
        problem = quote_problem(source, quote, source.find(quote))
        if problem is not None:
            raise ValueError(problem)
        return quote


class _Item(_Content):
    id: Id = Field(description="Stable kebab-case id; it keys Anki notes and review history.")
    topic: Id = Field(description="One of the topic ids declared in bank.yaml.")
    category: Id | None = Field(
        default=None,
        description="A finer class than `kind` that the question names (e.g. russian-official): "
        "distractors from other items then come only from items of the same category.",
    )
    pool: bool = Field(
        default=True,
        description="Whether distractors may be drawn from other items when curated ones run "
        "short; false keeps the question to its curated distractors.",
    )
    enemies: list[Id] = Field(
        **_LIST_DEFAULT,
        description="Ids of items that give this one away (or that it gives away) beyond those "
        "found automatically; the two are never asked in one quiz.",
    )

    @field_validator("topic")
    @classmethod
    def _topic_is_declared(cls, topic: str, info: ValidationInfo) -> str:
        topics = _context(info).topics
        if topics is not None and topic not in topics:
            raise ValueError(
                f"topic {topic!r} is not declared in bank.yaml "
                f"(declared: {', '.join(sorted(topics))})"
            )
        return topic


def _no_key_among_distractors(
    distractors: list[str], info: ValidationInfo, key_field: str
) -> list[str]:
    keys = {fold(info.data[key_field])} if key_field in info.data else set()
    keys |= {fold(alias) for alias in info.data.get("aliases", [])}
    seen: set[str] = set()
    for distractor in distractors:
        folded = fold(distractor)
        if folded in keys:
            raise ValueError(f"the answer {distractor!r} is also listed as a distractor")
        if folded in seen:
            raise ValueError(f"the distractor {distractor!r} is listed twice")
        seen.add(folded)
    return distractors


class Fact(_Item):
    """A fact of the article, asked as a question with a short answer."""

    prompt: Text = Field(description="The question, worded positively and complete.")
    answer: Text = Field(description="The short correct answer.")
    kind: Kind = Field(description="What the answer is; distractors are drawn from the same kind.")
    aliases: list[Text] = _list_field("Other typed answers to accept.")
    distractors: list[Text] = _list_field("Curated wrong answers, same kind.")
    explanation: Text = Field(description="Why the answer is right, in plain words.")
    statement: Text = Field(
        description="One declarative sentence that contains the answer (cloze and true/false)."
    )
    difficulty: Difficulty
    note: Text | None = Field(
        default=None, description="E.g. a correction of the article's spelling."
    )
    source: SourceRef

    @field_validator("distractors")
    @classmethod
    def _distractors_differ_from_answer(cls, value: list[str], info: ValidationInfo) -> list[str]:
        return _no_key_among_distractors(value, info, "answer")

    @field_validator("statement")
    @classmethod
    def _statement_contains_answer(cls, statement: str, info: ValidationInfo) -> str:
        if "answer" not in info.data:
            return statement
        candidates = [info.data["answer"], *info.data.get("aliases", [])]
        if not any(has_phrase(statement, candidate) for candidate in candidates):
            raise ValueError(
                f"the statement must contain the answer {info.data['answer']!r} (or an alias), "
                "so cloze cards and true/false items can be made from it"
            )
        return statement


class Concept(_Item):
    """A concept the article uses, with its meaning as the article uses it."""

    term: Text = Field(description="The term as the article names it.")
    aliases: list[Text] = _list_field("Other names to accept.")
    distractors: list[Text] = _list_field("Curated wrong terms, same kind.")
    definition: Text = Field(description="What the term means, as the article uses it.")
    wrong_definitions: list[Text] = Field(
        **_LIST_DEFAULT,
        description="Wrong meanings of this same term, plausible to someone who knows the word "
        "but not the article; with fewer than two, the term gets no definition question.",
    )
    kind: Kind
    difficulty: Difficulty = Difficulty.MEDIUM
    explanation: Text = Field(description="How the article uses the term.")
    note: Text | None = None
    source: SourceRef
    related: list[Id] = _list_field("Ids of related concepts in this bank.")

    @field_validator("distractors")
    @classmethod
    def _distractors_differ_from_term(cls, value: list[str], info: ValidationInfo) -> list[str]:
        return _no_key_among_distractors(value, info, "term")

    @field_validator("wrong_definitions")
    @classmethod
    def _wrong_definitions_differ(cls, value: list[str], info: ValidationInfo) -> list[str]:
        definition = fold(info.data.get("definition", ""))
        seen: set[str] = set()
        for wrong in value:
            folded = fold(wrong)
            if folded == definition:
                raise ValueError(f"the definition {wrong!r} is also listed as a wrong one")
            if folded in seen:
                raise ValueError(f"the wrong definition {wrong!r} is listed twice")
            seen.add(folded)
        return value


class ItemFile(_Content):
    """An item file: facts and concepts, any number of each."""

    facts: list[Fact] = []
    concepts: list[Concept] = []


class Topic(_Content):
    id: Id
    title: Text
    description: Text | None = None


class BankFile(_Content):
    """``bank.yaml``: what the bank is, which source it grounds in, and its topics."""

    id: Id
    title: Text
    source: Text = Field(description="Path of the source Markdown file, relative to the bank.")
    description: Text | None = None
    topics: list[Topic] = Field(min_length=1, max_length=8, description="The bank's 1–8 topics.")

    @field_validator("topics")
    @classmethod
    def _topic_ids_unique(cls, topics: list[Topic]) -> list[Topic]:
        seen: set[str] = set()
        for topic in topics:
            if topic.id in seen:
                raise ValueError(f"topic {topic.id!r} is declared twice")
            seen.add(topic.id)
        return topics
