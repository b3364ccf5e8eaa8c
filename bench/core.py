"""Benchmarks of the core, reported as ratios to a baseline measured in the same run.

Run: .venv/bin/python bench/core.py [--repeat N]

The baseline is parsing the bundled bank's YAML with libyaml alone, the least any loader must do;
each other figure is its median time divided by the baseline's, so runs on noisy machines compare.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import yaml

from quizlib import build_quiz, load_bank
from quizlib.lint import lint_bank
from quizlib.load import item_files
from quizlib.resources import bundled_bank_dir


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    repeat = parser.parse_args().repeat
    root = bundled_bank_dir()
    files = [root / "bank.yaml", *item_files(root)]
    bank = load_bank()

    def parse_only() -> None:
        for path in files:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    cases: dict[str, Callable[[], object]] = {
        "load_bank (validate, ground every quote)": load_bank,
        "build_quiz, 20 questions": lambda: build_quiz(bank, 20, seed=1),
        "build_quiz, every item": lambda: build_quiz(bank, 1000, seed=1),
        "lint_bank": lambda: lint_bank(bank),
    }
    baseline = median_seconds(parse_only, repeat)
    print(f"baseline: libyaml parse of {len(files)} files, median {baseline * 1000:.1f} ms")
    for name, action in cases.items():
        seconds = median_seconds(action, repeat)
        print(f"{name:45} {seconds / baseline:6.2f} × baseline ({seconds * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
