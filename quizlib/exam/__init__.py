"""Exams for instructors: versions from a blueprint, answer keys, printable papers, grading.

The modules here stay light (no Typst): :mod:`.paper` imports the compiler only when PDFs are
written.
"""

from __future__ import annotations

from .blueprint import Blueprint, ExamForm, blueprint_from_options, load_blueprint
from .manifest import Entry, Manifest, Version, read_manifest
from .versions import build_exam

__all__ = [
    "Blueprint",
    "Entry",
    "ExamForm",
    "Manifest",
    "Version",
    "blueprint_from_options",
    "build_exam",
    "load_blueprint",
    "read_manifest",
]
