"""The exam row of the benchmark: 100 versions of 40 questions to PDF, against a bare template.

    from bench.exam import exam_row
    exam_row()   # {'quizlib': s, 'baseline': s, 'ratio': x, 'ratio_of_runs': x, 'paper_only': s,
                 #  'overhead': x}

``exam_pdfs`` builds the versions from the bank and typesets every student paper with quizlib's
template; ``minimal_pdfs`` typesets the very same data (each version's questions and options)
with ``templates/minimal.typ``, which places the texts and nothing else. Both compile on two
processes, warm (each worker's compiler is made before timing), through the same
``compile_pdf``, which hands each template its data the same way (a file the worker writes).
Target: ≤ 1.1× and under 3 s.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from quizlib import load_bank
from quizlib.bank import Bank
from quizlib.exam import blueprint_from_options, build_exam
from quizlib.exam.paper import compile_pdf, pool_context
from quizlib.exam.payload import paper_payload

__all__ = ["exam_pdfs", "exam_row", "minimal_pdfs"]

VERSIONS, QUESTIONS, WORKERS = 100, 40, 2


def _payloads(bank: Bank, versions: int, questions: int) -> list[dict[str, Any]]:
    sizes = {t.id: sum(i.topic == t.id for i in bank.items()) for t in bank.topics}
    blueprint = blueprint_from_options(sizes, count=questions)
    manifest = build_exam(bank, blueprint, versions=versions, seed=1)
    return [paper_payload(manifest, version) for version in manifest.versions]


def _compile(job: tuple[str, dict[str, Any]]) -> int:
    return len(compile_pdf(*job))


def _warm(pool: ProcessPoolExecutor, template: str, payload: dict[str, Any]) -> None:
    # One job per worker, several times over, so that each has its compiler ready.
    list(pool.map(_compile, [(template, payload)] * WORKERS * 2, chunksize=1))


def exam_pdfs(pool: ProcessPoolExecutor, bank: Bank, versions: int, questions: int) -> int:
    """Build the exam and typeset every student paper; the PDFs' total size in bytes."""
    jobs = [("paper", p) for p in _payloads(bank, versions, questions)]
    chunk = max(1, len(jobs) // (WORKERS * 4))
    return sum(pool.map(_compile, jobs, chunksize=chunk))


def minimal_pdfs(
    pool: ProcessPoolExecutor, payloads: list[dict[str, Any]], template: str = "minimal"
) -> int:
    """The same data through the bare template (or, to see quizlib's own share, ``paper``)."""
    jobs = [(template, p) for p in payloads]
    chunk = max(1, len(jobs) // (WORKERS * 4))
    return sum(pool.map(_compile, jobs, chunksize=chunk))


def exam_row(
    bank_dir: Path | None = None,
    versions: int = VERSIONS,
    questions: int = QUESTIONS,
    repeat: int = 3,
) -> dict[str, float]:
    bank = load_bank(bank_dir)
    payloads = _payloads(bank, versions, questions)
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=pool_context()) as pool:
        _warm(pool, "paper", payloads[0])
        _warm(pool, "minimal", payloads[0])
        ours, base, typeset = [], [], []
        for _ in range(repeat):
            start = time.perf_counter()
            minimal_pdfs(pool, payloads, "paper")
            typeset.append(time.perf_counter() - start)
            start = time.perf_counter()
            exam_pdfs(pool, bank, versions, questions)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            minimal_pdfs(pool, payloads)
            base.append(time.perf_counter() - start)
    quizlib, baseline = statistics.median(ours), statistics.median(base)
    paper_only = statistics.median(typeset)
    return {
        "quizlib": quizlib,
        "baseline": baseline,
        "ratio": quizlib / baseline,
        # Each run's two figures were measured side by side; on a busy machine the median of
        # their ratios is steadier than the ratio of the medians.
        "ratio_of_runs": statistics.median(q / b for q, b in zip(ours, base, strict=True)),
        # The same payloads through quizlib's own template, without building the exam: what
        # quizlib adds around Typst is quizlib / paper_only.
        "paper_only": paper_only,
        "overhead": quizlib / paper_only,
    }


def _warm_pool(template: str, payload: dict[str, Any]) -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(max_workers=WORKERS, mp_context=pool_context())
    _warm(pool, template, payload)
    return pool


def exam_quizlib(root: Path) -> Callable[[], object]:
    """The row's quizlib side: build 100 versions of 40 questions and typeset every paper.

    The bundled bank, whatever ``root`` is: a synthetic bank's blueprint is not a real exam.
    """
    bank = load_bank()
    pool = _warm_pool("paper", _payloads(bank, 1, QUESTIONS)[0])
    return lambda: exam_pdfs(pool, bank, VERSIONS, QUESTIONS)


def exam_minimal(root: Path) -> Callable[[], object]:
    """The row's baseline: the same versions' data through the bare template."""
    payloads = _payloads(load_bank(), VERSIONS, QUESTIONS)
    pool = _warm_pool("minimal", payloads[0])
    return lambda: minimal_pdfs(pool, payloads)


if __name__ == "__main__":
    import sys

    print(exam_row(repeat=int(sys.argv[1]) if len(sys.argv) > 1 else 3))
