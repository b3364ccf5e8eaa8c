"""The loader: every kind of bad input is reported as path:line:col, all at once, exit code 2."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from quizlib import ContentError, load_bank
from quizlib.cli import main
from tests.conftest import GOOD_FACT


def problems(root: Path) -> list[str]:
    """The problems the loader raises, checked to be exactly what `quizlib check` prints.

    So every test here also shows the command's contract: exit code 2, nothing on stdout, one
    problem a line on stderr, then the count.
    """
    with pytest.raises(ContentError) as caught:
        load_bank(root)
    found = [str(p) for p in caught.value.problems]
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["check", str(root)])
    assert code == 2
    assert out.getvalue() == ""
    assert err.getvalue().splitlines() == [*found, str(caught.value)]
    return found


def only_problem(root: Path) -> str:
    found = problems(root)
    assert len(found) == 1, found
    return found[0]


def facts(*entries: str) -> str:
    return "facts:\n" + "".join(entries)


def test_good_fact_loads(make_bank):
    bank = load_bank(make_bank(facts(GOOD_FACT)))
    assert [f.id for f in bank.facts] == ["ambassador-name"]
    assert bank.citation(bank.facts[0]).paragraph.number == 3
    assert bank.locations["ambassador-name"].line == 2


def test_yaml_syntax_error(make_bank):
    root = make_bank(facts(GOOD_FACT) + "  - id: [unclosed\n")
    assert re.fullmatch(r".*items\.yaml:16:1: YAML syntax: .*", only_problem(root))


def test_yaml_syntax_error_names_where_the_construct_started(make_bank):
    root = make_bank(facts(GOOD_FACT.replace("    kind: person\n", '    kind: "person\n')))
    # The stray quote swallows lines 6-12 up to the next '"'; the error names the enclosing item.
    # libyaml and pure-Python PyYAML word the problem differently; the places are the same.
    assert re.search(
        r"items\.yaml:12:40: YAML syntax: .* "
        r"\(while parsing a block mapping that starts at line 2, column 5\)$",
        only_problem(root),
    )


def test_unknown_key_points_at_the_key(make_bank):
    root = make_bank(
        facts(GOOD_FACT.replace("    difficulty: easy\n", "    difficulty: easy\n    tgas: [x]\n"))
    )
    assert only_problem(root).endswith(
        "items.yaml:12:5: facts.0.tgas: unknown key (check its "
        "spelling; the schema lists the allowed keys)"
    )


def test_missing_field_points_at_the_parent_key(make_bank):
    quote = "      quote: the Russian ambassador to Pakistan Danila Garnish candidly revealed\n"
    root = make_bank(facts(GOOD_FACT.replace("    source:\n" + quote, "    source: {}\n")))
    assert only_problem(root).endswith("items.yaml:13:5: facts.0.source.quote: field required")


def test_missing_required_field(make_bank):
    root = make_bank(facts(GOOD_FACT.replace("    kind: person\n", "")))
    assert ":2:5: facts.0.kind: field required" in only_problem(root)


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("Yes", "YAML read this value as true"),
        ("No", "YAML read this value as false"),
        ("2014", "YAML read 2014 as a number: put it in quotes"),
    ],
)
def test_mistyped_answer_gets_a_yaml_hint(make_bank, value, hint):
    root = make_bank(facts(GOOD_FACT.replace("answer: Danila Ganich", f"answer: {value}")))
    message = only_problem(root)
    assert ":5:13: facts.0.answer: Input should be a valid string" in message
    assert hint in message


def test_wrong_enum_value(make_bank):
    root = make_bank(facts(GOOD_FACT.replace("difficulty: easy", "difficulty: trivial")))
    assert ":11:17: facts.0.difficulty: Input should be 'easy', 'medium' or 'hard'" in only_problem(
        root
    )


@pytest.mark.parametrize("bad", ["Ambassador_Name", "ambassador--name", "-name", "a" * 65])
def test_bad_id_format(make_bank, bad):
    root = make_bank(facts(GOOD_FACT.replace("id: ambassador-name", f"id: {bad}")))
    message = only_problem(root)
    assert ":2:9: facts.0.id: " in message
    assert "lowercase words joined by hyphens" in message or "at most 64 characters" in message


def test_duplicate_id_across_files(make_bank):
    concept = """\
    concepts:
      - id: ambassador-name
        term: Balancer
        definition: The role the author says Russia plays in the East.
        kind: strategy
        topic: world-order
        explanation: The author calls Russia's grand strategy in the East a "Balancer".
        source:
          quote: Russia`s grand strategy in the East seems to be “Balancer”
    """
    root = make_bank(facts(GOOD_FACT), **{"more/concepts.yaml": concept})
    message = only_problem(root)
    assert re.search(
        r"more/concepts\.yaml:2:9: concepts\.0\.id: duplicate id 'ambassador-name' "
        r"\(first used at .*items\.yaml:2\)",
        message,
    )


def test_duplicate_key_in_a_mapping(make_bank):
    root = make_bank(
        facts(
            GOOD_FACT.replace(
                "    difficulty: easy\n", "    difficulty: easy\n    difficulty: hard\n"
            )
        )
    )
    assert ":12:5: facts.0.difficulty: duplicate key (first given on line 11)" in only_problem(root)


def test_undeclared_topic(make_bank):
    root = make_bank(facts(GOOD_FACT.replace("topic: diplomacy", "topic: economics")))
    message = only_problem(root)
    assert ":3:12: facts.0.topic: topic 'economics' is not declared in bank.yaml" in message


def test_unknown_related_id(make_bank):
    concept = """\
    concepts:
      - id: balancer
        term: Balancer
        definition: The role the author says Russia plays in the East.
        kind: strategy
        topic: world-order
        explanation: The author calls Russia's grand strategy in the East a "Balancer".
        related: [ambassador-name, no-such-concept]
        source:
          quote: Russia`s grand strategy in the East seems to be “Balancer”
    """
    found = problems(make_bank(facts(GOOD_FACT), **{"concepts.yaml": concept}))
    assert len(found) == 2
    assert (
        "concepts.yaml:8:15: concepts.0.related.0: unknown related concept 'ambassador-name': it names a fact"
        in found[0]
    )
    assert (
        "concepts.yaml:8:32: concepts.0.related.1: unknown related concept 'no-such-concept': no item has this id"
        in found[1]
    )


@pytest.mark.parametrize("written", ["Danila Ganich", "danila  GANICH", "Danila Garnish"])
def test_answer_listed_as_distractor(make_bank, written):
    root = make_bank(facts(GOOD_FACT.replace("[Sergey Lavrov,", f"[{written}, Sergey Lavrov,")))
    message = only_problem(root)
    assert (
        f":8:18: facts.0.distractors: the answer '{written}' is also listed as a distractor"
        in message
    )


def test_statement_must_contain_the_answer(make_bank):
    root = make_bank(facts(GOOD_FACT.replace("statement: Danila Ganich was", "statement: He was")))
    assert ":10:16: facts.0.statement: the statement must contain the answer" in only_problem(root)


def test_quote_not_in_source_shows_the_closest_passage(make_bank):
    root = make_bank(facts(GOOD_FACT.replace("Danila Garnish candidly", "Danila Ganich candidly")))
    message = only_problem(root)
    assert ":14:14: facts.0.source.quote: quote not found in the source" in message
    assert (
        "closest passage (paragraph 3): 'the Russian ambassador to Pakistan Danila Garnish candidly revealed'"
        in message
    )


def test_quote_that_matches_more_than_once_is_ambiguous(make_bank):
    root = make_bank(
        facts(
            GOOD_FACT.replace(
                "quote: the Russian ambassador to Pakistan Danila Garnish candidly revealed",
                "quote: Russian strategic",
            )
        )
    )
    message = only_problem(root)
    assert (
        ":14:14: facts.0.source.quote: quote occurs 2 times in the source (¶4); quote more words"
        in message
    )


def test_several_errors_are_all_reported_in_order(make_bank):
    broken = GOOD_FACT.replace("topic: diplomacy", "topic: economics").replace(
        "difficulty: easy", "difficulty: trivial"
    )
    second = GOOD_FACT.replace("id: ambassador-name", "id: Second").replace(
        "Garnish candidly", "Ganish candidly"
    )
    found = problems(make_bank(facts(broken, second), **{"syntax.yaml": "facts: [\n"}))
    assert [re.sub(r"^.*/", "", p).split(" ")[0] for p in found] == [
        "items.yaml:3:12:",
        "items.yaml:11:17:",
        "items.yaml:15:9:",
        "items.yaml:27:14:",
        "syntax.yaml:2:1:",
    ]


def test_source_front_matter_errors_have_lines(make_bank):
    root = make_bank(facts(GOOD_FACT))
    source = root / "sources" / "pakistan-russia-volte-face.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("kind: op-ed", "kidn: op-ed"), encoding="utf-8"
    )
    found = problems(root)
    assert any(
        p.endswith(
            "pakistan-russia-volte-face.md:4:1: kidn: unknown key (check its spelling; "
            "the schema lists the allowed keys)"
        )
        for p in found
    ), found
    assert any("pakistan-russia-volte-face.md:2:1: kind: field required" in p for p in found), found


def test_missing_source_file_is_reported_on_the_bank_yaml_line_naming_it(make_bank):
    root = make_bank(facts(GOOD_FACT))
    (root / "sources" / "pakistan-russia-volte-face.md").unlink()
    missing = root / "sources" / "pakistan-russia-volte-face.md"
    assert only_problem(root) == f"{root}/bank.yaml:4:9: source: no such file: {missing}"


@pytest.mark.parametrize("name", ["items.yaml", "sources/pakistan-russia-volte-face.md"])
def test_a_latin1_byte_is_reported_at_its_line_and_column(make_bank, name):
    root = make_bank(facts(GOOD_FACT))
    path = root / name
    lines = path.read_bytes().split(b"\n")
    # An "é" saved by a Latin-1 editor, on the 5th line, after "    ca" of "caf\xe9".
    lines[4] = lines[4][:6] + "café".encode("latin-1") + lines[4][6:]
    path.write_bytes(b"\n".join(lines))
    problem = only_problem(root)
    assert problem == (
        f"{path}:5:10: not UTF-8 text: byte 0xE9 (invalid continuation byte); save the file as UTF-8"
    )


def test_missing_bank_file(tmp_path):
    assert "bank.yaml: missing: a bank directory holds bank.yaml" in only_problem(tmp_path)


def test_bank_file_errors(make_bank):
    root = make_bank(facts(GOOD_FACT))
    text = (root / "bank.yaml").read_text(encoding="utf-8")
    (root / "bank.yaml").write_text(
        text.replace("  - id: diplomacy\n", "  - id: world-order\n"), encoding="utf-8"
    )
    found = problems(root)
    assert any(
        "bank.yaml:3:1: topics: topic 'world-order' is declared twice" in p
        or re.search(r"bank\.yaml:\d+:\d+: topics: topic 'world-order' is declared twice", p)
        for p in found
    ), found


def test_item_file_must_be_a_mapping(make_bank):
    assert "items.yaml:1:1: an item file is a mapping" in only_problem(make_bank("- a\n- b\n"))


def test_unknown_section(make_bank):
    assert (
        ":1:1: questions: unknown key (an item file has 'facts:' and 'concepts:')"
        in only_problem(make_bank("questions: []\n"))
    )
