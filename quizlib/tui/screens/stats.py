"""The Stats screen: mastery per topic as bars, answers per day as a sparkline, the streak."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Sparkline, Static

from ...bank import Bank
from ...store import Store, compute_stats

__all__ = ["StatsScreen"]

BAR = 10  # cells in a mastery bar: the table fits 80 columns


def _bar(share: float) -> str:
    filled = round(share * BAR)
    return "█" * filled + "░" * (BAR - filled)


class StatsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back"),
    ]

    def __init__(self, bank: Bank, store: Store, now: datetime) -> None:
        super().__init__()
        self.stats = compute_stats(bank, store, now)
        self.bank_title = bank.title

    def compose(self) -> ComposeResult:
        stats = self.stats
        with VerticalScroll(id="stats"):
            yield Static(Content(f"{self.bank_title}: your progress"), id="stats-title")
            table: DataTable[str] = DataTable(
                id="stats-table", cursor_type="none", zebra_stripes=True
            )
            table.add_columns("Topic", "Mastery", "", "Seen", "Right", "Due", "Week")
            for row in [*stats.topics, stats.overall]:
                accuracy = "–" if row.accuracy is None else f"{row.accuracy:.0%}"
                table.add_row(
                    row.title,
                    _bar(row.mastery),
                    f"{row.mastery:.0%}",
                    f"{row.seen}/{row.items}",
                    accuracy,
                    str(row.due_today),
                    str(row.due_week),
                )
            yield table
            counts = [n for _, n in stats.per_day]
            yield Label(
                f"Answers per day, last {len(counts)} days: {sum(counts)} in all, "
                f"{max(counts)} on the busiest day",
                classes="heading",
            )
            yield Sparkline(counts, id="stats-sparkline")
            days = "day" if stats.streak == 1 else "days"
            yield Static(Content(f"Day streak: {stats.streak} {days}"), id="stats-streak")
            yield Static(
                Content(
                    "Mastery is the mean chance, by the FSRS schedule, that you recall each "
                    "item today; items not yet seen count as 0."
                ),
                classes="hint",
            )
        yield Footer()
