"""A pure function mapped over many items on two cores, the second one a forked child.

The child starts at once and takes chunks of items from the end, while this process goes on
with work of its own; when it asks for the results, this process takes chunks from the front
until the two meet, then reads what the child made. Each side marks the chunks it takes in a
shared page before working on them, and stops at the first chunk the other has marked.

The function must give the same result in either process: no randomness it does not seed
itself, no state this process changes after the fork (caches that fill alike are fine). The
results never depend on the child: whatever it does not deliver (it died, a chunk was lost in
a race on the shared page, the pipe broke) this process computes itself.

The child is forked only where that is safe and pays: on Linux, from a process with a single
thread (a lock another thread holds would stay locked in the child), with two CPUs or more to
run on and about one of them idle, and for enough items to outweigh the fork and the pages it
makes both processes copy.
"""

from __future__ import annotations

import contextlib
import gc
import mmap
import os
import pickle
import select
import signal
import struct
import sys
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Generic, NoReturn, TypeVar

__all__ = ["ForkedMap"]

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 64
# Below this many items the fork and the copied pages (tens of milliseconds for a bank of
# ten thousand items) cost more than a second core saves.
MIN_ITEMS = 2_000
# The shared page: the next chunk this process will take from the front, and the lowest chunk
# the child has taken from the back. Each is written by one side only and only ever moves
# towards the other, so a stale read can only make a side do a chunk twice, never skip one.
_MARKS = struct.Struct("=qq")
_FRONT, _BACK = 0, 8
_SILENCE = 60.0  # seconds the child may send nothing before it is given up on
_IDLE = 0.5  # how far below the CPU count the load must be: about one core to spare


class ForkedMap(Generic[T, R]):
    """``[fn(item) for item in items]``, shared with a forked child where that pays.

    Use it as a context manager, so the child is always reaped::

        with ForkedMap(fn, items) as shared:
            ...  # other work while the child computes
            results = shared.results()
    """

    def __init__(
        self,
        fn: Callable[[T], R],
        items: Sequence[T],
        *,
        chunk: int | None = None,
        min_items: int | None = None,
    ) -> None:
        self.fn = fn
        self.items = items
        self.chunk = chunk = CHUNK if chunk is None else chunk
        self.chunks = -(-len(items) // chunk)
        self.pid: int | None = None
        self._pipe: int | None = None
        self._marks: mmap.mmap | None = None
        enough = MIN_ITEMS if min_items is None else min_items
        if len(items) >= enough and self.chunks > 1 and _can_fork():
            self._fork()

    def __enter__(self) -> ForkedMap[T, R]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def forked(self) -> bool:
        return self.pid is not None

    def results(self) -> list[R]:
        """Every item's result, in order; the child is done with once this returns."""
        done: dict[int, list[R]] = {}
        if self._marks is not None:
            marks = self._marks
            while True:
                front, back = _MARKS.unpack_from(marks)
                if front >= back:
                    break
                struct.pack_into("=q", marks, _FRONT, front + 1)
                done[front] = self._chunk(front)
            for index, results in self._gather().items():
                done.setdefault(index, results)
        self.close()
        for index in range(self.chunks):
            if index not in done:
                done[index] = self._chunk(index)
        return [result for index in range(self.chunks) for result in done[index]]

    def close(self) -> None:
        """Stop and reap the child, if it still runs; idempotent."""
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
        if self._marks is not None:
            self._marks.close()
            self._marks = None

    def _chunk(self, index: int) -> list[R]:
        fn = self.fn
        return [fn(item) for item in self.items[index * self.chunk : (index + 1) * self.chunk]]

    def _fork(self) -> None:
        marks = mmap.mmap(-1, _MARKS.size)  # anonymous, so shared with the child
        _MARKS.pack_into(marks, 0, 0, self.chunks)
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(reader)
            self._child(marks, writer)
        os.close(writer)
        self.pid, self._pipe, self._marks = pid, reader, marks

    def _child(self, marks: mmap.mmap, writer: int) -> NoReturn:
        status = 1
        try:
            # A collection would write to every tracked object, copying the whole heap.
            gc.disable()
            done: dict[int, list[R]] = {}
            while True:
                front, back = _MARKS.unpack_from(marks)
                index = back - 1
                if index < front:
                    break
                struct.pack_into("=q", marks, _BACK, index)
                done[index] = self._chunk(index)
            data = memoryview(pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL))
            while data:
                data = data[os.write(writer, data) :]
            status = 0
        finally:
            # Never back into the caller's code, nor its exit handlers and buffered output.
            os._exit(status)

    def _gather(self) -> dict[int, list[R]]:
        """What the child sends once it has stopped; nothing if it failed or fell silent."""
        assert self.pid is not None and self._pipe is not None
        parts: list[bytes] = []
        while True:
            ready, _, _ = select.select([self._pipe], [], [], _SILENCE)
            if not ready:
                return {}  # closing kills it
            part = os.read(self._pipe, 1 << 20)
            if not part:
                break
            parts.append(part)
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if status != 0:
            return {}
        try:
            received: dict[int, list[R]] = pickle.loads(b"".join(parts))
        except Exception:  # a truncated message: the child was cut off while writing
            return {}
        return received


def _can_fork() -> bool:
    if sys.platform != "linux":
        return False  # macOS frameworks are not fork-safe, and Windows cannot fork
    try:
        threads = len(os.listdir("/proc/self/task"))  # threads of any language, not just Python's
        cpus = len(os.sched_getaffinity(0))
        load = os.getloadavg()[0]
    except OSError:
        return False
    # A core that other work keeps busy gives the child too little time to make up for the
    # pages the fork copies: on 2 cores with a load of 4 a 10k-item deck took 1.39 s forked
    # and 1.02 s in one process. This process counts towards the load itself.
    return threads == 1 and cpus >= 2 and load < cpus - _IDLE
