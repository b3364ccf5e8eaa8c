"""Exams: versions that meet the blueprint, keys that point at the answer, reproducible folders."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizlib import load_bank
from quizlib.distractors import ORDERED_KINDS
from quizlib.exam import ExamForm, blueprint_from_options, build_exam, read_manifest
from quizlib.exam.paper import compile_pdf
from quizlib.exam.payload import paper_payload
from quizlib.question import Form

BANK = load_bank()
SIZES = {t.id: sum(i.topic == t.id for i in BANK.items()) for t in BANK.topics}


def _pdf_text(path_or_bytes: Path | bytes) -> str:
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    return "\n".join(page.extract_text() for page in PdfReader(source).pages)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("vary", [False, True])
def test_every_key_points_at_the_answer_and_versions_meet_the_blueprint(vary):
    blueprint = blueprint_from_options(
        SIZES, count=15, difficulty={"easy": 4, "medium": 8, "hard": 3}, short_answer=2
    )
    for seed in range(25):
        manifest = build_exam(BANK, blueprint, versions=3, seed=seed, vary=vary)
        for version in manifest.versions:
            items = [BANK.item(e.item) for e in version.entries]
            assert len({i.id for i in items}) == len(items)  # no item twice
            assert Counter(i.topic for i in items) == blueprint.topics
            assert Counter(i.difficulty for i in items) == blueprint.difficulty
            assert sum(e.form is ExamForm.SHORT_ANSWER for e in version.entries) == 2
            assert sum(e.form is ExamForm.TRUE_FALSE for e in version.entries) <= 15 // 5
            for entry in version.entries:
                question = manifest.questions[entry.question]
                if entry.form is ExamForm.SHORT_ANSWER:
                    assert entry.key is None and entry.order == []
                    continue
                shown = [question.options[i] for i in entry.order]
                assert sorted(entry.order) == list(range(len(question.options)))
                assert entry.key_index is not None
                assert shown[entry.key_index] == question.answer
                if question.form is Form.TRUE_FALSE or (
                    question.form is Form.MULTIPLE_CHOICE and question.kind in ORDERED_KINDS
                ):
                    assert entry.order == list(range(len(question.options)))


def test_keys_are_balanced_and_versions_reorder_the_same_questions():
    blueprint = blueprint_from_options(SIZES, count=24, forms=["multiple-choice"])
    manifest = build_exam(BANK, blueprint, versions=4, seed=5)
    orders = set()
    for version in manifest.versions:
        letters = Counter(e.key for e in version.entries)
        assert max(letters.values()) - min(letters.values()) <= 2, letters
        orders.add(tuple(e.item for e in version.entries))
    assert len({frozenset(o) for o in orders}) == 1  # the same questions…
    assert len(orders) == 4  # …in four orders


def test_vary_draws_fresh_questions_first():
    blueprint = blueprint_from_options(SIZES, count=10)
    manifest = build_exam(BANK, blueprint, versions=2, seed=1, vary=True)
    first, second = ({e.item for e in v.entries} for v in manifest.versions)
    assert len(first & second) <= 2


def test_a_blueprint_the_bank_cannot_fill_names_the_topic_and_difficulty(run_cli, tmp_path):
    code, _, err = run_cli(
        "exam", "--topic", "ir-theory=5", "--difficulty", "hard=5", "--out", tmp_path / "x"
    )
    assert code == 2
    assert "ir-theory" in err and "hard" in err, err
    assert not (tmp_path / "x").exists()


def test_blueprint_file_errors_are_reported_with_their_place(run_cli, tmp_path):
    blueprint = tmp_path / "blueprint.yaml"
    blueprint.write_text(
        "topics:\n  diplomacy: 3\n  nowhere: 2\ndifficulty:\n  easy: 1\nsize: 4\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("exam", "--blueprint", blueprint, "--out", tmp_path / "x")
    assert code == 2
    assert f"{blueprint}:2:3: topics: unknown topic 'nowhere'" in err
    assert f"{blueprint}:6:1: size: unknown key" in err
    assert not (tmp_path / "x").exists()


def test_blueprint_file_builds_an_exam(run_cli, tmp_path):
    blueprint = tmp_path / "blueprint.yaml"
    blueprint.write_text(
        "title: Midterm\ntopics: {diplomacy: 3, world-order: 2}\n"
        "difficulty: {easy: 2, medium: 3}\nforms: [multiple-choice]\noptions: 3\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("exam", "--blueprint", blueprint, "--seed", "4", "--out", tmp_path / "e")
    assert code == 0, err
    manifest = read_manifest(tmp_path / "e" / "manifest.json")
    assert manifest.title == "Midterm"
    assert all(len(e.order) == 3 for e in manifest.versions[0].entries)


@pytest.fixture(scope="module")
def exam_dirs(tmp_path_factory):
    """The same exam built twice, into two folders."""
    from quizlib.cli import main

    root = tmp_path_factory.mktemp("exams")
    for name in ("one", "two"):
        args = ["exam", "--versions", "3", "--count", "12", "--short-answer", "2"]
        assert main([*args, "--seed", "11", "--out", str(root / name)]) == 0
    return root / "one", root / "two"


def test_the_folder_holds_papers_key_csv_and_manifest(exam_dirs):
    one, _ = exam_dirs
    names = sorted(str(p.relative_to(one)) for p in one.rglob("*") if p.is_file())
    lms = (".canvas-qti12.zip", ".gift.txt", ".moodle.xml", ".qti21.zip")
    assert names == sorted(
        [
            "key.csv",
            "key.pdf",
            "manifest.json",
            *(f"papers/{v}.{ext}" for v in "ABC" for ext in ("html", "md", "pdf")),
            *(f"lms/{v}{suffix}" for v in "ABC" for suffix in lms),  # every format by default
            "responses.csv",
        ]
    )
    manifest = read_manifest(one / "manifest.json")
    rows = (one / "key.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "version,number,item,key"
    assert len(rows) == 1 + 3 * 12
    assert rows[1] == ",".join(
        [
            "A",
            "1",
            manifest.versions[0].entries[0].item,
            manifest.versions[0].entries[0].key or "",
        ]
    )
    data = json.loads((one / "manifest.json").read_text(encoding="utf-8"))
    assert {"seed", "blueprint", "versions", "questions", "quizlib", "bank"} <= set(data)
    assert len(data["bank"]["hash"]) == 64


def test_same_seed_and_bank_give_identical_files(exam_dirs):
    one, two = exam_dirs
    for path in one.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (two / path.relative_to(one)).read_bytes(), path


def test_student_pdf_has_every_question_and_no_key(exam_dirs):
    one, _ = exam_dirs
    manifest = read_manifest(one / "manifest.json")
    for version in manifest.versions:
        text = _pdf_text(one / "papers" / f"{version.code}.pdf")
        squeezed = _squeeze(text)
        assert f"Version {version.code}" in text
        for entry in version.entries:
            question = manifest.questions[entry.question]
            assert _squeeze(question.stem) in squeezed, question.stem
            for option in question.options:
                assert _squeeze(option) in squeezed
            # Nothing of the key: no item id, no explanation, no source quote.
            assert entry.item not in text
            assert _squeeze(question.explanation) not in squeezed
        # Nor the key's own header (a content word such as "Turkey" may contain "key").
        assert "answer key" not in text.lower() and "do not hand out" not in text.lower()
        # Every page says which version it is and its number.
        pages = PdfReader(one / "papers" / f"{version.code}.pdf").pages
        for number, page in enumerate(pages, 1):
            page_text = page.extract_text()
            assert f"Version {version.code}" in page_text
            assert f"Page {number}" in page_text


def test_no_question_is_split_across_pages():
    blueprint = blueprint_from_options(SIZES, count=40, short_answer=4)
    manifest = build_exam(BANK, blueprint, versions=2, seed=4)
    for version in manifest.versions:
        payload = paper_payload(manifest, version)
        pages = PdfReader(io.BytesIO(compile_pdf("paper", payload))).pages
        assert len(pages) > 2  # page breaks to test
        texts = [_squeeze(page.extract_text()) for page in pages]
        for question in payload["questions"]:
            parts = [question["stem"], *question["options"]]
            holding = [t for t in texts if all(_squeeze(part) in t for part in parts)]
            assert holding, question["stem"]


def test_the_key_pdf_has_every_version_and_every_source(exam_dirs):
    one, _ = exam_dirs
    manifest = read_manifest(one / "manifest.json")
    squeezed = _squeeze(_pdf_text(one / "key.pdf"))
    for version in manifest.versions:
        assert _squeeze(f"Version {version.code}") in squeezed
    for question in manifest.questions.values():
        assert _squeeze(question.citation.quote) in squeezed
        assert _squeeze(f"(¶{question.citation.paragraph})") in squeezed


def test_markdown_and_html_papers_have_no_key(exam_dirs):
    one, _ = exam_dirs
    manifest = read_manifest(one / "manifest.json")
    html = (one / "papers" / "A.html").read_text(encoding="utf-8")
    markdown = (one / "papers" / "A.md").read_text(encoding="utf-8")
    assert "<script" not in html and "http" not in html
    for entry in manifest.versions[0].entries:
        assert entry.item not in html and entry.item not in markdown


def test_special_characters_print_as_themselves():
    special = "Tom & Jerry <b>#1</b> $5 *bold* _under_ @ref [link] = x"
    manifest = build_exam(BANK, blueprint_from_options(SIZES, count=3), seed=1)
    payload = paper_payload(manifest, manifest.versions[0])
    payload["title"] = special
    payload["questions"][0]["stem"] = special
    payload["questions"][0]["options"][0] = "#set text(red) $x$ @a [b] <c> & * _"
    text = _pdf_text(compile_pdf("paper", payload))
    assert text.count(special) >= 2  # the title and the stem, typed as given
    assert "#set text(red) $x$ @a [b] <c> & * _" in text


def test_an_existing_folder_is_kept_without_force(run_cli, tmp_path):
    out = tmp_path / "exam"
    out.mkdir()
    (out / "mine.txt").write_text("keep me", encoding="utf-8")
    code, _, err = run_cli("exam", "--count", "5", "--out", out)
    assert code == 2 and "--force" in err
    assert (out / "mine.txt").read_text(encoding="utf-8") == "keep me"
    code, _, err = run_cli("exam", "--count", "5", "--seed", "1", "--out", out, "--force")
    assert code == 0, err
    assert not (out / "mine.txt").exists() and (out / "manifest.json").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["exam"]  # no temporary folder left


def test_a_failed_build_leaves_nothing(monkeypatch, run_cli, tmp_path):
    from quizlib.errors import ExamError
    from quizlib.exam import paper

    def broken(jobs, **kwargs):
        yield b"%PDF-1.7 the first paper"
        raise ExamError("typst: broken")  # halfway through the papers

    monkeypatch.setattr(paper, "compile_many", broken)
    code, _, err = run_cli("exam", "--count", "5", "--out", tmp_path / "exam")
    assert code == 2 and "broken" in err
    assert list(tmp_path.iterdir()) == []


def test_the_lms_files_of_each_version_hold_its_questions_and_key_as_printed(exam_dirs):
    from tests.lms_readers import read_gift, read_moodle_xml, read_qti21

    one, _ = exam_dirs
    manifest = read_manifest(one / "manifest.json")
    for version in manifest.versions:
        printed = [
            (
                entry.question,
                entry.key,
                [manifest.questions[entry.question].options[i] for i in entry.order],
            )
            for entry in version.entries
        ]
        for reads in (
            read_gift((one / "lms" / f"{version.code}.gift.txt").read_text(encoding="utf-8")),
            read_moodle_xml(
                (one / "lms" / f"{version.code}.moodle.xml").read_text(encoding="utf-8")
            ),
        ):
            assert [r.name for r in reads] == [question for question, _, _ in printed]
            for read, (_, key, options) in zip(reads, printed, strict=True):
                if key is None:  # a short answer
                    assert read.qtype == "shortanswer"
                    continue
                if read.qtype == "multichoice":
                    assert read.options == options
                right = options["ABCDE".index(key)]
                assert right.lower() in [r.lower() for r in read.right], (read, right)
        qti = read_qti21((one / "lms" / f"{version.code}.qti21.zip").read_bytes())
        assert sorted(r.name for r in qti) == sorted(question for question, _, _ in printed)


def test_lms_none_leaves_them_out(tmp_path):
    from quizlib.cli import main

    out = tmp_path / "exam"
    args = ["exam", "--count", "5", "--seed", "2", "--lms", "none", "--out", str(out)]
    assert main(args) == 0
    assert not (out / "lms").exists()
