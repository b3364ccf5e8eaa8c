"""Reading content files as UTF-8, with a byte that is not UTF-8 reported at its line and column."""

from __future__ import annotations

from pathlib import Path

from .errors import ContentError, Problem

__all__ = ["read_utf8"]


def read_utf8(path: Path) -> str:
    """The text of ``path``; :class:`ContentError` at the exact place if it is not UTF-8.

    Editors on some systems still save Latin-1 or Windows-1252: an "é" typed there is the single
    byte 0xE9, which UTF-8 rejects. The author needs to know where it is, not a byte offset.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(path, 0, 0, "", f"cannot read: {exc.strerror}")]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        byte = data[exc.start]
        raise ContentError(
            [
                Problem(
                    path,
                    line,
                    column,
                    "",
                    f"not UTF-8 text: byte 0x{byte:02X} ({exc.reason}); save the file as UTF-8",
                )
            ]
        ) from None
