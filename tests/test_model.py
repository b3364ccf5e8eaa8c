"""The content model on its own: structure without a bank, grounding with one."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from quizlib.model import BankFile, Concept, Fact, ValidationContext
from quizlib.source import read_source
from tests.conftest import BUNDLED, GOOD_FACT

FACT = yaml.safe_load(GOOD_FACT)[0]
SOURCE = read_source(BUNDLED / "sources" / "pakistan-russia-volte-face.md")
CONTEXT = ValidationContext(source=SOURCE, topics=frozenset({"diplomacy"}))


def errors(model, data, context=None) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data, context=context)
    return [(".".join(map(str, e["loc"])), e["type"]) for e in caught.value.errors()]


def test_fact_validates_with_and_without_context():
    assert Fact.model_validate(FACT).answer == "Danila Ganich"
    assert Fact.model_validate(FACT, context=CONTEXT).source.quote.startswith("the Russian")


def test_models_are_frozen():
    fact = Fact.model_validate(FACT)
    with pytest.raises(ValidationError):
        fact.answer = "x"  # type: ignore[misc]


def test_unknown_keys_are_forbidden():
    assert errors(Fact, {**FACT, "tgas": []}) == [("tgas", "extra_forbidden")]


def test_without_context_only_structure_is_checked():
    # No source and no topics to check against: a made-up quote and topic pass structure.
    loose = {**FACT, "topic": "anything", "source": {"quote": "not in any article"}}
    assert Fact.model_validate(loose).topic == "anything"
    assert [loc for loc, _ in errors(Fact, loose, CONTEXT)] == ["topic", "source.quote"]


def test_whitespace_is_stripped_and_empty_text_refused():
    assert Fact.model_validate({**FACT, "answer": "  Danila Ganich \n"}).answer == "Danila Ganich"
    assert errors(Fact, {**FACT, "explanation": "   "}) == [("explanation", "string_too_short")]


def test_concept_defaults_and_related_ids():
    concept = Concept.model_validate(
        {
            "id": "balancer",
            "term": "Balancer",
            "definition": "A balancing role.",
            "kind": "strategy",
            "topic": "diplomacy",
            "explanation": "The author's word.",
            "source": {"quote": "Russia`s grand strategy in the East seems to be “Balancer”"},
        },
        context=CONTEXT,
    )
    assert concept.difficulty.value == "medium" and concept.related == [] and concept.aliases == []
    assert errors(Concept, {**concept.model_dump(), "related": ["Bad Id"]}) == [
        ("related.0", "value_error")
    ]


def test_bank_file_topics():
    topic = {"id": "t", "title": "T"}
    base = {"id": "b", "title": "B", "source": "sources/a.md"}
    assert BankFile.model_validate({**base, "topics": [topic]}).topics[0].id == "t"
    assert errors(BankFile, {**base, "topics": []}) == [("topics", "too_short")]
    many = [{"id": f"t{i}", "title": "T"} for i in range(9)]
    assert errors(BankFile, {**base, "topics": many}) == [("topics", "too_long")]
    assert errors(BankFile, {**base, "topics": [topic, topic]}) == [("topics", "value_error")]
