"""Typst PDFs of the papers and the key: the compiler is imported here, and only when used.

Texts reach the templates as JSON in a file, ``data.json``, so Typst places them as strings and
never reads them as markup. Only Typst's embedded fonts are used, and the timestamp is fixed: the
same payload gives the same bytes on any machine.

A file, not ``sys.inputs``: Typst keys every layout it keeps for reuse on its standard library,
which holds ``sys.inputs``, so new inputs for each paper would throw away all it has laid out.
Read from a file, the versions of an exam share the layout of every question they have in common
(see ``templates/paper.typ``). Each process writes its files in a folder of its own.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import multiprocessing.context
import multiprocessing.util
import shutil
import tempfile
import threading
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
# The whole payload, then its texts (title, version code, …) alone: a running header or footer
# reads them on every page, and parsing the whole payload a dozen times a paper would cost more
# than its layout.
_DATA_FILES = ("data.json", "running.json")
_EPOCH = 0  # the PDFs' creation date: fixed, so that builds are byte-identical
_compilers: dict[str, typst.Compiler] = {}
_lock = threading.Lock()  # one set of data files, one compiler a template: a paper at a time


class _Workspace:
    """This process's folder: the templates, and the data files they read, kept open.

    A data file is rewritten in place, never emptied and written again: ext4 puts a file
    emptied that way on disk when it is closed (auto_da_alloc), milliseconds a paper.
    """

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="quizlib-typst-")).resolve()
        self.files = {name: (self.folder / name).open("w+b") for name in _DATA_FILES}
        # A multiprocessing finalizer runs at exit in the main process and in pool workers
        # alike (a worker forked by the fork server leaves by os._exit, which skips atexit).
        multiprocessing.util.Finalize(self, self.remove, exitpriority=0)

    def write(self, name: str, text: str) -> None:
        file = self.files[name]
        file.seek(0)
        file.write(text.encode("utf-8"))
        file.truncate()
        file.flush()

    def remove(self) -> None:
        for file in self.files.values():
            file.close()
        shutil.rmtree(self.folder, ignore_errors=True)


@functools.cache
def _workspace() -> _Workspace:
    return _Workspace()


def _compiler(template: str) -> typst.Compiler:
    compiler = _compilers.get(template)
    if compiler is None:
        import typst

        if template not in TEMPLATES:
            raise ExamError(f"typst: no template {template!r}")
        # Beside its data: a template reads nothing outside the compiler's root.
        folder = _workspace().folder
        path = folder / f"{template}.typ"
        source = files("quizlib.exam") / "templates" / f"{template}.typ"
        path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        compiler = typst.Compiler(path, root=folder, ignore_system_fonts=True)
        _compilers[template] = compiler
    return compiler


def compile_pdf(template: str, payload: dict[str, Any]) -> bytes:
    """The PDF of ``payload`` laid out by ``template`` (one of :data:`TEMPLATES`)."""
    import typst

    running = {key: value for key, value in payload.items() if isinstance(value, str)}
    texts = [json.dumps(data, ensure_ascii=False, sort_keys=True) for data in (payload, running)]
    with _lock:
        compiler = _compiler(template)
        workspace = _workspace()
        for name, text in zip(_DATA_FILES, texts, strict=True):
            workspace.write(name, text)
        try:
            pdf = compiler.compile(format="pdf", timestamp=_EPOCH)
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
