"""The baselines: the least work each quizlib figure could be compared against.

Loading's baseline reads the same files with PyYAML's C loader and validates them with plain
pydantic models: the same fields and types as quizlib's, with no validators, constraints or
positions. The models are derived from quizlib's, so they follow when its fields change.
"""

from __future__ import annotations

import functools
import gc
import operator
import random
import types
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, Field, create_model
from pydantic.fields import FieldInfo

from quizlib.bank import Bank
from quizlib.load import BANK_FILE, item_files
from quizlib.model import BankFile, Concept, Fact
from quizlib.text import fold

__all__ = ["lint_plain", "load_plain", "quiz_plain"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def plain(model: type[BaseModel]) -> type[BaseModel]:
    """``model`` with the same fields, types, defaults and configuration, and nothing else."""
    fields: dict[str, Any] = {
        name: (_plain_type(info.annotation), _plain_default(info))
        for name, info in model.model_fields.items()
    }
    plain_model: type[BaseModel] = create_model(
        f"Plain{model.__name__}", __config__=model.model_config, **fields
    )
    return plain_model


def _plain_default(info: FieldInfo) -> Any:
    if info.is_required():
        return ...
    if info.default_factory is not None:
        return Field(default_factory=info.default_factory)
    return info.default


def _plain_type(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return plain(annotation)
    origin = get_origin(annotation)
    if origin is Annotated:
        return _plain_type(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return functools.reduce(operator.or_, map(_plain_type, get_args(annotation)))
    if origin is list:
        return list[_plain_type(get_args(annotation)[0])]  # type: ignore[misc]
    return annotation


def load_plain(root: Path) -> list[BaseModel]:
    """Read and validate a bank's files as plain models; return the items, as a bank keeps them.

    The cyclic garbage collector waits, as it does in ``load_bank``: any loader can do that, so
    the comparison is of the work, not of a switch only one side flips.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_plain(root)
    finally:
        if collecting:
            gc.enable()


def _load_plain(root: Path) -> list[BaseModel]:
    bank = plain(BankFile).model_validate(_read(root / BANK_FILE))
    (root / str(getattr(bank, "source"))).read_text(encoding="utf-8")  # noqa: B009
    plain_fact, plain_concept = plain(Fact), plain(Concept)
    items: list[BaseModel] = []
    for path in item_files(root):
        data = _read(path)
        items += [plain_fact.model_validate(entry) for entry in data.get("facts", [])]
        items += [plain_concept.model_validate(entry) for entry in data.get("concepts", [])]
    return items


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def quiz_plain(bank: Bank, count: int, seed: int) -> list[dict[str, Any]]:
    """A random sample of items as plain question dicts: prompt, answer, three other answers."""
    rng = random.Random(seed)
    items = list(bank.items())
    questions = []
    for item in rng.sample(items, min(count, len(items))):
        key = item.answer if isinstance(item, Fact) else item.term
        others = [
            getattr(other, "answer", getattr(other, "term", "")) for other in rng.sample(items, 3)
        ]
        stem = item.prompt if isinstance(item, Fact) else item.definition
        questions.append({"id": item.id, "stem": stem, "options": [key, *others], "key": 0})
    return questions


def lint_plain(bank: Bank) -> int:
    """Fold every item's stem and key once: the least a lint of each item has to read."""
    total = 0
    for item in bank.items():
        if isinstance(item, Fact):
            total += len(fold(item.prompt)) + len(fold(item.answer))
        else:
            total += len(fold(item.definition)) + len(fold(item.term))
    return total
