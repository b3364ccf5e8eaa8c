"""Distractors: same kind as the key, never the key, ordered where numbers are."""

from __future__ import annotations

import random
import re
from itertools import pairwise

import pytest

from quizlib import Fact, Form, load_bank
from quizlib.distractors import DistractorPool, overlaps, valid_options
from quizlib.draws import Draws
from quizlib.forms import QuestionMaker
from quizlib.model import Kind
from quizlib.text import comparable
from tests.conftest import GOOD_FACT

BANK = load_bank()
MAKER = QuestionMaker(BANK)


def _questions(kind: Kind, seeds=range(25)):
    for fact in BANK.facts:
        if fact.kind is kind:
            for seed in seeds:
                question = MAKER.make(fact, Form.MULTIPLE_CHOICE, seed=seed)
                assert question is not None, fact.id
                yield fact, question


def _known(kind: Kind) -> set[str]:
    """Everything the bank itself calls a thing of this kind: answers, aliases, curated lists."""
    names = set()
    for fact in BANK.facts:
        if fact.kind is kind:
            names |= {fact.answer, *fact.aliases, *fact.distractors}
    for concept in BANK.concepts:
        if concept.kind is kind:
            names |= {concept.term, *concept.aliases, *concept.distractors}
    return names


# The named kinds the bundled bank asks about (it has no country item since round 7).
NAMED_KINDS = [
    k
    for k in (Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY, Kind.PLACE)
    if any(f.kind is k for f in BANK.facts)
]


def test_the_bank_still_has_named_kinds_to_check():
    assert {Kind.PERSON, Kind.ORGANIZATION} <= set(NAMED_KINDS)


@pytest.mark.parametrize("kind", NAMED_KINDS)
def test_distractors_are_of_the_keys_kind(kind):
    known = _known(kind)
    people_or_orgs = list(_questions(kind))
    assert people_or_orgs
    for fact, question in people_or_orgs:
        for distractor in question.distractors:
            assert distractor in known, (fact.id, distractor)


def test_person_distractors_are_people_named_in_the_bank():
    people = {f.answer for f in BANK.facts if f.kind is Kind.PERSON}
    for fact, question in _questions(Kind.PERSON):
        for distractor in question.distractors:
            # Every curated person distractor is also a person answer somewhere, or a known figure.
            assert distractor in people or distractor in fact.distractors


# The bundled bank has no year item any more (the 2014 arms-market item was general knowledge):
# a year fact on the bundled article's paragraph 5, whose years are 2014 and, next door, 2020.
YEAR_FACT = """\
facts:
  - id: arms-market-year
    topic: security-multilateral
    prompt: In which year did Russia open its sophisticated weapon market to Pakistan?
    answer: "2014"
    kind: year
    distractors: ["2016", "2018", "2011"]
    explanation: The article says Russia opened its weapon market to Pakistan in 2014.
    statement: According to the article, Russia opened its sophisticated weapon market to Pakistan in 2014.
    difficulty: medium
    source:
      quote: As Russia opened doors for Pakistan to its sophisticated weapon market in 2014
"""


@pytest.fixture
def year_bank(make_bank):
    bank = load_bank(make_bank(YEAR_FACT))
    return bank, QuestionMaker(bank)


def _year_questions(bank, maker, seeds=range(25)):
    found = []
    for fact in bank.facts:
        if fact.kind is Kind.YEAR:
            for seed in seeds:
                question = maker.make(fact, Form.MULTIPLE_CHOICE, seed=seed)
                assert question is not None, fact.id
                found.append((fact, question))
    assert found  # a year fact to test
    return found


def test_year_distractors_are_nearby_years_in_order(year_bank):
    for fact, question in _year_questions(*year_bank):
        years = [int(o) for o in question.options]
        assert all(re.fullmatch(r"\d{4}", o) for o in question.options)
        assert years == sorted(years)
        assert all(abs(y - int(fact.answer)) <= 10 for y in years), years


