"""The benchmark row for issue 12: a 40-question Canvas QTI 1.2 zip, quizlib vs text2qti.

Both sides are set up from a bank directory with the signature of ``bench.rows.Row``::

    Row("canvas qti12 40", qti12_quizlib, qti12_text2qti, "text2qti API, same 40 questions")

Setting up (loading the bank, building the 40-question quiz, and for text2qti writing its
plain-text source) is not timed; the timed action makes the zip's bytes in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quizlib import build_quiz, load_bank
from quizlib.lms import Pool
from quizlib.lms.pool import feedback_text
from quizlib.lms.qti12 import write_qti12
from quizlib.question import Question
from tests.lms_readers import text2qti_source

__all__ = ["qti12_quizlib", "qti12_text2qti"]

COUNT, SEED = 40, 1


def _questions(root: Path) -> tuple[str, list[Question]]:
    quiz = build_quiz(load_bank(root), COUNT, seed=SEED)
    return quiz.title, list(quiz.questions)


def qti12_quizlib(root: Path) -> Callable[[], bytes]:
    title, questions = _questions(root)
    return lambda: write_qti12(Pool.of(title, questions))


def qti12_text2qti(root: Path) -> Callable[[], bytes]:
    from text2qti.config import Config
    from text2qti.qti import QTI
    from text2qti.quiz import Quiz

    title, questions = _questions(root)
    source = text2qti_source(title, [(q, feedback_text(q)) for q in questions])
    config = Config()
    return lambda: bytes(QTI(Quiz(source, config=config)).zip_bytes())
