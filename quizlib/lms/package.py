"""Zip packages that come out byte for byte the same from the same questions."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from io import BytesIO

__all__ = ["zip_package"]

_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def zip_package(files: Mapping[str, str]) -> bytes:
    """``files`` (name → content) in the given order; a name ending in '/' is a folder."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            if name.endswith("/"):
                archive.writestr(zipfile.ZipInfo(name, _EPOCH), b"")
                continue
            info = zipfile.ZipInfo(name, _EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data.encode("utf-8"))
    return buffer.getvalue()
