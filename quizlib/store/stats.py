"""How a learner is doing: per topic and overall, from the review log and the FSRS cards."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from ..bank import Bank
from .database import Store

__all__ = ["SPARK", "Stats", "TopicStats", "compute_stats"]

SPARK = "▁▂▃▄▅▆▇█"
DAYS = 30


@dataclass(frozen=True)
class TopicStats:
    topic: str
    title: str
    items: int
    seen: int
    answered: int  # answers that were right or wrong (self-rated flashcards are neither)
    correct: int
    mastery: float  # mean FSRS retrievability over the topic's items, unseen ones counting 0
    due_today: int
    due_week: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answered if self.answered else None


@dataclass(frozen=True)
class Stats:
    topics: list[TopicStats]
    overall: TopicStats
    streak: int  # consecutive days with a review, up to today (or yesterday, if none yet today)
    per_day: list[tuple[date, int]]  # the last 30 days, oldest first
    reviews: int

    def format(self) -> str:
        rows = [*self.topics, self.overall]
        header = (
            f"{'topic':<24}{'items':>6}{'seen':>6}{'accuracy':>10}{'mastery':>9}"
            f"{'due today':>11}{'due week':>10}"
        )
        lines = [header]
        for row in rows:
            if row is self.overall:
                lines.append("-" * len(header))
            accuracy = "-" if row.accuracy is None else f"{row.accuracy:.0%}"
            lines.append(
                f"{row.topic:<24}{row.items:>6}{row.seen:>6}{accuracy:>10}{row.mastery:>9.0%}"
                f"{row.due_today:>11}{row.due_week:>10}"
            )
        counts = [n for _, n in self.per_day]
        lines += [
            "",
            f"day streak: {self.streak} day{'s' if self.streak != 1 else ''}",
            f"reviews, last {DAYS} days: {sparkline(counts)}  ({sum(counts)} in all, "
            f"{max(counts)} on the busiest day)",
        ]
        return "\n".join(lines)


def sparkline(counts: list[int]) -> str:
    top = max(counts, default=0)
    if not top:
        return SPARK[0] * len(counts)
    return "".join(SPARK[round(n / top * (len(SPARK) - 1))] for n in counts)


def compute_stats(
    bank: Bank, store: Store, now: datetime | None = None, tz: tzinfo | None = None
) -> Stats:
    """Stats of ``bank`` at ``now`` (the store's clock by default); days are local to ``tz``."""
    now = now or store.clock.now()
    local_now = now.astimezone(tz)
    today = local_now.date()
    end_of_today = datetime.combine(
        today + timedelta(days=1), datetime.min.time(), local_now.tzinfo
    )
    end_of_week = end_of_today + timedelta(days=6)
    cards = store.cards(bank.id)
    answered: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    days: Counter[date] = Counter()
    topic_of = {item.id: item.topic for item in bank.items()}
    total = 0
    for review in store.reviews(bank.id):
        total += 1
        days[review.answered_at.astimezone(tz).date()] += 1
        if review.correct is not None and review.item_id in topic_of:
            answered[review.item_id] += 1
            correct[review.item_id] += review.correct

    def summarise(topic: str, title: str, ids: list[str]) -> TopicStats:
        seen = [i for i in ids if i in cards]
        retrievability = sum(store.fsrs.get_card_retrievability(cards[i], now) for i in seen)
        return TopicStats(
            topic=topic,
            title=title,
            items=len(ids),
            seen=len(seen),
            answered=sum(answered[i] for i in ids),
            correct=sum(correct[i] for i in ids),
            mastery=retrievability / len(ids) if ids else 0.0,
            due_today=sum(cards[i].due < end_of_today for i in seen),
            due_week=sum(cards[i].due < end_of_week for i in seen),
        )

    topics = [
        summarise(t.id, t.title, [i for i, topic in topic_of.items() if topic == t.id])
        for t in bank.topics
    ]
    overall = summarise("all topics", "All topics", list(topic_of))
    streak = 0
    day = today if days[today] else today - timedelta(days=1)
    while days[day]:
        streak += 1
        day -= timedelta(days=1)
    per_day = [(today - timedelta(days=n), days[today - timedelta(days=n)]) for n in range(DAYS)]
    return Stats(topics, overall, streak, per_day[::-1], total)
