"""Writing an exam's folder whole or not at all.

Everything is written into a hidden temporary folder beside the target, then renamed into place:
a run that fails leaves nothing half-written, and an existing folder is replaced (only with
``force``) in one rename.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from ..errors import ExamError
from .handout import paper_html, paper_markdown
from .key import key_csv, responses_template
from .lms_files import write_lms_files
from .manifest import Manifest
from .payload import key_payload, paper_payload

__all__ = ["PAPERS_DIR", "pdf_count", "write_exam"]

PAPERS_DIR = "papers"


def pdf_count(manifest: Manifest) -> int:
    """How many PDFs :func:`write_exam` compiles (a paper per version, and the key)."""
    return len(manifest.versions) + 1


def write_exam(
    manifest: Manifest,
    out: Path,
    *,
    force: bool = False,
    paper: str = "a4",
    workers: int = 2,
    progress: Callable[[], None] | None = None,
    lms: Sequence[str] = (),
    topics: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write the exam folder ``out``; return the files written, relative to it.

    ``progress`` is called once per PDF compiled. ``lms`` names the LMS formats to add, one
    file per version and format in ``lms/`` (``topics`` maps topic ids to titles for their
    categories).
    """
    from .paper import compile_many  # Typst is loaded only to write PDFs

    if out.exists() and not force:
        raise ExamError(f"{out} already exists; choose another --out or pass --force to replace it")
    if out.exists() and not out.is_dir():
        raise ExamError(f"{out} exists and is not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    try:
        tmp.chmod(0o777 & ~_umask())  # mkdtemp's folder is private; the exam folder need not be
        files = {
            Path("manifest.json"): manifest.to_json(),
            Path("key.csv"): key_csv(manifest),
            Path("responses.csv"): responses_template(manifest),
        }
        payloads = [paper_payload(manifest, version, paper) for version in manifest.versions]
        for version, payload in zip(manifest.versions, payloads, strict=True):
            files[Path(PAPERS_DIR, f"{version.code}.md")] = paper_markdown(payload)
            files[Path(PAPERS_DIR, f"{version.code}.html")] = paper_html(payload)
        (tmp / PAPERS_DIR).mkdir()
        for name, text in files.items():
            (tmp / name).write_text(text, encoding="utf-8")
        lms_files = write_lms_files(manifest, tmp, lms, topics or {}) if lms else []
        jobs = [("paper", payload) for payload in payloads]
        jobs.append(("key", key_payload(manifest, paper)))
        names = [Path(PAPERS_DIR, f"{v.code}.pdf") for v in manifest.versions]
        names.append(Path("key.pdf"))
        for name, pdf in zip(
            names, compile_many(jobs, workers=workers, progress=progress), strict=True
        ):
            (tmp / name).write_bytes(pdf)
        _replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return sorted([*files, *names, *lms_files])


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _replace(tmp: Path, out: Path) -> None:
    if not out.exists():
        os.rename(tmp, out)
        return
    # Move the old folder aside first: a folder cannot be renamed over a non-empty one.
    old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".old"))
    os.rename(out, old / out.name)
    try:
        os.rename(tmp, out)
    except BaseException:
        os.rename(old / out.name, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
