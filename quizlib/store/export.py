"""The review log as CSV or JSON, for spreadsheets, notebooks or another tool."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import asdict, fields
from typing import Any

from .review import Review

__all__ = ["EXPORT_FORMATS", "export_reviews"]

EXPORT_FORMATS = ("csv", "json")


def _row(review: Review) -> dict[str, Any]:
    row = asdict(review)
    row["answered_at"] = review.answered_at.isoformat()
    return row


def export_reviews(reviews: Iterable[Review], format: str) -> str:
    """Every review, oldest first, one row or object each, with the log's own field names."""
    rows = [_row(r) for r in reviews]
    if format == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if format == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=[f.name for f in fields(Review)])
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    raise ValueError(f"format must be one of {', '.join(EXPORT_FORMATS)}, not {format!r}")
