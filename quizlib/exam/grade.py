"""Grading an exam from its manifest and the students' responses, with an item analysis.

Items are reported by item id, whatever their number and letters in each version, so figures
compare across versions and across exams built from the same bank.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_text_atomic
from .analysis import ItemFigures, Reliability, item_figures, reliability, selection_rates
from .blueprint import ExamForm
from .manifest import LETTERS, Manifest, read_manifest
from .responses import Response, read_responses

__all__ = [
    "FUNCTIONING",
    "Grades",
    "ItemReport",
    "OptionReport",
    "StudentScore",
    "grade",
    "grade_files",
]

FUNCTIONING = 0.05  # a distractor fewer than 5 % choose does not function
LOW_R_PB = 0.20


@dataclass(frozen=True)
class StudentScore:
    student: str
    version: str
    score: int
    questions: int
    answered: int

    @property
    def percent(self) -> float:
        return 100 * self.score / self.questions if self.questions else 0.0


@dataclass(frozen=True)
class OptionReport:
    item: str
    question: str
    letter: str  # in the question's own (bank) order, the same in every version
    text: str
    key: bool
    rate: float

    @property
    def functioning(self) -> bool:
        return self.key or self.rate >= FUNCTIONING


@dataclass(frozen=True)
class ItemReport:
    item: str
    form: str
    stem: str
    n: int
    p: float | None
    d: float | None
    r_pb: float | None
    omitted: float
    options: list[OptionReport]

    @property
    def flags(self) -> list[str]:
        flags = []
        if self.d is not None and self.d < 0:
            flags.append("mis-key?")
        if self.r_pb is not None and self.r_pb < LOW_R_PB:
            flags.append("low r_pb")
        dead = [o.letter for o in self.options if not o.functioning]
        if dead:
            flags.append("non-functioning " + "".join(dead))
        return flags


@dataclass(frozen=True)
class Grades:
    students: list[StudentScore]
    items: list[ItemReport]
    reliability: list[tuple[list[str], Reliability]]  # version codes sharing items, figures


def grade(manifest: Manifest, responses: list[Response]) -> Grades:
    # Columns, in the order the versions first ask them.
    items = list(dict.fromkeys(e.item for v in manifest.versions for e in v.entries))
    column = {item: j for j, item in enumerate(items)}
    matrix: list[list[int | None]] = []
    chosen: dict[str, list[int | None]] = {}  # question id -> bank-order option per paper
    students = []
    for response in responses:
        paper = manifest.version(response.version)
        assert paper is not None  # read_responses checked every version
        row: list[int | None] = [None] * len(items)
        for entry, answer in zip(paper.entries, response.answers, strict=True):
            if entry.form is ExamForm.SHORT_ANSWER:
                row[column[entry.item]] = int(answer == 1)
                continue
            row[column[entry.item]] = int(answer is not None and answer == entry.key_index)
            chosen.setdefault(entry.question, []).append(
                None if answer is None else entry.order[answer]
            )
        matrix.append(row)
        score = sum(cell for cell in row if cell is not None)
        answered = sum(a is not None for a in response.answers)
        students.append(
            StudentScore(response.student, response.version, score, len(paper.entries), answered)
        )
    figures = item_figures(matrix)
    reports = [
        _item_report(manifest, item, figures[column[item]], chosen, len(responses))
        for item in items
    ]
    return Grades(students, reports, _reliabilities(manifest, responses, matrix, column))


def _item_report(
    manifest: Manifest,
    item: str,
    figures: ItemFigures,
    chosen: dict[str, list[int | None]],
    students: int,
) -> ItemReport:
    asked = [q for q in manifest.questions.values() if q.item_id == item]
    options: list[OptionReport] = []
    omitted = 0.0
    # A short answer has no options; an item asked in several forms reports each form's.
    for question in asked:
        if question.id not in chosen:
            continue
        rates, blank = selection_rates(chosen[question.id], len(question.options))
        omitted = max(omitted, blank)
        options += [
            OptionReport(item, question.id, LETTERS[i], text, i == question.key, rates[i])
            for i, text in enumerate(question.options)
        ]
    forms = {e.form.value for v in manifest.versions for e in v.entries if e.item == item}
    return ItemReport(
        item=item,
        form="/".join(sorted(forms)),
        stem=asked[0].stem if asked else "",
        n=figures.n,
        p=figures.p,
        d=figures.d,
        r_pb=figures.r_pb,
        omitted=omitted,
        options=options,
    )


def _reliabilities(
    manifest: Manifest,
    responses: list[Response],
    matrix: list[list[int | None]],
    column: dict[str, int],
) -> list[tuple[list[str], Reliability]]:
    """KR-20 per group of versions asking the same items (one group unless ``--vary``)."""
    groups: dict[frozenset[str], list[str]] = {}
    for version in manifest.versions:
        groups.setdefault(frozenset(e.item for e in version.entries), []).append(version.code)
    out = []
    for item_set, codes in groups.items():
        columns = sorted(column[item] for item in item_set)
        rows = [
            [row[j] for j in columns]
            for row, response in zip(matrix, responses, strict=True)
            if response.version in codes
        ]
        if rows:
            out.append((codes, reliability(rows)))
    return out


def grade_files(manifest_path: Path, responses_path: Path, out: Path | None = None) -> str:
    """Grade, write scores.csv, items.csv, options.csv and items.html; return the printed table.

    Nothing is written unless every response is valid.
    """
    manifest = read_manifest(manifest_path)
    grades = grade(manifest, read_responses(responses_path, manifest))
    out = manifest_path.parent / "results" if out is None else out
    write_text_atomic(out / "scores.csv", scores_csv(grades))
    write_text_atomic(out / "items.csv", items_csv(grades))
    write_text_atomic(out / "options.csv", options_csv(grades))
    write_text_atomic(out / "items.html", items_html(manifest, grades))
    return (
        table(manifest, grades) + f"\nWrote scores.csv, items.csv, options.csv, items.html to {out}"
    )


def _fmt(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _csv(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def scores_csv(grades: Grades) -> str:
    return _csv(
        ("student", "version", "score", "questions", "percent", "answered"),
        (
            (s.student, s.version, s.score, s.questions, f"{s.percent:.1f}", s.answered)
            for s in grades.students
        ),
    )


def items_csv(grades: Grades) -> str:
    return _csv(
        ("item", "form", "n", "p", "D", "r_pb", "omitted", "flags"),
        (
            (
                r.item,
                r.form,
                r.n,
                _fmt(r.p, 3),
                _fmt(r.d, 3),
                _fmt(r.r_pb, 3),
                _fmt(r.omitted, 3),
                "; ".join(r.flags),
            )
            for r in grades.items
        ),
    )


def options_csv(grades: Grades) -> str:
    return _csv(
        ("item", "question", "option", "text", "key", "rate", "functioning"),
        (
            (o.item, o.question, o.letter, o.text, int(o.key), _fmt(o.rate, 3), int(o.functioning))
            for r in grades.items
            for o in r.options
        ),
    )


def _reliability_line(codes: list[str], figures: Reliability) -> str:
    label = ", ".join(codes[:8]) + (", …" if len(codes) > 8 else "")
    return (
        f"Versions {label}: {figures.examinees} students, {figures.items} items, "
        f"KR-20 {_fmt(figures.kr20) or 'n/a'}, SEM {_fmt(figures.sem) or 'n/a'}, "
        f"mean {figures.mean:.2f}, sd {figures.sd:.2f}"
    )


def _option_cell(report: ItemReport) -> str:
    # In the bank's option order: * marks the key, ! a distractor that does not function.
    return " ".join(
        f"{o.letter}{'*' if o.key else ''}{round(100 * o.rate)}{'' if o.functioning else '!'}"
        for o in report.options
    )


def table(manifest: Manifest, grades: Grades) -> str:
    width = max([len("item"), *(len(r.item) for r in grades.items)])
    lines = [
        f"{manifest.title}: {len(grades.students)} students, {len(grades.items)} items",
        "",
        f"{'item':<{width}}  {'n':>4}  {'p':>5}  {'D':>5}  {'r_pb':>5}  "
        "options % (bank order, * key, ! under 5 %)  flags",
    ]
    for r in grades.items:
        lines.append(
            f"{r.item:<{width}}  {r.n:>4}  {_fmt(r.p):>5}  {_fmt(r.d):>5}  {_fmt(r.r_pb):>5}  "
            f"{_option_cell(r):<42}  {', '.join(r.flags)}".rstrip()
        )
    lines.append("")
    lines += [_reliability_line(codes, figures) for codes, figures in grades.reliability]
    return "\n".join(lines)


_STYLE = """
body { font: 10.5pt/1.4 system-ui, sans-serif; margin: 2em; color: #111; }
table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: .25em .5em; }
th { background: #eee; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.flag { color: #a00; font-weight: bold; } .key { font-weight: bold; } .dead { color: #a00; }
.stem { color: #444; max-width: 30em; }
"""


def items_html(manifest: Manifest, grades: Grades) -> str:
    e = html.escape
    rows = []
    for r in grades.items:
        options = "<br>".join(
            f'<span class="{"key" if o.key else "" if o.functioning else "dead"}">'
            f"{o.letter}. {e(o.text)}: {100 * o.rate:.0f} %</span>"
            for o in r.options
        )
        rows.append(
            f"<tr><td><code>{e(r.item)}</code><div class='stem'>{e(r.stem)}</div></td>"
            f"<td>{e(r.form)}</td><td class='num'>{r.n}</td><td class='num'>{_fmt(r.p)}</td>"
            f"<td class='num'>{_fmt(r.d)}</td><td class='num'>{_fmt(r.r_pb)}</td>"
            f"<td>{options}</td><td class='flag'>{e(', '.join(r.flags))}</td></tr>"
        )
    reliability_lines = "".join(
        f"<li>{e(_reliability_line(codes, figures))}</li>" for codes, figures in grades.reliability
    )
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>Item analysis: {e(manifest.title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>Item analysis: {e(manifest.title)}</h1>"
        f"<p>{len(grades.students)} students · {len(grades.items)} items · seed "
        f"{manifest.seed}. p: share right; D: upper minus lower 27 %; r_pb: corrected "
        "point-biserial; options in the bank's order, the key in bold, a distractor chosen by "
        "fewer than 5 % in red.</p>"
        f"<ul>{reliability_lines}</ul>"
        "<table><tr><th>item</th><th>form</th><th>n</th><th>p</th><th>D</th><th>r_pb</th>"
        f"<th>options</th><th>flags</th></tr>{''.join(rows)}</table></body></html>\n"
    )
