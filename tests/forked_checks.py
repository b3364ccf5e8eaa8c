"""Checks of :mod:`quizlib.forked` that need a process of one thread to fork from.

A pytest process may have threads left by earlier tests (Anki's backend, Textual), and then
nothing forks; ``tests/test_forked.py`` runs each check here in a fresh interpreter instead.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from quizlib import forked, load_bank
from quizlib.anki.cards import FactCard
from quizlib.anki.notes import deck_notes
from quizlib.forked import ForkedMap

PARENT = os.getpid()
CHILDREN: list[int] = []


def _share_whatever_the_load() -> None:
    """Fork for small work and on a busy machine, remembering each child forked."""
    forked.MIN_ITEMS = 0
    forked.CHUNK = 4
    os.getloadavg = lambda: (0.0, 0.0, 0.0)
    fork = os.fork

    def spy() -> int:
        pid = fork()
        if pid:
            CHILDREN.append(pid)
        return pid

    os.fork = spy


def _square(n: int) -> int:
    return n * n


def _square_where(n: int) -> tuple[int, int]:
    time.sleep(0.002)  # long enough for the child to start and take a share
    return n * n, os.getpid()


def _fails_in_child(n: int) -> int:
    time.sleep(0.001)
    if os.getpid() != PARENT:
        raise RuntimeError("only the child fails")
    return n * n


def _dies_in_child(n: int) -> int:
    time.sleep(0.001)
    if os.getpid() != PARENT and n > 50:
        os._exit(3)
    return n * n


def _reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def _results(fn: Callable[[int], int]) -> None:
    items = list(range(103))
    with ForkedMap(fn, items) as shared:
        assert shared.forked
        assert shared.results() == [n * n for n in items]
    assert len(CHILDREN) == 1 and _reaped(CHILDREN[0])


def results_in_order() -> None:
    items = list(range(103))
    with ForkedMap(_square_where, items) as shared:
        assert shared.forked
        results = shared.results()
    assert [square for square, _ in results] == [n * n for n in items]
    assert {pid for _, pid in results} == {PARENT, CHILDREN[0]}, "both took a share"
    assert _reaped(CHILDREN[0])


def results_when_the_child_fails() -> None:
    _results(_fails_in_child)


def results_when_the_child_dies() -> None:
    _results(_dies_in_child)


def child_reaped_when_not_asked() -> None:
    with ForkedMap(_square, list(range(100))) as shared:
        assert shared.forked
    assert len(CHILDREN) == 1 and _reaped(CHILDREN[0])


def deck_notes_alike() -> None:
    bank = load_bank()
    for cards in ({FactCard.CHOICE}, set(FactCard)):
        CHILDREN.clear()
        shared = deck_notes(bank, cards=cards)
        assert CHILDREN, "no child was forked"
        forked.MIN_ITEMS = 1 << 30
        alone = deck_notes(bank, cards=cards)
        forked.MIN_ITEMS = 0
        assert shared == alone


if __name__ == "__main__":
    _share_whatever_the_load()
    if not forked._can_fork():
        sys.exit(77)  # cannot fork safely here: not Linux, or a single CPU
    globals()[sys.argv[1]]()
