"""The order of a session's questions, so that no feedback gives away a question still to come.

A session with feedback shows, after each answer, the explanation and the source quote. Those
quote the article, and the article's sentences hold other items' answers: the explanation of
"what did the US find itself entangled in?" may quote the miscalculation another question asks
about. Enemy items (``quizlib.enemies``) are never asked together, but feedback is not shown
before an answer, so it does not make enemies: it only has to come after the questions it
would answer. Where questions' feedback answers each other in a circle, no order can hold for
all of them: the circle keeps the order it was built in.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import ahocorasick

from ..bank import Bank
from ..enemies import keys_of
from ..question import Question
from ..text import comparable

__all__ = ["feedback_last"]


def feedback_last(questions: Sequence[Question], bank: Bank) -> list[Question]:
    """``questions`` reordered as little as may be, so that a question whose answer another's
    feedback shows is asked before that other one.

    One automaton over the session's answers, one scan of each feedback: the cost grows with the
    session's text, never with pairs of questions.
    """
    automaton = ahocorasick.Automaton()
    owners: dict[str, set[int]] = {}
    for index, question in enumerate(questions):
        for key in keys_of(bank.item(question.item_id)):
            needle = comparable(key)
            if needle:  # padded with spaces: whole words only, as enemies are found
                owners.setdefault(f" {needle} ", set()).add(index)
    if not owners:
        return list(questions)
    for needle, indices in owners.items():
        automaton.add_word(needle, indices)
    automaton.make_automaton()

    # before[a]: the questions that must come before a (a's feedback shows their answers).
    before: list[set[int]] = [set() for _ in questions]
    for index, question in enumerate(questions):
        shown = f" {comparable(question.explanation)} \n {comparable(question.citation.quote)} "
        for _, indices in automaton.iter(shown):
            before[index] |= indices
        before[index].discard(index)
    return [questions[i] for i in _stable_order(before)]


def _stable_order(before: list[set[int]]) -> list[int]:
    """Every index once, each after those it must follow, otherwise in its first order.

    Where the constraints go round in a circle (a strongly connected group), no order holds for
    all: the group keeps its first order, and goes where its earliest member would.
    """
    groups, group_of = _circles(before)
    waiting = [0] * len(groups)
    after: list[set[int]] = [set() for _ in groups]
    for index, earlier in enumerate(before):
        for other in earlier:
            g, h = group_of[other], group_of[index]
            if g != h and h not in after[g]:
                after[g].add(h)
                waiting[h] += 1
    ready = [(groups[g][0], g) for g in range(len(groups)) if waiting[g] == 0]
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        _, g = heapq.heappop(ready)
        order += groups[g]
        for h in after[g]:
            waiting[h] -= 1
            if waiting[h] == 0:
                heapq.heappush(ready, (groups[h][0], h))
    return order


def _circles(before: list[set[int]]) -> tuple[list[list[int]], list[int]]:
    """The strongly connected groups of the constraints (Tarjan's algorithm, without recursion,
    as a session may be long), each in index order, and each index's group."""
    count = len(before)
    number = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    groups: list[list[int]] = []
    group_of = [-1] * count
    counter = 0
    for root in range(count):
        if number[root] != -1:
            continue
        work = [(root, iter(sorted(before[root])))]
        number[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            node, edges = work[-1]
            advanced = False
            for other in edges:
                if number[other] == -1:
                    number[other] = low[other] = counter
                    counter += 1
                    stack.append(other)
                    on_stack[other] = True
                    work.append((other, iter(sorted(before[other]))))
                    advanced = True
                    break
                if on_stack[other]:
                    low[node] = min(low[node], number[other])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == number[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    group_of[member] = len(groups)
                    group.append(member)
                    if member == node:
                        break
                groups.append(sorted(group))
    return groups, group_of
