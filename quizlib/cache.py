"""The validated-bank cache: a bank loaded once is read back, not validated again, until it changes.

`quizlib practice` starts with a learner waiting, and the bank a learner practises rarely changes
between runs; reading, validating and grounding it again (and importing what that needs) was some
40 ms of every start. So a bank that loaded without a problem is saved as the objects it became,
beside what it was made from: the path, size and modification time of its declaration, source
and item files, this quizlib's version and the state of its own modules. A cache whose record
differs in anything is ignored and replaced; so is one that cannot be read back.

The cache is a pickle, so it is kept only in the user's own cache folder (``$QUIZLIB_CACHE_DIR``,
else the platform's), written atomically, one file per bank directory.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

from . import __version__
from .bank import Bank, Location
from .load import BANK_FILE, item_files, load_bank
from .model import BankFile, Concept, Fact
from .passage import Paragraph, QuoteMatch
from .resources import bundled_bank_dir
from .source import Source, SourceMeta

__all__ = ["CACHE_DIR_ENV", "cache_dir", "cache_path", "cached_bank"]

CACHE_DIR_ENV = "QUIZLIB_CACHE_DIR"
_FORMAT = 1  # bumped whenever what is pickled changes shape
# A file changed within this long of a load may have changed again without its modification time
# moving (file systems keep times as coarsely as 2 s): such a bank is not saved.
_SETTLED_NS = 2_000_000_000

_Stat = tuple[str, int, int]  # path, size, modification time (ns)


def cache_dir() -> Path:
    """Where quizlib keeps what it can always make again."""
    from_env = os.environ.get(CACHE_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # only when the folder is not given: it is rarely needed

    return Path(platformdirs.user_cache_dir("quizlib", appauthor=False))


def cache_path(root: Path) -> Path:
    """The cache file of the bank in ``root`` (one per bank directory)."""
    name = hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:32]
    return cache_dir() / "banks" / f"{name}.pickle"


def cached_bank(path: str | Path | None = None) -> Bank:
    """The bank in ``path`` (the bundled bank by default), as :func:`~quizlib.load_bank` loads it.

    Read from the cache when nothing it was made from has changed; otherwise loaded, validated
    and, if it is valid, saved for next time. A bank with problems raises
    :class:`~quizlib.errors.ContentError` exactly as :func:`~quizlib.load_bank` does.
    """
    root = Path(path) if path is not None else bundled_bank_dir()
    file = cache_path(root)
    bank = _read(file, root)
    if bank is not None:
        return bank
    started = time.time_ns()
    found = item_files(root) if root.is_dir() else []
    bank = load_bank(root)
    _write(file, bank, found, started)
    return bank


def _code() -> tuple[Any, ...]:
    """What the cached objects depend on besides the bank: the versions, and quizlib's modules
    (a development checkout changes them without changing the version)."""
    from pydantic.version import VERSION

    package = Path(__file__).parent
    modules = sorted(
        (entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
        for entry in os.scandir(package)
        if entry.name.endswith(".py")
    )
    return (_FORMAT, __version__, sys.version_info[:3], VERSION, tuple(modules))


def _stats(paths: list[Path]) -> tuple[_Stat, ...] | None:
    """Each file's path, size and modification time; None if one is missing."""
    stats = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            return None
        stats.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(stats)


def _files(root: Path, source: Path, items: list[Path]) -> list[Path]:
    return [root / BANK_FILE, source, *items]


def _read(file: Path, root: Path) -> Bank | None:
    try:
        with file.open("rb") as handle:
            record = pickle.load(handle)
            if not isinstance(record, tuple) or len(record) != 3:
                return None
            code, source, stats = record
            if code != _code() or not root.is_dir():
                return None
            if stats != _stats(_files(root, Path(source), item_files(root))):
                return None
            # Loading makes many objects that all live as long as the program; see load_bank.
            collecting = gc.isenabled()
            gc.disable()
            try:
                bank = _unpack(pickle.load(handle))
            finally:
                if collecting:
                    gc.enable()
    except Exception:  # a cache that cannot be read back is made again, whatever broke in it
        return None
    gc.freeze()
    return bank


def _write(file: Path, bank: Bank, found: list[Path], started: int) -> None:
    source = bank.root / bank.info.source
    items = item_files(bank.root)
    stats = _stats(_files(bank.root, source, items))
    # Not saved if a file came or went, or changed (or may have, unseen) while the bank loaded.
    if items != found or stats is None or any(t > started - _SETTLED_NS for _, _, t in stats):
        return
    record = pickle.dumps((_code(), str(source), stats), protocol=pickle.HIGHEST_PROTOCOL)
    payload = pickle.dumps(_pack(bank), protocol=pickle.HIGHEST_PROTOCOL)
    from .atomic import write_bytes_atomic

    with suppress(OSError):  # no cache, then: the next start loads the bank again
        # Renamed into place whole; not synced, as a file lost or cut short in a crash is only
        # a cache that does not read back.
        write_bytes_atomic(file, record + payload, sync=False)


# What is saved is the bank's own fields, not whatever its objects have worked out and kept since
# (the folded source, an index of its keys): those can be larger than the bank.
_Packed = tuple[
    Path,
    BankFile,
    Path,
    SourceMeta,
    list[tuple[int, str, int]],
    tuple[Fact, ...],
    tuple[Concept, ...],
    dict[str, Location],
    dict[str, tuple[int, int, int]],
]


def _pack(bank: Bank) -> _Packed:
    source = bank.source
    return (
        bank.root,
        bank.info,
        source.path,
        source.meta,
        [(p.number, p.text, p.line) for p in source.paragraphs],
        bank.facts,
        bank.concepts,
        bank.locations,
        {i: (m.paragraph.number, m.start, m.end) for i, m in bank.citations.items()},
    )


def _unpack(packed: _Packed) -> Bank:
    root, info, path, meta, paragraphs, facts, concepts, locations, citations = packed
    made = tuple(Paragraph(number, text, line) for number, text, line in paragraphs)
    return Bank(
        root,
        info,
        Source(path, meta, made),
        facts,
        concepts,
        locations,
        {i: QuoteMatch(made[n - 1], start, end) for i, (n, start, end) in citations.items()},
    )
