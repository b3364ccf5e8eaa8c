"""`quizlib quiz`: a quiz and its answer key, as text, Markdown or JSON."""

from __future__ import annotations

import argparse
import sys

from ..load import load_bank
from ..question import Form
from ..quiz import DEFAULT_FORMS, build_quiz
from ..render import FORMATS, render
from . import EXIT_INVALID, EXIT_OK, Commands


def add(commands: Commands) -> None:
    command, bank_argument = commands.command, commands.bank_argument
    quiz = command("quiz", _quiz, "Print a multiple-choice quiz, then its answer key.")
    bank_argument(quiz)
    quiz.add_argument("--count", type=int, default=10, metavar="N", help="questions (default 10)")
    quiz.add_argument(
        "--topic",
        action="append",
        metavar="T",
        help="only this topic; repeat for several (default: all, balanced)",
    )
    quiz.add_argument(
        "--difficulty",
        action="append",
        choices=["easy", "medium", "hard"],
        help="only this difficulty; repeat for several",
    )
    quiz.add_argument(
        "--form",
        action="append",
        choices=[f.value for f in Form],
        help="only this question form; repeat for several (default: "
        + ", ".join(f.value for f in DEFAULT_FORMS)
        + ")",
    )
    commands.options_argument(quiz)
    quiz.add_argument("--seed", type=int, help="the same seed gives the same quiz")
    quiz.add_argument(
        "--format", choices=sorted(FORMATS), default="text", help="text (default), markdown or json"
    )


def _quiz(args: argparse.Namespace) -> int:
    bank = load_bank(args.bank)
    quiz = build_quiz(
        bank,
        args.count,
        topics=args.topic,
        difficulty=args.difficulty,
        forms=args.form,
        seed=args.seed,
        options=args.options,
    )
    if not quiz.questions:
        print("quizlib: no questions: the bank has no items that match", file=sys.stderr)
        return EXIT_INVALID
    sys.stdout.write(render(quiz, args.format))
    if len(quiz.questions) < args.count:
        print(
            f"quizlib: only {len(quiz.questions)} questions match; asked for {args.count}",
            file=sys.stderr,
        )
    return EXIT_OK
