"""Selecting and ordering questions for a quiz: seeded, one question per item, balanced."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from .bank import Bank, Item, unknown_topic
from .enemies import EnemyGuard
from .errors import QuizlibError
from .forms import QuestionMaker
from .model import Difficulty
from .question import Form, Question

__all__ = ["DEFAULT_FORMS", "OPTION_RANGE", "Quiz", "QuizError", "build_quiz"]

DEFAULT_FORMS = (Form.MULTIPLE_CHOICE, Form.TERM, Form.DEFINITION, Form.TRUE_FALSE)
OPTION_RANGE = range(3, 6)


_Pick = Item  # an item offered to a quiz; its forms are ordered only if it is tried


class QuizError(QuizlibError):
    """A quiz was asked for with options that cannot be met (an unknown topic, say)."""


class Quiz(BaseModel):
    """A quiz: its questions in order, and everything needed to build it again."""

    model_config = ConfigDict(frozen=True)

    bank_id: str
    title: str
    seed: int = Field(description="Building the quiz again with this seed gives the same quiz.")
    options: int = Field(description="Options per multiple-choice question (true/false has 2).")
    topics: list[str]
    questions: list[Question]


def build_quiz(
    bank: Bank,
    count: int,
    topics: Iterable[str] | None = None,
    difficulty: Difficulty | str | Iterable[Difficulty | str] | None = None,
    forms: Iterable[Form | str] | None = None,
    seed: int | None = None,
    options: int = 4,
    items: Iterable[str] | None = None,
) -> Quiz:
    """Up to ``count`` questions, at most one per item, topics interleaved, keys balanced.

    No two questions come from enemy items (one would give the other away), and unless only
    true/false is asked for, at most one question in five is true/false.

    ``items`` limits the quiz to those item ids (the due ones of a review, say); ids the bank
    no longer has are passed over. The same ``seed`` gives the same quiz; without one a seed is
    drawn and recorded in the quiz.
    """
    if options not in OPTION_RANGE:
        raise QuizError(f"options must be between 3 and 5, not {options}")
    if count < 1:
        raise QuizError(f"count must be at least 1, not {count}")
    declared = [t.id for t in bank.topics]
    chosen_topics = list(dict.fromkeys(topics)) if topics else declared
    problem = unknown_topic(chosen_topics, declared)
    if problem:
        raise QuizError(problem)
    levels = _difficulties(difficulty)
    allowed = _forms(forms)
    seed = random.SystemRandom().randrange(2**31) if seed is None else seed
    rng = random.Random(f"quiz:{seed}")
    maker = QuestionMaker(bank)

    wanted = None if items is None else set(items)
    by_topic: dict[str, list[_Pick]] = defaultdict(list)
    for item in bank.items():
        if wanted is not None and item.id not in wanted:
            continue
        if item.topic not in chosen_topics or (levels and item.difficulty not in levels):
            continue
        if not allowed.isdisjoint(maker.forms(item)):
            by_topic[item.topic].append(item)
    groups = [by_topic[t] for t in chosen_topics if by_topic[t]]
    for group in groups:
        rng.shuffle(group)
    rng.shuffle(groups)

    assembler = _Assembler(bank, maker, allowed, count, options, seed)
    assembler.take(groups)
    drafts = assembler.drafts
    schedules = _schedules([len(q.options) for _, _, q in drafts], rng)
    questions = []
    for item, form, draft in drafts:
        size = len(draft.options)
        if not size:
            questions.append(draft)
            continue
        made = maker.make(item, form, options=options, position=schedules[size].pop(), seed=seed)
        questions.append(made if made is not None else draft)
    return Quiz(
        bank_id=bank.id,
        title=bank.title,
        seed=seed,
        options=options,
        topics=chosen_topics,
        questions=questions,
    )


class _Assembler:
    """Takes questions topic by topic until ``count``, keeping enemies apart.

    Each question is made once here to learn how many options it can have (trying the item's
    forms in a seeded order); :func:`build_quiz` makes it again with its key at a position from
    a balanced schedule.
    """

    def __init__(
        self,
        bank: Bank,
        maker: QuestionMaker,
        allowed: set[Form],
        count: int,
        options: int,
        seed: int,
    ) -> None:
        self.bank, self.maker, self.count, self.options, self.seed = (
            bank,
            maker,
            count,
            options,
            seed,
        )
        self.drafts: list[tuple[Item, Form, Question]] = []
        self.allowed = allowed
        # Each item's forms are shuffled when it is tried, not all of a large bank up front.
        self.form_order = random.Random(f"forms:{seed}")
        self.guard = EnemyGuard(bank.declared_enemies)
        self.passages: set[tuple[int, int]] = set()  # the sentences the chosen ones test
        # A true/false question is right half the time by chance: when other forms are allowed
        # too, at most one question in five is true/false.
        self.true_false_left = count // 5 if allowed - {Form.TRUE_FALSE} else count

    def take(self, groups: list[list[_Pick]]) -> None:
        """One question per topic per round, so the topics stay balanced.

        Within a topic's turn, an item from a sentence not yet tested comes before one from a
        sentence already tested (two items on one sentence half answer each other), and an
        enemy of a chosen item is never taken.
        """
        queues = [list(group) for group in groups]
        while len(self.drafts) < self.count and any(queues):
            progressed = False
            for queue in queues:
                if len(self.drafts) == self.count:
                    return
                progressed |= self._take_from(queue)
            if not progressed:
                return

    def _take_from(self, queue: list[_Pick]) -> bool:
        deferred: list[_Pick] = []  # from a sentence already tested: only if nothing else
        index = 0
        while index < len(queue):
            item = queue[index]
            if not self.guard.admits(item):
                del queue[index]  # for good: what is taken only grows
            elif self.bank.passage(item) in self.passages:
                deferred.append(queue[index])
                index += 1
            elif self._make(queue.pop(index)):
                return True
        for pick in deferred:
            queue.remove(pick)
            if self._make(pick):
                return True
        return False

    def _make(self, item: Item) -> bool:
        forms_to_try = [f for f in self.maker.forms(item) if f in self.allowed]
        self.form_order.shuffle(forms_to_try)
        for form in forms_to_try:
            if form is Form.TRUE_FALSE and not self.true_false_left:
                continue
            question = self.maker.make(item, form, options=self.options, position=0, seed=self.seed)
            if question is not None:
                self.drafts.append((item, form, question))
                self.guard.take(item)
                self.passages.add(self.bank.passage(item))
                self.true_false_left -= form is Form.TRUE_FALSE
                return True
        return False


def _schedules(sizes: list[int], rng: random.Random) -> dict[int, list[int]]:
    """For each option count, key positions used as evenly as possible, in a seeded order."""
    schedules: dict[int, list[int]] = {}
    for size in sorted(set(sizes) - {0}):
        n = sizes.count(size)
        offset = rng.randrange(size)
        positions = [(offset + i) % size for i in range(n)]
        rng.shuffle(positions)
        schedules[size] = positions
    return schedules


def _difficulties(value: Difficulty | str | Iterable[Difficulty | str] | None) -> set[Difficulty]:
    if value is None:
        return set()
    values = [value] if isinstance(value, str) else list(value)
    try:
        return {Difficulty(v) for v in values}
    except ValueError:
        raise QuizError(
            f"difficulty must be one of: {', '.join(d.value for d in Difficulty)}"
        ) from None


def _forms(value: Iterable[Form | str] | None) -> set[Form]:
    if value is None:
        return set(DEFAULT_FORMS)
    try:
        return {Form(v) for v in value}
    except ValueError:
        raise QuizError(f"form must be one of: {', '.join(f.value for f in Form)}") from None
