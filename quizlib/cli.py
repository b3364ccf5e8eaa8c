"""The `quizlib` command: parses arguments, calls the core, prints results. Nothing else."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .anki.cards import ALL_FACT_CARDS, FactCard
from .atomic import write_text_atomic
from .coverage import coverage
from .errors import ContentError, QuizlibError
from .load import load_bank
from .question import Form
from .quiz import DEFAULT_FORMS, OPTION_RANGE, build_quiz
from .render import FORMATS, render
from .scaffold import new_bank
from .schema import SCHEMAS, schema_text
from .summary import summarise

if TYPE_CHECKING:
    from .store import Store

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


def _practice(args: argparse.Namespace) -> int:
    from .practice import DEFAULT_COUNT, Mode, Settings

    bank = load_bank(args.bank)
    declared = [t.id for t in bank.topics]
    for topic in args.topic or ():
        if topic not in declared:
            raise QuizlibError(
                f"unknown topic {topic!r}; the bank's topics are: {', '.join(declared)}"
            )
    if args.count is not None and args.count < 1:
        raise QuizlibError(f"--count must be at least 1, not {args.count}")
    from .store import NEW_PER_DAY, SessionLog, agenda

    args.new_per_day = NEW_PER_DAY if args.new_per_day is None else args.new_per_day
    if args.new_per_day < 0:
        raise QuizlibError(f"--new-per-day must be 0 or more, not {args.new_per_day}")
    if not _has_terminal():
        print("quizlib: practice needs a terminal", file=sys.stderr)
        return EXIT_INVALID
    chosen = (args.topic, args.mode, args.count, args.seed, args.time_limit)
    with _open_store(args) as store:
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
        from .tui import PracticeApp  # Textual is imported by this command only

        app = PracticeApp(
            bank,
            settings,
            home=all(option is None for option in chosen),
            history=SessionLog(store, bank.id),
            new_per_day=args.new_per_day,
        )
        return app.run() or EXIT_OK


def _has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _lint(args: argparse.Namespace) -> int:
    from .lint import Severity, lint_bank  # its word stemmer is the slowest import of the CLI

    findings = lint_bank(load_bank(args.bank))
    for finding in findings:
        print(finding)
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    notes = len(findings) - errors - warnings
    summary = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    if notes:
        summary += f", {_plural(notes, 'note')} (enemy pairs, kept apart in quizzes)"
    print(summary)
    return EXIT_INVALID if errors else EXIT_OK


def _deck(args: argparse.Namespace) -> int:
    # genanki loads only for this command, so the other commands start as fast as before.
    from .anki import build_deck

    bank = load_bank(args.bank)
    print(build_deck(bank, args.out, cards=args.cards, cloze=args.cloze).format())
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from .lms import export_bank

    pool = export_bank(load_bank(args.bank), args.format, args.out, seed=args.seed)
    categories = len({entry.category for entry in pool.questions})
    print(
        f"Wrote {len(pool.questions)} questions in {categories} "
        f"{'category' if categories == 1 else 'categories'} "
        f"({args.format}) to {args.out}"
    )
    return EXIT_OK


def _fact_cards(text: str) -> frozenset[FactCard]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    known = ", ".join(FactCard)
    if not names:
        raise argparse.ArgumentTypeError(f"name at least one card: {known}")
    unknown = [name for name in names if name not in {c.value for c in FactCard}]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown card {unknown[0]!r} (choose from {known})")
    return frozenset(FactCard(name) for name in names)


def _new(args: argparse.Namespace) -> int:
    bank_dir = new_bank(args.source, args.bank)
    print(
        f"Started a bank in {bank_dir}: bank.yaml, items.yaml (one example per paragraph), "
        f"sources/, schema/.\nNext: declare topics in bank.yaml, write items, "
        f"then run `quizlib check {bank_dir}`."
    )
    return EXIT_OK


def _open_store(args: argparse.Namespace) -> Store:
    from .store import Store

    store = Store.open(args.data_dir)
    if store.recovered is not None:
        print(
            f"quizlib: the history file could not be read; it was moved to {store.recovered} "
            "and a fresh history started",
            file=sys.stderr,
        )
    return store


def _stats(args: argparse.Namespace) -> int:
    from .store import compute_stats

    bank = load_bank(args.bank)
    with _open_store(args) as store:
        stats = compute_stats(bank, store)
    print(f"{bank.title}: {stats.reviews} answers in your history\n")
    print(stats.format())
    return EXIT_OK


def _history_export(args: argparse.Namespace) -> int:
    from .store import export_reviews

    with _open_store(args) as store:
        text = export_reviews(store.reviews(), args.format)
    if args.output:
        write_text_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _exam(args: argparse.Namespace) -> int:
    from .exam import blueprint_from_options, build_exam, load_blueprint
    from .exam.folder import pdf_count, write_exam
    from .exam.progress import progress_bar

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
    from .lms import parse_formats

    formats = [] if args.lms.strip() == "none" else list(parse_formats(args.lms))
    with progress_bar(pdf_count(manifest), "Typesetting PDFs") as step:
        written = write_exam(
            manifest,
            args.out,
            force=args.force,
            paper=args.paper,
            progress=step,
            lms=formats,
            topics={t.id: t.title for t in bank.topics},
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
    from .exam.grade import grade_files

    report = grade_files(args.manifest, args.responses, args.out)
    print(report)
    return EXIT_OK


def _no_subcommand(args: argparse.Namespace) -> int:
    raise AssertionError("argparse requires a subcommand")  # pragma: no cover


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


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

    def data_dir_argument(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--data-dir",
            type=Path,
            metavar="DIR",
            help="where the history is kept (default: $QUIZLIB_DATA_DIR, else your data folder)",
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
    quiz.add_argument(
        "--options",
        type=int,
        default=4,
        choices=list(OPTION_RANGE),
        help="options per multiple-choice question (default 4)",
    )
    quiz.add_argument("--seed", type=int, help="the same seed gives the same quiz")
    quiz.add_argument(
        "--format", choices=sorted(FORMATS), default="text", help="text (default), markdown or json"
    )
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
    lint = command("lint", _lint, "Check the generated items against item-writing guidelines.")
    bank_argument(lint)

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
    deck = command(
        "deck",
        _deck,
        "Build an Anki deck (.apkg) of a bank; importing a newer build updates its notes in place.",
    )
    bank_argument(deck)
    deck.add_argument(
        "--out",
        type=Path,
        default=Path("decks"),
        metavar="DIR",
        help="the folder to write <bank id>.apkg to (default: ./decks)",
    )
    deck.add_argument(
        "--cards",
        type=_fact_cards,
        default=ALL_FACT_CARDS,
        metavar="CARDS",
        help="the cards of each fact, comma-separated: recall, choice, typed (default: all three)",
    )
    deck.add_argument(
        "--cloze",
        action="store_true",
        help="build the cloze deck, <bank id>-cloze.apkg, instead: one cloze note per fact",
    )
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
    exam.add_argument(
        "--options",
        type=int,
        default=4,
        choices=list(OPTION_RANGE),
        help="options per multiple-choice question (default 4)",
    )
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
