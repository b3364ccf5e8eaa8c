"""Grading: responses read strictly, scores and item analysis by item id."""

from __future__ import annotations

import csv

import pytest

from quizlib import load_bank
from quizlib.exam import blueprint_from_options, build_exam
from quizlib.exam.grade import grade
from quizlib.exam.responses import read_responses

BANK = load_bank()
SIZES = {t.id: sum(i.topic == t.id for i in BANK.items()) for t in BANK.topics}


@pytest.fixture
def manifest_path(tmp_path):
    blueprint = blueprint_from_options(SIZES, count=5, short_answer=1)
    manifest = build_exam(BANK, blueprint, versions=2, seed=3)
    path = tmp_path / "manifest.json"
    path.write_text(manifest.to_json(), encoding="utf-8")
    return path


def _write(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["student", "version", "q1", "q2", "q3", "q4", "q5"], *rows])
    return path


def _version(manifest, code):
    version = manifest.version(code)
    assert version is not None
    return version


def _answers(manifest, code, right):
    """A row: the key where ``right`` says so, else the first wrong letter."""
    version = _version(manifest, code)
    cells = []
    for entry, ok in zip(version.entries, right, strict=True):
        if entry.key is None:
            cells.append("1" if ok else "0")
        else:
            wrong = next(letter for letter in "ABCDE" if letter != entry.key)
            cells.append(entry.key if ok else wrong.lower())
    return cells


def test_grades_by_item_across_versions(manifest_path, run_cli, tmp_path):
    from quizlib.exam import read_manifest

    manifest = read_manifest(manifest_path)
    responses = _write(
        tmp_path / "responses.csv",
        [
            ["ann", "A", *_answers(manifest, "A", [1, 1, 1, 1, 1])],
            ["bob", "b", *_answers(manifest, "B", [1, 1, 0, 0, 0])],
            ["cy", "A", *_answers(manifest, "A", [0, 0, 0, 0, 0])],
            ["dee", "B", *_answers(manifest, "B", [1, 0, 1, 0, 1])],
        ],
    )
    code, out, err = run_cli("grade", manifest_path, responses, "--out", tmp_path / "r")
    assert code == 0, err
    scores = (tmp_path / "r" / "scores.csv").read_text(encoding="utf-8").splitlines()
    assert scores[0] == "student,version,score,questions,percent,answered"
    assert scores[1:] == [
        "ann,A,5,5,100.0,5",
        "bob,B,2,5,40.0,5",
        "cy,A,0,5,0.0,5",
        "dee,B,3,5,60.0,5",
    ]
    # Items by id: version B's first question is some item of version A, matched by id.
    grades = grade(manifest, read_responses(responses, manifest))
    marks = {"A": [[1] * 5, [0] * 5], "B": [[1, 1, 0, 0, 0], [1, 0, 1, 0, 1]]}
    for report in grades.items:
        right = 0
        for code_, rows in marks.items():
            entries = _version(manifest, code_).entries
            number = next(e.number for e in entries if e.item == report.item)
            right += sum(row[number - 1] for row in rows)
        assert report.p == pytest.approx(right / 4)
    assert "KR-20" in out and "items.html" in out
    for name in ("items.csv", "options.csv", "items.html"):
        assert (tmp_path / "r" / name).is_file()


def test_bad_responses_are_reported_with_their_lines_and_nothing_is_written(
    manifest_path, run_cli, tmp_path
):
    from quizlib.exam import read_manifest

    manifest = read_manifest(manifest_path)
    good = _answers(manifest, "A", [1, 1, 1, 1, 1])
    bad_letter = list(good)
    choice = next(i for i, e in enumerate(_version(manifest, "A").entries) if e.key)
    bad_letter[choice] = "Z"
    responses = _write(
        tmp_path / "responses.csv",
        [
            ["ann", "A", *good],
            ["bob", "Q", *good],
            ["cy", "A", *good[:4]],
            ["dee", "A", *bad_letter],
        ],
    )
    code, _, err = run_cli("grade", manifest_path, responses, "--out", tmp_path / "r")
    assert code == 2
    lines = err.splitlines()
    assert lines[0].startswith(f"{responses}:3: unknown version 'Q'")
    assert lines[1] == f"{responses}:4: 4 answers; version A has 5 questions"
    assert lines[2] == f"{responses}:5: q{choice + 1}: 'Z' is not an option (A–D)"
    assert not (tmp_path / "r").exists()


def test_a_wrong_header_is_line_1(manifest_path, run_cli, tmp_path):
    responses = tmp_path / "r.csv"
    responses.write_text("name,version,q1\nann,A,B\n", encoding="utf-8")
    code, _, err = run_cli("grade", manifest_path, responses)
    assert code == 2
    assert err.startswith(f"{responses}:1: wrong header: the first row must be student,version,q1")