def test_year_key_can_sit_at_every_position(year_bank):
    bank, maker = year_bank
    fact = bank.item("arms-market-year")
    for position in range(4):
        question = maker.make(fact, Form.MULTIPLE_CHOICE, position=position, seed=1)
        assert question is not None and question.key == position
        assert question.options[position] == "2014"


def test_a_year_item_of_a_real_bank_too():
    # The honeybee fixture bank's year fact: curated years, in order, the key among them.
    from tests.tui_helpers import honeybee

    bank = honeybee()
    fact = bank.item("nobel-year")
    maker = QuestionMaker(bank)
    for position in range(4):
        question = maker.make(fact, Form.MULTIPLE_CHOICE, position=position, seed=2)
        assert question is not None and question.key == position
        years = [int(o) for o in question.options]
        assert years == sorted(years) and len(set(years)) == 4
        assert question.options[position] == "1973"


def test_curated_distractors_come_first():
    fact = BANK.item("ambassador-ganich")
    for seed in range(10):
        question = MAKER.make(fact, Form.MULTIPLE_CHOICE, seed=seed)
        assert question is not None
        assert sorted(question.distractors) == sorted(fact.distractors)


PLANTED = (
    GOOD_FACT
    + """\
  - id: other-envoy
    topic: diplomacy
    prompt: Who is the other envoy?
    answer: DANILA GANICH.
    kind: person
    explanation: A near copy of the key in another item; it must never be offered as wrong.
    statement: The other envoy is DANILA GANICH.
    difficulty: easy
    source:
      quote: Special Assistant to Prime Minister on National Security Dr. Moeed Yusuf
  - id: catch-all
    topic: diplomacy
    prompt: Which option is a catch-all?
    answer: All of the above
    kind: person
    explanation: A catch-all must never be offered.
    statement: The catch-all is All of the above.
    difficulty: easy
    source:
      quote: President Putin is also eager
  - id: long-name
    topic: diplomacy
    prompt: Who has a very long name?
    answer: His Excellency the Extraordinary and Plenipotentiary Ambassador
    kind: person
    explanation: Far longer than the key; outside the length band.
    statement: His Excellency the Extraordinary and Plenipotentiary Ambassador has a long name.
    difficulty: easy
    source:
      quote: Sergey Lavrov`s visit to Pakistan
  - id: plain-person
    topic: diplomacy
    prompt: Who is plain?
    answer: Imran Khan
    kind: person
    explanation: A fair same-kind distractor.
    statement: Imran Khan is plain.
    difficulty: easy
    source:
      quote: Kenneth Waltz when he asserted
  - id: second-plain-person
    topic: diplomacy
    prompt: Who is also plain?
    answer: Nawaz Sharif
    kind: person
    explanation: A second fair same-kind distractor.
    statement: Nawaz Sharif is also plain.
    difficulty: easy
    source:
      quote: Dr. Moeed Yusuf commented on this diplomatic coup
"""
)


def test_pool_never_offers_the_key_a_catch_all_or_an_out_of_band_option(make_bank):
    bank = load_bank(
        make_bank(
            "facts:\n"
            + PLANTED.replace("    distractors: [Sergey Lavrov, Moeed Yusuf, Kenneth Waltz]\n", "")
        )
    )
    maker = QuestionMaker(bank)
    seen = set()
    for seed in range(40):
        question = maker.make(bank.item("ambassador-name"), Form.MULTIPLE_CHOICE, seed=seed)
        assert question is not None
        seen |= set(question.distractors)
    # The near copy of the key, the catch-all and the far longer name never appear.
    assert seen == {"Imran Khan", "Nawaz Sharif"}


def test_a_single_usable_distractor_is_too_few_for_a_question(make_bank):
    without_second = PLANTED[: PLANTED.index("  - id: second-plain-person")]
    bank = load_bank(
        make_bank(
            "facts:\n"
            + without_second.replace(
                "    distractors: [Sergey Lavrov, Moeed Yusuf, Kenneth Waltz]\n", ""
            )
        )
    )
    assert QuestionMaker(bank).make(bank.item("ambassador-name"), Form.MULTIPLE_CHOICE) is None


