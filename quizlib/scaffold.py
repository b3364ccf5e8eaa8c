"""Starting a bank for a new article: `quizlib new SOURCE --bank DIR`."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import yaml

from .errors import ScaffoldError
from .load import BANK_FILE
from .schema import CONTENT_SCHEMAS, schema_text
from .source import Source, parse_source

__all__ = ["new_bank"]

ITEMS_FILE = "items.yaml"


def new_bank(source_path: Path, bank_dir: Path) -> Path:
    """Create ``bank_dir`` with the source, ``bank.yaml`` and a starter item file.

    The source keeps its front matter if it has one; a plain text file gets one, with its first
    line as the title. Nothing is written unless everything can be: the bank is built in a
    temporary directory and renamed into place.
    """
    if (bank_dir / BANK_FILE).exists() or (bank_dir.is_dir() and any(bank_dir.iterdir())):
        raise ScaffoldError(f"{bank_dir}: already exists and is not empty; choose a new directory")
    try:
        text = source_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScaffoldError(f"{source_path}: cannot read the source: {exc}") from None
    if not text.lstrip().startswith("---"):
        text = _with_front_matter(text, source_path.name)
    source = parse_source(source_path, text)  # refuse what the loader would, before writing
    slug = _slug(source_path.stem)
    bank_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=bank_dir.parent, prefix=f".{bank_dir.name}."))
    try:
        source_file = staging / "sources" / f"{slug}.md"
        source_file.parent.mkdir()
        source_file.write_text(text, encoding="utf-8")
        (staging / BANK_FILE).write_text(_bank_yaml(slug, source), encoding="utf-8")
        (staging / ITEMS_FILE).write_text(_items_yaml(source), encoding="utf-8")
        (staging / "schema").mkdir()
        for name in CONTENT_SCHEMAS:
            (staging / "schema" / f"{name}.schema.json").write_text(
                schema_text(name), encoding="utf-8"
            )
        if bank_dir.is_dir():
            bank_dir.rmdir()
        os.replace(staging, bank_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return bank_dir


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:64].strip("-") or "article"


def _with_front_matter(text: str, filename: str) -> str:
    lines = text.strip().splitlines()
    title = lines[0].lstrip("#").strip() if lines else filename
    meta = {"title": title, "kind": "article", "origin": f"{filename}, copied by quizlib new"}
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\n\n" + "\n".join(lines[1:]).strip() + "\n"


def _bank_yaml(slug: str, source: Source) -> str:
    data = {
        "id": slug,
        "title": source.meta.title,
        "source": f"sources/{slug}.md",
        "topics": [
            {"id": "main", "title": "Main ideas", "description": "Rename, and add 4–7 more."}
        ],
    }
    header = "# yaml-language-server: $schema=schema/bank.schema.json\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _items_yaml(source: Source) -> str:
    out = [
        "# yaml-language-server: $schema=schema/items.schema.json",
        "# Facts and concepts of the article, each grounded in a verbatim quote.",
        "# Below, one commented example per paragraph: uncomment it, then write the question.",
        "# `quizlib check` validates; `quizlib schema items` prints the schema for your editor.",
        "facts: []",
        "concepts: []",
    ]
    for paragraph in source.paragraphs:
        quote = _unique_opening(source, paragraph.text)
        example = {
            "id": f"paragraph-{paragraph.number}-fact",
            "topic": "main",
            "prompt": "(a question this paragraph answers)",
            "answer": "(a short answer)",
            "kind": "term",
            "distractors": ["(a wrong answer of the same kind)"],
            "explanation": "(why the answer is right, in plain words)",
            "statement": "One sentence that contains (a short answer).",
            "difficulty": "medium",
            "source": {"quote": quote},
        }
        dumped = yaml.safe_dump([example], sort_keys=False, allow_unicode=True, width=100)
        out += ["", f"# ¶{paragraph.number}"] + [f"# {line}" for line in dumped.splitlines()]
    return "\n".join(out) + "\n"


def _unique_opening(source: Source, text: str) -> str:
    """The shortest opening of ``text`` (at least eight words) that occurs once in the source."""
    words = text.split()
    for count in range(min(8, len(words)), len(words) + 1):
        quote = " ".join(words[:count])
        if len(source.find(quote)) == 1:
            return quote
    return text
