"""Numbers as people type them: digits ("6", "1.5", "2,5") or words ("six").

Shared by the symptom interview (pain score, how long) and the reminder
requests (how often, how soon), so both read "a couple of", "forty five" or
"half" the same way. ``NUMBER`` is a regular expression with one capturing
group for a number; ``parse_number`` turns what it captured into a float.
Vague amounts get a fixed value: "a couple" is 2, "a few" 3, "several" 4.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final, Mapping

NUMBER_WORDS: Final[Mapping[str, float]] = MappingProxyType(
    {
        "zero": 0,
        "nought": 0,
        "none": 0,
        "one": 1,
        "a": 1,
        "an": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "forty five": 45,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "couple": 2,
        "a couple": 2,
        "a couple of": 2,
        "couple of": 2,
        "a few": 3,
        "few": 3,
        "several": 4,
        "half": 0.5,
        "a half": 0.5,
    }
)
"""Number words (lower case, single spaces) and their values."""

NUMBER: Final[str] = (
    r"(\d+(?:[.,]\d+)?|"
    + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
    + r")"
)
"""A regular expression with one group: digits or a number word.

Longer words come first, so "a couple of" wins over "a" and "forty five" over
"forty". It has no word boundaries of its own; callers add what they need.
"""

_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


def parse_number(token: str) -> float | None:
    """Reads one number captured by ``NUMBER``.

    Args:
        token: Digits (a comma may stand for the decimal point) or a number
            word from ``NUMBER_WORDS``, in lower case.

    Returns:
        The value (``inf`` for digits too long for a float), or ``None`` when
        ``token`` is not a number ``NUMBER`` matches.
    """
    token = token.strip()
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    if not _DIGITS.fullmatch(token):
        return None
    return float(token.replace(",", "."))  # float() reads every Unicode digit
