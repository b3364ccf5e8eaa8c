"""Loading a bank directory: every file validated, every problem reported with its place.

A bank directory holds ``bank.yaml`` (the declaration), the source it names, and any number of
item files (``*.yaml`` anywhere else in the directory) with ``facts:`` and ``concepts:`` lists.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from .bank import Bank, Location
from .errors import ContentError, Problem
from .grounding import ground, quote_problem
from .model import BankFile, Concept, Fact, ValidationContext
from .resources import bundled_bank_dir
from .source import QuoteMatch, Source, read_source
from .textfile import read_utf8

if TYPE_CHECKING:
    from .yamlfile import YamlDocument

# The YAML readers are imported when a file is read: a bank read back from the cache
# (quizlib.cache) needs this module's item_files, not them.

__all__ = ["BANK_FILE", "item_files", "load_bank"]

BANK_FILE = "bank.yaml"
_SECTIONS: dict[str, type[Fact] | type[Concept]] = {"facts": Fact, "concepts": Concept}


def load_bank(path: str | Path | None = None) -> Bank:
    """Load and validate the bank in ``path`` (the bundled bank by default).

    Raises :class:`~quizlib.errors.ContentError` listing every problem found in every file.
    """
    root = Path(path) if path is not None else bundled_bank_dir()
    # Loading makes hundreds of thousands of objects that all survive it, and next to no
    # cyclic garbage; the collector would walk them again and again (a third of the time for a
    # 10,000-item bank), so it waits until the bank is built.
    collecting = gc.isenabled()
    gc.disable()
    try:
        bank = _Loader(root).load()
    finally:
        if collecting:
            gc.enable()
    # The bank lives as long as the program and holds no cycles to reclaim: moved out of the
    # collector's sight, it is not walked again by the first full collection after loading (a
    # pause of over a second at 100,000 items, in the middle of whatever comes next).
    gc.freeze()
    return bank


def item_files(root: Path) -> list[Path]:
    """The item files of a bank, in a stable order."""
    found = {*root.rglob("*.yaml"), *root.rglob("*.yml")}
    found.discard(root / BANK_FILE)
    return sorted(
        p for p in found if not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.facts: list[Fact] = []
        self.concepts: list[Concept] = []
        # Every id's place, valid item or not, so each repeat of an id is reported.
        self.locations: dict[str, Location] = {}
        # Checked once every file is read, so each keeps its place, not its document: holding
        # every file's node tree alive makes a large bank slow (the garbage collector walks it).
        # (place, id, whether it must be a concept) for every id an item refers to
        self.references: list[tuple[_Place | _PlaceLater, str, bool]] = []
        # Quotes are grounded all together (one pass over the source), not one by one inside
        # validation: (place, quote, id of the item if it is valid).
        self.quotes: list[tuple[_Place | _PlaceLater, str, str | None]] = []
        self.citations: dict[str, QuoteMatch] = {}

    def load(self) -> Bank:
        if not self.root.is_dir():
            raise ContentError([Problem(self.root, 0, 0, "", "no such bank directory")])
        bank_path = self.root / BANK_FILE
        if not bank_path.is_file():
            raise ContentError(
                [
                    Problem(
                        bank_path,
                        0,
                        0,
                        "",
                        "missing: a bank directory holds bank.yaml "
                        "(start one with `quizlib new SOURCE.md --bank DIR`)",
                    )
                ]
            )
        declared = self._validate_bank_file(bank_path)
        info = declared[0] if declared else None
        source = self._read_source(*declared) if declared else None
        context = ValidationContext(topics=frozenset(t.id for t in info.topics) if info else None)
        for path in item_files(self.root):
            self._load_item_file(path, context)
        self._check_references()
        if source is not None:
            self._ground(source)
        if self.problems or info is None or source is None:
            raise ContentError(self.problems)
        return Bank(
            self.root,
            info,
            source,
            tuple(self.facts),
            tuple(self.concepts),
            self.locations,
            self.citations,
        )

    def _document(self, path: Path, *, quickly: bool = False) -> YamlDocument | None:
        from .yamlfile import parse_yaml, read_yaml_quickly

        try:
            text = read_utf8(path)
            document = (quickly and read_yaml_quickly(path, text)) or parse_yaml(path, text)
        except ContentError as exc:
            self.problems.extend(exc.problems)
            return None
        self.problems.extend(document.duplicate_keys())
        return document

    def _validate(
        self,
        document: YamlDocument,
        model: type[BaseModel],
        data: Any,
        prefix: tuple[str | int, ...],
        context: ValidationContext | None = None,
    ) -> Any:
        try:
            return model.model_validate(data, context=context)
        except ValidationError as exc:
            self.problems.extend(document.validation_problems(exc, prefix))
            return None

    def _validate_bank_file(self, path: Path) -> tuple[BankFile, _Place] | None:
        """The declaration, and where it names its source (to point at if that is missing)."""
        document = self._document(path)
        if document is None:
            return None
        info: BankFile | None = self._validate(document, BankFile, document.data, ())
        return None if info is None else (info, _Place.of(document, ("source",)))

    def _read_source(self, info: BankFile, named_at: _Place) -> Source | None:
        path = self.root / info.source
        if not path.is_file():
            # The author fixes bank.yaml (or adds the file), so point at the line naming it.
            what = "a directory, not a file" if path.is_dir() else "no such file"
            self.problems.append(named_at.problem(f"{what}: {path}"))
            return None
        try:
            return read_source(path)
        except ContentError as exc:
            self.problems.extend(exc.problems)
            return None

    def _load_item_file(self, path: Path, context: ValidationContext) -> None:
        document = self._document(path, quickly=True)
        if document is None or document.data is None:
            return
        if not isinstance(document.data, dict):
            self.problems.append(
                document.problem(
                    (), "an item file is a mapping with 'facts:' and/or 'concepts:' lists"
                )
            )
            return
        # Places found later keep the file's text, not the data read from it.
        places = replace(document, data=None)
        for key, entries in document.data.items():
            model = _SECTIONS.get(key)
            if model is None:
                self.problems.append(
                    document.problem(
                        (key,),
                        "unknown key (an item file has 'facts:' and 'concepts:')",
                        at_key=True,
                    )
                )
                continue
            if not isinstance(entries, list):
                self.problems.append(document.problem((key,), f"'{key}' must be a list of items"))
                continue
            for index, entry in enumerate(entries):
                self._load_item(document, places, model, (key, index), entry, context)

    def _load_item(
        self,
        document: YamlDocument,
        places: YamlDocument,
        model: type[Fact] | type[Concept],
        loc: tuple[str, int],
        entry: Any,
        context: ValidationContext,
    ) -> None:
        item_id = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(item_id, str):
            line = document.id_line(loc)
            first = self.locations.get(item_id)
            if first is not None:
                self.problems.append(
                    document.problem(
                        (*loc, "id"), f"duplicate id {item_id!r} (first used at {first})"
                    )
                )
            else:
                self.locations[item_id] = Location(document.path, line)
        item = self._validate(document, model, entry, loc, context)
        quote = _raw_quote(entry)
        if quote:
            valid_id = item.id if isinstance(item, Fact | Concept) else None
            self.quotes.append((_place(places, (*loc, "source", "quote")), quote, valid_id))
        if item is None:
            return
        if isinstance(item, Fact):
            self.facts.append(item)
        else:
            self.concepts.append(item)
            for index, related in enumerate(item.related):
                place = _place(places, (*loc, "related", index))
                self.references.append((place, related, True))
        for index, enemy in enumerate(item.enemies):
            self.references.append((_place(places, (*loc, "enemies", index)), enemy, False))

    def _check_references(self) -> None:
        concept_ids = {c.id for c in self.concepts}
        for place, target, concept_only in self.references:
            if concept_only and target not in concept_ids:
                kind = "it names a fact" if target in self.locations else "no item has this id"
                message = f"unknown related concept {target!r}: {kind}"
            elif not concept_only and target not in self.locations:
                message = f"unknown item {target!r}: no item has this id"
            else:
                continue
            self.problems.append(place.problem(message))

    def _ground(self, source: Source) -> None:
        found = ground(source, [quote for _, quote, _ in self.quotes])
        for (place, quote, item_id), matches in zip(self.quotes, found, strict=True):
            problem = quote_problem(source, quote, matches)
            if problem is not None:
                self.problems.append(place.problem(problem))
            elif item_id is not None:
                self.citations[item_id] = matches[0]


def _raw_quote(entry: Any) -> str | None:
    """An item's quote as validation sees it (stripped), even when the item itself is invalid."""
    source = entry.get("source") if isinstance(entry, dict) else None
    quote = source.get("quote") if isinstance(source, dict) else None
    return quote.strip() if isinstance(quote, str) else None


@dataclass(frozen=True)
class _Place:
    """Where a value stands in a file, for a problem found after the file is let go."""

    path: Path
    line: int
    column: int
    field: str

    @classmethod
    def of(cls, document: YamlDocument, loc: tuple[str | int, ...]) -> _Place:
        from .yamlfile import dotted

        return cls(document.path, *document.position(loc), dotted(loc))

    def problem(self, message: str) -> Problem:
        return Problem(self.path, self.line, self.column, self.field, message)


@dataclass(frozen=True)
class _PlaceLater:
    """A place in a file read quickly: found only if a problem is, from the node tree built
    then (a quote that grounds, as nearly all do, costs nothing)."""

    document: YamlDocument
    loc: tuple[str | int, ...]

    def problem(self, message: str) -> Problem:
        return self.document.problem(self.loc, message)


def _place(document: YamlDocument, loc: tuple[str | int, ...]) -> _Place | _PlaceLater:
    return _PlaceLater(document, loc) if document.quick else _Place.of(document, loc)