def test_true_false_false_variant_swaps_in_a_same_kind_distractor():
    fact = BANK.item("ambassador-ganich")
    assert isinstance(fact, Fact)
    question = MAKER.make(fact, Form.TRUE_FALSE, position=1, seed=3)
    assert question is not None and question.answer == "False"
    swapped = question.stem.removeprefix("True or false? ")
    assert "Danila Ganich" not in swapped
    assert any(d in swapped for d in fact.distractors)
    assert question.explanation.startswith("False: it is Danila Ganich, not ")
    true = MAKER.make(fact, Form.TRUE_FALSE, position=0)
    assert true is not None and true.stem == f"True or false? {fact.statement}" and true.key == 0


def test_cloze_blanks_the_answer(year_bank):
    bank, maker = year_bank
    fact = bank.item("arms-market-year")
    question = maker.make(fact, Form.CLOZE)
    assert question is not None
    assert (
        question.cloze
        == "According to the article, Russia opened its sophisticated weapon market to Pakistan in {{c1::2014}}."
    )
    assert question.stem.endswith("in _____.")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("India", "India and Iran", True),
        ("the Taliban", "Taliban", True),
        ("Iran", "Iraq", False),
        ("Act East", "Acting West", False),
        ("2014", "2014", True),
    ],
)
def test_overlaps(a, b, expected):
    assert overlaps(a, b) is expected


def test_numbers_get_nearby_values(make_bank):
    number_fact = (
        GOOD_FACT.replace("kind: person", "kind: number")
        .replace("answer: Danila Ganich", 'answer: "1,200 troops"')
        .replace("    aliases: [Danila Garnish]\n", "")
        .replace("    distractors: [Sergey Lavrov, Moeed Yusuf, Kenneth Waltz]\n", "")
        .replace("statement: Danila Ganich was", "statement: 1,200 troops were with")
    )
    bank = load_bank(make_bank("facts:\n" + number_fact))
    pool = DistractorPool(bank)
    ordered = pool.choose_ordered(bank.facts[0], 3, 2, Draws("1"))
    assert ordered is not None and ordered.key == 2
    values = [int(o.split()[0].replace(",", "")) for o in ordered.options]
    assert values == sorted(values) and len(set(values)) == 4
    assert all(o.endswith(" troops") for o in ordered.options)
    assert comparable(ordered.options[2]) == comparable("1,200 troops")


def _person_fact(item_id: str, answer: str, quote: str, extra: str = "") -> str:
    return f"""\
  - id: {item_id}
    topic: diplomacy
    prompt: Which person is meant here ({item_id})?
    answer: {answer}
    kind: person
    explanation: Named in the article.
    statement: The person is {answer}.
    difficulty: easy
{extra}    source:
      quote: {quote}
"""


def test_category_restricts_pool_distractors_and_pool_false_switches_them_off(make_bank):
    officials = [
        ("lavrov", "Sergey Lavrov", "Russian foreign minister Sergey Lavrov`s visit"),
        ("putin", "Vladimir Putin", "President Putin is also eager"),
        ("ganich", "Danila Ganich", "ambassador to Pakistan Danila Garnish"),
    ]
    others = [
        ("yusuf", "Moeed Yusuf", "Dr. Moeed Yusuf"),
        ("waltz", "Kenneth Waltz", "Kenneth Waltz when he asserted"),
        ("walt", "Stephen Walt", "Stephen Walts"),
    ]
    text = "facts:\n"
    text += "".join(
        _person_fact(i, a, q, "    category: russian-official\n") for i, a, q in officials
    )
    text += "".join(_person_fact(i, a, q) for i, a, q in others)
    bank = load_bank(make_bank(text))
    maker = QuestionMaker(bank)
    for seed in range(20):
        question = maker.make(bank.item("lavrov"), Form.MULTIPLE_CHOICE, seed=seed, options=3)
        assert question is not None
        assert set(question.distractors) == {"Vladimir Putin", "Danila Ganich"}
        # Without a category, any person may be drawn.
        free = maker.make(bank.item("yusuf"), Form.MULTIPLE_CHOICE, seed=seed)
        assert free is not None and len(free.distractors) == 3
    lonely = bank.item("lavrov").model_copy(update={"pool": False})
    assert maker.make(lonely, Form.MULTIPLE_CHOICE) is None  # no curated ones, no pool


