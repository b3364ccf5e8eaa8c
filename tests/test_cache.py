"""The validated-bank cache: read back only while nothing it was made from has changed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import quizlib.cache
from quizlib import ContentError, load_bank
from quizlib.cache import cache_path, cached_bank
from tests.conftest import GOOD_FACT

SETTLED = time.time() - 60  # a modification time well before any load in these tests


def settle(root: Path, when: float = SETTLED) -> None:
    """Date every file of the bank ``when``, as if it had not been touched for a while."""
    for path in root.rglob("*"):
        os.utime(path, (when, when))


@pytest.fixture
def loads(monkeypatch):
    """How many times the cache fell back to loading (and validating) the bank."""
    calls: list[Path] = []

    def counting(path):
        calls.append(path)
        return load_bank(path)

    monkeypatch.setattr(quizlib.cache, "load_bank", counting)
    return calls


@pytest.fixture
def bank_dir(make_bank):
    root = make_bank(f"facts:\n{GOOD_FACT}")
    settle(root)
    return root


def test_the_cached_bank_is_the_loaded_bank(bank_dir, loads):
    first = cached_bank(bank_dir)
    again = cached_bank(bank_dir)
    assert len(loads) == 1  # the second came from the cache
    fresh = load_bank(bank_dir)
    for bank in (first, again):
        assert bank == fresh
        assert bank.root == fresh.root
        assert bank.locations == fresh.locations
        assert bank.citations == fresh.citations
        assert bank.source.paragraphs == fresh.source.paragraphs
    # Citations point into the bank's own paragraphs, as a loaded bank's do.
    (match,) = again.citations.values()
    assert match.paragraph is again.source.paragraph(match.paragraph.number)


def test_the_bundled_bank_is_cached_too(loads):
    assert cached_bank() == load_bank()
    assert cached_bank() == load_bank()
    assert len(loads) <= 1  # 0 if the files were changed a moment ago: then nothing is cached


def test_a_changed_item_file_is_read_again(bank_dir, loads):
    cached_bank(bank_dir)
    items = bank_dir / "items.yaml"
    items.write_text(items.read_text().replace("difficulty: easy", "difficulty: hard"))
    settle(bank_dir, SETTLED + 1)  # even a change that kept the size shows in the time
    (fact,) = cached_bank(bank_dir).facts
    assert fact.difficulty == "hard"
    assert len(loads) == 2


def test_a_file_that_changed_without_its_time_moving_is_read_again(bank_dir, loads):
    cached_bank(bank_dir)
    items = bank_dir / "items.yaml"
    items.write_text(items.read_text() + "\n")  # the size tells
    settle(bank_dir)
    cached_bank(bank_dir)
    assert len(loads) == 2


def test_an_added_or_removed_item_file_is_seen(bank_dir, loads):
    cached_bank(bank_dir)
    extra = GOOD_FACT.replace("ambassador-name", "ambassador-again")
    (bank_dir / "more.yaml").write_text(f"facts:\n{extra}")
    settle(bank_dir)
    assert len(cached_bank(bank_dir).facts) == 2
    (bank_dir / "more.yaml").unlink()
    assert len(cached_bank(bank_dir).facts) == 1
    assert len(loads) == 3


def test_a_changed_source_is_read_again(bank_dir, loads):
    cached_bank(bank_dir)
    (source,) = (bank_dir / "sources").iterdir()
    source.write_text(source.read_text() + "\nOne more paragraph.\n")
    settle(bank_dir)
    assert cached_bank(bank_dir).source.paragraphs[-1].text == "One more paragraph."
    assert len(loads) == 2


def test_a_bank_changed_a_moment_ago_is_not_cached(make_bank, loads):
    # Its files may change again within the same tick of the file system's clock, unseen.
    root = make_bank(f"facts:\n{GOOD_FACT}")
    settle(root, time.time())
    cached_bank(root)
    assert not cache_path(root).exists()
    cached_bank(root)
    assert len(loads) == 2


def test_a_corrupt_cache_is_ignored_and_made_again(bank_dir, loads):
    cached_bank(bank_dir)
    file = cache_path(bank_dir)
    good = file.read_bytes()
    for damaged in (b"", b"not a pickle", good[: len(good) // 2], good[:-1]):
        file.write_bytes(damaged)
        assert cached_bank(bank_dir) == load_bank(bank_dir)
        assert cached_bank(bank_dir) == load_bank(bank_dir)  # from the cache written anew
    assert len(loads) == 5


def test_a_cache_written_by_another_version_is_not_trusted(bank_dir, loads, monkeypatch):
    cached_bank(bank_dir)
    monkeypatch.setattr(quizlib.cache, "__version__", "99.0")
    cached_bank(bank_dir)
    assert len(loads) == 2


def test_a_cache_written_by_other_code_is_not_trusted(bank_dir, loads, monkeypatch):
    # A development checkout changes quizlib's modules without changing its version.
    cached_bank(bank_dir)
    code = quizlib.cache._code()
    monkeypatch.setattr(quizlib.cache, "_code", lambda: (*code, "changed"))
    cached_bank(bank_dir)
    assert len(loads) == 2


def test_the_cache_is_replaced_whole_or_not_at_all(bank_dir, monkeypatch):
    cached_bank(bank_dir)
    file = cache_path(bank_dir)
    before = file.read_bytes()
    items = bank_dir / "items.yaml"
    items.write_text(items.read_text().replace("difficulty: easy", "difficulty: hard"))
    settle(bank_dir, SETTLED + 1)

    def interrupted(src, dst):
        raise OSError("disk full")

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", interrupted)
        (fact,) = cached_bank(bank_dir).facts  # a cache that cannot be written is no error
    assert fact.difficulty == "hard"
    assert file.read_bytes() == before  # the old one, whole, and it is stale
    assert sorted(p.name for p in file.parent.iterdir()) == [file.name]  # no half-written file
    (fact,) = cached_bank(bank_dir).facts
    assert fact.difficulty == "hard"


def test_a_bank_with_problems_raises_and_is_not_cached(make_bank):
    root = make_bank(f"facts:\n{GOOD_FACT.replace('difficulty: easy', 'difficulty: easyish')}")
    settle(root)
    with pytest.raises(ContentError):
        cached_bank(root)
    assert not cache_path(root).exists()


def test_the_bank_keeps_the_path_it_was_asked_for(bank_dir, loads, monkeypatch):
    absolute = cached_bank(bank_dir)
    monkeypatch.chdir(bank_dir.parent)
    relative = cached_bank(Path(bank_dir.name))
    assert relative.root == Path(bank_dir.name) == load_bank(Path(bank_dir.name)).root
    assert absolute.root == bank_dir
    assert len(loads) == 2


def test_the_cache_lives_in_quizlib_cache_dir(bank_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZLIB_CACHE_DIR", str(tmp_path / "elsewhere"))
    cached_bank(bank_dir)
    assert cache_path(bank_dir).parent.parent == tmp_path / "elsewhere"
    assert cache_path(bank_dir).exists()


def test_a_bank_read_back_needs_no_yaml_reader(bank_dir):
    cached_bank(bank_dir)
    probe = (
        "import sys; from quizlib.cache import cached_bank; "
        f"bank = cached_bank({str(bank_dir)!r}); "
        "print(len(bank.facts), [m for m in ('yaml', 'ryaml') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[0] == "1 []"
