"""`quizlib export`: a bank as a question pool for an LMS."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..load import load_bank
from . import EXIT_OK, Commands


def add(commands: Commands) -> None:
    command, bank_argument = commands.command, commands.bank_argument
    export_lms = command(
        "export",
        _export,
        "Write a whole bank as a question pool for an LMS: Moodle XML, GIFT, Canvas QTI 1.2 "
        "or QTI 2.1, a category per topic.",
    )
    bank_argument(export_lms)
    export_lms.add_argument(
        "--format",
        required=True,
        choices=["moodle-xml", "gift", "qti12", "qti21"],
        help="moodle-xml or gift (Moodle), qti12 (Canvas), qti21 (Blackboard, OpenOlat, ILIAS)",
    )
    export_lms.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="the file to write (atomically)"
    )
    export_lms.add_argument(
        "--seed",
        type=int,
        default=0,
        help="fixes distractors and key positions (default 0: the same pool every time)",
    )


def _export(args: argparse.Namespace) -> int:
    from ..lms import export_bank

    pool = export_bank(load_bank(args.bank), args.format, args.out, seed=args.seed)
    categories = len({entry.category for entry in pool.questions})
    print(
        f"Wrote {len(pool.questions)} questions in {categories} "
        f"{'category' if categories == 1 else 'categories'} "
        f"({args.format}) to {args.out}"
    )
    return EXIT_OK