def test_definition_questions_offer_wrong_meanings_of_the_same_term():
    asked = 0
    for concept in BANK.concepts:
        question = MAKER.make(concept, Form.DEFINITION, seed=3)
        if len(concept.wrong_definitions) < 2:
            assert question is None, concept.id
            continue
        asked += 1
        assert question is not None
        assert set(question.distractors) <= set(concept.wrong_definitions)
        assert question.answer == concept.definition
    assert asked >= len(BANK.concepts) // 2


def test_year_distractors_take_the_articles_other_years_and_never_three_in_a_row(year_bank):
    article_years = {"2014", "2020"}
    for fact, question in _year_questions(*year_bank):
        assert question.key is not None
        for other in article_years - {fact.answer}:
            # Wherever the key's position leaves room on that side of it.
            room = question.key < 3 if int(other) > int(fact.answer) else question.key > 0
            assert other in question.options or not room, question.options
        years = sorted(int(o) for o in question.options)
        assert all(b - a >= 2 for a, b in pairwise(years)), years


def _valid_by_overlaps(candidates, key, accepted):
    """valid_options as its docstring says it, pair by pair with overlaps: the reference."""
    out: list[str] = []
    for candidate in candidates:
        if comparable(candidate) in {"all of the above", "none of the above", "both of the above"}:
            continue
        if comparable(candidate) == "neither":
            continue
        if any(overlaps(candidate, k) for k in [key, *accepted]):
            continue
        if any(overlaps(candidate, other) for other in out):
            continue
        out.append(candidate)
    return out


def test_valid_options_agree_with_overlaps_pair_by_pair():
    words = [
        "India",
        "the India",
        "Iran",
        "India and Iran",
        "",
        "...",
        "All of the above",
        "Neither",
        "the",
        "A",
        "Pakistan.",
        "pakistan",
        "New Delhi",
        "Delhi",
        "2014",
    ]
    rng = random.Random(3)
    for _ in range(3000):
        key, *accepted = rng.sample(words, rng.randrange(1, 3))
        candidates = [rng.choice(words) for _ in range(rng.randrange(0, 7))]
        assert valid_options(candidates, key, accepted) == _valid_by_overlaps(
            candidates, key, accepted
        ), (candidates, key, accepted)


def test_choice_gives_the_multiple_choice_questions_options_and_key():
    for fact in BANK.facts:
        for seed in (0, "anki", 7):
            for options in (3, 4, 5):
                question = MAKER.make(fact, Form.MULTIPLE_CHOICE, options=options, seed=seed)
                expected = None if question is None else (question.options, question.key)
                assert MAKER.choice(fact, options=options, seed=seed) == expected, fact.id


def test_a_curated_distractor_mixed_with_pool_ones_has_no_place_of_its_own(make_bank):
    people = [
        ("yusuf", "Moeed Yusuf", "Dr. Moeed Yusuf"),
        ("waltz", "Kenneth Waltz", "Kenneth Waltz when he asserted"),
        ("walt", "Stephen Walt", "Stephen Walts"),
        ("putin", "Vladimir Putin", "President Putin is also eager"),
    ]
    curated = "    distractors: [Sergey Lavrov]\n"
    text = "facts:\n" + "".join(
        _person_fact(i, a, q, curated if i == "yusuf" else "") for i, a, q in people
    )
    bank = load_bank(make_bank(text))
    maker = QuestionMaker(bank)
    places = set()
    for seed in range(30):
        question = maker.make(bank.item("yusuf"), Form.MULTIPLE_CHOICE, seed=seed, position=0)
        assert question is not None and "Sergey Lavrov" in question.distractors
        places.add(question.distractors.index("Sergey Lavrov"))
    assert places == {0, 1, 2}  # drawn first, but shown anywhere among the distractors
