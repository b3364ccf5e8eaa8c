"""Feedback after an answer: the verdict, the right answer, the explanation and the source."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...practice import Answer, Match, SegmentKind
from ...question import Question

__all__ = ["Feedback", "quote_text"]

NEXT_HINT = "Enter or n: next question"


def quote_text(question: Question) -> Content:
    """The item's source quote and where it stands: “…” (¶3)."""
    citation = question.citation
    return Content.assemble(
        (f"“{citation.quote}”", "italic"), ("  ", ""), (f"¶{citation.paragraph}", "bold")
    )


def diff_text(match: Match) -> Content:
    """What differed between a typed answer and the nearest accepted one."""
    typed: list[tuple[str, str]] = [("You typed: ", "dim")]
    wanted: list[tuple[str, str]] = [("Spelled:   ", "dim")]
    for segment in match.diff:
        if segment.kind is SegmentKind.SAME:
            typed.append((segment.typed, ""))
            wanted.append((segment.expected, ""))
        else:
            # Show a gap as an underlined space, so a missing letter is visible too.
            typed.append((segment.typed or "␣" * len(segment.expected), "bold reverse"))
            wanted.append((segment.expected or "␣" * len(segment.typed), "bold underline"))
    return Content.assemble(*typed, "\n", *wanted)


class Feedback(Vertical):
    """Filled by ``show`` after each answer; hidden while a question is asked."""

    def compose(self) -> ComposeResult:
        yield Static(id="verdict")
        yield Static(id="right-answer")
        yield Static(id="diff")
        yield Static(id="explanation")
        yield Static(id="quote")
        yield Static(NEXT_HINT, id="next-hint")

    def clear(self) -> None:
        self.display = False

    def show(
        self,
        question: Question,
        answer: Answer | None,
        match: Match | None = None,
        *,
        points: int = 0,
        letters: bool = False,
        hint: str = NEXT_HINT,
    ) -> None:
        """Show the feedback; with no ``answer`` (a revealed flashcard) only the evidence."""
        self.display = True
        self.set_class(answer is not None and answer.correct, "-correct")
        self.set_class(answer is not None and not answer.correct, "-wrong")
        verdict, right = self.query_one("#verdict", Static), self.query_one("#right-answer", Static)
        if answer is None:
            verdict.update(Content.assemble(("Answer: ", "bold"), Content(question.answer)))
            right.display = False
        else:
            verdict.update(self._verdict(answer, match, points))
            right.display = not answer.correct  # a forgiven typo's diff shows the answer
            right.update(
                Content.assemble(("The answer: ", "bold"), self._answer(question, letters))
            )
        diff = self.query_one("#diff", Static)
        diff.display = match is not None and match.near_miss
        if match is not None and match.near_miss:
            diff.update(diff_text(match))
        self.query_one("#explanation", Static).update(Content(question.explanation))
        self.query_one("#quote", Static).update(quote_text(question))
        self.query_one("#next-hint", Static).update(hint)

    def _verdict(self, answer: Answer, match: Match | None, points: int) -> Content:
        gained = f"  +{points} points" if points else ""
        if not answer.correct:
            if answer.response == "":
                return Content("✗ Not answered")
            return Content("✗ Not quite")
        if match is not None and match.typos:
            return Content(f"✓ Correct, with a typo{gained}")
        return Content(f"✓ Correct{gained}")

    def _answer(self, question: Question, letters: bool) -> Content:
        if not letters or question.key is None:
            return Content(question.answer)
        return Content(f"{'ABCDE'[question.key]}. {question.answer}")
