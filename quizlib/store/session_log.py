"""A practice session written to the history as it goes, and taken up again after a quit.

The plan (the questions, in order, as they were asked) is saved when the session starts (or, for
the practice app, just after its first question is on screen, and in any case before its first
answer); each answer is logged the moment it is given, with the session's id; the end is marked
when the summary is reached. A session with no end mark is one the learner may resume: its
answers are the logged ones, so nothing has to be written twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from ..practice.answer import Answer, Rating
from ..practice.clock import Clock
from ..practice.mode import Mode
from ..practice.session import AnswerListener, Session
from ..question import Question
from .database import SessionRecord, Store
from .review import Review

__all__ = ["Resumable", "SessionLog"]


@dataclass(frozen=True)
class Resumable:
    """A session left before its end: enough to offer it and to take it up again."""

    record: SessionRecord
    questions: list[Question]
    mode: Mode
    time_limit: float | None
    given: list[Answer]

    @property
    def left(self) -> int:
        return len(self.questions) - len(self.given)


class SessionLog:
    """Listens to sessions of one bank and writes them to ``store``."""

    def __init__(self, store: Store, bank_id: str) -> None:
        self.store = store
        self.bank_id = bank_id
        self.session_id: str | None = None
        self._unsaved: Session | None = None  # begun, its plan not written yet

    def begin(self, session: Session, session_id: str | None = None, *, save: bool = True) -> None:
        """Save the plan of ``session`` (a new one, unless it resumes ``session_id``).

        With ``save=False`` the plan is written by :meth:`save_plan`, or before the session's
        first answer or its end, whichever comes first.
        """
        self.session_id = session_id or uuid.uuid4().hex
        self._unsaved = session if session_id is None else None
        if save:
            self.save_plan()

    def save_plan(self) -> None:
        """Write the plan of the session begun, unless it is written already."""
        session, self._unsaved = self._unsaved, None
        if session is None or self.session_id is None:
            return
        plan = {
            "mode": session.mode.value,
            "time_limit": session.time_limit,
            "questions": [q.model_dump(mode="json") for q in session.questions],
        }
        self.store.save_session(self.session_id, self.bank_id, plan)

    def __call__(self, answer: Answer) -> None:
        """Log one answer (a session listener): committed before the learner sees feedback."""
        self.save_plan()  # a session's answers never stand in the history without its plan
        self.store.record(
            Review(
                bank=self.bank_id,
                item_id=answer.item_id,
                form=answer.form.value,
                answered_at=answer.answered_at,
                mode=answer.mode.value,
                response=answer.response,
                # A flashcard is rated by the learner; it is neither right nor wrong.
                correct=None if answer.mode is Mode.FLASHCARDS else answer.correct,
                rating=int(answer.rating),
                duration_ms=round(answer.response_time * 1000),
                session_id=self.session_id,
            )
        )

    def end(self) -> None:
        """Mark the current session as finished: it will not be offered for resuming."""
        if self.session_id is not None:
            self.save_plan()
            self.store.finish_session(self.session_id)
            self.session_id = None

    def unfinished(self) -> Resumable | None:
        """The last session of this bank left before its end, if it has questions left."""
        record = self.store.unfinished_session(self.bank_id)
        if record is None:
            return None
        questions = [Question.model_validate(q) for q in record.plan["questions"]]
        mode = Mode(record.plan["mode"])
        logged = list(self.store.reviews(self.bank_id, session_id=record.id))
        given = [_answer(q, r, mode) for q, r in zip(questions, logged, strict=False)]
        resumable = Resumable(record, questions, mode, record.plan.get("time_limit"), given)
        if not resumable.given or resumable.left <= 0:
            # Nothing answered is nothing to take up again; all answered is finished.
            self.store.finish_session(record.id)
            return None
        return resumable

    def resume(
        self,
        resumable: Resumable,
        *,
        clock: Clock | None = None,
        listeners: Iterable[AnswerListener] = (),
    ) -> Session:
        """The session taken up again; ``listeners`` (this log among them) hear what follows."""
        session = Session.resume(
            resumable.questions,
            resumable.mode,
            resumable.given,
            clock=clock,
            time_limit=resumable.time_limit,
            listeners=listeners,
        )
        self.begin(session, resumable.record.id)
        return session

    def abandon(self, resumable: Resumable) -> None:
        """The learner chose a new session instead: do not offer this one again."""
        self.store.finish_session(resumable.record.id)


def _answer(question: Question, review: Review, mode: Mode) -> Answer:
    choice = (
        question.options.index(review.response) if review.response in question.options else None
    )
    return Answer(
        question_id=question.id,
        item_id=review.item_id,
        form=question.form,
        mode=mode,
        topic=question.topic,
        correct=review.correct if review.correct is not None else review.rating != Rating.AGAIN,
        rating=Rating(review.rating),
        response=review.response,
        choice=choice,
        response_time=(review.duration_ms or 0) / 1000,
        answered_at=review.answered_at,
    )
