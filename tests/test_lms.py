"""LMS files, each read back by a reader that shares no code with quizlib.lms."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from quizlib import build_quiz, load_bank
from quizlib.lms import (
    FORMATS,
    LmsError,
    Pool,
    export_bank,
    identifier,
    item_id_of,
    parse_formats,
    pool_from_bank,
    render,
    write_lms,
)
from quizlib.lms.gift import category_path
from quizlib.lms.pool import feedback_text
from quizlib.model import Difficulty, Kind
from quizlib.question import Citation, Form, Question

from .conftest import BUNDLED
from .lms_readers import (
    Read,
    canonical_qti12,
    expected,
    read_gift,
    read_moodle_xml,
    read_qti21,
    text2qti_source,
    text2qti_zip,
)

NASTY = "Tilde ~ equals = hash # braces { } colon : less < greater > and & slash \\ ]]> %"


def _question(form: Form, suffix: str, **fields: object) -> Question:
    base: dict[str, object] = {
        "id": f"nasty-item:{form}{suffix}",
        "item_id": "nasty-item",
        "form": form,
        "stem": f"{NASTY}?\n\nA second paragraph after a blank line: {{x}} ~y =z",
        "options": [],
        "key": None,
        "answer": "",
        "explanation": f"Because {NASTY}.\n\nAnd a second paragraph.",
        "citation": Citation(quote=f"“{NASTY}”", paragraph=7),
        "topic": "diplomacy",
        "difficulty": Difficulty.MEDIUM,
        "kind": Kind.PHRASE,
        "note": "A note with <b>not bold</b> & #1",
    }
    base.update(fields)
    return Question.model_validate(base)


NASTY_QUESTIONS = [
    _question(
        Form.MULTIPLE_CHOICE,
        "",
        options=["a ~ b", "c = d # e", "{f} : g", "<h> & i \\ j"],
        key=2,
        answer="{f} : g",
    ),
    _question(
        Form.TRUE_FALSE,
        ":false",
        stem=f"True or false? {NASTY} is {{false}}.",
        options=["True", "False"],
        key=1,
        answer="False",
    ),
    _question(
        Form.TRUE_FALSE,
        ":true",
        stem=f"True or false? {NASTY} is {{true}}.",
        options=["True", "False"],
        key=0,
        answer="True",
    ),
    _question(
        Form.CLOZE,
        "",
        stem=f"Type it: {NASTY}\n\n~ = # {{ }} : < > &",
        answer="A & B {x} : ~y",
        accepted=["a#b = c", "<tag>"],
    ),
]
READERS = {
    "gift": lambda data: read_gift(data.decode("utf-8")),
    "moodle-xml": lambda data: read_moodle_xml(data.decode("utf-8")),
    "qti21": read_qti21,
}


@pytest.fixture(scope="module")
def bank():
    return load_bank(BUNDLED)


def _same(read: Read, question: Question, fmt: str) -> None:
    want = expected(question)
    assert read.name == question.id
    assert read.qtype == want.qtype
    assert read.text == want.text
    assert read.options == want.options
    if fmt == "qti21" and want.qtype == "shortanswer":
        # QTI's map entries are matched without case: two spellings differing in case are one.
        want.right = list({r.casefold(): r for r in reversed(want.right)}.values())[::-1]
    assert read.right == want.right
    assert read.feedback == feedback_text(question)
    assert question.explanation in read.feedback
    assert question.citation.quote in read.feedback
    assert f"paragraph {question.citation.paragraph}" in read.feedback


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_content_with_every_special_character_round_trips(fmt):
    pool = Pool.of("Escapes: ~ = # { } : < > &", NASTY_QUESTIONS, {"diplomacy": "A/B & C"})
    reads = READERS[fmt](render(pool, fmt))
    assert len(reads) == len(NASTY_QUESTIONS)
    for read, question in zip(reads, NASTY_QUESTIONS, strict=True):
        _same(read, question, fmt)
    if fmt != "qti21":
        assert {r.category for r in reads} == {category_path(pool, "A/B & C")}
    else:
        assert {r.category for r in reads} == {"A/B & C"}


def test_canvas_qti12_matches_text2qti_element_by_element():
    pool = Pool.of("Escapes: ~ = # { } : < > &", NASTY_QUESTIONS)
    _matches_text2qti(pool)


def _matches_text2qti(pool: Pool) -> None:
    ours = render(pool, "qti12")
    source = text2qti_source(
        pool.title, [(e.question, feedback_text(e.question)) for e in pool.questions]
    )
    theirs = text2qti_zip(source)
    idents: list[str] = []
    for entry in pool.questions:
        ident = identifier(entry.question.id)
        count = len(entry.question.options) or len(
            dict.fromkeys([entry.question.answer, *entry.question.accepted])
        )
        idents += [ident, f"{ident}.ref", *(f"{ident}.{i}" for i in range(count))]
    mine, reference = canonical_qti12(ours, idents), canonical_qti12(theirs, idents)
    assert [name for name, _ in mine] == [name for name, _ in reference]
    for (name, tree), (_, want) in zip(mine, reference, strict=True):
        assert tree == want, name


def test_a_40_question_canvas_quiz_matches_text2qti(bank):
    quiz = build_quiz(bank, 40, seed=3)
    _matches_text2qti(Pool.of(quiz.title, quiz.questions))


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_the_whole_bank_as_a_pool_reads_back(bank, fmt):
    pool = pool_from_bank(bank)
    reads = READERS[fmt](render(pool, fmt))
    assert len(reads) == len(pool.questions)
    assert len({r.name for r in reads}) == len(reads)
    titles = {t.id: t.title for t in bank.topics}
    for read, entry in zip(reads, pool.questions, strict=True):
        _same(read, entry.question, fmt)
        topic = titles[entry.question.topic]
        assert read.category == (topic if fmt == "qti21" else category_path(pool, topic))


def test_the_bank_pool_holds_every_item_in_the_forms_that_fit(bank):
    pool = pool_from_bank(bank)
    by_item: dict[str, set[str]] = {}
    for entry in pool.questions:
        by_item.setdefault(entry.question.item_id, set()).add(entry.question.id.split(":", 1)[1])
    assert set(by_item) == {item.id for item in bank.items()}
    for fact in bank.facts:
        assert "short-answer" in by_item[fact.id]
        assert by_item[fact.id] <= {"multiple-choice", "true-false:true", "short-answer"}
    for concept in bank.concepts:
        assert by_item[concept.id] <= {"term", "definition", "short-answer"}
    assert pool.questions == pool_from_bank(bank).questions


def test_bank_pool_canvas_zip_matches_text2qti(bank):
    pool = pool_from_bank(bank)
    # text2qti refuses two questions with the same text, and a fact's short answer asks its
    # multiple-choice prompt again: compare them in two packages.
    for typed in (False, True):
        part = tuple(e for e in pool.questions if (not e.question.options) is typed)
        _matches_text2qti(Pool(pool.title, part))


def test_exam_versions_every_question_once_key_right(bank, tmp_path):
    versions = {
        name: build_quiz(bank, 20, seed=seed).questions
        for name, seed in (("A", 1), ("B", 2), ("C", 3))
    }
    titles = {t.id: t.title for t in bank.topics}
    paths = write_lms(versions, tmp_path, title="Midterm", categories=titles)
    assert sorted(p.name for p in paths) == sorted(
        f"{v}{s}"
        for v in versions
        for s in (".moodle.xml", ".gift.txt", ".canvas-qti12.zip", ".qti21.zip")
    )
    for name, questions in versions.items():
        for fmt, suffix in (("gift", ".gift.txt"), ("moodle-xml", ".moodle.xml")):
            reads = READERS[fmt]((tmp_path / f"{name}{suffix}").read_bytes())
            assert [r.name for r in reads] == [q.id for q in questions]
            for read, question in zip(reads, questions, strict=True):
                _same(read, question, fmt)
        reads = read_qti21((tmp_path / f"{name}.qti21.zip").read_bytes())
        assert sorted(r.name for r in reads) == sorted(q.id for q in questions)
        for read in reads:
            question = next(q for q in questions if q.id == read.name)
            _same(read, question, "qti21")
        pool = Pool.of(f"Midterm ({name})", questions, titles)
        _matches_text2qti(pool)


def test_same_questions_same_bytes(bank, tmp_path):
    quiz = build_quiz(bank, 15, seed=5)
    first = write_lms({"A": quiz.questions}, tmp_path / "1", title="T")
    again = write_lms({"A": build_quiz(bank, 15, seed=5).questions}, tmp_path / "2", title="T")
    for one, two in zip(first, again, strict=True):
        assert one.name == two.name and one.read_bytes() == two.read_bytes()
    other = write_lms({"A": build_quiz(bank, 15, seed=6).questions}, tmp_path / "3", title="T")
    assert first[2].read_bytes() != other[2].read_bytes()


def test_identifiers_give_back_the_item_id():
    for question in NASTY_QUESTIONS:
        assert item_id_of(identifier(question.id)) == question.item_id
    assert identifier("1947-partition:term") == "_1947-partition.term"
    assert item_id_of("_1947-partition.term") == "1947-partition"


def test_zip_entries_are_the_same_every_time():
    data = render(Pool.of("T", NASTY_QUESTIONS), "qti21")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.testzip() is None


def test_gift_refuses_what_it_cannot_carry():
    arrow = _question(Form.CLOZE, "", answer="a -> b")
    with pytest.raises(LmsError, match="->"):
        render(Pool.of("T", [arrow]), "gift")
    assert len(read_moodle_xml(render(Pool.of("T", [arrow]), "moodle-xml").decode())) == 1


def test_a_question_without_a_key_is_refused():
    broken = NASTY_QUESTIONS[0].model_copy(update={"key": 9})
    for fmt in FORMATS:
        with pytest.raises(LmsError, match="no key"):
            render(Pool.of("T", [broken]), fmt)


def test_formats_are_parsed_and_checked(tmp_path):
    assert parse_formats("gift, moodle-xml") == ("moodle-xml", "gift")
    with pytest.raises(LmsError, match="pdf"):
        parse_formats("gift,pdf")
    with pytest.raises(LmsError, match="plain file name"):
        write_lms({"../x": NASTY_QUESTIONS}, tmp_path, title="T")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_export_writes_the_pool(run_cli, tmp_path, fmt, bank):
    out = tmp_path / f"pool-{fmt}"
    code, stdout, _ = run_cli("export", BUNDLED, "--format", fmt, "--out", out)
    assert code == 0
    assert out.read_bytes() == render(pool_from_bank(bank), fmt)
    assert f"questions in {len(bank.topics)} categories ({fmt}) to {out}" in stdout


def test_export_bank_writes_atomically(bank, tmp_path: Path):
    pool = export_bank(bank, "gift", tmp_path / "x" / "pool.gift.txt")
    assert (tmp_path / "x" / "pool.gift.txt").read_text(encoding="utf-8") == render(
        pool, "gift"
    ).decode("utf-8")
    assert [p.name for p in (tmp_path / "x").iterdir()] == ["pool.gift.txt"]


def test_bench_functions_make_canvas_zips():
    from bench.lms import qti12_quizlib, qti12_text2qti

    for setup in (qti12_quizlib, qti12_text2qti):
        data = setup(BUNDLED)()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert "imsmanifest.xml" in archive.namelist()
