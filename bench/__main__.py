"""``python -m bench``: build synthetic banks and print the benchmark table."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.rows import ROWS
from bench.synth import write_bank
from bench.table import header, line, run_row

SIZES = (1_000, 10_000, 100_000)
QUICK_SIZE = 300
# Bump when bench/synth.py changes what it writes, so cached banks are rebuilt.
SYNTH_VERSION = 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Time quizlib on synthetic banks, beside baselines measured in the same run.",
    )
    parser.add_argument("--quick", action="store_true", help=f"one size ({QUICK_SIZE}), one run")
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(size) for size in text.split(",")],
        default=list(SIZES),
        help="bank sizes in items, comma-separated (default: 1000,10000,100000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median counts")
    parser.add_argument(
        "--budget", type=float, default=120, help="seconds a figure may take before it is dropped"
    )
    parser.add_argument(
        "--rows",
        type=lambda text: text.split(","),
        default=list(ROWS),
        metavar="ROW,...",
        help="only these rows, comma-separated (default: all)",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic banks")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "quizlib-bench",
        help="where synthetic banks are written and kept between runs",
    )
    args = parser.parse_args(argv)
    unknown = [name for name in args.rows if name not in ROWS]
    if unknown:
        parser.error(f"unknown row {unknown[0]!r}; the rows are: {', '.join(ROWS)}")
    rows = [ROWS[name] for name in ROWS if name in args.rows]
    sizes = [QUICK_SIZE] if args.quick else args.sizes
    repeat = 1 if args.quick else args.repeat
    roots = {size: _bank(args.work, size, args.seed) for size in sizes}
    print(header(), flush=True)
    for size, root in roots.items():
        for row in rows:
            if row.sized:
                print(line(run_row(row, size, root, repeat, args.budget)), flush=True)
    smallest = min(roots)
    for row in rows:
        if not row.sized:
            result = run_row(row, smallest, roots[smallest], repeat, args.budget)
            print(line(result, sized=False), flush=True)
    print(f"\nmedian of {repeat} run(s) per figure; MB is each process's peak memory", flush=True)


def _bank(work: Path, size: int, seed: int) -> Path:
    root = work / f"v{SYNTH_VERSION}-items-{size}-seed-{seed}"
    done = root / ".complete"
    if not done.exists():
        start = time.perf_counter()
        write_bank(root, size, seed)
        done.touch()
        print(f"# wrote {root} in {time.perf_counter() - start:.1f} s", flush=True)
    return root


if __name__ == "__main__":
    main()
