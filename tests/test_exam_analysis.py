"""Item-analysis figures against a small example worked by hand."""

from __future__ import annotations

import math

import pytest

from quizlib.exam.analysis import item_figures, reliability, selection_rates

# Six students, three items (1 right, 0 wrong):
#
#   student  i1 i2 i3  total
#   s1        1  1  0    2
#   s2        1  0  1    2
#   s3        1  1  1    3
#   s4        0  0  1    1
#   s5        1  0  0    1
#   s6        0  0  0    0
MATRIX = [[1, 1, 0], [1, 0, 1], [1, 1, 1], [0, 0, 1], [1, 0, 0], [0, 0, 0]]


def test_difficulty_and_discrimination_by_hand():
    # p = right / 6: i1 4/6, i2 2/6, i3 3/6.
    # Groups: round(0.27 * 6) = 2 students each. Ranked by total, ties in file order:
    # s6 (0), s4 (1), s5 (1), s1 (2), s2 (2), s3 (3): lower = s6, s4; upper = s2, s3.
    # D(i1) = (1+1)/2 - (0+0)/2 = 1; D(i2) = (0+1)/2 - 0 = 0.5; D(i3) = (1+1)/2 - (0+1)/2 = 0.5.
    figures = item_figures(MATRIX)
    assert [f.n for f in figures] == [6, 6, 6]
    assert [f.p for f in figures] == pytest.approx([4 / 6, 2 / 6, 3 / 6])
    assert [f.d for f in figures] == pytest.approx([1.0, 0.5, 0.5])


def test_corrected_point_biserial_by_hand():
    # i1 against the total without i1: x = 1 1 1 0 1 0, rest = 1 1 2 1 0 0.
    # Means 4/6 and 5/6; Σdx·dy = 2/3, Σdx² = 4/3, Σdy² = 17/6,
    # r = (2/3) / √(4/3 · 17/6) = 2/√34 = 0.342997…
    assert item_figures(MATRIX)[0].r_pb == pytest.approx(2 / math.sqrt(34))


def test_kr20_and_sem_by_hand():
    # Totals 2 2 3 1 1 0: mean 1.5, population variance 5.5/6 = 11/12.
    # Σpq = (2/3)(1/3) + (1/3)(2/3) + (1/2)(1/2) = 25/36.
    # KR-20 = 3/2 · (1 - (25/36)/(11/12)) = 3/2 · 8/33 = 4/11.
    # SEM = √(11/12) · √(1 - 4/11) = √(7/12).
    figures = reliability(MATRIX)
    assert figures.kr20 == pytest.approx(4 / 11)
    assert figures.sem == pytest.approx(math.sqrt(7 / 12))
    assert figures.mean == pytest.approx(1.5)
    assert figures.sd == pytest.approx(math.sqrt(11 / 12))


def test_an_item_nobody_misses_has_no_point_biserial():
    figures = item_figures([[1, 1], [1, 0], [1, 1]])
    assert figures[0].p == 1.0
    assert figures[0].r_pb is None  # no spread: the correlation is undefined, not an error


def test_items_a_paper_did_not_have_count_only_where_asked():
    figures = item_figures([[1, None], [0, 1], [1, 0]])
    assert figures[1].n == 2
    assert figures[1].p == pytest.approx(0.5)


def test_selection_rates_and_omissions():
    # 5 answers to a 3-option question: A A B (blank) C -> 2/5, 1/5, 1/5, blank 1/5.
    rates, blank = selection_rates([0, 0, 1, None, 2], 3)
    assert rates == pytest.approx([0.4, 0.2, 0.2])
    assert blank == pytest.approx(0.2)


def test_reliability_needs_spread():
    assert reliability([[1, 1], [1, 1]]).kr20 is None


def test_a_negative_kr20_has_no_sem():
    # Two items that always disagree: totals are all 1, variance 0 -> no KR-20 at all; with a
    # third student right on both, KR-20 = 2 · (1 - (2/9 + 2/9) / (2/9)) = -2.
    figures = reliability([[1, 0], [0, 1], [1, 1]])
    assert figures.kr20 == pytest.approx(-2.0)
    assert figures.sem is None
