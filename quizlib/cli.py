"""The `quizlib` command: parses arguments, calls the core, prints results. Nothing else.

Each capability declares its own subcommands in :mod:`quizlib.commands`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .commands import EXIT_INVALID, EXIT_OK, Commands, bank, deck, exam, export, practice, quiz
from .errors import ContentError, QuizlibError

__all__ = ["build_parser", "main", "run"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizlib", description="Grounded quizzes, decks and practice from a source text."
    )
    commands = Commands(parser)
    for capability in (bank, quiz, practice, deck, export, exam):
        capability.add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.handler(args)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return EXIT_INVALID
    except QuizlibError as exc:
        print(f"quizlib: {exc}", file=sys.stderr)
        return EXIT_INVALID
    return code


def run() -> None:
    """Console-script entry point."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader left early (`quizlib quiz | head`): nothing is wrong, and Python would
        # otherwise complain again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = EXIT_OK
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
