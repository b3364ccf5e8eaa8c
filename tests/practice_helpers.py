"""Hand-made questions for practice tests: their answers do not move when the bank is edited."""

from __future__ import annotations

from quizlib.model import Difficulty, Kind
from quizlib.question import Citation, Form, Question


def question(
    n: int,
    *,
    answer: str = "Danila Ganich",
    options: list[str] | None = None,
    key: int | None = 0,
    accepted: list[str] | None = None,
    topic: str = "diplomacy",
    form: Form = Form.MULTIPLE_CHOICE,
) -> Question:
    if options is None:
        options = [answer, "Sergey Lavrov", "Moeed Yusuf", "Kenneth Waltz"]
        options.insert(key or 0, options.pop(0))
    return Question(
        id=f"item-{n}:{form}",
        item_id=f"item-{n}",
        form=form,
        stem=f"Question {n}?",
        options=options,
        key=key,
        answer=answer,
        accepted=accepted or [],
        explanation=f"Explanation {n}.",
        citation=Citation(quote=f"quote {n}", paragraph=n),
        topic=topic,
        difficulty=Difficulty.EASY,
        kind=Kind.PERSON,
    )
