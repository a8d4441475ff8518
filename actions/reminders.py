"""Reminders to do the exercises or to check in, with Rasa's reminder events.

``action_set_reminder`` reads the request with ``sciatica.reminders`` and
schedules a ``ReminderScheduled`` event; when it is due, Rasa triggers the
``EXTERNAL_*`` intent and ``action_exercise_reminder`` or
``action_checkin_reminder`` sends the reminder (and schedules the next one of
a repeating reminder). The active reminders are kept in the ``reminders`` slot.

Rasa keeps the scheduled jobs in memory and names each job by the reminder's
name alone, so a name holds the conversation id: one reminder of each kind per
conversation, replaced when set again. A reminder only counts while its
``ReminderScheduled`` event is in the current session, so a new session must
schedule them again: ``reminders_for_new_session`` gives those events.
"""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, ReminderCancelled, ReminderScheduled, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from sciatica import reminders
from sciatica_rasa.constants import SLOT_RED_FLAG

SLOT_REMINDERS = "reminders"
INTENTS = {
    reminders.EXERCISE: "EXTERNAL_exercise_reminder",
    reminders.CHECKIN: "EXTERNAL_checkin_reminder",
}
FLAGGED = ("emergency", "urgent")
CHECKIN_FORM = "checkin_form"
# A reminder this late when a new session starts is the one being sent now.
DUE_GRACE = dt.timedelta(minutes=5)


def now() -> dt.datetime:
    """The server's local time, with its UTC offset."""
    return dt.datetime.now().astimezone()


def reminder_name(kind: str, sender_id: str) -> str:
    """The reminder's name: one per kind and conversation.

    Args:
        kind: ``exercise`` or ``checkin``.
        sender_id: The conversation id (Rasa's scheduler is shared by all).

    Returns:
        The name, the same every time, so setting it again replaces it.
    """
    return f"{kind}_reminder__{sender_id}"


def active(tracker: Tracker) -> Dict[str, Dict[str, Any]]:
    """The active reminders by kind, from the ``reminders`` slot.

    Args:
        tracker: The conversation.

    Returns:
        Kind to record (``sciatica.reminders.to_record``); bad records are
        left out.
    """
    found: Dict[str, Dict[str, Any]] = {}
    for record in tracker.get_slot(SLOT_REMINDERS) or []:
        try:
            request, _ = reminders.from_record(record)
        except ValueError:
            continue
        found[request.kind] = record
    return found


def schedule(kind: str, at: dt.datetime, sender_id: str) -> EventType:
    """The ``ReminderScheduled`` event for a reminder of ``kind`` at ``at``."""
    return ReminderScheduled(
        INTENTS[kind],
        trigger_date_time=at,
        name=reminder_name(kind, sender_id),
        kill_on_user_message=False,
    )


def remember(records: Dict[str, Dict[str, Any]]) -> EventType:
    """The slot event for the active reminders (``None`` when there are none)."""
    return SlotSet(SLOT_REMINDERS, list(records.values()) or None)


def reminders_for_new_session(
    tracker: Tracker, moment: dt.datetime | None = None
) -> List[EventType]:
    """Events that keep the reminders going in a new session.

    Rasa sends a reminder only if its ``ReminderScheduled`` event is in the
    current session, so ``action_session_start`` must return these after
    ``SessionStarted``. A reminder still to come is scheduled again (the same
    job); the one being sent now (the reminder itself started the session) is
    marked again and its copy cancelled at once, so it is sent once; a
    repeating one that was missed (the server was restarted) moves to its next
    time, and a missed single one is dropped.

    Args:
        tracker: The conversation before the new session (its slots).
        moment: The current time (default: now).

    Returns:
        Reminder events and the ``reminders`` slot, or nothing.
    """
    moment = moment or now()
    records = active(tracker)
    kept: Dict[str, Dict[str, Any]] = {}
    events: List[EventType] = []
    for kind, record in records.items():
        request, at = reminders.from_record(record)
        if at > moment:
            events.append(schedule(kind, at, tracker.sender_id))
            kept[kind] = record
        elif moment - at <= DUE_GRACE:
            events.append(schedule(kind, at, tracker.sender_id))
            events.append(
                ReminderCancelled(name=reminder_name(kind, tracker.sender_id))
            )
            kept[kind] = record
        elif request.repeating:
            at = reminders.next_time(request, moment)
            events.append(schedule(kind, at, tracker.sender_id))
            kept[kind] = reminders.to_record(request, at)
    if kept != records:
        events.append(remember(kept))
    return events


