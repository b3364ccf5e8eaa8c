"""The JSON Schemas of the content files: current, Draft-7 compatible, and true to the loader."""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft7Validator

from quizlib.load import item_files
from quizlib.schema import SCHEMAS, schema, schema_text
from tests.conftest import BUNDLED


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_current(name):
    committed = BUNDLED / "schema" / f"{name}.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_text(name), (
        f"run: quizlib schema {name} -o content/schema/{name}.schema.json"
    )


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_valid_draft_7_without_later_keywords(name):
    document = schema(name)
    assert document["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(document)
    text = json.dumps(document)
    for keyword in ("prefixItems", "$dynamicRef", "unevaluatedProperties", "dependentRequired"):
        assert keyword not in text


def test_bundled_files_validate_against_the_schemas():
    Draft7Validator(schema("bank")).validate(
        yaml.safe_load((BUNDLED / "bank.yaml").read_text("utf-8"))
    )
    validator = Draft7Validator(schema("items"))
    for path in item_files(BUNDLED):
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text("utf-8"))))
        assert errors == [], (path, errors[:3])


def test_schema_rejects_what_the_loader_rejects():
    validator = Draft7Validator(schema("items"))
    fact = yaml.safe_load((BUNDLED / "items" / "paragraphs-1-4.yaml").read_text("utf-8"))["facts"][
        0
    ]
    assert validator.is_valid({"facts": [fact]})
    assert not validator.is_valid({"facts": [{**fact, "tgas": []}]})
    assert not validator.is_valid({"facts": [{**fact, "id": "Bad Id"}]})
    assert not validator.is_valid({"facts": [{**fact, "answer": True}]})
    assert not validator.is_valid({"facts": [{**fact, "difficulty": "trivial"}]})


def test_schema_command_prints_and_writes(run_cli, tmp_path):
    code, out, _ = run_cli("schema")
    assert code == 0 and json.loads(out) == schema("items")
    code, out, _ = run_cli("schema", "bank", "-o", tmp_path / "bank.schema.json")
    assert code == 0 and out == ""
    assert json.loads((tmp_path / "bank.schema.json").read_text("utf-8")) == schema("bank")
