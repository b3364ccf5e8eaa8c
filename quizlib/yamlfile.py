"""YAML documents that remember where every value came from.

One PyYAML parse gives both the node tree (with line and column marks) and the plain data, so a
pydantic error location such as ``("facts", 3, "source", "quote")`` can be walked back to the
line and column an author has to fix.

Most files have nothing to fix, and PyYAML builds its data in Python, slowly (most of a large
bank's load). :func:`read_yaml_quickly` reads such files with a compiled parser (ryaml) and keeps
only each item's id line; the node tree is built, by PyYAML, only if a place is asked for, which
happens when something is wrong. A file the two parsers could read differently (YAML 1.1 words
such as ``yes``, dates, ``1_000``; a repeated key, which ryaml refuses) is read the slow way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .errors import ContentError, Problem

__all__ = ["YamlDocument", "parse_yaml", "read_yaml_quickly"]

Loc = Sequence[int | str]


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML document: its data, its node tree, and the file it came from."""

    path: Path
    data: Any
    root: yaml.Node | None
    line_offset: int = 0
    # (mapping, key) for every key repeated in its mapping, noticed while the data was built
    repeated: tuple[tuple[yaml.MappingNode, yaml.ScalarNode], ...] = ()
    # Read quickly: no tree yet, the text to build it from, and each entry's id line
    text: str | None = None
    id_lines: dict[tuple[str, int], int] = field(default_factory=dict)

    @property
    def quick(self) -> bool:
        return self.text is not None

    @cached_property
    def tree(self) -> yaml.Node | None:
        """The node tree: as parsed, or (read quickly) parsed now, when a place is needed."""
        if self.text is None:
            return self.root
        return parse_yaml(self.path, self.text, line_offset=self.line_offset).root

    def id_line(self, entry: tuple[str, int]) -> int:
        """The line of the ``id`` of the entry at ``entry`` (a section and an index)."""
        if entry in self.id_lines:
            return self.id_lines[entry]
        return self.position((*entry, "id"))[0]

    def node(self, loc: Loc) -> yaml.Node | None:
        """The node at ``loc``, or None if the tree has no such place."""
        node = self.tree
        for part in loc:
            node, _ = _child(node, part)
            if node is None:
                return None
        return node

    def position(
        self, loc: Loc, *, at_key: bool = False, start: yaml.Node | None = None
    ) -> tuple[int, int]:
        """1-based (line, column) of the node at ``loc``; the key's position if ``at_key``.

        With ``start``, ``loc`` is taken from that node rather than the root (so a caller that
        asks for several places in one item walks down to the item once). A location that runs
        past the tree (a missing field) stops at the deepest node found.
        """
        node = self.tree if start is None else start
        key_node: yaml.Node | None = None
        for part in loc:
            child, child_key = _child(node, part)
            if child is None:
                break
            node, key_node = child, child_key
        target = key_node if at_key and key_node is not None else node
        if target is None:
            return 1 + self.line_offset, 1
        mark = target.start_mark
        return mark.line + 1 + self.line_offset, mark.column + 1

    def problem(self, loc: Loc, message: str, *, at_key: bool = False) -> Problem:
        line, column = self.position(loc, at_key=at_key)
        return Problem(self.path, line, column, dotted(loc), message)

    def validation_problems(self, exc: ValidationError, prefix: Loc = ()) -> list[Problem]:
        """One :class:`Problem` per pydantic error, each placed on its YAML node."""
        problems = []
        for err in exc.errors(include_url=False):
            loc = (*prefix, *err["loc"])
            # A missing field belongs to the mapping that lacks it; an unknown key, to the key.
            if err["type"] == "missing":
                line, column = self.position(loc[:-1], at_key=True)
                problems.append(Problem(self.path, line, column, dotted(loc), "field required"))
                continue
            at_key = err["type"] == "extra_forbidden"
            problems.append(self.problem(loc, _message(err), at_key=at_key))
        return problems

    def duplicate_keys(self) -> list[Problem]:
        """PyYAML lets a repeated key silently win; report every repetition instead."""
        if not self.repeated:
            return []
        # Rare, so only now is the tree searched for where each mapping stands.
        places = {id(node): loc for loc, node in _mappings(self.tree, ())}
        problems = []
        for mapping, key in self.repeated:
            first = next(k for k, _ in mapping.value if getattr(k, "value", None) == key.value)
            problems.append(
                Problem(
                    self.path,
                    key.start_mark.line + 1 + self.line_offset,
                    key.start_mark.column + 1,
                    dotted((*places.get(id(mapping), ()), key.value)),
                    f"duplicate key (first given on line "
                    f"{first.start_mark.line + 1 + self.line_offset})",
                )
            )
        return problems


