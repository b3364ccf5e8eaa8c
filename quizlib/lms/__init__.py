"""Question files for learning-management systems: Moodle XML, GIFT, Canvas QTI 1.2, QTI 2.1.

Every writer takes a :class:`~quizlib.lms.pool.Pool` (questions in order, each filed under a
category) and returns the file's bytes, the same bytes for the same questions. Only the
standard library and quizlib are imported here.

=============  ===========================  ===================================================
format         file                         imported by
=============  ===========================  ===================================================
``moodle-xml`` ``NAME.moodle.xml``          Moodle (Question bank → Import → Moodle XML)
``gift``       ``NAME.gift.txt``            Moodle (Question bank → Import → GIFT)
``qti12``      ``NAME.canvas-qti12.zip``    Canvas Classic Quizzes (Import course content → QTI)
``qti21``      ``NAME.qti21.zip``           Blackboard Learn, OpenOlat, ILIAS, ONYX
=============  ===========================  ===================================================
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from ..atomic import write_bytes_atomic
from ..bank import Bank
from ..question import Question
from .gift import write_gift
from .moodle_xml import write_moodle_xml
from .pool import LmsError, Pool, PoolQuestion, identifier, item_id_of, pool_from_bank
from .qti12 import write_qti12
from .qti21 import write_qti21

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "LmsError",
    "Pool",
    "PoolQuestion",
    "export_bank",
    "identifier",
    "item_id_of",
    "parse_formats",
    "pool_from_bank",
    "render",
    "write_lms",
]


def _text(writer: Callable[[Pool], str]) -> Callable[[Pool], bytes]:
    return lambda pool: writer(pool).encode("utf-8")


FORMATS: dict[str, Callable[[Pool], bytes]] = {
    "moodle-xml": _text(write_moodle_xml),
    "gift": _text(write_gift),
    "qti12": write_qti12,
    "qti21": write_qti21,
}
SUFFIXES = {
    "moodle-xml": ".moodle.xml",
    "gift": ".gift.txt",
    "qti12": ".canvas-qti12.zip",
    "qti21": ".qti21.zip",
}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def render(pool: Pool, fmt: str) -> bytes:
    """The pool's file in ``fmt`` (a key of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise LmsError(f"unknown LMS format {fmt!r} (choose from {', '.join(FORMATS)})")
    return FORMATS[fmt](pool)


def parse_formats(text: str) -> tuple[str, ...]:
    """``"moodle-xml,gift"`` → the formats, in :data:`FORMATS` order; an unknown one raises."""
    names = {name.strip() for name in text.split(",") if name.strip()}
    unknown = sorted(names - set(FORMATS))
    if unknown or not names:
        raise LmsError(
            f"unknown LMS format {unknown[0] if unknown else text!r} "
            f"(choose from {', '.join(FORMATS)})"
        )
    return tuple(fmt for fmt in FORMATS if fmt in names)


def export_bank(bank: Bank, fmt: str, out: Path, *, seed: int = 0) -> Pool:
    """Write the whole bank as a question pool (see :func:`pool_from_bank`) to ``out``."""
    pool = pool_from_bank(bank, seed=seed)
    write_bytes_atomic(out, render(pool, fmt))
    return pool


def write_lms(
    questions_by_version: Mapping[str, Sequence[Question]],
    out_dir: Path,
    formats: Iterable[str] = tuple(FORMATS),
    *,
    title: str,
    categories: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write each version's questions in each format to ``out_dir``; return the paths.

    A version ``A`` gives ``A.moodle.xml``, ``A.gift.txt``, ``A.canvas-qti12.zip`` and
    ``A.qti21.zip`` (for the formats asked), titled ``"<title> (A)"``, its questions in the
    order given and filed by topic (``categories`` maps topic ids to titles). Every file is
    written atomically; the same questions give the same bytes.
    """
    chosen = [fmt for fmt in FORMATS if fmt in set(formats)]
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise LmsError(f"unknown LMS format {sorted(unknown)[0]!r}")
    written: list[Path] = []
    for version, questions in questions_by_version.items():
        if not _NAME.fullmatch(version):
            raise LmsError(f"a version name must be a plain file name, not {version!r}")
        pool = Pool.of(f"{title} ({version})", questions, categories)
        for fmt in chosen:
            path = out_dir / f"{version}{SUFFIXES[fmt]}"
            write_bytes_atomic(path, render(pool, fmt))
            written.append(path)
    return written
