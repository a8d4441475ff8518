"""The pain diary: one check-in per day, kept across sessions.

A check-in records pain now (0-10), how far down the leg it reaches today,
what set it off and whether the directional-preference exercise still
centralizes the pain. Entries are stored as plain dicts (``to_dict``) in a
Rasa list slot; ``from_dict`` reads them back and rejects malformed data with
a ``DiaryError`` that says what is wrong. Keys it does not know are ignored,
so a diary written by a newer version still loads.

One entry per day: a second check-in on the same day is merged into the
first (see ``add_entry``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping, NoReturn, Sequence

from sciatica.answers import NO, YES, read_yes_no
from sciatica.directional import (
    CENTRALIZING,
    NO_CHANGE,
    PERIPHERALIZING,
    read_movement,
)
from sciatica.errors import DiaryError, Errors
from sciatica.interview import EXTENT_ORDER, MAX_SCORE, MIN_SCORE, furthest_extent

# "back" means the pain no longer reaches the leg.
BACK = "back"
EXTENTS = EXTENT_ORDER
# The diary keeps at most this many days (the oldest go first): about a year
# of daily check-ins, small enough for a slot.
MAX_ENTRIES = 366
# Notes longer than this are cut when stored.
MAX_NOTE_CHARS = 500
_NOTE_JOIN = "\n"

_NO_LEG_PAIN = re.compile(
    r"\b(no|not|none|nothing) (more )?(pain )?(in|down) (my |the )?legs?\b|"
    r"\bleg (pain )?(is |has )?(gone|fine|clear|ok|okay)\b|"
    r"\b(only|just) (in )?(my |the )?(lower |low )?back\b|"
    r"\bnot in (my |the )?leg (any ?more|now)\b|\bnot down (my |the )?leg\b"
)


@dataclass(frozen=True)
class DiaryEntry:
    """One day's check-in.

    Attributes:
        date: The day of the check-in (an ISO string is converted).
        pain: Pain now, 0-10, or ``None`` if not given.
        extent: How far down the leg the pain reaches today: ``back`` (no leg
            pain), ``buttock``, ``thigh``, ``below_knee`` or ``foot``.
        triggers: Trigger ids (``data/triggers.yml``) named that day.
        centralizes: Whether the directional-preference exercise still moves
            the pain up out of the leg; ``None`` if not asked or not done.
        note: The person's own words, if any.
    """

    date: dt.date
    pain: float | None = None
    extent: str | None = None
    triggers: tuple[str, ...] = field(default=())
    centralizes: bool | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        """Converts an ISO date and checks every field.

        Raises:
            DiaryError: If a field has a wrong type or an impossible value.
        """
        where = str(self.date)
        object.__setattr__(self, "date", as_date(self.date, where))
        where = self.date.isoformat()
        if self.pain is not None:
            if isinstance(self.pain, bool) or not isinstance(self.pain, (int, float)):
                _fail(where, "pain", "a number from 0 to 10", self.pain)
            if not MIN_SCORE <= self.pain <= MAX_SCORE:
                _fail(where, "pain", "a number from 0 to 10", self.pain)
            object.__setattr__(self, "pain", float(self.pain))
        if self.extent is not None and self.extent not in EXTENTS:
            _fail(where, "extent", f"one of {', '.join(EXTENTS)}", self.extent)
        if isinstance(self.triggers, str) or not isinstance(
            self.triggers, (list, tuple)
        ):
            _fail(where, "triggers", "a list of trigger ids", self.triggers)
        if not all(isinstance(t, str) and t for t in self.triggers):
            _fail(where, "triggers", "a list of trigger ids", self.triggers)
        object.__setattr__(self, "triggers", tuple(dict.fromkeys(self.triggers)))
        if self.centralizes is not None and not isinstance(self.centralizes, bool):
            _fail(where, "centralizes", "true, false or null", self.centralizes)
        if self.note is not None:
            if not isinstance(self.note, str):
                _fail(where, "note", "text", self.note)
            object.__setattr__(self, "note", self.note[:MAX_NOTE_CHARS] or None)

    @property
    def extent_rank(self) -> int | None:
        """0 for ``back`` up to 4 for ``foot``; ``None`` when not recorded."""
        return None if self.extent is None else EXTENTS.index(self.extent)

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON-ready data for the diary slot."""
        return {
            "date": self.date.isoformat(),
            "pain": self.pain,
            "extent": self.extent,
            "triggers": list(self.triggers),
            "centralizes": self.centralizes,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Any) -> DiaryEntry:
        """Reads an entry stored by ``to_dict`` (by this or another version).

        Args:
            data: The stored mapping. Only ``date`` is required; unknown keys
                are ignored.

        Returns:
            The entry.

        Raises:
            DiaryError: If ``data`` is not a mapping, has no valid date, or a
                field has a wrong type or an impossible value.
        """
        if not isinstance(data, Mapping):
            _fail("?", "entry", "a mapping with a 'date'", data)
        if "date" not in data:
            _fail("?", "date", "an ISO date (YYYY-MM-DD)", None)
        triggers = data.get("triggers")
        return cls(
            date=data["date"],
            pain=data.get("pain"),
            extent=data.get("extent"),
            triggers=() if triggers is None else triggers,
            centralizes=data.get("centralizes"),
            note=data.get("note"),
        )


