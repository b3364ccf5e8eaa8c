"""`quizlib exam` and `quizlib grade`: the instructor's commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import QuizlibError
from ..load import load_bank
from . import EXIT_OK, Commands


def add(commands: Commands) -> None:
    command, bank_argument = commands.command, commands.bank_argument
    exam = command(
        "exam",
        _exam,
        "Build a printable exam: versions from a blueprint, student PDFs, an answer key, "
        "key.csv and manifest.json, written to one folder.",
    )
    bank_argument(exam)
    exam.add_argument(
        "--blueprint",
        type=Path,
        metavar="FILE",
        help="a YAML blueprint (topics, difficulty, forms, short_answer, options, title, "
        "instructions); instead of the flags below",
    )
    exam.add_argument(
        "--topic",
        action="append",
        type=_count_of,
        metavar="T=N",
        help="N questions on topic T; repeat for several (default: --count over all topics)",
    )
    exam.add_argument(
        "--count",
        type=int,
        metavar="N",
        help="questions, spread over the topics in proportion to their items (default 20)",
    )
    exam.add_argument(
        "--difficulty",
        action="append",
        type=_count_of,
        metavar="D=N",
        help="N questions of difficulty D (easy, medium, hard), adding up to the total; repeat",
    )
    exam.add_argument(
        "--form",
        action="append",
        choices=["multiple-choice", "true-false"],
        help="only this form; repeat for both (default: both, true/false at most one in five)",
    )
    exam.add_argument(
        "--short-answer",
        type=int,
        metavar="N",
        help="ask N of the questions as short answer (written in; aliases accepted)",
    )
    commands.options_argument(exam)
    exam.add_argument("--title", help="the paper's title (default: the bank's title)")
    exam.add_argument(
        "--versions", type=int, default=1, metavar="N", help="versions of the exam (default 1)"
    )
    exam.add_argument(
        "--vary",
        action="store_true",
        help="each version draws its own questions of the blueprint (default: the same "
        "questions in another order)",
    )
    exam.add_argument("--seed", type=int, help="the same seed and bank give the same exam")
    exam.add_argument(
        "--out",
        type=Path,
        default=Path("exam"),
        metavar="DIR",
        help="the folder to write (default: ./exam); it must not exist, unless --force",
    )
    exam.add_argument("--force", action="store_true", help="replace an existing --out folder")
    exam.add_argument(
        "--paper", choices=["a4", "us-letter"], default="a4", help="paper size (default a4)"
    )
    exam.add_argument(
        "--lms",
        default="moodle-xml,gift,qti12,qti21",
        metavar="F[,F…]",
        help="LMS files of every version to add in lms/: moodle-xml, gift, qti12 (Canvas), qti21 "
        "(default: all four; 'none' for none)",
    )
    grade = command(
        "grade",
        _grade,
        "Grade students' responses to an exam: scores per student, and an item analysis "
        "(difficulty, discrimination, point-biserial, distractors, KR-20).",
    )
    grade.add_argument("manifest", type=Path, metavar="MANIFEST", help="the exam's manifest.json")
    grade.add_argument(
        "responses",
        type=Path,
        metavar="RESPONSES.csv",
        help="student,version,q1,q2,… then one row per student, one letter per cell",
    )
    grade.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="the folder for scores.csv, items.csv and items.html "
        "(default: results/ beside the manifest)",
    )


def _exam(args: argparse.Namespace) -> int:
    from ..exam import blueprint_from_options, build_exam, load_blueprint
    from ..exam.folder import pdf_count, write_exam
    from ..exam.progress import progress_bar

    bank = load_bank(args.bank)
    topics = {t.id: 0 for t in bank.topics}
    for item in bank.items():
        topics[item.topic] += 1
    if args.blueprint is not None:
        given = [args.topic, args.count, args.difficulty, args.form, args.short_answer]
        if any(option is not None for option in given):
            raise QuizlibError(
                "--blueprint sets the topics, counts, difficulty mix and forms; "
                "leave out --topic, --count, --difficulty, --form and --short-answer"
            )
        blueprint = load_blueprint(args.blueprint, list(topics))
    else:
        blueprint = blueprint_from_options(
            topics,
            per_topic=dict(args.topic) if args.topic else None,
            count=args.count,
            difficulty=dict(args.difficulty) if args.difficulty else None,
            forms=args.form,
            short_answer=args.short_answer or 0,
            options=args.options,
            title=args.title,
        )
    if args.out.exists() and not args.force:
        raise QuizlibError(f"{args.out} already exists; pass --force to replace it")
    with progress_bar(args.versions, "Building versions") as step:
        manifest = build_exam(
            bank, blueprint, versions=args.versions, seed=args.seed, vary=args.vary, progress=step
        )
    from ..lms import parse_formats

    formats = [] if args.lms.strip() == "none" else list(parse_formats(args.lms))
    with progress_bar(pdf_count(manifest), "Typesetting PDFs") as step:
        written = write_exam(
            manifest,
            args.out,
            force=args.force,
            paper=args.paper,
            progress=step,
            lms=formats,
            topics=bank.topic_titles,
        )
    first = manifest.versions[0]
    lms_note = f", lms/ ({', '.join(formats)})" if formats else ""
    print(
        f"Wrote {args.out}: {len(manifest.versions)} version(s) of {len(first.entries)} questions, "
        f"{len(written)} files (papers/, key.pdf, key.csv, manifest.json, responses.csv"
        f"{lms_note})."
    )
    print(f"Seed {manifest.seed}: the same seed and bank build the same exam.")
    return EXIT_OK


def _count_of(text: str) -> tuple[str, int]:
    """``NAME=N`` (a topic or a difficulty and how many questions)."""
    name, sep, number = text.partition("=")
    if not sep or not name.strip() or not number.strip().isdigit():
        raise argparse.ArgumentTypeError(f"expected NAME=N, e.g. diplomacy=4, not {text!r}")
    return name.strip(), int(number)


def _grade(args: argparse.Namespace) -> int:
    from ..exam.grade import grade_files

    report = grade_files(args.manifest, args.responses, args.out)
    print(report)
    return EXIT_OK
