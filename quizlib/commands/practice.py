"""`quizlib practice`, `stats` and `history`: the learner's commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..bank import unknown_topic
from ..cache import cached_bank
from ..errors import QuizlibError
from . import EXIT_INVALID, EXIT_OK, Commands, open_store, write_output


def add(commands: Commands) -> None:
    command, bank_argument = commands.command, commands.bank_argument
    data_dir_argument = commands.data_dir_argument
    practice = command(
        "practice",
        _practice,
        "Practise a bank in the terminal: multiple choice, flashcards, typed answers or an exam.",
    )
    bank_argument(practice)
    practice.add_argument(
        "--topic",
        action="append",
        metavar="T",
        help="only this topic; repeat for several (default: all, balanced)",
    )
    practice.add_argument(
        "--mode",
        choices=["multiple-choice", "flashcards", "typed", "exam", "review"],
        help="how questions are asked (default: review when items are due, else multiple-choice)",
    )
    practice.add_argument("--count", type=int, metavar="N", help="questions (default 10)")
    practice.add_argument("--seed", type=int, help="the same seed gives the same session")
    practice.add_argument(
        "--time-limit",
        type=float,
        metavar="MIN",
        help="minutes for an exam (default: none)",
    )
    practice.add_argument(
        "--new-per-day",
        type=int,
        metavar="N",
        help="new items a review introduces each day (default 20)",
    )
    data_dir_argument(practice)
    practice.epilog = (
        "With none of --topic, --mode, --count, --seed or --time-limit, the home screen opens "
        "to choose them; with any, a session starts at once."
    )
    stats = command(
        "stats", _stats, "Show your progress: per topic and overall, from your history."
    )
    bank_argument(stats)
    data_dir_argument(stats)
    history = command("history", _no_subcommand, "Your review history.")
    history_commands = history.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = history_commands.add_parser(
        "export",
        help="Write every answer you have given, as CSV or JSON.",
        description="Write every answer you have given, as CSV or JSON.",
    )
    export.set_defaults(handler=_history_export)
    export.add_argument(
        "--format", choices=["csv", "json"], default="csv", help="csv (default) or json"
    )
    export.add_argument("-o", "--output", type=Path, help="write to this file instead of stdout")
    data_dir_argument(export)


def _practice(args: argparse.Namespace) -> int:
    from ..practice import DEFAULT_COUNT, Mode, Settings

    # A learner practises the same bank again and again: it is validated once, not every time.
    bank = cached_bank(args.bank)
    # Before the app starts, so the message lands in the terminal, not under the TUI.
    problem = unknown_topic(args.topic or (), [t.id for t in bank.topics])
    if problem:
        raise QuizlibError(problem)
    if args.count is not None and args.count < 1:
        raise QuizlibError(f"--count must be at least 1, not {args.count}")
    from ..store import NEW_PER_DAY, SessionLog, agenda

    args.new_per_day = NEW_PER_DAY if args.new_per_day is None else args.new_per_day
    if args.new_per_day < 0:
        raise QuizlibError(f"--new-per-day must be 0 or more, not {args.new_per_day}")
    if not has_terminal():
        print("quizlib: practice needs a terminal", file=sys.stderr)
        return EXIT_INVALID
    chosen = (args.topic, args.mode, args.count, args.seed, args.time_limit)
    with open_store(args) as store:
        mode = args.mode
        if mode is None:
            # What the schedule says is due comes first, as in every spaced-repetition app.
            mode = Mode.REVIEW if agenda(bank, store, new_per_day=0).due else Mode.MULTIPLE_CHOICE
        settings = Settings(
            mode=Mode(mode),
            topics=tuple(dict.fromkeys(args.topic or ())),
            count=args.count or DEFAULT_COUNT,
            seed=args.seed,
            time_limit=args.time_limit,
        )
        from ..tui import PracticeApp  # Textual is imported by this command only

        app = PracticeApp(
            bank,
            settings,
            home=all(option is None for option in chosen),
            history=SessionLog(store, bank.id),
            new_per_day=args.new_per_day,
        )
        return app.run() or EXIT_OK


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _stats(args: argparse.Namespace) -> int:
    from ..store import compute_stats

    bank = cached_bank(args.bank)
    with open_store(args) as store:
        stats = compute_stats(bank, store)
    print(f"{bank.title}: {stats.reviews} answers in your history\n")
    print(stats.format())
    return EXIT_OK


def _history_export(args: argparse.Namespace) -> int:
    from ..store import export_reviews

    with open_store(args) as store:
        text = export_reviews(store.reviews(), args.format)
    write_output(text, args.output)
    return EXIT_OK


def _no_subcommand(args: argparse.Namespace) -> int:
    raise AssertionError("argparse requires a subcommand")  # pragma: no cover
