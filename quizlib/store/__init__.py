"""A learner's memory: the review log, FSRS scheduling, stats and resumable sessions (SQLite).

No Textual here: the practice app and the `stats` and `history` commands both use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names
from .agenda import NEW_PER_DAY, Agenda, agenda
from .database import SessionRecord, Store
from .location import DATA_DIR_ENV, data_dir
from .review import Review
from .session_log import Resumable, SessionLog

if TYPE_CHECKING:
    from .export import EXPORT_FORMATS, export_reviews
    from .scheduling import Rating
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

# Imported when first asked for: a practice session opens the history before its first question,
# and needs neither FSRS (.scheduling), the exporters nor the stats for that.
_LATER = {
    "EXPORT_FORMATS": "export",
    "export_reviews": "export",
    "Rating": "scheduling",
    "Stats": "stats",
    "TopicStats": "stats",
    "compute_stats": "stats",
}


__getattr__, __dir__ = lazy_names(globals(), _LATER, __all__)
