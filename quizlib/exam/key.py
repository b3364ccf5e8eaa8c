"""``key.csv``: one row per question per version, the letter a grader marks right."""

from __future__ import annotations

import csv
import io

from .manifest import Manifest

__all__ = ["KEY_HEADER", "key_csv", "responses_template"]

KEY_HEADER = ("version", "number", "item", "key")


def key_csv(manifest: Manifest) -> str:
    """The key as CSV; a short-answer question's key is left blank (it is marked by hand)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(KEY_HEADER)
    for version in manifest.versions:
        for entry in version.entries:
            writer.writerow((version.code, entry.number, entry.item, entry.key or ""))
    return out.getvalue()


def responses_template(manifest: Manifest) -> str:
    """The header row of a responses file for ``quizlib grade``, to fill in one row a student."""
    count = max(len(version.entries) for version in manifest.versions)
    return ",".join(["student", "version", *(f"q{n}" for n in range(1, count + 1))]) + "\n"
