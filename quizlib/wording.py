"""What the item-writing lint reads in an option's words: stems, absolutes, capitals, shape.

Plain word-level features, apart from the guidelines that judge them (:mod:`quizlib.lint`).
"""

from __future__ import annotations

import re

import snowballstemmer

from .text import comparable

__all__ = ["ABSOLUTES", "STOPWORDS", "capitalised", "content_words", "has_absolute", "shape"]

_STEMMER = snowballstemmer.stemmer("english")

ABSOLUTES = {
    "always",
    "never",
    "all",
    "none",
    "every",
    "only",
    "entirely",
    "completely",
    "totally",
    "invariably",
    "nothing",
    "everything",
}
STOPWORDS = {
    "the",
    "and",
    "for",
    "with",
    "that",
    "this",
    "from",
    "into",
    "what",
    "which",
    "their",
    "there",
    "than",
    "then",
    "they",
    "them",
    "were",
    "have",
    "been",
    "being",
    "does",
    "about",
    "over",
    "more",
    "most",
    "such",
    "also",
    "only",
    "other",
    "its",
    "his",
    "her",
    "was",
    "are",
    "not",
    "article",
    "author",
    "says",
    "uses",
    "term",
    "mean",
    "means",
    "used",
}
_ARTICLE_START = re.compile(r"^(the|a|an) ", re.IGNORECASE)


def content_words(text: str) -> set[str]:
    """Stems of the content words: "balancing" and "Balancer" share one, so both are a clue."""
    words = [w for w in comparable(text).split() if len(w) >= 4 and w not in STOPWORDS]
    return set(_STEMMER.stemWords(words))


def has_absolute(text: str) -> bool:
    return bool(set(comparable(text).split()) & ABSOLUTES)


def capitalised(text: str) -> bool:
    """Does the option read as a name? "the Taliban" does, as "Taliban" does."""
    words = _ARTICLE_START.sub("", text.strip()).split()
    return bool(words) and words[0][:1].isupper()


def shape(text: str) -> tuple[bool, bool, bool]:
    """Crude grammatical shape: starts with an article, with "that", with "to"."""
    lowered = text.strip().lower()
    return (
        bool(_ARTICLE_START.match(lowered)),
        lowered.startswith("that "),
        lowered.startswith("to "),
    )
