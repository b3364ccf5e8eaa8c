"""The source file: front matter, numbered paragraphs, and quote matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizlib import ContentError
from quizlib.source import read_source
from quizlib.text import fold
from tests.conftest import BUNDLED

ARTICLE = BUNDLED / "sources" / "pakistan-russia-volte-face.md"
SEED_LINES = 22  # the seed's last two lines are web-page residue


@pytest.fixture(scope="module")
def source():
    return read_source(ARTICLE)


def test_front_matter(source):
    assert source.meta.title == "Pakistan-Russian Strategic Volte-Face"
    assert source.meta.kind == "op-ed"
    assert "Comments are closed" in source.meta.origin  # says what was dropped


def test_paragraphs_are_numbered_with_their_lines(source):
    assert len(source.paragraphs) == 9
    assert [p.number for p in source.paragraphs] == list(range(1, 10))
    assert source.paragraph(1).text.startswith("The unprecedented changes in world order")
    assert source.paragraph(8).text.startswith("“The web of social and political life")
    assert source.paragraph(9).text.endswith("sustainable long-term partnership")
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    for paragraph in source.paragraphs:
        assert lines[paragraph.line - 1].strip() == paragraph.text


def test_web_page_residue_is_dropped(source):
    body = ARTICLE.read_text(encoding="utf-8").split("---", 2)[2]
    assert "Comments are closed." not in body
    assert "Subscribe to Newsletter" not in body


def test_text_is_verbatim_from_the_seed(source):
    seed = Path(__file__).parent / "fixtures" / "seed-body.txt"
    expected = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [p.text for p in source.paragraphs] == expected


@pytest.mark.parametrize(
    "quote",
    [
        "Russia`s grand strategy in the East seems to be “Balancer”",  # as printed
        'Russia\'s grand strategy in the east seems to be "balancer"',  # plain typing
        "RUSSIA’S   GRAND\nSTRATEGY in the East",  # case and whitespace runs
        "Cold-War era mistrust",
        "Cold\u2013War era mistrust",  # en dash for hyphen
        "Damocles's sword",  # straight apostrophe for a curly one
    ],
)
def test_quote_matching_ignores_case_space_and_quote_styles(source, quote):
    matches = source.find(quote)
    assert len(matches) == 1
    assert fold(matches[0].text) == fold(quote)


def test_match_reports_the_paragraph_and_original_span(source):
    (match,) = source.find("Danila Garnish")
    assert match.paragraph.number == 3
    assert match.text == "Danila Garnish"


def test_quote_must_match_whole_words(source):
    assert source.find("rue") == []  # inside "treacherous" and "true"-like words only
    assert len(source.find("the")) > 5


def test_quote_does_not_span_paragraphs(source):
    assert source.find("'economic diplomacy' to lay edifice") != []
    assert source.find("people-to-people contacts. Both Russia and Pakistan") == []


def test_closest_passage_for_a_near_miss(source):
    hint = source.closest("the Russian ambassador to Pakistan Danila Ganich candidly revealed")
    assert hint is not None
    assert hint.paragraph.number == 3
    assert hint.text == "the Russian ambassador to Pakistan Danila Garnish candidly revealed"


def test_no_hint_for_an_unrelated_quote(source):
    assert source.closest("quantum chromodynamics of gluon fields") is None


def test_source_without_front_matter(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("Just text.\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_source(path)
    assert str(caught.value.problems[0]).startswith(
        f"{path}:1:1: a source starts with front matter"
    )


def test_headings_are_not_paragraphs(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: T\nkind: note\norigin: test\n---\n\n# Heading\n\nOne\ntwo.\n\nThree.\n",
        encoding="utf-8",
    )
    source = read_source(path)
    assert [(p.number, p.text, p.line) for p in source.paragraphs] == [
        (1, "One two.", 9),
        (2, "Three.", 12),
    ]
