"""The command line: output, exit codes, and errors without tracebacks."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import GOOD_FACT


def test_check_bundled_bank(run_cli):
    code, out, err = run_cli("check")
    assert code == 0, err
    assert "Pakistan-Russian Strategic Volte-Face (pakistan-russia-volte-face)" in out
    counts = re.search(r"(\d+) facts, (\d+) concepts", out)
    assert counts is not None
    facts, concepts = map(int, counts.groups())
    assert facts >= 40 and concepts >= 15
    assert "topic " in out and "kind " in out and "\nperson " in out
    assert out.rstrip().endswith("OK: every item is valid and grounded in the source")


def test_check_counts_match_the_bank(run_cli, make_bank):
    root = make_bank("facts:\n" + GOOD_FACT)
    code, out, _ = run_cli("check", root)
    assert code == 0
    assert "1 facts, 0 concepts" in out
    assert "diplomacy                  1         0" in out
    assert "person      1         0" in out


def test_check_reports_every_problem_and_exits_2(run_cli, make_bank):
    broken = GOOD_FACT.replace("topic: diplomacy", "topic: economics").replace(
        "answer: Danila Ganich", "answer: Yes"
    )
    root = make_bank("facts:\n" + broken)
    code, out, err = run_cli("check", root)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert lines[0].endswith(
        "items.yaml:3:12: facts.0.topic: topic 'economics' is not declared in bank.yaml "
        "(declared: connectivity-energy, diplomacy, ir-theory, pakistan-strategy, "
        "russia-motives, security-multilateral, world-order)"
    )
    assert "items.yaml:5:13: facts.0.answer:" in lines[1]
    assert lines[-1] == "2 problems found"


def test_errors_in_a_subprocess_have_no_traceback(make_bank):
    root = make_bank("facts:\n  - id: [\n")
    result = subprocess.run(
        [sys.executable, "-m", "quizlib", "check", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    # libyaml and pure-Python PyYAML word the problem differently; the place is the same.
    assert re.search(
        r"items\.yaml:3:1: YAML syntax: .*node content.* \(while parsing a flow node\)",
        result.stderr,
    )


def test_missing_directory(run_cli, tmp_path):
    code, _, err = run_cli("check", tmp_path / "nope")
    assert code == 2
    assert err.startswith(f"{tmp_path / 'nope'}: no such bank directory")


def test_coverage_of_the_bundled_bank(run_cli):
    code, out, _ = run_cli("coverage", "--min", "2")
    assert code == 0
    assert out.count("¶") == 9
    assert "¶3 (line " in out and "ambassador-ganich" in out
    assert out.rstrip().endswith("every paragraph is cited by at least 2 items")


def test_coverage_lists_uncovered_paragraphs_and_exits_1(run_cli, make_bank):
    code, out, _ = run_cli("coverage", make_bank("facts:\n" + GOOD_FACT))
    assert code == 1
    assert "¶3 (line 17)" in out and "1 item: ambassador-name" in out
    assert "¶1 (line 13)" in out and "0 items: no item cites it" in out
    assert out.rstrip().endswith(
        "8 of 9 paragraphs cited by fewer than 1 item: ¶1, ¶2, ¶4, ¶5, ¶6, ¶7, ¶8, ¶9"
    )


def test_usage_error_exits_2(run_cli, capsys):
    try:
        run_cli("check", "--bogus")
    except SystemExit as exc:
        assert exc.code == 2
    else:
        raise AssertionError("argparse accepted an unknown option")
