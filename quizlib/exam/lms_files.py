"""An exam's versions as LMS files, beside its papers: each version as it was printed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from ..question import Question
from .manifest import Entry, Manifest

__all__ = ["LMS_DIR", "version_questions", "write_lms_files"]

LMS_DIR = "lms"


def version_questions(manifest: Manifest) -> dict[str, list[Question]]:
    """Each version's questions in paper order, options as printed and the key where printed.

    A short answer carries no options, which every LMS writer reads as a short-answer question.
    """
    return {
        version.code: [
            _as_printed(manifest.questions[entry.question], entry) for entry in version.entries
        ]
        for version in manifest.versions
    }


def _as_printed(question: Question, entry: Entry) -> Question:
    if entry.key_index is None:
        return question.model_copy(update={"options": [], "key": None})
    options = [question.options[i] for i in entry.order]
    return question.model_copy(update={"options": options, "key": entry.key_index})


def write_lms_files(
    manifest: Manifest, folder: Path, formats: Iterable[str], topics: Mapping[str, str]
) -> list[Path]:
    """Write the LMS files of every version into ``folder/lms``; return their relative paths."""
    from ..lms import write_lms

    out = folder / LMS_DIR
    out.mkdir(exist_ok=True)
    written = write_lms(
        version_questions(manifest), out, formats, title=manifest.title, categories=topics
    )
    return [path.relative_to(folder) for path in written]
