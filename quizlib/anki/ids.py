"""Identities that Anki keys on: note type, field, template and deck ids, and note GUIDs.

Every id is derived from a name, never drawn at random and never from content: a new id on each
build would duplicate note types and decks on re-import, and a GUID that hashed the content would
turn every corrected typo into a new note that starts its review history from nothing.
"""

from __future__ import annotations

import struct
from hashlib import sha256

__all__ = ["note_guid", "stable_id"]

_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)

_PAIRS = [high + low for high in _BASE91 for low in _BASE91]
_PAIR = len(_PAIRS)
_FIRST_8_BYTES = struct.Struct(">Q").unpack_from


def stable_id(name: str) -> int:
    """A fixed id in [2**30, 2**31), the range genanki recommends for model and deck ids."""
    digest = sha256(f"quizlib:{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(bank_id: str, item_id: str, note_type: str) -> str:
    """The GUID of an item's note of one type: the same as ``genanki.guid_for`` would give.

    Written out here so that the core of the id scheme does not depend on genanki being importable.
    """
    name = f"quizlib__{bank_id}__{item_id}__{note_type}"
    value: int = _FIRST_8_BYTES(sha256(name.encode()).digest())[0]
    # Base 91 two digits a step, unrolled (a deck asks for a GUID per note): 91**10 > 2**64,
    # so five steps hold any value. Leading zero digits are dropped, as genanki writes none.
    value, e = divmod(value, _PAIR)
    value, d = divmod(value, _PAIR)
    value, c = divmod(value, _PAIR)
    a, b = divmod(value, _PAIR)
    return (_PAIRS[a] + _PAIRS[b] + _PAIRS[c] + _PAIRS[d] + _PAIRS[e]).lstrip(_BASE91[0])
