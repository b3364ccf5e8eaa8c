"""Years and numbers: reading them in answers and in the article, and making plausible others.

A distractor for "2014" or "1,200 troops" keeps the key's form (its words and thousands
separator) and is checked against the key by value, so these live apart from the choosing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .draws import Draws
from .model import Kind

__all__ = ["NUMBER", "digit_runs", "format_like", "parse_number", "spread", "values_in_runs"]

NUMBER = re.compile(r"^(?P<prefix>\D*?)(?P<value>\d[\d,]*)(?P<suffix>\D*)$")
# A comma or full stop ends a number unless a digit follows ("in 2014, Russia" is a year).
_YEAR_IN_TEXT = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)(?![\d]|[,.]\d)")
_NUMBER_IN_TEXT = re.compile(
    r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d]|[,.]\d)|(?<![\d,.])\d+(?![\d]|[,.]\d)"
)
_DIGITS = re.compile(r"\d[\d,.]*")


def parse_number(text: str) -> int | None:
    """The value of a year or number answer ("1,200 troops" is 1200), or None."""
    match = NUMBER.match(text.strip())
    return int(match["value"].replace(",", "")) if match else None


def format_like(match: re.Match[str], value: int) -> str:
    """``value`` written as the answer ``match`` was: its words, and commas if it had them."""
    digits = f"{value:,}" if "," in match["value"] else str(value)
    return f"{match['prefix']}{digits}{match['suffix']}"


def spread(key: str, kind: Kind, rng: Draws) -> Iterator[str]:
    """Values around the key at plausible, uneven distances, nearer ones first.

    Worked out only when the candidates before them ran short, and band by band: that draws
    from ``rng`` later than a list made up front would, but ``DistractorPool.choose_ordered``
    draws nothing else from it after this starts.
    """
    match = NUMBER.match(key.strip())
    if match is None:
        return
    value = int(match["value"].replace(",", ""))
    if kind is Kind.YEAR:
        steps = [2, 3, 4, 5, 6, 7, 8, 10, 12, 15]
        values = [value + s * sign for s in steps for sign in (-1, 1)]
    else:
        # Round to the key's own precision: 1,200 gets 900 and 1,500, not 1,199 and 1,201.
        unit = 10 ** (len(str(value)) - len(str(value).rstrip("0"))) if value else 1
        factors = [0.5, 0.6, 0.75, 0.8, 1.25, 1.5, 2, 2.5, 3]
        values = [round(value * f / unit) * unit for f in factors]
        values += [value + s * sign for s in (1, 2, 3, 5) for sign in (-1, 1)]
        values = [v for v in values if v > 0 and v != value]
    step = max(1, value // 10 if kind is Kind.NUMBER else 3)
    # Nearer bands first, each band in a seeded order; a band is shuffled only when reached,
    # as most questions take their last option from the first band or two.
    bands: dict[int, list[int]] = {}
    for v in dict.fromkeys(values):
        bands.setdefault(abs(v - value) // step, []).append(v)
    for distance in sorted(bands):
        band = bands[distance]
        rng.shuffle(band)
        for v in band:
            yield format_like(match, v)


def values_in_runs(runs: str, kind: Kind) -> set[int]:
    """The years or numbers in a text, given its :func:`digit_runs`."""
    years = {int(y) for y in _YEAR_IN_TEXT.findall(runs)}
    if kind is Kind.YEAR:
        return years
    return {int(n.replace(",", "")) for n in _NUMBER_IN_TEXT.findall(runs)} - years


def digit_runs(text: str) -> str:
    """The runs of digits, commas and full stops in ``text``, joined by spaces.

    The patterns of years and numbers match only inside such runs and look at most one
    character before a match and two after it; each of those is in the run or is no digit,
    comma or full stop, as the spaces between runs are not. So they find the same values here
    as in the whole text, where their look-arounds made them crawl through every character.
    A run starting with a comma or full stop keeps one, which is all a look-behind sees.
    """
    runs = []
    for run in _DIGITS.finditer(text):
        start = run.start()
        if start and text[start - 1] in ",.":
            start -= 1
        runs.append(text[start : run.end()])
    return " ".join(runs)
