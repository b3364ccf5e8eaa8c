"""The `quizlib` command: parses arguments, calls the core, prints results. Nothing else."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .atomic import write_text_atomic
from .coverage import coverage
from .errors import ContentError, QuizlibError
from .load import load_bank
from .scaffold import new_bank
from .schema import SCHEMAS, schema_text
from .summary import summarise

__all__ = ["build_parser", "main", "run"]

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


def _check(args: argparse.Namespace) -> int:
    print(summarise(load_bank(args.bank)).format())
    print("\nOK: every item is valid and grounded in the source")
    return EXIT_OK


def _coverage(args: argparse.Namespace) -> int:
    report = coverage(load_bank(args.bank))
    print(report.format(args.min))
    return EXIT_FINDINGS if report.under(args.min) else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    text = schema_text(args.file)
    if args.output:
        write_text_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    bank_dir = new_bank(args.source, args.bank)
    print(
        f"Started a bank in {bank_dir}: bank.yaml, items.yaml (one example per paragraph), "
        f"sources/, schema/.\nNext: declare topics in bank.yaml, write items, "
        f"then run `quizlib check {bank_dir}`."
    )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizlib", description="Grounded quizzes, decks and practice from a source text."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, handler: Callable[[argparse.Namespace], int], help: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.set_defaults(handler=handler)
        return sub

    def bank_argument(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "bank",
            nargs="?",
            type=Path,
            metavar="BANK_DIR",
            help="a bank directory (default: the bundled bank)",
        )

    bank_argument(
        command("check", _check, "Validate a bank and count its items by topic and kind.")
    )
    cov = command("coverage", _coverage, "Show which items cite each paragraph of the source.")
    bank_argument(cov)
    cov.add_argument(
        "--min",
        type=int,
        default=1,
        metavar="N",
        help="flag paragraphs cited by fewer than N items; exit 1 if any (default 1)",
    )
    schema = command("schema", _schema, "Print the JSON Schema of a kind of content file.")
    schema.add_argument(
        "file",
        nargs="?",
        choices=sorted(SCHEMAS),
        default="items",
        help="which file: items (default) or bank",
    )
    schema.add_argument("-o", "--output", type=Path, help="write to this file instead of stdout")
    new = command("new", _new, "Start a bank for another article.")
    new.add_argument(
        "source",
        type=Path,
        metavar="SOURCE.md",
        help="the article: Markdown with front matter, or plain text",
    )
    new.add_argument(
        "--bank",
        type=Path,
        required=True,
        metavar="DIR",
        help="the new bank directory (must not exist or be empty)",
    )
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
    sys.exit(main())
