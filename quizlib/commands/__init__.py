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

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["EXIT_FINDINGS", "EXIT_INVALID", "EXIT_OK", "Commands", "open_store", "plural"]

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


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
