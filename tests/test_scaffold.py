"""`quizlib new`: start a bank for another article, fill one item, and it checks."""

from __future__ import annotations

import pytest
import yaml

from quizlib import load_bank
from tests.conftest import BUNDLED, FIXTURES

HAND_FILLED = """\
facts:
  - id: waggle-run-distance
    topic: main
    prompt: What does the length of each waggle run tell the bees that follow the dance?
    answer: the distance
    kind: phrase
    distractors: [the direction, the flower type, the nectar quality]
    explanation: The article says the length of each waggle run tells the distance to the food.
    statement: The length of each waggle run tells the distance to the flowers.
    difficulty: easy
    source:
      quote: The length of each waggle run tells the distance.
concepts: []
"""


def test_new_then_fill_then_check(run_cli, tmp_path):
    bank_dir = tmp_path / "bees"
    code, out, err = run_cli("new", FIXTURES / "honeybee-dance.md", "--bank", bank_dir)
    assert code == 0, err
    assert f"Started a bank in {bank_dir}" in out
    assert sorted(p.name for p in bank_dir.iterdir()) == [
        "bank.yaml",
        "items.yaml",
        "schema",
        "sources",
    ]

    # The starter checks as it is: structure declared, examples commented out.
    code, out, err = run_cli("check", bank_dir)
    assert code == 0, err
    assert "How Honeybees Share Directions (honeybee-dance)" in out
    assert "0 facts, 0 concepts, grounded in 3 paragraphs" in out

    starter = (bank_dir / "items.yaml").read_text(encoding="utf-8")
    assert starter.count("# ¶") == 3  # one commented example per paragraph

    (bank_dir / "items.yaml").write_text(HAND_FILLED, encoding="utf-8")
    code, out, err = run_cli("check", bank_dir)
    assert code == 0, err
    assert "1 facts, 0 concepts" in out
    code, out, _ = run_cli("coverage", bank_dir)
    assert "¶2 (line " in out and "1 item: waggle-run-distance" in out


def test_every_commented_example_checks_once_uncommented(tmp_path, run_cli):
    bank_dir = tmp_path / "bees"
    run_cli("new", FIXTURES / "honeybee-dance.md", "--bank", bank_dir)
    starter = (bank_dir / "items.yaml").read_text(encoding="utf-8")
    examples = [
        line[2:]
        for line in starter.splitlines()
        if line.startswith("# ")
        and "¶" not in line
        and not line.startswith("# yaml-language-server")
        and line[2:].startswith(("-", " "))
    ]
    items = yaml.safe_load("\n".join(examples))
    (bank_dir / "items.yaml").write_text(yaml.safe_dump({"facts": items}), encoding="utf-8")
    bank = load_bank(bank_dir)
    assert [bank.citation(f).paragraph.number for f in bank.facts] == [1, 2, 3]


def test_new_keeps_existing_front_matter(tmp_path, run_cli):
    bank_dir = tmp_path / "copy"
    code, _, err = run_cli(
        "new", BUNDLED / "sources" / "pakistan-russia-volte-face.md", "--bank", bank_dir
    )
    assert code == 0, err
    copied = bank_dir / "sources" / "pakistan-russia-volte-face.md"
    assert (
        copied.read_bytes() == (BUNDLED / "sources" / "pakistan-russia-volte-face.md").read_bytes()
    )
    assert load_bank(bank_dir).source.meta.kind == "op-ed"


def test_new_refuses_to_overwrite(tmp_path, run_cli):
    bank_dir = tmp_path / "bees"
    run_cli("new", FIXTURES / "honeybee-dance.md", "--bank", bank_dir)
    before = (bank_dir / "items.yaml").read_text(encoding="utf-8")
    code, _, err = run_cli("new", FIXTURES / "honeybee-dance.md", "--bank", bank_dir)
    assert code == 2
    assert err == f"quizlib: {bank_dir}: already exists and is not empty; choose a new directory\n"
    assert (bank_dir / "items.yaml").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    "text", ["---\ntitle: Broken\n---\n\nText.\n", "---\ntitle: [\n---\n\nText.\n"]
)
def test_bad_source_writes_nothing(tmp_path, run_cli, text):
    source = tmp_path / "bad.md"
    source.write_text(text, encoding="utf-8")
    code, _, err = run_cli("new", source, "--bank", tmp_path / "out")
    assert code == 2
    assert err.startswith(f"{source}:")  # the user's file, not a staging copy
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.md"]


def test_missing_source(tmp_path, run_cli):
    code, _, err = run_cli("new", tmp_path / "nope.md", "--bank", tmp_path / "out")
    assert code == 2 and "nope.md: cannot read the source" in err
    assert not (tmp_path / "out").exists()
