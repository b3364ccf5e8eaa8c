"""`quizlib quiz` output: a handout a teacher can use, and JSON that matches its schema."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from jsonschema import Draft7Validator

from quizlib import Quiz, build_quiz, load_bank
from quizlib.render import LETTERS, render
from quizlib.schema import schema

BANK = load_bank()


def letter(question) -> str:
    assert question.key is not None
    return LETTERS[question.key]


def test_markdown_handout_with_a_correct_key(run_cli):
    code, out, err = run_cli("quiz", "--count", "20", "--seed", "1", "--format", "markdown")
    assert code == 0 and err == ""
    quiz = build_quiz(BANK, 20, seed=1)
    questions, key = out.split("## Answer key")
    assert out.startswith("# Quiz: Pakistan-Russian Strategic Volte-Face")
    assert re.findall(r"^\*\*(\d+)\.\*\* ", questions, flags=re.M) == [str(n) for n in range(1, 21)]
    entries = re.findall(r"^\*\*(\d+)\. ([A-E])\. ", key, flags=re.M)
    assert [(int(n), letter) for n, letter in entries] == [
        (n, letter(q)) for n, q in enumerate(quiz.questions, 1)
    ]
    for question in quiz.questions:
        for i in range(len(question.options)):
            assert f"- **{LETTERS[i]}.** " in questions
        assert f"(¶{question.citation.paragraph})" in key
    assert key.count("\n> ") == 20  # every answer cites its source passage


def test_text_lists_questions_then_key(run_cli):
    code, out, _ = run_cli("quiz", "--count", "5", "--seed", "2")
    assert code == 0
    quiz = build_quiz(BANK, 5, seed=2)
    head, key = out.split("\nAnswer key\n")
    assert head.startswith("Pakistan-Russian Strategic Volte-Face\n5 questions · seed 2")
    for n, question in enumerate(quiz.questions, 1):
        assert f"\n{n}. {letter(question)}. " in key
        assert f"({'¶'}{question.citation.paragraph})" in key
    assert all(len(line) <= 100 for line in out.splitlines())


def test_json_matches_the_schema_and_round_trips(run_cli):
    code, out, _ = run_cli("quiz", "--count", "15", "--seed", "3", "--format", "json")
    assert code == 0
    data = json.loads(out)
    Draft7Validator(schema("quiz")).validate(data)
    assert Quiz.model_validate(data) == build_quiz(BANK, 15, seed=3)


def test_markdown_escapes_what_it_would_otherwise_format():
    quiz = build_quiz(BANK, 1, seed=1)
    question = quiz.questions[0].model_copy(update={"stem": "Is *this* a_b [link](x)?"})
    out = render(quiz.model_copy(update={"questions": [question]}), "markdown")
    assert r"Is \*this\* a\_b \[link\](x)?" in out


def test_fewer_questions_than_asked_says_so(run_cli):
    code, _, err = run_cli("quiz", "--count", "50", "--topic", "ir-theory", "--seed", "1")
    assert code == 0
    assert re.fullmatch(r"quizlib: only \d+ questions match; asked for 50\n", err)


def test_no_matching_questions_is_an_error(run_cli, make_bank):
    code, out, err = run_cli("quiz", make_bank("facts: []\n"))
    assert code == 2 and out == ""
    assert err == "quizlib: no questions: the bank has no items that match\n"


def test_a_closed_pipe_is_not_an_error():
    # The reader closes its end before reading anything, so the first write meets a closed pipe.
    script = f"{sys.executable} -m quizlib quiz --count 5 --seed 1 | (exec 0<&-; sleep 0.5)"
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {script}"], capture_output=True, text=True
    )
    assert result.stderr == ""
    assert result.returncode == 0