def load_diary(value: Any) -> tuple[list[DiaryEntry], list[str]]:
    """Reads the diary slot, keeping every entry that is valid.

    One bad entry must not lose the rest of the diary: it is left out and its
    problem reported.

    Args:
        value: The slot value: a list of stored entries (or ``None``).

    Returns:
        The valid entries, one per day, oldest first (``add_entry`` merges
        repeated days), and a message for each entry left out.
    """
    if value is None:
        return [], []
    if not isinstance(value, (list, tuple)):
        return [], [
            Errors.E015.format(
                where="(diary)", key="diary", expected="a list", actual=value
            )
        ]
    entries: list[DiaryEntry] = []
    problems: list[str] = []
    for item in value:
        try:
            entry = DiaryEntry.from_dict(item)
        except DiaryError as error:
            problems.append(str(error))
            continue
        entries = add_entry(entries, entry)
    return entries, problems


def dump_diary(entries: Iterable[DiaryEntry]) -> list[dict[str, Any]]:
    """The entries as the diary slot's value, oldest first."""
    return [entry.to_dict() for entry in sorted(entries, key=lambda e: e.date)]


def add_entry(entries: Sequence[DiaryEntry], entry: DiaryEntry) -> list[DiaryEntry]:
    """Adds a check-in, returning a new list (the input is not changed).

    A second check-in on the same day is merged into that day's entry: what
    the new check-in says wins (pain now, extent now, centralizes), what it
    leaves out (``None``) keeps the earlier value, triggers are added to the
    day's triggers and notes are kept one after the other. The diary keeps
    one entry per day, oldest first, at most ``MAX_ENTRIES`` days.

    Args:
        entries: The diary so far.
        entry: Today's (or another day's) check-in.

    Returns:
        The new diary.
    """
    by_day = {existing.date: existing for existing in entries}
    earlier = by_day.get(entry.date)
    by_day[entry.date] = entry if earlier is None else _merge(earlier, entry)
    ordered = [by_day[day] for day in sorted(by_day)]
    return ordered[-MAX_ENTRIES:]


def read_centralizes(text: str | None) -> bool | None:
    """Whether a check-in answer says the exercise still centralizes the pain.

    Reuses the movement reading of the directional-preference test: pain
    moving up out of the leg (or a plain "yes") is ``True``; pain spreading
    down, no change (or a plain "no") is ``False``.

    Args:
        text: The answer ("yes, it still moves up to my buttock", "no").

    Returns:
        ``True``, ``False``, or ``None`` when the answer says neither (not
        done, skipped, not understood).
    """
    movement = read_movement(text)
    if movement == CENTRALIZING:
        return True
    if movement in (PERIPHERALIZING, NO_CHANGE):
        return False
    if movement is not None:
        return None
    answer = read_yes_no(text)
    if answer == YES:
        return True
    if answer == NO:
        return False
    return None


def read_extent(text: str | None) -> str | None:
    """How far down the leg a check-in answer says the pain reaches today.

    Args:
        text: The answer ("down to my calf", "only in my back now").

    Returns:
        ``back`` (no leg pain), ``buttock``, ``thigh``, ``below_knee``,
        ``foot``, or ``None`` if the answer does not say.
    """
    cleaned = (text or "").lower().replace("\u2019", "'")
    if _NO_LEG_PAIN.search(cleaned):
        return BACK
    return furthest_extent(cleaned)


def _merge(earlier: DiaryEntry, later: DiaryEntry) -> DiaryEntry:
    notes = [n for n in (earlier.note, later.note) if n]
    note = _NOTE_JOIN.join(dict.fromkeys(notes)) if notes else None
    return replace(
        earlier,
        pain=later.pain if later.pain is not None else earlier.pain,
        extent=later.extent if later.extent is not None else earlier.extent,
        triggers=tuple(dict.fromkeys((*earlier.triggers, *later.triggers))),
        centralizes=(
            later.centralizes if later.centralizes is not None else earlier.centralizes
        ),
        note=note,
    )


def as_date(value: Any, where: str = "?") -> dt.date:
    """A ``datetime.date`` from a date, a datetime or an ISO string.

    Args:
        value: The date to read.
        where: Which entry, for the error message.

    Raises:
        DiaryError: If ``value`` is not a date.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    _fail(where, "date", "an ISO date (YYYY-MM-DD)", value)


def _fail(where: str, key: str, expected: str, actual: Any) -> NoReturn:
    raise DiaryError(
        Errors.E015.format(where=where, key=key, expected=expected, actual=actual)
    )
