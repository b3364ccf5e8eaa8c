"""The commands of `quizlib`, one module per capability, and what they share.

Each module has ``add(commands)``, which declares its subcommands and their arguments; each
handler parses nothing, calls the core and prints. Heavy parts (Textual, genanki, Typst, the
history's FSRS) are imported inside the handlers that need them, so `quizlib check` stays quick.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import write_text_atomic

if TYPE_CHECKING:
    from ..store import Store

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INVALID",
    "EXIT_OK",
    "Commands",
    "open_store",
    "plural",
    "write_output",
]

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]


class Commands:
    """The subcommands being declared, and the arguments several of them take."""

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        self._subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(self, name: str, handler: Handler, help: str) -> argparse.ArgumentParser:
        sub = self._subparsers.add_parser(name, help=help, description=help)
        sub.set_defaults(handler=handler)
        return sub

    @staticmethod
    def bank_argument(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "bank",
            nargs="?",
            type=Path,
            metavar="BANK_DIR",
            help="a bank directory (default: the bundled bank)",
        )

    @staticmethod
    def options_argument(sub: argparse.ArgumentParser) -> None:
        from ..quiz import OPTION_RANGE

        sub.add_argument(
            "--options",
            type=int,
            default=4,
            choices=list(OPTION_RANGE),
            help="options per multiple-choice question (default 4)",
        )

    @staticmethod
    def data_dir_argument(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--data-dir",
            type=Path,
            metavar="DIR",
            help="where the history is kept (default: $QUIZLIB_DATA_DIR, else your data folder)",
        )


def open_store(args: argparse.Namespace) -> Store:
    """The learner's history, saying so if a damaged file had to be moved aside."""
    from ..store import Store

    store = Store.open(args.data_dir)
    if store.recovered is not None:
        print(
            f"quizlib: the history file could not be read; it was moved to {store.recovered} "
            "and a fresh history started",
            file=sys.stderr,
        )
    return store


def write_output(text: str, output: Path | None) -> None:
    """``text`` to the ``--output`` file, whole or not at all, or to standard output."""
    if output:
        write_text_atomic(output, text)
    else:
        sys.stdout.write(text)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
