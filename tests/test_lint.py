"""The item-writing lint: a planted example of each finding, and a clean bundled bank."""

from __future__ import annotations

import re

import pytest

from quizlib import load_bank
from quizlib.lint import GUIDELINES, Severity, lint_bank
from tests.conftest import GOOD_FACT

# Two person facts and two organization facts, so each has same-kind company in the bank.
COMPANY = """\
  - id: lavrov-visit
    topic: diplomacy
    prompt: Which Russian foreign minister's visit to Pakistan frames the closing paragraph?
    answer: Sergey Lavrov
    kind: person
    distractors: [Vladimir Putin, Imran Khan, Dmitry Medvedev]
    explanation: The closing paragraph opens against the backdrop of his visit.
    statement: The closing paragraph is set against Sergey Lavrov's visit to Pakistan.
    difficulty: easy
    source:
      quote: Russian foreign minister Sergey Lavrov`s visit to Pakistan
"""


def findings(make_bank, *facts: str, guideline: str | None = None):
    bank = load_bank(make_bank("facts:\n" + "".join(facts) + COMPANY))
    found = lint_bank(bank)
    return [f for f in found if guideline is None or f.guideline == guideline]


def planted(make_bank, replacements: dict[str, str], guideline: str):
    text = GOOD_FACT
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    return findings(make_bank, text, guideline=guideline)


def test_bundled_bank_is_clean():
    found = lint_bank(load_bank())
    assert [str(f) for f in found if f.severity is not Severity.INFO] == []


def test_good_fact_is_clean(make_bank):
    assert findings(make_bank, GOOD_FACT) == []


def test_key_length(make_bank):
    (finding,) = planted(
        make_bank,
        {
            "answer: Danila Ganich": "answer: Ambassador Danila Ganich of the Russian Federation",
            "statement: Danila Ganich was": "statement: Ambassador Danila Ganich of the Russian Federation was",
            "aliases: [Danila Garnish]": "aliases: [Danila Garnish, Danila Ganich]",
        },
        "key-length",
    )
    assert finding.severity is Severity.ERROR
    assert "multiple-choice key is 50 characters, the distractors 12 on average" in finding.message


LAVROV_YUSUF_WALTZ = "[Sergey Lavrov, Moeed Yusuf, Kenneth Waltz]"
SPOKE = "prompt: Which Russian ambassador spoke"

# (what to change in the good fact, the guideline it breaks, the finding's message)
PLANTED = {
    "clang": (
        {SPOKE: "prompt: Which Danila spoke"},
        "multiple-choice: the stem and the key share danila",
    ),
    "clang (word stem)": (
        {SPOKE: "prompt: Which Ganich-like envoy spoke"},
        "multiple-choice: the stem and the key share ganich",
    ),
    "negative-stem": (
        {SPOKE: "prompt: Which Russian ambassador did not stay silent"},
        "'not' in the stem: reword, or write it in capitals",
    ),
    "absolutes": (
        {LAVROV_YUSUF_WALTZ: "[Sergey Lavrov, Moeed Yusuf, never Kenneth Waltz]"},
        "multiple-choice: only the distractor 'never Kenneth Waltz' uses an absolute",
    ),
    "duplicate-options": (
        {LAVROV_YUSUF_WALTZ: "[Sergey Lavrov, Moeed Yusuf, sergey lavrov.]"},
        "'sergey lavrov.' repeats 'Sergey Lavrov'",
    ),
    "overlapping-options": (
        {LAVROV_YUSUF_WALTZ: "[Sergey Lavrov, Moeed Yusuf, Ambassador Danila Ganich]"},
        "'Ambassador Danila Ganich' and 'Danila Ganich' overlap",
    ),
}


@pytest.mark.parametrize("planting", sorted(PLANTED))
def test_planted_finding(make_bank, planting):
    replacements, message = PLANTED[planting]
    (finding,) = planted(make_bank, replacements, planting.split()[0])
    assert finding.severity is Severity.ERROR
    assert finding.message == message


