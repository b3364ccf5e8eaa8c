"""The benchmark runs end to end at a small size, so it cannot rot; nothing here is timed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from bench.rows import ROWS

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_prints_every_row_with_a_ratio(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--work", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    lines = done.stdout.splitlines()
    for name in ROWS:
        (row,) = [
            line
            for line in lines
            if re.match(rf"\s*(?:[\d,]+|any)\s+{re.escape(name)}\s{{2}}", line)
        ]
        assert re.search(r"\s\d+\.\d\d×\s", row), row
        assert "over budget" not in row
