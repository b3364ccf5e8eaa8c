"""Building an exam's versions from a bank and a blueprint, seeded and reproducible.

Items are chosen per (topic, difficulty) cell of the blueprint, never two enemies in one version;
the questions themselves are made by :func:`quizlib.quiz.build_quiz`, so an exam asks exactly what
``quizlib quiz`` would (the same forms, distractors, citations and true/false cap). Each version
then gets its own question order and option order, with the key spread evenly over the letters.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping
from typing import NamedTuple

from ..bank import Bank, Item, unknown_topic
from ..distractors import ORDERED_KINDS
from ..enemies import EnemyGuard
from ..errors import ExamError
from ..forms import QuestionMaker
from ..model import Difficulty
from ..question import Form, Question
from ..quiz import build_quiz
from .allocation import Cell, allocate
from .blueprint import Blueprint, ExamForm
from .manifest import LETTERS, BankRef, Manifest, Version, bank_hash

__all__ = ["MAX_VERSIONS", "build_exam", "version_code"]

MAX_VERSIONS = 702  # A … ZZ
_ATTEMPTS = 30  # fresh draws before a cell that enemies keep short is reported


def version_code(index: int) -> str:
    """A, B, … Z, AA, AB, …: letters, as printed papers are usually told apart."""
    code = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        code = chr(ord("A") + rest) + code
    return code


def build_exam(
    bank: Bank,
    blueprint: Blueprint,
    *,
    versions: int = 1,
    seed: int | None = None,
    vary: bool = False,
    progress: Callable[[], None] | None = None,
) -> Manifest:
    """``versions`` versions meeting ``blueprint``; the same seed and bank give the same exam.

    Without ``vary`` every version asks the same questions in its own order; with it each draws
    its own, preferring items the versions before it have not asked. ``progress`` is called once
    per version built.
    """
    if not 1 <= versions <= MAX_VERSIONS:
        raise ExamError(f"--versions must be between 1 and {MAX_VERSIONS}, not {versions}")
    problem = unknown_topic(blueprint.topics, [t.id for t in bank.topics])
    if problem:
        raise ExamError(problem)
    seed = random.SystemRandom().randrange(2**31) if seed is None else seed
    rng = random.Random(f"exam:{seed}")
    maker = QuestionMaker(bank)
    forms = {form for exam_form in blueprint.forms for form in exam_form.question_forms}

    pools = _pools(bank, blueprint, maker, forms, seed)
    filler = _Filler(bank, blueprint, pools, rng, vary)
    made: dict[str, Question] = {}  # the first making of each question id is the one kept
    built: list[Version] = []
    slots: list[_Slot] = []
    for index in range(versions):
        if vary or index == 0:
            chosen = _questions(bank, blueprint, forms, filler.fill(), rng, seed)
            slots = _slots([made.setdefault(q.id, q) for q in chosen])
        built.append(_version(version_code(index), slots, rng))
        if progress is not None:
            progress()
    return Manifest(
        title=blueprint.title or bank.title,
        bank=BankRef(id=bank.id, title=bank.title, hash=bank_hash(bank)),
        seed=seed,
        vary=vary,
        blueprint=blueprint,
        versions=built,
        questions=dict(sorted(made.items())),
    )


def _pools(
    bank: Bank, blueprint: Blueprint, maker: QuestionMaker, forms: set[Form], seed: int
) -> dict[tuple[str, Difficulty], list[Item]]:
    """The usable items of each (topic, difficulty) the blueprint asks about.

    An item is usable when it makes a question in a form other than true/false (true/false is
    capped, so it cannot be counted on), unless true/false is all that is asked, or every
    question is short answer (any item can be).
    """
    all_short = blueprint.short_answer == blueprint.total
    counted = forms if forms == {Form.TRUE_FALSE} else forms - {Form.TRUE_FALSE}
    pools: dict[tuple[str, Difficulty], list[Item]] = {}
    for item in bank.items():
        if item.topic not in blueprint.topics:
            continue
        if all_short or any(
            maker.make(item, form, options=blueprint.options, position=0, seed=seed) is not None
            for form in maker.forms(item)
            if form in counted
        ):
            pools.setdefault((item.topic, item.difficulty), []).append(item)
    return pools


class _Filler:
    """Chooses each version's items: every cell of the blueprint filled, no two enemies.

    How many questions each (topic, difficulty) cell takes is decided once; when enemies keep a
    cell from filling, it is counted as holding fewer usable items and the counts are decided
    again (another cell of the topic, or another topic of the difficulty, takes up the slack).
    """

    def __init__(
        self,
        bank: Bank,
        blueprint: Blueprint,
        pools: Mapping[tuple[str, Difficulty], list[Item]],
        rng: random.Random,
        vary: bool,
    ) -> None:
        self.bank, self.blueprint, self.pools, self.rng, self.vary = (
            bank,
            blueprint,
            pools,
            rng,
            vary,
        )
        self.room = {cell: len(items) for cell, items in pools.items()}
        self.used: Counter[str] = Counter()
        self.cells = self._allocate()

    def _allocate(self) -> dict[Cell, int]:
        return allocate(self.blueprint.topics, self.blueprint.difficulty, self.room, self.rng)

    def _pool(self, cell: Cell) -> list[Item]:
        topic, level = cell
        return [
            item
            for (t, d), items in self.pools.items()
            if t == topic and level in (None, d)
            for item in items
        ]

    def fill(self) -> list[Item]:
        while True:
            failed = self._select()
            if isinstance(failed, list):
                self.used.update(item.id for item in failed)
                return failed
            short = self._shortfall(failed)
            topic, level = failed
            if level is None:  # the topic's whole pool was tried
                raise ExamError(short)
            self.room[topic, level] = min(self.room[topic, level], self.cells[failed]) - 1
            try:
                self.cells = self._allocate()
            except ExamError:
                raise ExamError(short) from None

    def _select(self) -> list[Item] | Cell:
        """Items filling every cell, or the cell that enemies kept short every time."""
        short: Counter[Cell] = Counter()
        pools = {cell: self._pool(cell) for cell in self.cells}
        for _ in range(_ATTEMPTS):
            guard = EnemyGuard(self.bank.declared_enemies)
            chosen: list[Item] = []
            # The tightest cells choose first, while the most is still open to them.
            order = sorted(
                self.cells,
                key=lambda cell: (len(pools[cell]) - self.cells[cell], self.rng.random()),
            )
            for cell in order:
                need = self.cells[cell]
                candidates = list(pools[cell])
                self.rng.shuffle(candidates)
                if self.vary:
                    candidates.sort(key=lambda item: self.used[item.id])  # least asked first
                for item in candidates:
                    if not need:
                        break
                    if guard.admits(item):
                        guard.take(item)
                        chosen.append(item)
                        need -= 1
                if need:
                    short[cell] += 1
                    break
            else:
                return chosen
        return short.most_common(1)[0][0]

    def _shortfall(self, cell: Cell) -> str:
        topic, level = cell
        where = f"topic {topic!r}" + (f", difficulty {level.value!r}" if level is not None else "")
        return (
            f"the bank cannot fill the blueprint: {where} needs {self.cells[cell]} questions "
            f"and has {len(self._pool(cell))} usable items, but not enough of them can stand "
            "together with the rest of the exam (one would give another away: see the enemy "
            "notes of `quizlib lint`)"
        )


def _questions(
    bank: Bank,
    blueprint: Blueprint,
    forms: set[Form],
    items: list[Item],
    rng: random.Random,
    seed: int,
) -> list[Question]:
    ids = [item.id for item in items]
    short = set(rng.sample(ids, blueprint.short_answer))
    choice = [i for i in ids if i not in short]
    questions: dict[str, Question] = {}
    if choice:
        quiz = build_quiz(
            bank, len(choice), items=choice, forms=forms, seed=seed, options=blueprint.options
        )
        questions = {q.item_id: q for q in quiz.questions}
        missing = [i for i in choice if i not in questions]
        if missing:  # every item was checked to make a question; this would be a bug
            raise ExamError(f"no question could be made of item {missing[0]!r}")
    for item in items:
        if item.id in short:
            questions[item.id] = QuestionMaker(bank).short_answer(item)
    return [questions[i] for i in ids]


def _fixed(question: Question) -> bool:
    """Options kept in their own order: True/False, and years and numbers (in numeric order)."""
    return question.form is Form.TRUE_FALSE or (
        question.form is Form.MULTIPLE_CHOICE and question.kind in ORDERED_KINDS
    )


class _Slot(NamedTuple):
    """What a version needs of a question, worked out once for every version that asks it."""

    id: str
    item: str
    form: ExamForm
    size: int  # options; 0 for short answer
    key: int
    fixed: bool
    others: tuple[int, ...]  # the options that are not the key, in the bank's order


def _slots(questions: list[Question]) -> list[_Slot]:
    slots = []
    for question in questions:
        if not question.options:
            form = ExamForm.SHORT_ANSWER
        elif question.form is Form.TRUE_FALSE:
            form = ExamForm.TRUE_FALSE
        else:
            form = ExamForm.MULTIPLE_CHOICE
        size, key = len(question.options), question.key or 0
        others = tuple(i for i in range(size) if i != key)
        slots.append(
            _Slot(question.id, question.item_id, form, size, key, _fixed(question), others)
        )
    return slots


def _version(code: str, slots: list[_Slot], rng: random.Random) -> Version:
    """One version: the questions in a seeded order (short answers last), options permuted."""
    choice = [s for s in slots if s.size]
    written = [s for s in slots if not s.size]
    rng.shuffle(choice)
    rng.shuffle(written)
    orders = _orders(choice, rng)
    entries = []
    for number, slot in enumerate([*choice, *written], 1):
        order = orders.get(slot.id, [])
        key = LETTERS[order.index(slot.key)] if order else None
        entries.append(
            {
                "number": number,
                "question": slot.id,
                "item": slot.item,
                "form": slot.form,
                "order": order,
                "key": key,
            }
        )
    # Validated whole, in one call: a hundred versions of forty entries each add up.
    return Version.model_validate({"code": code, "entries": entries})


def _orders(slots: list[_Slot], rng: random.Random) -> dict[str, list[int]]:
    """Each question's option order, the key letters spread as evenly as the fixed ones allow.

    Questions whose order is fixed (true/false among them) count towards the spread; the others
    take, one by one, a least-used letter among their own (ties in a seeded order), and the
    letters so chosen are dealt out in a shuffle.
    """
    orders: dict[str, list[int]] = {}
    free: dict[int, list[_Slot]] = {}
    tally = [0] * len(LETTERS)
    for slot in slots:
        if slot.fixed:
            orders[slot.id] = list(range(slot.size))
            tally[slot.key] += 1
        else:
            free.setdefault(slot.size, []).append(slot)
    for size, group in sorted(free.items()):
        positions = []
        for _ in group:
            low = min(tally[:size])
            position = rng.choice([p for p in range(size) if tally[p] == low])
            tally[position] += 1
            positions.append(position)
        rng.shuffle(positions)
        for slot, position in zip(group, positions, strict=True):
            others = list(slot.others)
            rng.shuffle(others)
            orders[slot.id] = [*others[:position], slot.key, *others[position:]]
    return orders
