"""Item files read quickly (ryaml) give what PyYAML gives, or are left to PyYAML."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizlib import load_bank
from quizlib.errors import ContentError
from quizlib.yamlfile import parse_yaml, read_yaml_quickly
from tests.conftest import BUNDLED, GOOD_FACT

PATH = Path("items.yaml")


def test_a_bundled_item_file_is_read_quickly_and_identically():
    path = BUNDLED / "items" / "paragraphs-1-4.yaml"
    text = path.read_text(encoding="utf-8")
    quick = read_yaml_quickly(path, text)
    assert quick is not None and quick.quick
    assert quick.data == parse_yaml(path, text).data
    # Each entry's id line is the one PyYAML's tree gives.
    precise = parse_yaml(path, text)
    for entry, line in quick.id_lines.items():
        assert line == precise.position((*entry, "id"))[0]


@pytest.mark.parametrize(
    "text",
    [
        "facts:\n  - id: a\n    answer: yes\n",  # YAML 1.1 reads a boolean, 1.2 a string
        "facts:\n  - id: a\n    published: 2020-09-01\n",  # a date in 1.1
        "facts:\n  - id: a\n    count: 1_000\n",
        "facts:\n  - id: a\n    id: b\n",  # a repeated key, which ryaml refuses
        "facts:\n  - topic: t\n    id: a\n",  # the id is not the entry's first key
        "facts: [\n",  # a syntax error, for PyYAML to place
    ],
)
def test_files_the_parsers_could_read_differently_go_the_slow_way(text):
    assert read_yaml_quickly(PATH, text) is None


WORDS = st.text(alphabet="abcdefghij :-#,'\"", min_size=1, max_size=20)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(WORDS, WORDS), min_size=1, max_size=4))
def test_whenever_read_quickly_the_data_is_pyyamls(pairs):
    lines = ["facts:"]
    for n, (prompt, answer) in enumerate(pairs):
        lines += [f"  - id: item-{n}", f"    prompt: {prompt}", f"    answer: {answer}"]
    text = "\n".join(lines) + "\n"
    quick = read_yaml_quickly(PATH, text)
    if quick is None:
        return
    try:
        precise = parse_yaml(PATH, text)
    except ContentError:
        pytest.fail(f"read quickly, but PyYAML refuses it:\n{text}")
    assert quick.data == precise.data, text


def test_a_problem_in_a_quickly_read_file_is_placed_exactly(make_bank):
    bad = GOOD_FACT.replace(
        "quote: the Russian ambassador to Pakistan Danila Garnish candidly revealed",
        "quote: the Russian ambassador to Pakistan Danila Ganich candidly revealed",
    )
    root = make_bank("facts:\n" + bad)
    text = (root / "items.yaml").read_text(encoding="utf-8")
    assert read_yaml_quickly(root / "items.yaml", text) is not None  # the quick path
    with pytest.raises(ContentError) as caught:
        load_bank(root)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.field) == (14, 14, "facts.0.source.quote")
    assert problem.message.startswith("quote not found in the source")


def test_an_invalid_field_in_a_quickly_read_file_is_placed_exactly(make_bank):
    root = make_bank("facts:\n" + GOOD_FACT.replace("difficulty: easy", "difficulty: trivial"))
    with pytest.raises(ContentError) as caught:
        load_bank(root)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.field) == (11, 17, "facts.0.difficulty")
    assert problem.message == "Input should be 'easy', 'medium' or 'hard'"
