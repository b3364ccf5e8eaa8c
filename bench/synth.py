"""Synthetic banks of any size: valid content files and a source they are grounded in.

Every quote is unique and occurs exactly once: each carries a made-up word that appears nowhere
else in the source. The source is written with curly quotes, dashes, capitals and double spaces
where the quotes use plain forms, so folding is exercised. The same size and seed give the same
files.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from quizlib.model import Kind

__all__ = ["ITEMS_PER_FILE", "ITEMS_PER_PARAGRAPH", "word", "write_bank"]

ITEMS_PER_PARAGRAPH = 20  # the bank: 10,000 facts over 500 paragraphs
ITEMS_PER_FILE = 1000
TOPICS = ("history", "economy", "security", "culture")
CONCEPT_KINDS = (Kind.TERM, Kind.THEORY, Kind.STRATEGY, Kind.PHRASE)
_FILLER_TEXT = (
    "the council noted that trade and security remain linked while the ministers met again "
    "after a long pause in talks over energy routes ports and grain with several partners in "
    "the region who had waited for a clear signal from both capitals about the coming years"
)
_FILLER = _FILLER_TEXT.split()
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]  # 70
_FIRST = ("Amir", "Lena", "Omar", "Sara", "Ivan", "Nadia", "Karim", "Olga")
_PLACES = ("Gwadar", "Karachi", "Sochi", "Kazan", "Quetta", "Tashkent")


def word(index: int) -> str:
    """A made-up word, different for every index below 70**5, never a filler word."""
    syllables = []
    for _ in range(5):
        index, rest = divmod(index, len(_SYLLABLES))
        syllables.append(_SYLLABLES[rest])
    return "".join(syllables)


def _answer(kind: Kind, index: int, rng: random.Random) -> str:
    name = word(index).capitalize()
    match kind:
        case Kind.PERSON:
            return f"{rng.choice(_FIRST)} {name}"
        case Kind.YEAR:
            return str(1900 + index % 120)
        case Kind.NUMBER:
            return str(10 + index % 990)
        case Kind.PLACE | Kind.COUNTRY:
            return f"{rng.choice(_PLACES)} {name}"
        case _:
            return f"{name} {kind.value}"


def _filler(rng: random.Random, count: int) -> str:
    start = rng.randrange(len(_FILLER) - count)
    return " ".join(_FILLER[start : start + count])


def write_bank(root: Path, items: int, seed: int = 1) -> None:
    """Write a bank of ``items`` items (four facts to one concept) into ``root``."""
    rng = random.Random(seed)
    kinds = list(Kind)
    root.mkdir(parents=True, exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    (root / "items").mkdir(exist_ok=True)
    paragraphs: list[list[str]] = [[] for _ in range(max(1, items // ITEMS_PER_PARAGRAPH))]
    entries: list[tuple[str, dict[str, Any]]] = []
    concept_ids: list[str] = []
    for index in range(items):
        # The quote's own word; answers use words of indexes below the item count.
        marker = word(index + 2_000_000)
        lead, tail = _filler(rng, 4), _filler(rng, 3)
        quote = f"{lead} {marker}'s {tail} - as said"
        printed = f"{lead.capitalize()}  {marker}’s {tail} — as said"
        paragraphs[index % len(paragraphs)].append(
            f"{_filler(rng, 6).capitalize()}, “{printed}” {_filler(rng, 5)}."
        )
        topic = TOPICS[index % len(TOPICS)]
        item_id = f"item-{index}"
        if index % 5 == 4:
            kind = CONCEPT_KINDS[index % len(CONCEPT_KINDS)]
            term = _answer(kind, index, rng)
            entry: dict[str, Any] = {
                "id": item_id,
                "term": term,
                "definition": f"What the article means by {term}, in its own words.",
                "kind": kind.value,
                "topic": topic,
                "difficulty": rng.choice(["easy", "medium", "hard"]),
                "explanation": f"The article uses {term} when it speaks of {marker}.",
                "distractors": [_answer(kind, index + d, rng) for d in (1, 2, 3)],
                "source": {"quote": quote},
            }
            if concept_ids:
                entry["related"] = [rng.choice(concept_ids)]
            concept_ids.append(item_id)
            entries.append(("concepts", entry))
            continue
        kind = kinds[index % len(kinds)]
        answer = _answer(kind, index, rng)
        distractors = dict.fromkeys(_answer(kind, index + d, rng) for d in (1, 2, 3, 4))
        distractors.pop(answer, None)
        entries.append(
            (
                "facts",
                {
                    "id": item_id,
                    "topic": topic,
                    "prompt": f"What does the article name in the passage about {marker}?",
                    "answer": answer,
                    "kind": kind.value,
                    "aliases": [f"{answer} itself"] if index % 3 == 0 else [],
                    "distractors": list(distractors)[:3],
                    "explanation": f"The article names {answer} in the passage about {marker}.",
                    "statement": f"The article names {answer} in the passage about {marker}.",
                    "difficulty": rng.choice(["easy", "medium", "hard"]),
                    "source": {"quote": quote},
                },
            )
        )
    _write_source(root / "sources" / "synthetic.md", paragraphs)
    _write_bank_file(root / "bank.yaml")
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for number, start in enumerate(range(0, len(entries), ITEMS_PER_FILE)):
        sections: dict[str, list[dict[str, Any]]] = {"facts": [], "concepts": []}
        for section, entry in entries[start : start + ITEMS_PER_FILE]:
            sections[section].append(entry)
        text = yaml.dump(sections, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
        (root / "items" / f"items-{number:04}.yaml").write_text(text, encoding="utf-8")


def _write_source(path: Path, paragraphs: list[list[str]]) -> None:
    front = "---\ntitle: A synthetic article\nkind: benchmark\norigin: bench/synth.py\n---\n"
    body = "\n\n".join(" ".join(sentences) or "An empty paragraph." for sentences in paragraphs)
    path.write_text(f"{front}\n{body}\n", encoding="utf-8")


def _write_bank_file(path: Path) -> None:
    topics = [{"id": t, "title": t.capitalize()} for t in TOPICS]
    bank = {"id": "synthetic", "title": "Synthetic", "source": "sources/synthetic.md"}
    path.write_text(yaml.safe_dump({**bank, "topics": topics}, sort_keys=False), encoding="utf-8")
