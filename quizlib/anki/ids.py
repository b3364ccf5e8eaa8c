"""Identities that Anki keys on: note type, field, template and deck ids, and note GUIDs.

Every id is derived from a name, never drawn at random and never from content: a new id on each
build would duplicate note types and decks on re-import, and a GUID that hashed the content would
turn every corrected typo into a new note that starts its review history from nothing.
"""

from __future__ import annotations

import hashlib

__all__ = ["note_guid", "stable_id"]

_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)

_PAIRS = [high + low for high in _BASE91 for low in _BASE91]


def stable_id(name: str) -> int:
    """A fixed id in [2**30, 2**31), the range genanki recommends for model and deck ids."""
    digest = hashlib.sha256(f"quizlib:{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(bank_id: str, item_id: str, note_type: str) -> str:
    """The GUID of an item's note of one type: the same as ``genanki.guid_for`` would give.

    Written out here so that the core of the id scheme does not depend on genanki being importable.
    """
    value = int.from_bytes(
        hashlib.sha256(f"quizlib__{bank_id}__{item_id}__{note_type}".encode()).digest()[:8], "big"
    )
    # Two base-91 digits a step (a deck asks for a GUID per note); the leading zero digit a
    # step can leave is dropped, as genanki writes none.
    pairs: list[str] = []
    while value:
        value, pair = divmod(value, len(_PAIRS))
        pairs.append(_PAIRS[pair])
    return "".join(reversed(pairs)).lstrip(_BASE91[0])
