"""Typst PDFs of the papers and the key: the compiler is imported here, and only when used.

Texts reach the templates as JSON in ``sys.inputs``, so Typst places them as strings and never
reads them as markup. Only Typst's embedded fonts are used, and the timestamp is fixed: the same
payload gives the same bytes on any machine.
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.context
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ExamError

if TYPE_CHECKING:
    import typst

__all__ = ["TEMPLATES", "compile_many", "compile_pdf", "pool_context"]

TEMPLATES = ("paper", "key", "minimal")
_EPOCH = 0  # the PDFs' creation date: fixed, so that builds are byte-identical
_compilers: dict[str, typst.Compiler] = {}


def _compiler(template: str) -> typst.Compiler:
    compiler = _compilers.get(template)
    if compiler is None:
        import typst

        # A path, not bytes: a compiler made from bytes cannot compile a second time.
        path = Path(str(files("quizlib.exam") / "templates" / f"{template}.typ"))
        compiler = typst.Compiler(path, ignore_system_fonts=True)
        _compilers[template] = compiler
    return compiler


def compile_pdf(template: str, payload: dict[str, Any]) -> bytes:
    """The PDF of ``payload`` laid out by ``template`` (one of :data:`TEMPLATES`)."""
    import typst

    data = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    try:
        pdf = _compiler(template).compile(format="pdf", sys_inputs={"data": data}, timestamp=_EPOCH)
    except typst.TypstError as exc:  # a template bug, not the user's: say where
        raise ExamError(f"typst: {template}.typ: {exc.message}") from None
    if not isinstance(pdf, bytes):
        raise ExamError(f"typst: {template}.typ gave no PDF")
    return pdf


def pool_context() -> multiprocessing.context.BaseContext:
    """How worker processes start: never by a bare fork.

    Typst keeps threads; a process forked from one that has compiled (a test, a notebook)
    inherits their locks held and hangs. A fork server forks from a clean process instead.
    """
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _compile_job(job: tuple[str, dict[str, Any]]) -> bytes:
    return compile_pdf(*job)


def compile_many(
    jobs: Iterable[tuple[str, dict[str, Any]]],
    *,
    workers: int = 2,
    progress: Callable[[], None] | None = None,
) -> Iterator[bytes]:
    """The PDFs of ``(template, payload)`` jobs, in order, compiled by ``workers`` processes.

    Typst lays out one document on one core; a hundred versions keep two busy. A single job, or
    one worker, runs in this process (a pool costs more than it saves there).
    """
    jobs = list(jobs)
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield _compile_job(job)
            if progress is not None:
                progress()
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=pool_context()) as pool:
        # Several documents per task: each round trip to a worker costs about a document.
        chunk = max(1, len(jobs) // (workers * 4))
        for pdf in pool.map(_compile_job, jobs, chunksize=chunk):
            yield pdf
            if progress is not None:
                progress()
