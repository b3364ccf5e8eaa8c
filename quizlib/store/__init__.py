"""A learner's memory: the review log, FSRS scheduling, stats and resumable sessions (SQLite).

No Textual here: the practice app and the `stats` and `history` commands both use it.
"""

from __future__ import annotations

from .agenda import NEW_PER_DAY, Agenda, agenda
from .database import SessionRecord, Store
from .export import EXPORT_FORMATS, export_reviews
from .location import DATA_DIR_ENV, data_dir
from .review import Review
from .scheduling import Rating
from .session_log import Resumable, SessionLog
from .stats import Stats, TopicStats, compute_stats

__all__ = [
    "DATA_DIR_ENV",
    "EXPORT_FORMATS",
    "NEW_PER_DAY",
    "Agenda",
    "Rating",
    "Resumable",
    "Review",
    "SessionLog",
    "SessionRecord",
    "Stats",
    "Store",
    "TopicStats",
    "agenda",
    "compute_stats",
    "data_dir",
    "export_reviews",
]
