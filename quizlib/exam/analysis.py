"""Classical item analysis of scored responses: difficulty, discrimination, reliability.

The formulas (notes/exams.md §7):

- difficulty p = correct / N;
- discrimination D = p(upper) − p(lower), the groups being the top and bottom 27 % by total score
  (at least one examinee each); examinees with equal totals are ranked in the order given, so
  the same file gives the same groups;
- the corrected point-biserial: Pearson's r between the item and the total *without* the item;
- KR-20 = k/(k−1) · (1 − Σpq / σ²), σ² the population variance of the totals, and the standard
  error of measurement SEM = σ · √(1 − KR-20).

A cell is None where the examinee's paper did not have the item (versions that draw different
questions); each item's figures are over the examinees who had it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import StatisticsError, correlation, fmean, pvariance

__all__ = [
    "GROUP_SHARE",
    "ItemFigures",
    "Reliability",
    "item_figures",
    "reliability",
    "selection_rates",
]

GROUP_SHARE = 0.27  # Kelley's upper and lower groups

Matrix = Sequence[Sequence[int | None]]


@dataclass(frozen=True)
class ItemFigures:
    """One item's figures; None where they cannot be computed (too few examinees, no spread)."""

    n: int
    p: float | None
    d: float | None
    r_pb: float | None


@dataclass(frozen=True)
class Reliability:
    examinees: int
    items: int
    kr20: float | None
    sem: float | None
    mean: float
    sd: float


def totals(matrix: Matrix) -> list[int]:
    return [sum(cell for cell in row if cell is not None) for row in matrix]


def item_figures(matrix: Matrix) -> list[ItemFigures]:
    """p, D and the corrected point-biserial of every column of ``matrix`` (rows: examinees)."""
    width = max((len(row) for row in matrix), default=0)
    sums = totals(matrix)
    figures = []
    for j in range(width):
        had = [i for i, row in enumerate(matrix) if row[j] is not None]
        scores = [_cell(matrix, i, j) for i in had]
        n = len(had)
        if not n:
            figures.append(ItemFigures(0, None, None, None))
            continue
        p = fmean(scores)
        d = None
        if n >= 2:
            ranked = sorted(range(n), key=lambda k: sums[had[k]])  # stable: ties in file order
            size = max(1, round(GROUP_SHARE * n))
            lower, upper = ranked[:size], ranked[-size:]
            d = fmean(scores[k] for k in upper) - fmean(scores[k] for k in lower)
        rest = [sums[i] - s for i, s in zip(had, scores, strict=True)]
        figures.append(ItemFigures(n, p, d, _pearson(scores, rest)))
    return figures


def reliability(matrix: Matrix) -> Reliability:
    """KR-20 and SEM of a complete matrix (every examinee had every item)."""
    n = len(matrix)
    k = len(matrix[0]) if matrix else 0
    sums = totals(matrix)
    mean = fmean(sums) if sums else 0.0
    variance = pvariance(sums) if n >= 1 else 0.0
    sd = math.sqrt(variance)
    if n < 2 or k < 2 or variance == 0:
        return Reliability(n, k, None, None, mean, sd)
    pq = 0.0
    for j in range(k):
        p = fmean(_cell(matrix, i, j) for i in range(n))
        pq += p * (1 - p)
    kr20 = k / (k - 1) * (1 - pq / variance)
    # A negative KR-20 (items working against each other) gives no meaningful SEM.
    sem = sd * math.sqrt(1 - kr20) if kr20 >= 0 else None
    return Reliability(n, k, kr20, sem, mean, sd)


def selection_rates(choices: Sequence[int | None], options: int) -> tuple[list[float], float]:
    """The share choosing each option, and the share leaving it blank (None)."""
    if not choices:
        return [0.0] * options, 0.0
    counts = [0] * options
    for choice in choices:
        if choice is not None:
            counts[choice] += 1
    n = len(choices)
    return [c / n for c in counts], sum(c is None for c in choices) / n


def _cell(matrix: Matrix, i: int, j: int) -> int:
    value = matrix[i][j]
    if value is None:
        raise ValueError(f"examinee {i} has no score on item {j}")
    return value


def _pearson(x: list[int], y: list[int]) -> float | None:
    if len(x) < 2:
        return None
    try:
        return correlation(x, y)
    except StatisticsError:  # one side has no spread (everyone right, say)
        return None
