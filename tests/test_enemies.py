"""Enemy items: the automaton agrees with a pair-by-pair search, both ways round."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizlib import Fact, load_bank
from quizlib.enemies import EnemyFinder, EnemyGuard, declared_enemies, keys_of, shown_texts
from quizlib.text import comparable

BANK = load_bank()


def _brute_force(items):
    """Every pair, the slow way: is a key of one, as whole words, in a text the other shows?"""
    pairs = set()
    for a in items:
        for b in items:
            if a.id == b.id:
                continue
            texts = [f" {comparable(t)} " for _, t in shown_texts(b)]
            if any(f" {comparable(k)} " in t for k in keys_of(a) if comparable(k) for t in texts):
                pairs |= {(a.id, b.id), (b.id, a.id)}
        named = [*a.enemies, *getattr(a, "related", [])]
        pairs |= {(a.id, o) for o in named} | {(o, a.id) for o in named}
    return pairs


def _relation(finder, items):
    return {(a.id, b) for a in items for b in finder.of(a.id)}


def test_bundled_bank_agrees_with_brute_force():
    items = list(BANK.items())
    assert _relation(BANK.enemies, items) == _brute_force(items)


def _guard_agrees_with_finder(items, finder, declared):
    for a in items:
        guard = EnemyGuard(declared)
        guard.take(a)
        for b in items:
            if b.id != a.id:
                assert guard.admits(b) == (b.id not in finder.of(a.id)), (a.id, b.id)


def test_the_guard_of_one_quiz_agrees_with_the_whole_bank_relation():
    items = list(BANK.items())
    _guard_agrees_with_finder(items, BANK.enemies, BANK.declared_enemies)


WORDS = ["gas", "pipeline", "gas pipeline", "Iran", "Iran's", "iran-pakistan", "port", "sport"]


def _fact(index, answer, prompt_words):
    return Fact.model_validate(
        {
            "id": f"f{index}",
            "topic": "t",
            "prompt": " ".join(prompt_words) + "?",
            "answer": answer,
            "kind": "term",
            "explanation": "x",
            "statement": f"It is {answer}.",
            "difficulty": "easy",
            "source": {"quote": "q"},
        }
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.lists(st.sampled_from(WORDS), max_size=4)),
        min_size=1,
        max_size=8,
    )
)
def test_generated_banks_agree_with_brute_force(specs):
    # Words that overlap (gas / gas pipeline, port / sport, Iran / Iran's) test whole-word rules.
    items = [_fact(i, answer, words) for i, (answer, words) in enumerate(specs)]
    finder = EnemyFinder(items)
    assert _relation(finder, items) == _brute_force(items)
    _guard_agrees_with_finder(items, finder, declared_enemies(items))


def test_first_and_count_agree_with_the_clashes():
    for item in BANK.items():
        clashes = BANK.enemies.clashes(item)
        first, count = BANK.enemies.first_and_count(item)
        assert count == len({c.answered for c in clashes})
        if clashes:
            assert first == [c for c in clashes if c.answered == first[0].answered]
        else:
            assert first == []
