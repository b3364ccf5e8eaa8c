"""Commands on a bank itself: check, coverage, lint, schema, new."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..load import load_bank
from ..schema import SCHEMAS, schema_text
from . import EXIT_FINDINGS, EXIT_INVALID, EXIT_OK, Commands, plural, write_output


def add(commands: Commands) -> None:
    command, bank_argument = commands.command, commands.bank_argument
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
    lint = command("lint", _lint, "Check the generated items against item-writing guidelines.")
    bank_argument(lint)

    schema = command(
        "schema", _schema, "Print the JSON Schema of a content file, or of the quiz JSON format."
    )
    schema.add_argument(
        "file",
        nargs="?",
        choices=sorted(SCHEMAS),
        default="items",
        help="items (default) or bank files, or quiz JSON output",
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


# Each handler imports what only it needs: every command, `quizlib practice` among them, reads
# this module to declare its arguments.


def _check(args: argparse.Namespace) -> int:
    from ..summary import summarise

    print(summarise(load_bank(args.bank)).format())
    print("\nOK: every item is valid and grounded in the source")
    return EXIT_OK


def _coverage(args: argparse.Namespace) -> int:
    from ..coverage import coverage

    report = coverage(load_bank(args.bank))
    print(report.format(args.min))
    return EXIT_FINDINGS if report.under(args.min) else EXIT_OK


def _lint(args: argparse.Namespace) -> int:
    from ..lint import Severity, lint_bank  # its word stemmer is the slowest import of the CLI

    findings = lint_bank(load_bank(args.bank))
    for finding in findings:
        print(finding)
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    notes = len(findings) - errors - warnings
    summary = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
    if notes:
        summary += f", {plural(notes, 'note')} (enemy pairs, kept apart in quizzes)"
    print(summary)
    return EXIT_INVALID if errors else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    text = schema_text(args.file)
    write_output(text, args.output)
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from ..scaffold import new_bank  # PyYAML's writer

    bank_dir = new_bank(args.source, args.bank)
    print(
        f"Started a bank in {bank_dir}: bank.yaml, items.yaml (one example per paragraph), "
        f"sources/, schema/.\nNext: declare topics in bank.yaml, write items, "
        f"then run `quizlib check {bank_dir}`."
    )
    return EXIT_OK