class ActionSetReminder(Action):
    """Sets a reminder: "remind me to do my exercises every 2 hours"."""

    def name(self) -> str:
        """Action name."""
        return "action_set_reminder"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Schedules the reminder and says when, or asks when, or refuses."""
        text = (tracker.latest_message or {}).get("text") or ""
        request = reminders.read_reminder_request(text)
        if request is None:
            kind = reminders.read_kind(text)
            suffix = f"_time_{kind}" if kind else ""
            dispatcher.utter_message(response=f"utter_ask_reminder{suffix}")
            return []
        if request.kind == reminders.EXERCISE and (
            tracker.get_slot(SLOT_RED_FLAG) in FLAGGED
        ):
            dispatcher.utter_message(response="utter_reminder_not_for_exercise")
            return []
        if request.refused:
            dispatcher.utter_message(response=f"utter_reminder_{request.refused}")
            return []
        at = reminders.next_time(request, now())
        records = active(tracker)
        replaced = request.kind in records
        records[request.kind] = reminders.to_record(request, at)
        unit, count = (
            reminders.interval_parts(request.every) if request.every else ("once", 1)
        )
        dispatcher.utter_message(
            response=f"utter_reminder_set_{request.kind}_{unit}",
            count=count,
            date=f"{at:%A} {at.day} {at:%B}",
            time=f"{at:%H:%M}",
        )
        if replaced:
            dispatcher.utter_message(response="utter_reminder_replaced")
        dispatcher.utter_message(response="utter_reminder_channels")
        return [schedule(request.kind, at, tracker.sender_id), remember(records)]


class ActionCancelReminder(Action):
    """Cancels the exercise reminder, the check-in reminder, or both."""

    def name(self) -> str:
        """Action name."""
        return "action_cancel_reminder"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Cancels and says what was cancelled, or that there was nothing."""
        text = (tracker.latest_message or {}).get("text") or ""
        which = reminders.read_cancel(text)
        kinds = reminders.KINDS if which == reminders.ALL else (which,)
        records = active(tracker)
        cancelled = [kind for kind in kinds if kind in records]
        if not records:
            response = "utter_reminder_none"
        elif not cancelled:
            response = f"utter_reminder_none_{which}"
        elif len(cancelled) == 1:
            response = f"utter_reminder_cancelled_{cancelled[0]}"
        else:
            response = "utter_reminder_cancelled_all"
        dispatcher.utter_message(response=response)
        # Cancelled whatever the slot says, in case it missed one.
        events = [
            ReminderCancelled(name=reminder_name(kind, tracker.sender_id))
            for kind in kinds
        ]
        remaining = {kind: r for kind, r in records.items() if kind not in kinds}
        return [*events, remember(remaining)]


class _ReminderDue(Action):
    """A reminder has come: send it, and schedule the next one if it repeats."""

    kind = ""

    @abstractmethod
    def name(self) -> str:
        """Action name (each kind defines it)."""

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Sends the reminder and keeps the ``reminders`` slot up to date."""
        records = active(tracker)
        record = records.pop(self.kind, None)
        if self.stopped(tracker):
            dispatcher.utter_message(response=f"utter_reminder_{self.kind}_stopped")
            name = reminder_name(self.kind, tracker.sender_id)
            return [ReminderCancelled(name=name), remember(records)]
        if not self.already_doing_it(tracker):
            dispatcher.utter_message(response=f"utter_reminder_{self.kind}")
        events: List[EventType] = []
        if record is not None:
            request, _ = reminders.from_record(record)
            if request.repeating:
                at = reminders.next_time(request, now())
                records[self.kind] = reminders.to_record(request, at)
                events.append(schedule(self.kind, at, tracker.sender_id))
        return [*events, remember(records)]

    def stopped(self, tracker: Tracker) -> bool:
        """Whether this reminder must not be sent any more."""
        return False

    def already_doing_it(self, tracker: Tracker) -> bool:
        """Whether the person is doing what the reminder is about right now."""
        return False


class ActionExerciseReminder(_ReminderDue):
    """The exercise reminder: the person's own exercise, never after a red flag."""

    kind = reminders.EXERCISE

    def name(self) -> str:
        """Action name."""
        return "action_exercise_reminder"

    def stopped(self, tracker: Tracker) -> bool:
        """A red flag since the reminder was set stops exercise reminders."""
        return tracker.get_slot(SLOT_RED_FLAG) in FLAGGED


class ActionCheckinReminder(_ReminderDue):
    """The check-in reminder (its text repeats any safety advice)."""

    kind = reminders.CHECKIN

    def name(self) -> str:
        """Action name."""
        return "action_checkin_reminder"

    def already_doing_it(self, tracker: Tracker) -> bool:
        """In the middle of a check-in, the reminder to check in is not sent."""
        return (tracker.active_loop or {}).get("name") == CHECKIN_FORM
