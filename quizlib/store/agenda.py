"""What a review session should ask today: the items due, then new ones up to a daily limit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from ..bank import Bank
from .database import Store

__all__ = ["NEW_PER_DAY", "Agenda", "agenda"]

NEW_PER_DAY = 20  # Anki's default too: enough to make progress, few enough to keep up with


@dataclass(frozen=True)
class Agenda:
    due: list[str]  # most overdue first
    new: list[str]  # in the bank's order

    @property
    def items(self) -> list[str]:
        return [*self.due, *self.new]

    def __bool__(self) -> bool:
        return bool(self.due or self.new)


def agenda(
    bank: Bank,
    store: Store,
    *,
    now: datetime | None = None,
    new_per_day: int = NEW_PER_DAY,
    tz: tzinfo | None = None,
) -> Agenda:
    """Due items of ``bank`` (retired ids are history, not scheduled), then unseen ones.

    New items already introduced today count against ``new_per_day``; days are local to ``tz``.
    """
    now = now or store.clock.now()
    local = now.astimezone(tz)
    start_of_day = local.replace(hour=0, minute=0, second=0, microsecond=0)
    current = {item.id for item in bank.items()}
    due = [item_id for item_id in store.due(bank.id, now) if item_id in current]
    seen = store.cards(bank.id)
    left = max(0, new_per_day - store.first_seen_since(bank.id, start_of_day))
    new = [item.id for item in bank.items() if item.id not in seen][:left]
    return Agenda(due, new)