@pytest.mark.parametrize(
    ("replacements", "guideline"),
    [
        # A word the distractors share with the key is no clue.
        (
            {
                SPOKE: "prompt: Which Danila spoke",
                LAVROV_YUSUF_WALTZ: "[Danila Lavrova, Danila Yusuf, Danila Waltz]",
            },
            "clang",
        ),
        ({SPOKE: "prompt: Which Russian ambassador did NOT stay silent"}, "negative-stem"),
    ],
)
def test_near_misses_are_not_findings(make_bank, replacements, guideline):
    assert planted(make_bank, replacements, guideline) == []


def test_few_distractors(make_bank):
    lonely = GOOD_FACT.replace("kind: person", "kind: event").replace(
        "    distractors: [Sergey Lavrov, Moeed Yusuf, Kenneth Waltz]\n",
        "    distractors: [Sergey Lavrov]\n",
    )
    (finding,) = findings(make_bank, lonely, guideline="few-distractors")
    assert (
        finding.message
        == "only 1 distractor(s) of kind 'event' for 'Danila Ganich': add curated ones or more event items"
    )


def test_grammar_is_a_warning(make_bank):
    (finding,) = planted(
        make_bank,
        {
            "answer: Danila Ganich": "answer: the envoy Danila Ganich",
            "statement: Danila Ganich was": "statement: the envoy Danila Ganich was",
        },
        "grammar",
    )
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith(
        "multiple-choice: the key 'the envoy Danila Ganich' is shaped unlike every distractor"
    )


def test_clang_compares_stems_not_only_words(make_bank):
    (finding,) = planted(
        make_bank,
        {
            SPOKE: "prompt: Which balancing figure spoke",
            "answer: Danila Ganich": "answer: the Balancer",
            "    aliases: [Danila Garnish]\n": "",
            "statement: Danila Ganich was": "statement: the Balancer was",
            LAVROV_YUSUF_WALTZ: "[the Mediator, the Guarantor, the Spoiler]",
        },
        "clang",
    )
    assert finding.message == "multiple-choice: the stem and the key share balanc"


@pytest.mark.parametrize(
    ("fix", "expected"),
    [("", 1), ("    category: diplomat\n", 0), ("    pool: false\n", 0)],
)
def test_pool_reliance_is_a_warning_unless_category_or_pool_says_otherwise(
    make_bank, fix, expected
):
    # One curated distractor: the other two would be any person of the bank (here, Lavrov).
    thin = GOOD_FACT.replace(LAVROV_YUSUF_WALTZ, "[Moeed Yusuf]")
    thin = thin.replace("    difficulty:", fix + "    difficulty:")
    found = findings(make_bank, thin, guideline="pool-reliance")
    assert len(found) == expected
    for finding in found:
        assert finding.severity is Severity.WARNING
        assert finding.message.startswith("1 curated distractor(s): the rest come from any person")


CONCEPT = """\
concepts:
  - id: developing-states
    topic: diplomacy
    term: developing states
    definition: Countries whose economies are still being built up.
    kind: term
    explanation: The ambassador used it of both Russia and Pakistan.
    source:
      quote: both Russia and Pakistan are “developing” states
"""


@pytest.mark.parametrize(
    ("wrong", "expected"),
    [
        ("", 1),
        ("    wrong_definitions: [Countries that owe debts to Russia.]\n", 1),
        (
            "    wrong_definitions: [Countries that owe debts to Russia., States under sanctions.]\n",
            0,
        ),
    ],
)
def test_few_wrong_definitions_is_a_warning(make_bank, wrong, expected):
    bank = load_bank(make_bank("facts:\n" + GOOD_FACT + COMPANY + CONCEPT + wrong))
    found = [f for f in lint_bank(bank) if f.guideline == "few-wrong-definitions"]
    assert len(found) == expected
    assert all(f.severity is Severity.WARNING and f.item_id == "developing-states" for f in found)


