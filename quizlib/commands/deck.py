"""`quizlib deck`: Anki decks."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..anki.cards import ALL_FACT_CARDS, FactCard
from ..load import load_bank
from . import EXIT_OK, Commands


def add(commands: Commands) -> None:
    command, bank_argument = commands.command, commands.bank_argument
    deck = command(
        "deck",
        _deck,
        "Build an Anki deck (.apkg) of a bank; importing a newer build updates its notes in place.",
    )
    bank_argument(deck)
    deck.add_argument(
        "--out",
        type=Path,
        default=Path("decks"),
        metavar="DIR",
        help="the folder to write <bank id>.apkg to (default: ./decks)",
    )
    deck.add_argument(
        "--cards",
        type=_fact_cards,
        default=ALL_FACT_CARDS,
        metavar="CARDS",
        help="the cards of each fact, comma-separated: recall, choice, typed (default: all three)",
    )
    deck.add_argument(
        "--cloze",
        action="store_true",
        help="build the cloze deck, <bank id>-cloze.apkg, instead: one cloze note per fact",
    )


def _deck(args: argparse.Namespace) -> int:
    # genanki loads only for this command, so the other commands start as fast as before.
    from ..anki import build_deck

    bank = load_bank(args.bank)
    print(build_deck(bank, args.out, cards=args.cards, cloze=args.cloze).format())
    return EXIT_OK


def _fact_cards(text: str) -> frozenset[FactCard]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    known = ", ".join(FactCard)
    if not names:
        raise argparse.ArgumentTypeError(f"name at least one card: {known}")
    unknown = [name for name in names if name not in {c.value for c in FactCard}]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown card {unknown[0]!r} (choose from {known})")
    return frozenset(FactCard(name) for name in names)
