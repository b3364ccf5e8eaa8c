"""Decks proved against the real Anki engine: the official `anki` package on fresh collections."""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.notes import NoteId

from quizlib import Bank, Fact, load_bank
from quizlib.anki import FactCard, build_deck, models
from quizlib.anki.collection import Layout, write_collection
from quizlib.anki.contents import read_deck
from quizlib.anki.ids import note_guid, stable_id
from quizlib.anki.models import CLOZE, CONCEPT, FACT
from quizlib.anki.notes import deck_name, deck_notes
from quizlib.anki.package import deck_path
from tests.conftest import GOOD_FACT

ROOT = Path(__file__).resolve().parent.parent
T1 = 1_800_000_000  # explicit package timestamps, so the tests do not depend on file times
LOG_KINDS = (
    "new",
    "updated",
    "duplicate",
    "conflicting",
    "first_field_match",
    "missing_notetype",
    "missing_deck",
    "empty_first_field",
)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Collection]:
    (tmp_path / "collection").mkdir()
    collection = Collection(str(tmp_path / "collection" / "collection.anki2"))
    try:
        yield collection
    finally:
        collection.close()


def import_apkg(col: Collection, path: Path) -> dict[str, list[NoteId]]:
    """The import log as note ids per outcome, with Anki's default (GUI) options."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    log = col.import_anki_package(request).log
    return {kind: [NoteId(note.id.nid) for note in getattr(log, kind)] for kind in LOG_KINDS}


def counts(log: dict[str, list[NoteId]]) -> dict[str, int]:
    return {kind: len(ids) for kind, ids in log.items()}


def by_note_type(col: Collection, note_ids: list[NoteId]) -> Counter[str]:
    return Counter(col.get_note(nid).note_type()["name"] for nid in note_ids)  # type: ignore[index]


def fact_with(bank: Bank, index: int, **changes: str) -> Bank:
    """The bank with one fact edited (the item id, and so the note's GUID, unchanged)."""
    facts = list(bank.facts)
    facts[index] = facts[index].model_copy(update=changes)
    return dataclasses.replace(bank, facts=tuple(facts))


def only_note(col: Collection, item_id: str, note_type: str) -> NoteId:
    (nid,) = col.find_notes(f'"note:{note_type}" Id:{item_id}')
    return nid


# -- importing a fresh deck


def test_import_adds_one_note_per_item_and_nothing_else(bank, col, tmp_path):
    report = build_deck(bank, tmp_path, timestamp=T1)
    log = import_apkg(col, report.path)

    assert counts(log) == {
        **dict.fromkeys(LOG_KINDS, 0),
        "new": len(bank.facts) + len(bank.concepts),
    }
    assert by_note_type(col, log["new"]) == {
        FACT.name: len(bank.facts),
        CONCEPT.name: len(bank.concepts),
    }
    assert report.notes == {FACT.name: len(bank.facts), CONCEPT.name: len(bank.concepts)}
    assert col.note_count() == len(bank.facts) + len(bank.concepts)
    assert col.card_count() == report.cards
    choice = sum(bool(note_fields(col, f.id, FACT.name)["Options"]) for f in bank.facts)
    assert report.cards == 2 * len(bank.facts) + choice + 2 * len(bank.concepts)


def note_fields(col: Collection, item_id: str, note_type: str) -> dict[str, str]:
    return dict(col.get_note(only_note(col, item_id, note_type)).items())


def test_decks_tags_and_order_follow_the_bank(bank, col, tmp_path):
    import_apkg(col, build_deck(bank, tmp_path, timestamp=T1).path)

    used = {item.topic for item in bank.items()}
    topic_decks = {deck_name(bank, t.id) for t in bank.topics if t.id in used}
    names = {d.name for d in col.decks.all_names_and_ids()}
    assert names == {"Default", deck_name(bank), *topic_decks}

    dues = []
    for item in bank.items():
        note_type = FACT.name if isinstance(item, Fact) else CONCEPT.name
        note = col.get_note(only_note(col, item.id, note_type))
        assert note.guid == note_guid(
            bank.id, item.id, "fact" if isinstance(item, Fact) else "concept"
        )
        assert sorted(note.tags) == sorted(
            [
                f"quizlib::difficulty::{item.difficulty}",
                f"quizlib::kind::{item.kind}",
                f"quizlib::topic::{item.topic}",
            ]
        )
        cards = note.cards()
        assert {col.decks.name(card.did) for card in cards} == {deck_name(bank, item.topic)}
        assert len({card.due for card in cards}) == 1  # siblings share a place in the queue
        dues.append(cards[0].due)
    assert dues == sorted(dues) and len(set(dues)) == len(dues)  # the bank's order


def test_note_types_carry_stable_field_and_template_ids(bank, col, tmp_path):
    import_apkg(col, build_deck(bank, tmp_path, timestamp=T1).path)
    col.models._clear_cache()  # anki caches note types in Python; read what the import stored
    for note_type in (FACT, CONCEPT):
        model = col.models.by_name(note_type.name)
        assert model is not None and model["id"] == note_type.model_id
        assert [(f["name"], f["id"]) for f in model["flds"]] == [
            (name, stable_id(f"field:{note_type.key}:{key}")) for key, name in note_type.fields
        ]
        assert [(t["name"], t["id"]) for t in model["tmpls"]] == [
            (t.name, stable_id(f"template:{note_type.key}:{t.key}")) for t in note_type.templates
        ]
    assert [name for _, name in FACT.fields][:9] == [
        "Question",
        "Answer",
        "Explanation",
        "Quote",
        "Paragraph",
        "Source",
        "Topic",
        "Note",
        "Options",
    ]


# -- what a learner sees


def rendered(col: Collection, item_id: str, note_type: str) -> dict[str, tuple[str, str]]:
    note = col.get_note(only_note(col, item_id, note_type))
    out = {}
    for card in note.cards():
        output = card.render_output()
        out[str(card.template()["name"])] = (output.question_text, output.answer_text)
    return out


def test_fact_cards_show_prompt_answer_explanation_and_quote(bank, col, tmp_path):
    import_apkg(col, build_deck(bank, tmp_path, timestamp=T1).path)
    fact = next(f for f in bank.facts if "'" not in f.prompt + f.answer + f.explanation)
    citation = bank.citation(fact)
    cards = rendered(col, fact.id, FACT.name)
    assert set(cards) == {"Recall", "Multiple choice", "Type the answer"}
    for question, answer in cards.values():
        assert fact.prompt in question and fact.prompt in answer
        assert fact.explanation in answer and fact.explanation not in question
        assert f"“{citation.text}”" in answer
        assert f"{bank.source.meta.title}</cite>, paragraph {citation.paragraph.number}" in answer
    recall_q, recall_a = cards["Recall"]
    assert fact.answer not in recall_q and f'<div class="answer">{fact.answer}</div>' in recall_a
    choice_q, choice_a = cards["Multiple choice"]
    assert (
        f'<li class="key">{fact.answer}</li>' in choice_q
    )  # unmarked: only the back's CSS shows it
    assert '"qz choice revealed"' in choice_a and '"qz choice revealed"' not in choice_q
    assert choice_q.count("<li") == 4
    typed_q, typed_a = cards["Type the answer"]
    assert "[[type:Answer]]" in typed_q and "[[type:Answer]]" in typed_a
    assert col.get_note(only_note(col, fact.id, FACT.name))["Answer"] == fact.answer


def test_concept_cards_go_both_ways(bank, col, tmp_path):
    import_apkg(col, build_deck(bank, tmp_path, timestamp=T1).path)
    concept = next(c for c in bank.concepts if "'" not in c.term + c.definition + c.explanation)
    cards = rendered(col, concept.id, CONCEPT.name)
    term_q, term_a = cards["Term → definition"]
    assert concept.term in term_q and concept.definition not in term_q
    assert concept.definition in term_a and concept.explanation in term_a
    definition_q, definition_a = cards["Definition → term"]
    assert concept.definition in definition_q and concept.term not in definition_q
    assert f'<div class="answer">{concept.term}</div>' in definition_a
    assert f"“{bank.citation(concept).text}”" in definition_a


def test_markup_in_a_field_renders_as_text(bank, col, tmp_path):
    edited = fact_with(bank, 0, explanation="Ganich <b>said</b> A&B > C, not A<B.")
    import_apkg(col, build_deck(edited, tmp_path, timestamp=T1).path)
    _, answer = rendered(col, bank.facts[0].id, FACT.name)["Recall"]
    assert "Ganich &lt;b&gt;said&lt;/b&gt; A&amp;B &gt; C, not A&lt;B." in answer
    assert "<b>said</b>" not in answer


def test_cards_option_leaves_the_other_cards_out(bank, col, tmp_path):
    report = build_deck(bank, tmp_path, cards={FactCard.RECALL}, timestamp=T1)
    import_apkg(col, report.path)
    assert col.card_count() == report.cards == len(bank.facts) + 2 * len(bank.concepts)
    assert set(rendered(col, bank.facts[0].id, FACT.name)) == {"Recall"}
    assert col.find_cards("card:Recall") and not col.find_cards('"card:Multiple choice"')


def test_a_fact_without_a_choice_question_is_recalled_rather_than_lost(make_bank, col, tmp_path):
    lone = GOOD_FACT.replace(
        "    distractors: [Sergey Lavrov, Moeed Yusuf, Kenneth Waltz]\n", "    pool: false\n"
    )
    report = build_deck(
        load_bank(make_bank(f"facts:\n{lone}")), tmp_path, cards={FactCard.CHOICE}, timestamp=T1
    )
    assert report.cards == 1
    import_apkg(col, report.path)
    assert set(rendered(col, "ambassador-name", FACT.name)) == {"Recall"}


def test_cloze_deck_has_a_note_per_fact_with_the_source_on_the_back(bank, col, tmp_path):
    report = build_deck(bank, tmp_path, cloze=True, timestamp=T1)
    assert report.path.name == f"{bank.id}-cloze.apkg"
    log = import_apkg(col, report.path)
    assert counts(log) == {**dict.fromkeys(LOG_KINDS, 0), "new": len(bank.facts)}
    assert by_note_type(col, log["new"]) == {CLOZE.name: len(bank.facts)}
    assert col.card_count() == len(bank.facts)
    fact = bank.facts[0]
    ((question, answer),) = rendered(col, fact.id, CLOZE.name).values()
    assert 'class="cloze"' in question and "[...]" in question
    assert fact.explanation.split("'")[0] in answer and "<blockquote" in answer
    assert {d.name for d in col.decks.all_names_and_ids()} >= {deck_name(bank, cloze=True)}


def test_both_decks_import_into_one_collection(bank, col, tmp_path):
    main = import_apkg(col, build_deck(bank, tmp_path, timestamp=T1).path)
    cloze = import_apkg(col, build_deck(bank, tmp_path, cloze=True, timestamp=T1).path)
    assert (
        len(main["new"]) + len(cloze["new"])
        == col.note_count()
        == 2 * len(bank.facts) + len(bank.concepts)
    )
    assert not main["conflicting"] and not cloze["conflicting"] and not cloze["duplicate"]


# -- updating in place


def test_an_edited_answer_updates_the_note_and_keeps_its_history(bank, col, tmp_path):
    v1 = tmp_path / "v1"
    import_apkg(col, build_deck(bank, tmp_path, timestamp=T1).path)
    shutil.copy(deck_path(bank, tmp_path), v1)  # the release the learner has
    fact = bank.facts[0]
    nid = only_note(col, fact.id, FACT.name)
    card = next(c for c in col.get_note(nid).cards() if c.template()["name"] == "Recall")
    card.start_timer()
    col.sched.answerCard(card, 3)
    reviewed = col.get_card(card.id)
    assert reviewed.reps == 1

    edited = fact_with(bank, 0, answer=f"{fact.answer} (edited)")
    # Rebuilt over the previous release: only the edited note gets the new time.
    v2 = build_deck(edited, tmp_path, timestamp=T1 + 60).path
    assert read_deck(v2).note_times == {
        **read_deck(v1).note_times,
        note_guid(bank.id, fact.id, "fact"): T1 + 60,
    }
    log = import_apkg(col, v2)

    assert counts(log) == {
        **dict.fromkeys(LOG_KINDS, 0),
        "updated": 1,
        "duplicate": len(bank.facts) + len(bank.concepts) - 1,
    }
    assert log["updated"] == [nid]
    assert col.get_note(nid)["Answer"] == f"{fact.answer} (edited)"
    after = col.get_card(card.id)
    assert (after.reps, after.ivl, after.type, after.due) == (
        reviewed.reps,
        reviewed.ivl,
        reviewed.type,
        reviewed.due,
    )
    assert col.db.scalar("select count() from revlog where cid = ?", card.id) == 1
    assert col.note_count() == len(bank.facts) + len(bank.concepts)


def test_a_style_change_updates_the_note_type_and_no_note(bank, col, tmp_path, monkeypatch):
    import_apkg(col, build_deck(bank, tmp_path, timestamp=T1).path)
    monkeypatch.setattr(models, "CARD_CSS", models.CARD_CSS + "\n.answer { font-size: 2em; }")
    report = build_deck(bank, tmp_path)
    assert report.timestamp > T1
    log = import_apkg(col, report.path)
    assert counts(log) == {**dict.fromkeys(LOG_KINDS, 0), "duplicate": col.note_count()}
    col.models._clear_cache()
    model = col.models.by_name(FACT.name)
    assert model is not None and model["css"].endswith(".answer { font-size: 2em; }")


def test_reimporting_an_unchanged_build_adds_nothing(bank, col, tmp_path):
    path = build_deck(bank, tmp_path, timestamp=T1).path
    import_apkg(col, path)
    before = (col.note_count(), col.card_count())
    log = import_apkg(col, path)
    assert counts(log) == {**dict.fromkeys(LOG_KINDS, 0), "duplicate": before[0]}
    assert (col.note_count(), col.card_count()) == before


def test_the_same_timestamp_would_hide_an_edit(bank, col, tmp_path):
    # Why the timestamp matters: Anki skips an incoming note that is not newer than its own.
    import_apkg(col, build_deck(bank, tmp_path / "v1", timestamp=T1).path)
    edited = fact_with(bank, 0, answer="Changed")
    log = import_apkg(col, build_deck(edited, tmp_path / "v2", timestamp=T1).path)
    assert not log["updated"]


# -- the timestamp and the files


def test_a_rebuild_of_unchanged_content_keeps_the_timestamp_and_the_bytes(bank, tmp_path):
    first = build_deck(bank, tmp_path)
    data = first.path.read_bytes()
    second = build_deck(bank, tmp_path)
    assert second.timestamp == first.timestamp
    assert first.path.read_bytes() == data


def test_changed_content_gets_a_newer_timestamp_than_the_deck_it_replaces(bank, tmp_path):
    future = build_deck(bank, tmp_path, timestamp=4_000_000_000)  # later than any file time
    report = build_deck(fact_with(bank, 0, answer="Changed"), tmp_path)
    assert report.timestamp == future.timestamp + 1
    assert read_deck(report.path).timestamp == report.timestamp


def test_a_fresh_build_takes_the_newest_file_time_of_the_bank(make_bank, tmp_path):
    root = make_bank(f"facts:\n{GOOD_FACT}")
    for i, path in enumerate(sorted(p for p in root.rglob("*") if p.is_file())):
        stamp = 1_700_000_000 + i
        os.utime(path, (stamp, stamp))
    files = sum(1 for p in root.rglob("*") if p.is_file())
    report = build_deck(load_bank(root), tmp_path / "out")
    assert report.timestamp == 1_700_000_000 + files - 1


def test_no_temporary_files_are_left_behind(bank, tmp_path, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = tmp_path / "out"
    build_deck(bank, out, timestamp=T1)
    build_deck(bank, out)  # reads and compares the previous deck too
    build_deck(bank, out, cloze=True)
    assert list(scratch.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == [f"{bank.id}-cloze.apkg", f"{bank.id}.apkg"]


def test_package_layout_and_fixed_deck_ids(bank, tmp_path):
    path = build_deck(bank, tmp_path, timestamp=T1).path
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["collection.anki2", "media"]
        assert archive.read("media") == b"{}"
        db = sqlite3.connect(":memory:")
        db.deserialize(archive.read("collection.anki2"))
    (decks_json,) = db.execute("SELECT decks FROM col").fetchone()
    db.close()
    decks = {d["name"]: d["id"] for d in json.loads(decks_json).values() if d["id"] != 1}
    assert deck_name(bank) in decks
    assert decks == {name: stable_id(f"deck:{name}") for name in decks}


def genanki_rows(layout: Layout, timestamp: int) -> dict[str, list[tuple[object, ...]]]:
    """The rows genanki's own writer makes for the same decks and notes."""
    decks = {
        deck.deck_id: genanki.Deck(deck.deck_id, deck.name, deck.description)
        for deck in layout.decks
    }
    for placed in layout.placed:
        note = placed.note
        decks[placed.deck_id].add_note(
            genanki.Note(
                placed.model, list(note.fields), tags=list(note.tags), guid=note.guid, due=note.due
            )
        )
    db = sqlite3.connect(":memory:")
    genanki.Package(list(decks.values())).write_to_db(
        db.cursor(), timestamp, itertools.count(timestamp * 1000)
    )
    return {
        table: db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        for table in ("notes", "cards")
    }


@pytest.mark.parametrize("cloze", [False, True], ids=["main", "cloze"])
def test_bulk_writer_writes_the_rows_genanki_writes(bank, cloze):
    layout = Layout.of(bank, deck_notes(bank, cloze=cloze), cloze=cloze)
    db = sqlite3.connect(":memory:")
    db.deserialize(write_collection(layout, T1))
    ours = {
        table: db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        for table in ("notes", "cards")
    }
    assert ours == genanki_rows(layout, T1)
    assert len(ours["cards"]) == layout.cards


def test_guids_match_genanki_and_ignore_content():
    assert note_guid("b", "gwadar-port", "fact") == genanki.guid_for(
        "quizlib", "b", "gwadar-port", "fact"
    )
    assert len({note_guid("b", "x", t) for t in ("fact", "concept", "cloze")}) == 3
    assert 1 << 30 <= stable_id("model:Quizlib Fact") < 1 << 31


# -- the committed decks


@pytest.mark.parametrize("cloze", [False, True], ids=["main", "cloze"])
def test_committed_deck_is_current(bank, tmp_path, cloze):
    committed = deck_path(bank, ROOT / "decks", cloze=cloze)
    command = "quizlib deck --cloze" if cloze else "quizlib deck"
    assert committed.is_file(), f"{committed} is missing: run `{command}` in the checkout"
    fresh = build_deck(bank, tmp_path, cloze=cloze, timestamp=T1)
    assert read_deck(committed) == read_deck(fresh.path), (
        f"{committed} is stale: run `{command}` in the checkout and commit it"
    )


# -- the command


def test_deck_command_writes_the_deck_and_says_what_it_holds(bank, run_cli, tmp_path):
    code, out, err = run_cli("deck", "--out", tmp_path)
    path = deck_path(bank, tmp_path)
    assert (code, err) == (0, "")
    assert path.is_file()
    cards = read_deck(path).cards
    assert out == (
        f"Wrote {path}: {len(bank.facts)} Quizlib Fact notes, {len(bank.concepts)} Quizlib "
        f"Concept notes ({len(cards)} cards in {len({c[2] for c in cards})} topic decks)\n"
    )


def test_deck_command_cloze_and_cards(make_bank, run_cli, tmp_path):
    root = make_bank(f"facts:\n{GOOD_FACT}")
    code, out, _ = run_cli("deck", root, "--out", tmp_path, "--cloze")
    assert code == 0 and out.startswith(
        f"Wrote {tmp_path / 'pakistan-russia-volte-face-cloze.apkg'}: 1 Quizlib Cloze notes (1 cards"
    )
    code, out, _ = run_cli("deck", root, "--out", tmp_path, "--cards", "typed, recall")
    assert code == 0 and "1 Quizlib Fact notes (2 cards in 1 topic decks)" in out


def test_deck_command_refuses_an_unknown_card(run_cli, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run_cli("deck", "--out", tmp_path, "--cards", "recall,cloze")
    assert exit_info.value.code == 2
    assert "unknown card 'cloze' (choose from recall, choice, typed)" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())
