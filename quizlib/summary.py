"""Counts of a bank's items by topic and by kind, as `quizlib check` prints them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .bank import Bank

__all__ = ["Summary", "summarise"]


@dataclass(frozen=True)
class Summary:
    bank_id: str
    title: str
    paragraphs: int
    facts: int
    concepts: int
    by_topic: dict[str, tuple[int, int]]  # topic id -> (facts, concepts)
    by_kind: dict[str, tuple[int, int]]

    def format(self) -> str:
        lines = [
            f"{self.title} ({self.bank_id})",
            f"{self.facts} facts, {self.concepts} concepts, "
            f"grounded in {self.paragraphs} paragraphs",
            "",
            *_table("topic", self.by_topic),
            "",
            *_table("kind", self.by_kind),
        ]
        return "\n".join(lines)


def summarise(bank: Bank) -> Summary:
    facts_by_topic = Counter(f.topic for f in bank.facts)
    concepts_by_topic = Counter(c.topic for c in bank.concepts)
    facts_by_kind = Counter(f.kind.value for f in bank.facts)
    concepts_by_kind = Counter(c.kind.value for c in bank.concepts)
    kinds = sorted({*facts_by_kind, *concepts_by_kind})
    return Summary(
        bank_id=bank.id,
        title=bank.title,
        paragraphs=len(bank.source.paragraphs),
        facts=len(bank.facts),
        concepts=len(bank.concepts),
        by_topic={t.id: (facts_by_topic[t.id], concepts_by_topic[t.id]) for t in bank.topics},
        by_kind={k: (facts_by_kind[k], concepts_by_kind[k]) for k in kinds},
    )


def _table(heading: str, rows: dict[str, tuple[int, int]]) -> list[str]:
    width = max([len(heading), *map(len, rows)])
    out = [f"{heading:<{width}}  facts  concepts"]
    out += [
        f"{name:<{width}}  {facts:>5}  {concepts:>8}" for name, (facts, concepts) in rows.items()
    ]
    return out