@pytest.mark.parametrize(
    ("wrong", "expected"),
    [
        # Each wrong meaning changes one part of the key: the key is the centre of them all.
        (
            "[Nations whose armies are still growing steadily., "
            "Nations whose economies are still shrinking steadily., "
            "Nations whose economies are still growing slowly.]",
            1,
        ),
        # Wrong meanings that differ from the key and each other along several lines.
        (
            "[Countries that owe debts to Russia., States under Western sanctions., "
            "Nations that left the Soviet bloc.]",
            0,
        ),
    ],
)
def test_convergence_is_a_warning(make_bank, wrong, expected):
    concept = CONCEPT.replace(
        "Countries whose economies are still being built up.",
        "Nations whose economies are still growing steadily.",
    )
    concept += f"    wrong_definitions: {wrong}\n"
    bank = load_bank(make_bank("facts:\n" + GOOD_FACT + COMPANY + concept))
    found = [f for f in lint_bank(bank) if f.guideline == "convergence"]
    assert len(found) == expected
    for finding in found:
        assert finding.severity is Severity.WARNING
        assert finding.message.startswith("definition: the key shares")


def test_enemy_pairs_are_notes_on_the_item_that_gives_the_other_away(make_bank):
    telling = GOOD_FACT.replace(
        "statement: Danila Ganich was the Russian ambassador who spoke at the webinar.",
        "statement: Danila Ganich spoke at the webinar, not Sergey Lavrov.",
    )
    bank = load_bank(make_bank("facts:\n" + telling + COMPANY))
    (note,) = [f for f in lint_bank(bank) if f.guideline == "enemies"]
    assert note.severity is Severity.INFO
    assert note.item_id == "ambassador-name"
    assert note.message == (
        "its statement shows 'Sergey Lavrov', the answer of lavrov-visit; never asked together "
        "(ambassador-name gives away 1 item)"
    )


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("the Kremlin Envoy", 1), ("the kremlin envoy", 0)],
)
def test_capitals_is_a_warning_when_the_key_alone_is_capitalised(make_bank, answer, expected):
    # Distractors Sergey Lavrov, Moeed Yusuf, Kenneth Waltz are names: so is a name key.
    fact = GOOD_FACT.replace(
        LAVROV_YUSUF_WALTZ, "[the tsar's envoy, the president's man, a junior aide]"
    )
    fact = fact.replace("answer: Danila Ganich", f"answer: {answer}").replace(
        "statement: Danila Ganich was", f"statement: {answer} was"
    )
    found = findings(make_bank, fact, guideline="capitals")
    assert len(found) == expected
    for finding in found:
        assert finding.severity is Severity.WARNING
        assert (
            finding.message
            == "multiple-choice: the key 'the Kremlin Envoy' alone starts with a capital"
        )


def test_every_guideline_has_a_planted_test():
    tested = {name.removeprefix("test_") for name in globals() if name.startswith("test_")}
    assert {"key_length", "few_distractors", "grammar_is_a_warning", "planted_finding"} <= tested
    planted_ones = {p.split()[0] for p in PLANTED}
    others = {"key-length", "few-distractors", "grammar", "pool-reliance"}
    others |= {"few-wrong-definitions", "enemies", "capitals", "convergence"}
    assert planted_ones | others == set(GUIDELINES)


def test_cli_prints_findings_with_place_and_exits_2(run_cli, make_bank):
    bad = GOOD_FACT.replace(
        "prompt: Which Russian ambassador spoke",
        "prompt: Which Russian ambassador did not stay silent",
    )
    code, out, _ = run_cli("lint", make_bank("facts:\n" + bad + COMPANY))
    assert code == 2
    first, summary = out.splitlines()[0], out.splitlines()[-1]
    assert re.fullmatch(
        r".*/items\.yaml:2: ambassador-name: error: negative-stem: 'not' in the stem: reword, or write it in capitals",
        first,
    )
    assert summary == "1 error, 0 warnings"


def test_cli_exits_0_on_the_bundled_bank(run_cli):
    code, out, _ = run_cli("lint")
    assert code == 0
    assert out.splitlines()[-1].startswith("0 errors")


def test_warnings_alone_exit_0(run_cli, make_bank):
    text = GOOD_FACT.replace("answer: Danila Ganich", "answer: the Kremlin envoy").replace(
        "statement: Danila Ganich was", "statement: the Kremlin envoy was"
    )
    code, out, _ = run_cli("lint", make_bank("facts:\n" + text + COMPANY))
    assert out.splitlines()[-1] == "0 errors, 1 warning"
    assert code == 0
