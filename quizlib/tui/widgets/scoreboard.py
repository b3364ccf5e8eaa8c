"""The line at the top of a session: progress, points, accuracy, streaks and time."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar, Static

from ...practice import Session

__all__ = ["Scoreboard", "clock_text"]


def clock_text(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


NARROW = 60  # columns under which the stats line is abbreviated to stay on one line


class Scoreboard(Static):
    """Shows a session's standing; ``show`` redraws it from the session."""

    session: Session | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="progress-row"):
            yield Label(id="position")
            yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
        yield Static(id="stats")

    def on_resize(self) -> None:
        if self.session is not None:
            self.show(self.session)

    def show(self, session: Session) -> None:
        self.session = session
        answered = len(session.answers)
        self.query_one("#position", Label).update(f"Question {session.position} of {session.total}")
        self.query_one("#progress", ProgressBar).update(total=session.total, progress=answered)
        self.query_one("#stats", Static).update(self._stats(session))

    def _stats(self, session: Session) -> str:
        narrow = 0 < self.size.width < NARROW
        time = clock_text(session.elapsed) if narrow else f"Time {clock_text(session.elapsed)}"
        left = session.time_left
        if left is not None:
            time += f", {clock_text(math.ceil(left))} left"  # 0:00 left means time is up
        if not session.mode.gives_feedback:
            # An exam keeps its verdicts for the end, so the score would give them away.
            return f"Answered {len(session.answers)} of {session.total}   {time}"
        score = session.score
        accuracy = "–" if score.accuracy is None else f"{score.accuracy:.0%}"
        if narrow:
            return (
                f"★ {score.points}  ✓ {score.correct}/{score.answered}  "
                f"Streak {score.streak}/{score.best_streak}  {time}"
            )
        return (
            f"★ {score.points} pts   ✓ {score.correct}/{score.answered} right ({accuracy})   "
            f"Streak {score.streak} (best {score.best_streak})   {time}"
        )
