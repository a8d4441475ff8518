"""What the pain diary shows: the trend, when to see a physiotherapist, triggers.

Pure functions over diary entries; they return kinds, numbers, dates and ids,
and the Rasa layer picks the words.

The rules rest on the seed document ``002_bc5034fe82ebc8dd.txt``:

- "If your pain moves from your calf up to your thigh, that's a win. Even if
  the pain in your thigh feels sharper or more intense, if it's moving closer
  to your spine (the center), you are winning. If the pain travels further
  down toward your foot—called "peripheralization"—you are losing the
  battle." and "Focusing on centralization of the pain is your most reliable
  indicator of progress." So the leg extent decides the trend before the
  pain score does: centralizing is improving, spreading is worsening.
- "If pain persists or worsens for more than two weeks despite these
  adjustments, schedule an appointment with a physical therapist". So
  ``see_physio`` is set when the diary is flat or worse and the first
  check-in is more than ``PHYSIO_AFTER_DAYS`` days ago.
- "Track Your Triggers: Keep a simple note on your phone. Does it hurt more
  after sitting? After driving? In the morning? Use this data to adjust your
  movement." So ``frequent_triggers`` names the commonest triggers with the
  advice topic that helps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple, Sequence

from sciatica.diary import BACK, DiaryEntry, as_date
from sciatica.triggers import TriggerRules, rules

TOO_FEW = "too_few"
IMPROVING = "improving"
WORSENING = "worsening"
FLAT = "flat"
KINDS = (TOO_FEW, IMPROVING, WORSENING, FLAT)

CENTRALIZING = "centralizing"
PERIPHERALIZING = "peripheralizing"
SAME = "same"
UNKNOWN = "unknown"
EXTENT_CHANGES = (CENTRALIZING, PERIPHERALIZING, SAME, UNKNOWN)

# Check-ins needed before a trend is given.
MIN_ENTRIES = 2
# A change of at least this many points on the 0-10 scale counts as better or
# worse; less is "flat" (day-to-day noise).
MIN_PAIN_CHANGE = 2.0
# "more than two weeks" (seed 002): flat or worse for longer than this many
# days since the first check-in means see a physiotherapist.
PHYSIO_AFTER_DAYS = 14
# Check-ins needed before triggers are named.
MIN_CHECKINS_FOR_TRIGGERS = 3
# A trigger must be named on at least this many days to count as frequent.
MIN_TRIGGER_DAYS = 2
TOP_TRIGGERS = 2


@dataclass(frozen=True)
class Progress:
    """The trend of the pain diary.

    Attributes:
        kind: ``too_few``, ``improving``, ``worsening`` or ``flat``.
        entries: How many check-ins the diary holds.
        first_date: The first check-in's date (``None`` for an empty diary).
        last_date: The latest check-in's date.
        days: Days from the first to the latest check-in.
        days_since_first: Days from the first check-in to ``today``.
        pain_from: The first pain score recorded.
        pain_to: The latest pain score recorded.
        pain_change: ``pain_to - pain_from`` (negative is better).
        extent_from: The first leg extent recorded.
        extent_to: The latest leg extent recorded.
        extent_change: ``centralizing`` (the pain reaches less far down the
            leg), ``peripheralizing`` (further down), ``same`` or
            ``unknown`` (fewer than two extents recorded).
        see_physio: The pain persists or is worse more than two weeks after
            the first check-in: advise seeing a physiotherapist.
    """

    kind: str
    entries: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    days: int = 0
    days_since_first: int = 0
    pain_from: float | None = None
    pain_to: float | None = None
    pain_change: float | None = None
    extent_from: str | None = None
    extent_to: str | None = None
    extent_change: str = UNKNOWN
    see_physio: bool = False


class TriggerCount(NamedTuple):
    """A frequent trigger: its id, on how many days, and the advice topic."""

    trigger: str
    count: int
    advice_topic: str | None


def progress(entries: Sequence[DiaryEntry], today: dt.date | str) -> Progress:
    """Compares the latest check-in with the first.

    The leg extent decides first: pain retreating up the leg is
    ``improving`` and pain spreading down is ``worsening``, whatever the
    score says. Otherwise the pain score decides, with a change of at least
    ``MIN_PAIN_CHANGE`` points; less is ``flat``.

    Args:
        entries: The diary (any order; one entry per day, see
            ``diary.add_entry``).
        today: Today's date, for the two-week rule.

    Returns:
        The progress. ``too_few`` when there are fewer than ``MIN_ENTRIES``
        check-ins, or no pain score or extent was recorded twice.
    """
    today = as_date(today, where="today")
    ordered = sorted(entries, key=lambda e: e.date)
    if not ordered:
        return Progress(kind=TOO_FEW, entries=0)
    first, last = ordered[0], ordered[-1]
    base = {
        "entries": len(ordered),
        "first_date": first.date,
        "last_date": last.date,
        "days": (last.date - first.date).days,
        "days_since_first": max(0, (today - first.date).days),
    }
    pains = [e.pain for e in ordered if e.pain is not None]
    ranked = [e for e in ordered if e.extent is not None]
    pain_from = pain_to = pain_change = None
    if len(pains) >= MIN_ENTRIES:
        pain_from, pain_to = pains[0], pains[-1]
        pain_change = round(pain_to - pain_from, 1)
    extent_from = ranked[0].extent if len(ranked) >= MIN_ENTRIES else None
    extent_to = ranked[-1].extent if len(ranked) >= MIN_ENTRIES else None
    extent_change = _extent_change(ranked)
    kind = _kind(len(ordered), pain_change, extent_change)
    still_hurts = _still_hurts(ordered)
    see_physio = (
        kind in (WORSENING, FLAT)
        and still_hurts
        and base["days_since_first"] > PHYSIO_AFTER_DAYS
    )
    return Progress(
        kind=kind,
        pain_from=pain_from,
        pain_to=pain_to,
        pain_change=pain_change,
        extent_from=extent_from,
        extent_to=extent_to,
        extent_change=extent_change,
        see_physio=see_physio,
        **base,
    )


def spreading(entries: Sequence[DiaryEntry]) -> bool:
    """Whether the latest check-in's pain reaches further down the leg.

    Compares the latest check-in with the check-in before it that recorded an
    extent. Spreading is peripheralization: the Rasa layer should say so at
    once (and the red-flag detector reads the message itself).

    Args:
        entries: The diary, any order.

    Returns:
        ``True`` if the latest entry's extent is further down than the
        previous recorded one; ``False`` otherwise (also when the latest
        entry has no extent).
    """
    ordered = sorted(entries, key=lambda e: e.date)
    if len(ordered) < MIN_ENTRIES or ordered[-1].extent is None:
        return False
    latest = ordered[-1]
    previous = [e for e in ordered[:-1] if e.extent is not None]
    return bool(previous) and _rank(latest) > _rank(previous[-1])


def frequent_triggers(
    entries: Sequence[DiaryEntry],
    minimum_checkins: int = MIN_CHECKINS_FOR_TRIGGERS,
    top: int = TOP_TRIGGERS,
    trigger_rules: TriggerRules | None = None,
) -> list[TriggerCount]:
    """The triggers named most often, with the advice topic for each.

    Args:
        entries: The diary (one entry per day).
        minimum_checkins: Check-ins needed before any trigger is named.
        top: How many triggers to return at most.
        trigger_rules: The trigger rules (the packaged file by default).

    Returns:
        Up to ``top`` triggers named on at least ``MIN_TRIGGER_DAYS`` days,
        most days first; a tie goes to the one named more recently, then to
        file order. Empty when the diary has fewer than ``minimum_checkins``
        check-ins. Ids no longer in ``triggers.yml`` are left out.
    """
    if len(entries) < minimum_checkins:
        return []
    kb = trigger_rules or rules()
    counts: dict[str, int] = {}
    last_seen: dict[str, dt.date] = {}
    for entry in entries:
        for trigger_id in entry.triggers:
            if kb.get(trigger_id) is None:
                continue
            counts[trigger_id] = counts.get(trigger_id, 0) + 1
            last_seen[trigger_id] = max(
                entry.date, last_seen.get(trigger_id, entry.date)
            )
    frequent = [t for t, n in counts.items() if n >= MIN_TRIGGER_DAYS]
    frequent.sort(
        key=lambda t: (-counts[t], -last_seen[t].toordinal(), kb.ids.index(t))
    )
    topics = {t.id: t.advice_topic for t in kb.triggers}
    return [TriggerCount(t, counts[t], topics[t]) for t in frequent[:top]]


def _rank(entry: DiaryEntry) -> int:
    rank = entry.extent_rank
    return -1 if rank is None else rank


def _extent_change(ranked: Sequence[DiaryEntry]) -> str:
    if len(ranked) < MIN_ENTRIES:
        return UNKNOWN
    before, after = _rank(ranked[0]), _rank(ranked[-1])
    if after < before:
        return CENTRALIZING
    if after > before:
        return PERIPHERALIZING
    return SAME


def _kind(count: int, pain_change: float | None, extent_change: str) -> str:
    if count < MIN_ENTRIES or (pain_change is None and extent_change == UNKNOWN):
        return TOO_FEW
    if extent_change == PERIPHERALIZING:
        return WORSENING
    if extent_change == CENTRALIZING:
        return IMPROVING
    if pain_change is not None and pain_change <= -MIN_PAIN_CHANGE:
        return IMPROVING
    if pain_change is not None and pain_change >= MIN_PAIN_CHANGE:
        return WORSENING
    return FLAT


def _still_hurts(ordered: Sequence[DiaryEntry]) -> bool:
    """Whether the latest record still shows pain ("persists")."""
    pains = [e.pain for e in ordered if e.pain is not None]
    if pains:
        return pains[-1] > 0
    extents = [e.extent for e in ordered if e.extent is not None]
    return not extents or extents[-1] != BACK
