"""JSON Schemas of the content files, for editors' YAML completion and checking.

The YAML language server (vscode-yaml) speaks JSON Schema Draft 7, so the schemas declare Draft 7
and avoid later keywords; pydantic's ``$defs`` references resolve there as plain JSON pointers.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .model import BankFile, ItemFile
from .quiz import Quiz

__all__ = ["CONTENT_SCHEMAS", "SCHEMAS", "schema", "schema_text"]

DRAFT_7 = "http://json-schema.org/draft-07/schema#"

SCHEMAS: dict[str, type[BaseModel]] = {"items": ItemFile, "bank": BankFile, "quiz": Quiz}
CONTENT_SCHEMAS = ("items", "bank")  # the files an author writes; `quiz` is an output format


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of ``items`` or ``bank`` files, or of `quizlib quiz --format json`."""
    document = SCHEMAS[name].model_json_schema()
    return {"$schema": DRAFT_7, **document}


def schema_text(name: str) -> str:
    return json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"
