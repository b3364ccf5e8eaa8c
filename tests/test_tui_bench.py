"""The practice app's bench measurements run (their figures are judged in `python -m bench`)."""

from __future__ import annotations

from tests.tui_bench import feedback_latency, startup


def test_startup_measures_both_apps():
    result = startup(runs=1)
    assert result.practice > 0 and result.bare > 0 and result.ratio > 0


def test_feedback_latency_measures_key_presses():
    result = feedback_latency(samples=5)
    assert result.samples == 5 and 0 < result.median <= result.p95
