"""Reading reminder requests ("remind me to do my exercises every 2 hours").

Rule-based, like the rest of the package: one message gives what to remind
about (the exercises or a check-in) and when. The rules, one sentence each:

- "every 2 hours", "every two hours", "every hour", "hourly", "every 30
  minutes", "every half hour", "every 3 days": repeats at that interval.
- "twice a day", "3 times a day": repeats every 24 hours divided by the count.
- "daily", "every day", "once a day", "every morning" / "evening": repeats
  once a day, at 9:00 (or 14:00, 19:00 for afternoon, evening) or the time said.
- "in 3 hours", "in an hour", "in half an hour", "in 2 days": once, that long
  from now.
- "tomorrow" (9:00), "tomorrow evening", "tomorrow at 6pm", "tonight",
  "this evening", "at 6pm", "on Monday", "next week": once, on that day at that
  time; a time already past today means tomorrow.
- A repeating reminder with an interval never comes at night: one that would
  fall between 22:00 and 8:00 moves to 8:00.
- Refused, with the reason: an interval under 30 minutes (``too_often``), or
  anything more than 30 days away (``too_far``).
- No time at all: ``None``, so the assistant asks.
- Without a word for what, a reminder that repeats within the day is for the
  exercises, anything else is a check-in.

Times are local to the server (the caller passes ``now``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Dict

from sciatica.numbers import NUMBER, parse_number

EXERCISE = "exercise"
CHECKIN = "checkin"
KINDS = (EXERCISE, CHECKIN)
ALL = "all"

TOO_OFTEN = "too_often"
TOO_FAR = "too_far"

MIN_INTERVAL = dt.timedelta(minutes=30)
MAX_AHEAD = dt.timedelta(days=30)
DAY = dt.timedelta(days=1)
MORNING = dt.time(9, 0)
QUIET_FROM = dt.time(22, 0)
QUIET_UNTIL = dt.time(8, 0)
# Any longer span is refused as too far; longer numbers are cut to this.
_BEYOND_REACH_MINUTES = (MAX_AHEAD + DAY) / dt.timedelta(minutes=1)

_PARTS_OF_DAY = {
    "morning": dt.time(9, 0),
    "afternoon": dt.time(14, 0),
    "evening": dt.time(19, 0),
    "night": dt.time(20, 0),
    "tonight": dt.time(20, 0),
}
_WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_UNITS = {
    "m": 1,
    "min": 1,
    "mins": 1,
    "minute": 1,
    "minutes": 1,
    "h": 60,
    "hr": 60,
    "hrs": 60,
    "hour": 60,
    "hours": 60,
    "day": 1440,
    "days": 1440,
    "week": 10080,
    "weeks": 10080,
}
_UNIT = r"(minutes?|mins?|m|hours?|hrs?|h|days?|weeks?)\b"

_CHECKIN = re.compile(
    r"check[ -]?in|chek[ -]?in|diary|log (my|the) pain|how i'?m doing|how i am|"
    r"how (my|the) pain|follow[ -]?up|catch up|progress|talk to you|come back"
)
_EXERCISE = re.compile(
    r"exercis|excercis|excersi|exersi|stretch|press[ -]?ups?|push[ -]?ups?|"
    r"knees?[ -]to[ -]chest|movements?|extensions?|mckenzie|workout|routine|"
    r"move|get up|walk"
)
_EVERY = re.compile(rf"\bevery\s+(?:{NUMBER}\s*)?{_UNIT}")
_EVERY_HALF_HOUR = re.compile(r"\bevery half(?: an)? hour\b|\bhalf[ -]hourly\b")
_EVERY_OTHER = re.compile(rf"\bevery (?:other|second) {_UNIT}")
_HOURLY = re.compile(r"\bhourly\b|\beach hour\b")
_TIMES_A_DAY = re.compile(
    rf"\b(once|twice|thrice|{NUMBER} times?)\s+(?:a|per|each|every)\s+day\b"
)
_DAILY = re.compile(
    r"\b(daily|every ?day|each day|every (morning|afternoon|evening|night)|"
    r"each (morning|afternoon|evening|night))\b"
)
_IN = re.compile(
    rf"\bin\s+(?:(?:about|around|roughly|approx\w*)\s+)?(?:{NUMBER}\s*)?{_UNIT}"
)
_IN_HALF_HOUR = re.compile(r"\bin half an? hour\b|\bin 1/2 ?h(ou)?r\b")
_NOT_A_DURATION = r"(?!\s*(?:minutes?|mins?|hours?|hrs?|h|days?|weeks?)\b)"
_CLOCKS = (
    re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.?|p\.m\.?)"),
    re.compile(r"\b(\d{1,2})[:.](\d{2})\b()"),
    re.compile(r"\b(?:at|@|by|around|about)\s+(\d{1,2})()()\b" + _NOT_A_DURATION),
)
_NOON = re.compile(r"\b(noon|midday|lunchtime|lunch time)\b")
_TOMORROW = re.compile(r"\b(tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow|2moro)\b")
_TODAY_PART = re.compile(r"\b(tonight|this (morning|afternoon|evening))\b")
_PART = re.compile(r"\b(morning|afternoon|evening|night)\b")
_NEXT_WEEK = re.compile(r"\bnext week\b")
_WEEKDAY = re.compile(r"\b(?:on |next )?(" + "|".join(_WEEKDAYS) + r")\b")


@dataclass(frozen=True)
class ReminderRequest:
    """What to remind about, and when, as the person said it.

    Exactly one way of timing is used: ``every`` (repeats; with ``clock``, once
    a day at that time), ``delay`` (once, that long from now), or a day and a
    time for a single reminder (``days_ahead`` or ``weekday``, and ``clock``).
    """

    kind: str
    every: dt.timedelta | None = None
    delay: dt.timedelta | None = None
    days_ahead: int = 0
    weekday: int | None = None
    clock: dt.time | None = None
    refused: str | None = None

    @property
    def repeating(self) -> bool:
        """Whether the reminder comes again after it fires."""
        return self.every is not None


def read_kind(text: str | None) -> str | None:
    """What the message asks to be reminded about, if it says.

    Args:
        text: The message.

    Returns:
        ``exercise``, ``checkin`` or ``None``.
    """
    cleaned = _clean(text or "")
    if _CHECKIN.search(cleaned):
        return CHECKIN
    if _EXERCISE.search(cleaned):
        return EXERCISE
    return None


def read_reminder_request(text: str | None) -> ReminderRequest | None:
    """Reads a reminder request from a message.

    Args:
        text: The message, for example "remind me to do my exercises every 2
            hours" or "remind me to check in tomorrow".

    Returns:
        The request (with ``refused`` set when it is out of bounds), or
        ``None`` when the message gives no usable time.
    """
    cleaned = _clean(text or "")
    timing = _read_timing(cleaned)
    if timing is None:
        return None
    kind = read_kind(cleaned)
    if kind is None:
        every = timing.get("every")
        kind = EXERCISE if every is not None and every < DAY else CHECKIN
    request = ReminderRequest(kind=kind, **timing)
    refused = _refusal(request)
    if refused:
        return ReminderRequest(kind=kind, **timing, refused=refused)
    return request


def read_cancel(text: str | None) -> str:
    """Which reminders a cancel request is about.

    Args:
        text: The message, for example "stop the exercise reminders".

    Returns:
        ``exercise``, ``checkin``, or ``all`` when it names neither or both.
    """
    cleaned = _clean(text or "")
    found = [
        kind
        for kind, pattern in ((EXERCISE, _EXERCISE), (CHECKIN, _CHECKIN))
        if pattern.search(cleaned)
    ]
    if re.search(r"\b(all|both|every|everything|any)\b", cleaned) or len(found) != 1:
        return ALL
    return found[0]


def next_time(request: ReminderRequest, now: dt.datetime) -> dt.datetime:
    """When the reminder should next come.

    Args:
        request: The request (not refused).
        now: The current time (its time zone, if any, is kept).

    Returns:
        The next time, strictly after ``now``.

    Raises:
        ValueError: If the request was refused.
    """
    if request.refused:
        raise ValueError(f"refused reminder request: {request.refused}")
    if request.delay is not None:
        return now + request.delay
    if request.every is not None and request.clock is None:
        return _out_of_quiet_hours(now + request.every)
    clock = request.clock or MORNING
    if request.weekday is not None:
        days = (request.weekday - now.weekday() - 1) % 7 + 1
        return _at(now.date() + dt.timedelta(days=days), clock, now)
    if request.days_ahead:
        return _at(now.date() + dt.timedelta(days=request.days_ahead), clock, now)
    today = _at(now.date(), clock, now)
    return today if today > now else _at(now.date() + DAY, clock, now)


def interval_parts(every: dt.timedelta) -> tuple[str, int]:
    """A repeat interval as a unit and a count, for the confirmation.

    Args:
        every: The interval.

    Returns:
        ``("minutes", 90)``, ``("hour", 1)``, ``("hours", 2)``, ``("day", 1)``
        or ``("days", 3)``.
    """
    minutes = round(every.total_seconds() / 60)
    if minutes % 1440 == 0:
        days = minutes // 1440
        return ("day", 1) if days == 1 else ("days", days)
    if minutes % 60 == 0:
        hours = minutes // 60
        return ("hour", 1) if hours == 1 else ("hours", hours)
    return ("minutes", minutes)


def to_record(request: ReminderRequest, at: dt.datetime) -> Dict[str, Any]:
    """An active reminder as a slot value (plain JSON types).

    Args:
        request: The request.
        at: When it comes next.

    Returns:
        ``kind``, ``at`` (ISO time), ``every_minutes`` and ``clock`` ("HH:MM").
    """
    return {
        "kind": request.kind,
        "at": at.isoformat(),
        "every_minutes": (
            round(request.every.total_seconds() / 60) if request.every else None
        ),
        "clock": request.clock.strftime("%H:%M") if request.clock else None,
    }


def from_record(record: Dict[str, Any]) -> tuple[ReminderRequest, dt.datetime]:
    """The request and next time stored by ``to_record``.

    Args:
        record: The slot value.

    Returns:
        A repeating request (or a one-off one when it does not repeat) and the
        time it comes next.

    Raises:
        ValueError: If the record is malformed.
    """
    try:
        at = dt.datetime.fromisoformat(record["at"])
        every = record.get("every_minutes")
        clock = record.get("clock")
        request = ReminderRequest(
            kind=record["kind"],
            every=dt.timedelta(minutes=every) if every else None,
            clock=dt.time.fromisoformat(clock) if clock else None,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"bad reminder record {record!r}") from error
    if request.kind not in KINDS:
        raise ValueError(f"bad reminder kind in {record!r}")
    return request, at


def _read_timing(text: str) -> Dict[str, Any] | None:
    """The timing fields of ``ReminderRequest`` the text gives, or ``None``."""
    clock = _clock(text)
    if _EVERY_HALF_HOUR.search(text):
        return {"every": dt.timedelta(minutes=30)}
    match = _EVERY_OTHER.search(text)
    if match:
        return {"every": dt.timedelta(minutes=2 * _UNITS[match.group(1)])}
    match = _TIMES_A_DAY.search(text)
    if match:
        count = _count(match.group(1))
        if count is None or count <= 0:
            return None
        if count == 1:
            return {"every": DAY, "clock": clock or MORNING}
        return {"every": _span(1440 / count)}
    match = _DAILY.search(text)
    if match:
        part = _PART.search(match.group(0))
        default = _PARTS_OF_DAY[part.group(1)] if part else MORNING
        return {"every": DAY, "clock": clock or default}
    match = _EVERY.search(text)
    if match:
        amount = parse_number(match.group(1)) if match.group(1) else 1.0
        if amount is None or amount <= 0:
            return None
        every = _span(amount * _UNITS[match.group(2)])
        if every == DAY:
            return {"every": DAY, "clock": clock or MORNING}
        return {"every": every}
    if _HOURLY.search(text):
        return {"every": dt.timedelta(hours=1)}
    return _read_once(text, clock)


def _read_once(text: str, clock: dt.time | None) -> Dict[str, Any] | None:
    """The timing of a single reminder, or ``None``."""
    if _IN_HALF_HOUR.search(text):
        return {"delay": dt.timedelta(minutes=30)}
    match = _IN.search(text)
    if match:
        amount = parse_number(match.group(1)) if match.group(1) else 1.0
        if amount is None or amount * _UNITS[match.group(2)] < 1:
            return None
        return {"delay": _span(amount * _UNITS[match.group(2)])}
    part = _PART.search(text)
    part_clock = _PARTS_OF_DAY[part.group(1)] if part else None
    if _TOMORROW.search(text):
        return {"days_ahead": 1, "clock": clock or part_clock or MORNING}
    match = _TODAY_PART.search(text)
    if match:
        key = "tonight" if match.group(1) == "tonight" else match.group(2)
        return {"clock": clock or _PARTS_OF_DAY[key]}
    if _NEXT_WEEK.search(text):
        return {"days_ahead": 7, "clock": clock or part_clock or MORNING}
    match = _WEEKDAY.search(text)
    if match:
        weekday = _WEEKDAYS.index(match.group(1))
        return {"weekday": weekday, "clock": clock or part_clock or MORNING}
    if clock is not None:
        return {"clock": clock}
    return None


def _refusal(request: ReminderRequest) -> str | None:
    """Why a request is out of bounds, or ``None``."""
    if request.every is not None and request.every < MIN_INTERVAL:
        return TOO_OFTEN
    longest = request.every or request.delay or dt.timedelta(days=request.days_ahead)
    if longest > MAX_AHEAD:
        return TOO_FAR
    return None


def _clock(text: str) -> dt.time | None:
    """A time of day ("at 6pm", "18:30", "at 7", "noon"), or ``None``."""
    if _NOON.search(text):
        return dt.time(12, 0)
    for pattern in _CLOCKS:
        for match in pattern.finditer(text):
            hour, minute = int(match.group(1)), int(match.group(2) or 0)
            meridiem = match.group(3)
            if meridiem and not 1 <= hour <= 12:
                continue
            if meridiem and meridiem.startswith("p") and hour != 12:
                hour += 12
            elif meridiem and meridiem.startswith("a") and hour == 12:
                hour = 0
            elif not meridiem and not match.group(2) and 1 <= hour <= 6:
                hour += 12  # "at 6" means the evening, not 6 in the morning
            if hour <= 23 and minute <= 59:
                return dt.time(hour, minute)
    return None


def _count(token: str) -> float | None:
    """How many times a day: "once", "twice", "3 times"."""
    fixed = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
    if token in fixed:
        return fixed[token]
    return parse_number(re.sub(r"\s*times?$", "", token))


def _span(minutes: float) -> dt.timedelta:
    """``minutes`` as a time span, cut to a day past ``MAX_AHEAD``.

    Anything that long is refused as too far anyway; the cut keeps a huge
    number ("every 99999999999 days") from overflowing ``timedelta``.
    """
    return dt.timedelta(minutes=min(minutes, _BEYOND_REACH_MINUTES))


def _at(day: dt.date, clock: dt.time, now: dt.datetime) -> dt.datetime:
    """``day`` at ``clock``, in ``now``'s time zone."""
    return dt.datetime.combine(day, clock, tzinfo=now.tzinfo)


def _out_of_quiet_hours(moment: dt.datetime) -> dt.datetime:
    """Moves a time at night (22:00 to 8:00) to 8:00 the next morning."""
    if moment.time() >= QUIET_FROM:
        return _at(moment.date() + DAY, QUIET_UNTIL, moment)
    if moment.time() < QUIET_UNTIL:
        return _at(moment.date(), QUIET_UNTIL, moment)
    return moment


def _clean(text: str) -> str:
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"[!?,;\"()*~]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()
