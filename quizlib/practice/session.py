"""A practice session: the question queue, answer checking, scoring and its state machine.

    ASKING --choose/submit--> ANSWERED --next--> ASKING ... --next (last)--> FINISHED
    ASKING --reveal--> REVEALED --rate--> ASKING (next card) or FINISHED      (flashcards)
    ASKING --choose--> ASKING (next question) or FINISHED                       (exam: no feedback)

``finish()`` ends a session early and ``tick()`` ends it when its time limit runs out. Every
answer is passed, as it is given, to the session's listeners (a review log, say).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..question import Question
from .answer import Answer, Rating
from .clock import Clock, SystemClock
from .matching import Match, check_typed
from .mode import Mode
from .score import Score

__all__ = ["AnswerListener", "Phase", "Session", "SessionError", "TopicResult"]

AnswerListener = Callable[[Answer], None]


class SessionError(Exception):
    """A session was asked for something its phase or mode does not allow (a bug in the caller)."""


class Phase(StrEnum):
    ASKING = "asking"
    REVEALED = "revealed"  # a flashcard's answer is shown; waiting for a rating
    ANSWERED = "answered"  # feedback is shown; waiting for next
    FINISHED = "finished"


@dataclass(frozen=True)
class TopicResult:
    topic: str
    asked: int
    answered: int
    correct: int


class Session:
    def __init__(
        self,
        questions: Sequence[Question],
        mode: Mode = Mode.MULTIPLE_CHOICE,
        *,
        clock: Clock | None = None,
        time_limit: float | None = None,
        listeners: Iterable[AnswerListener] = (),
    ) -> None:
        """``time_limit`` is in seconds; questions must have options in the modes that show them."""
        if not questions:
            raise SessionError("a session needs at least one question")
        if mode.has_options and any(not q.options for q in questions):
            raise SessionError(f"{mode.label} needs questions with options")
        self.questions = tuple(questions)
        self.mode = mode
        self.clock: Clock = clock or SystemClock()
        self.time_limit = time_limit
        self.listeners = list(listeners)
        self.index = 0
        self.phase = Phase.ASKING
        self.score = Score()
        self.answers: dict[int, Answer] = {}  # by question index
        self.last_points = 0
        self.last_match: Match | None = None
        self.timed_out = False
        self._started = self.clock.monotonic()
        self._shown = self._started
        self._ended: float | None = None

    @classmethod
    def resume(
        cls,
        questions: Sequence[Question],
        mode: Mode,
        given: Sequence[Answer],
        *,
        clock: Clock | None = None,
        time_limit: float | None = None,
        listeners: Iterable[AnswerListener] = (),
    ) -> Session:
        """A session taken up again after ``given``, the answers to its first questions.

        Their score is counted again; the listeners hear only the answers given from now on.
        """
        session = cls(questions, mode, clock=clock, time_limit=time_limit, listeners=listeners)
        for index, answer in enumerate(given[: len(questions)]):
            session.answers[index] = answer
            session.score.record(answer.correct, answer.rating)
        if len(given) >= len(questions):
            session.finish()
        else:
            session.index = len(given)
        return session

    # -- where the session stands ------------------------------------------------------------

    @property
    def current(self) -> Question:
        if self.phase is Phase.FINISHED:
            raise SessionError("the session is finished")
        return self.questions[self.index]

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def position(self) -> int:
        """The current question's number, from 1 (the total once finished)."""
        return self.total if self.phase is Phase.FINISHED else self.index + 1

    @property
    def finished(self) -> bool:
        return self.phase is Phase.FINISHED

    @property
    def last_answer(self) -> Answer | None:
        return self.answers.get(self.index)

    @property
    def elapsed(self) -> float:
        end = self._ended if self._ended is not None else self.clock.monotonic()
        return end - self._started

    @property
    def time_left(self) -> float | None:
        if self.time_limit is None:
            return None
        return max(0.0, self.time_limit - self.elapsed)

    # -- answering ---------------------------------------------------------------------------

    def choose(self, option: int) -> Answer:
        """Answer the current multiple-choice question with the option at index ``option``."""
        question = self._expect(Phase.ASKING, options=True)
        if not 0 <= option < len(question.options):
            raise SessionError(f"no option {option} (the question has {len(question.options)})")
        correct = option == question.key
        return self._record(
            correct, Rating.GOOD if correct else Rating.AGAIN, question.options[option], option
        )

    def submit(self, typed: str) -> Answer:
        """Answer the current question by typing; an empty answer counts as not known."""
        question = self._expect(Phase.ASKING, mode=Mode.TYPED)
        match = check_typed(question, typed)
        self.last_match = match
        rating = Rating.GOOD if match.correct else Rating.AGAIN
        return self._record(match.correct, rating, typed, None)

    def reveal(self) -> None:
        """Show the current flashcard's answer."""
        self._expect(Phase.ASKING, mode=Mode.FLASHCARDS)
        self.phase = Phase.REVEALED

    def rate(self, rating: Rating) -> Answer:
        """Rate recall of the revealed flashcard; Again counts as missed. Moves to the next card."""
        self._expect(Phase.REVEALED, mode=Mode.FLASHCARDS)
        answer = self._record(rating is not Rating.AGAIN, rating, None, None)
        self.next()
        return answer

    def next(self) -> None:
        """Go on from feedback to the next question, or finish after the last."""
        if self.phase not in (Phase.ANSWERED, Phase.REVEALED) and not (
            self.phase is Phase.ASKING and self.index in self.answers
        ):
            raise SessionError(f"cannot go on from {self.phase} before answering")
        if self.index + 1 >= self.total:
            self.finish()
            return
        self.index += 1
        self.phase = Phase.ASKING
        self.last_match = None
        self._shown = self.clock.monotonic()

    def finish(self) -> None:
        """End the session (early, if questions are left)."""
        if self.phase is not Phase.FINISHED:
            self._ended = self.clock.monotonic()
            self.phase = Phase.FINISHED

    def tick(self) -> bool:
        """End the session if its time limit has run out; return whether it has ended."""
        if not self.finished and self.time_left == 0:
            self.timed_out = True
            self.finish()
        return self.finished

    # -- results -----------------------------------------------------------------------------

    @property
    def missed(self) -> list[Question]:
        """Questions answered wrongly, in the order asked."""
        return [self.questions[i] for i, a in sorted(self.answers.items()) if not a.correct]

    @property
    def unanswered(self) -> list[Question]:
        return [q for i, q in enumerate(self.questions) if i not in self.answers]

    def by_topic(self) -> list[TopicResult]:
        """Results per topic, in the order the topics first came up."""
        topics = list(dict.fromkeys(q.topic for q in self.questions))
        results = []
        for topic in topics:
            asked = [i for i, q in enumerate(self.questions) if q.topic == topic]
            given = [self.answers[i] for i in asked if i in self.answers]
            results.append(
                TopicResult(topic, len(asked), len(given), sum(a.correct for a in given))
            )
        return results

    def retry_missed(self) -> Session:
        """A new session of the missed questions (and any left unanswered), same mode."""
        again = self.missed + self.unanswered
        if not again:
            raise SessionError("nothing was missed")
        return Session(
            again,
            self.mode,
            clock=self.clock,
            time_limit=self.time_limit,
            listeners=self.listeners,
        )

    # -- inside ------------------------------------------------------------------------------

    def _expect(self, phase: Phase, *, mode: Mode | None = None, options: bool = False) -> Question:
        if self.phase is not phase or (phase is Phase.ASKING and self.index in self.answers):
            raise SessionError(f"cannot do that while {self.phase}")
        if mode is not None and self.mode is not mode:
            raise SessionError(f"only in {mode.label} mode")
        if options and not self.mode.has_options:
            raise SessionError(f"{self.mode.label} mode has no options")
        return self.questions[self.index]

    def _record(
        self, correct: bool, rating: Rating, response: str | None, choice: int | None
    ) -> Answer:
        question = self.questions[self.index]
        now = self.clock.monotonic()
        answer = Answer(
            question_id=question.id,
            item_id=question.item_id,
            form=question.form,
            mode=self.mode,
            topic=question.topic,
            correct=correct,
            rating=rating,
            response=response,
            choice=choice,
            response_time=now - self._shown,
            answered_at=self.clock.now(),
        )
        self.answers[self.index] = answer
        self.last_points = self.score.record(correct, rating)
        for listener in self.listeners:
            listener(answer)
        if self.mode.gives_feedback:
            self.phase = Phase.ANSWERED
        else:
            self.next()  # an exam shows nothing until the end
        return answer