# A plain scalar that YAML 1.1 (PyYAML) and YAML 1.2 (ryaml) type differently: yes/no/on/off and
# y/n, dates, and numbers written with underscores, leading zeros or colons.
_DIVERGENT = re.compile(
    # Starting with a character class lets the engine skip ahead: no anchor alternatives.
    r"(?:[:,-][ \t]+|\[[ \t]*)"
    r"(?:(?i:yes|no|on|off|y|n)|\d{4}-\d\d?-\d\d?|[-+]?0[0-7]+|[-+]?\d[\d_]*_[\d_]*"
    r"|[-+]?\d+(?::[0-5]?\d)+)"
    r"[ \t]*(?:$|[,\]#])",
    re.MULTILINE,
)
_ID_LINE = re.compile(r"^[ \t]*-[ \t]+id:", re.MULTILINE)


def read_yaml_quickly(path: Path, text: str) -> YamlDocument | None:
    """An item file read with ryaml, or None where it must be read by :func:`parse_yaml`.

    None when ryaml is not installed, fails (a syntax error, a repeated key), could type a value
    otherwise than PyYAML, or when the entries' ``id`` lines cannot be matched up one to one.
    """
    if _DIVERGENT.search(text):
        return None
    try:
        import ryaml
    except ImportError:  # pragma: no cover - a dependency; kept optional for odd platforms
        return None
    try:
        data = ryaml.loads(text)
    except Exception:
        return None
    entries = [
        (key, index)
        for key, value in (data.items() if isinstance(data, dict) else ())
        if isinstance(value, list)
        for index in range(len(value))
    ]
    starts = [match.start() for match in _ID_LINE.finditer(text)]
    if len(starts) != len(entries):
        return None
    lines: dict[tuple[str, int], int] = {}
    line, at = 1, 0
    for entry, start in zip(entries, starts, strict=True):
        line += text.count("\n", at, start)
        at = start
        lines[entry] = line
    return YamlDocument(path, data, None, text=text, id_lines=lines)


def parse_yaml(path: Path, text: str, *, line_offset: int = 0) -> YamlDocument:
    """Parse ``text`` (read from ``path``); raise :class:`ContentError` on a syntax error."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
        repeated = tuple(loader.repeated)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else 1 + line_offset
        column = mark.column + 1 if mark else 1
        message = exc.problem or "invalid YAML"
        context = exc.context_mark
        if (
            exc.context
            and context
            and mark
            and (context.line, context.column) != (mark.line, mark.column)
        ):
            message += (
                f" ({exc.context} that starts at line {context.line + 1 + line_offset}, "
                f"column {context.column + 1})"
            )
        elif exc.context:
            message += f" ({exc.context})"
        raise ContentError([Problem(path, line, column, "", f"YAML syntax: {message}")]) from None
    finally:
        loader.dispose()
    return YamlDocument(path, data, root, line_offset, repeated)


# libyaml's loader keeps the same marks and is about ten times faster; fall back where absent.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """Notes repeated keys while it builds each mapping, which it walks anyway: a separate walk
    of the whole tree cost a tenth of a large bank's load."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.repeated: list[tuple[yaml.MappingNode, yaml.ScalarNode]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    self.repeated.append((node, key))
                seen.add(key.value)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep)
        return mapping


def dotted(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


def _child(node: yaml.Node | None, part: int | str) -> tuple[yaml.Node | None, yaml.Node | None]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return value, key
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part], None
    return None, None


def _mappings(
    node: yaml.Node | None, loc: tuple[int | str, ...]
) -> Iterator[tuple[tuple[int | str, ...], yaml.MappingNode]]:
    if isinstance(node, yaml.MappingNode):
        yield loc, node
        for key, value in node.value:
            yield from _mappings(value, (*loc, getattr(key, "value", "?")))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _mappings(item, (*loc, i))


def _message(err: ErrorDetails) -> str:
    if err["type"] == "value_error" and "ctx" in err:
        return str(err["ctx"]["error"])
    message = err["msg"]
    value = err.get("input")
    if err["type"] == "string_type":
        if isinstance(value, bool):
            return (
                f"{message}; YAML read this value as {str(value).lower()} "
                "(Yes/No/On/Off/True/False are booleans): put the text in quotes"
            )
        if isinstance(value, int | float):
            return f'{message}; YAML read {value!r} as a number: put it in quotes, e.g. "{value}"'
    if err["type"] == "extra_forbidden":
        return "unknown key (check its spelling; the schema lists the allowed keys)"
    return message
