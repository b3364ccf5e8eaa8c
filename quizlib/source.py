"""The source article: its front matter, its numbered paragraphs, and quote matching.

A source is a Markdown file: YAML front matter between ``---`` lines, then the text. Paragraphs are
blocks separated by blank lines (Markdown headings are not counted) and are numbered from 1 in
order, so items and reports can point at them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ContentError, Problem
from .grounding import Grounder
from .passage import Paragraph, QuoteMatch
from .text import fold
from .textfile import read_utf8

__all__ = ["Paragraph", "QuoteMatch", "Source", "SourceMeta", "parse_source", "read_source"]


class SourceMeta(BaseModel):
    """The front matter of a source file."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # as model._Content

    title: str = Field(min_length=1, description="The article's title, as it should be shown.")
    kind: str = Field(min_length=1, description="What the text is: op-ed, news, report, chapter…")
    origin: str = Field(min_length=1, description="Where the text came from and how it was edited.")
    author: str | None = None
    publication: str | None = None
    published: str | None = Field(default=None, description="Publication date, as printed.")
    url: str | None = None
    title_as_published: str | None = Field(
        default=None, description="The title exactly as printed, when `title` corrects it."
    )
    standfirst: str | None = Field(default=None, description="The summary printed under the title.")


@dataclass(frozen=True)
class Source:
    """A parsed source article."""

    path: Path
    meta: SourceMeta
    paragraphs: tuple[Paragraph, ...]
    _cache: dict[str, list[QuoteMatch]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def slug(self) -> str:
        return self.path.stem

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]

    @cached_property
    def grounder(self) -> Grounder:
        """The folded text of every paragraph, for finding quotes (see :mod:`quizlib.grounding`)."""
        return Grounder(self.paragraphs)

    def find(self, quote: str) -> list[QuoteMatch]:
        """Every place ``quote`` occurs, ignoring case, whitespace runs and quote/dash styles.

        Matches are anchored at word boundaries, so ``the`` does not match inside ``rather``, and
        never span two paragraphs. To find many quotes, :func:`quizlib.grounding.ground` reads the
        source once for all of them.
        """
        if quote not in self._cache:
            self._cache[quote] = self.grounder.find(quote)
        return self._cache[quote]

    def closest(self, quote: str) -> QuoteMatch | None:
        """The passage most like ``quote``, for a "did you mean" hint (never a pass)."""
        needle = fold(quote)
        width = max(1, len(needle.split()))
        best: tuple[float, QuoteMatch] | None = None
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(needle)
        for index, paragraph in enumerate(self.paragraphs):
            hay, offsets = self.grounder.folded(index)
            starts = [0, *(m.end() for m in re.finditer(" ", hay))]
            for i, start in enumerate(starts):
                stop_index = i + width
                stop = starts[stop_index] - 1 if stop_index < len(starts) else len(hay)
                matcher.set_seq1(hay[start:stop])
                if best is not None and matcher.real_quick_ratio() <= best[0]:
                    continue
                if best is not None and matcher.quick_ratio() <= best[0]:
                    continue
                ratio = matcher.ratio()
                if best is None or ratio > best[0]:
                    best = (ratio, QuoteMatch(paragraph, offsets[start], offsets[stop - 1] + 1))
        return best[1] if best and best[0] >= 0.5 else None


def read_source(path: Path) -> Source:
    """Read and validate a source file; raise :class:`ContentError` listing its problems."""
    return parse_source(path, read_utf8(path))


def parse_source(path: Path, text: str) -> Source:
    """Validate ``text`` as a source file; problems are reported against ``path``."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ContentError(
            [
                Problem(
                    path,
                    1,
                    1,
                    "",
                    "a source starts with front matter: a line '---', "
                    "then title, kind and origin, then another '---'",
                )
            ]
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ContentError(
            [Problem(path, 1, 1, "", "the front matter has no closing '---' line")]
        ) from None
    from .yamlfile import parse_yaml  # not needed by a bank read back from the cache

    document = parse_yaml(path, "\n".join(lines[1:end]), line_offset=1)
    if not isinstance(document.data, dict):
        raise ContentError(
            [Problem(path, 2, 1, "", "the front matter must be a mapping of fields")]
        )
    try:
        meta = SourceMeta.model_validate(document.data)
    except ValidationError as exc:
        raise ContentError(document.validation_problems(exc)) from None
    paragraphs = tuple(_paragraphs(lines, end + 1))
    if not paragraphs:
        raise ContentError(
            [Problem(path, end + 1, 1, "", "the source has no text after its front matter")]
        )
    return Source(path, meta, paragraphs)


def _paragraphs(lines: list[str], first: int) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    block: list[str] = []
    start = first
    for index in range(first, len(lines) + 1):
        line = lines[index] if index < len(lines) else ""
        if line.strip():
            if not block:
                start = index
            block.append(line.strip())
            continue
        if block and not block[0].startswith("#"):
            paragraphs.append(Paragraph(len(paragraphs) + 1, " ".join(block), start + 1))
        block = []
    return paragraphs
