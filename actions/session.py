"""A new session: carry the person's record over, and re-check returning people."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.reminders import reminders_for_new_session
from sciatica_rasa.constants import (
    ACTION_WELCOME_BACK,
    RECHECK,
    SLOT_PENDING,
    SLOT_RECHECK_DUE,
)

SLOT_RETURNING = "returning_user"
# Slots that belong to one visit's unfinished business, not to the person.
TRANSIENT = frozenset(
    {
        "requested_slot",
        SLOT_PENDING,
        SLOT_RECHECK_DUE,
        SLOT_RETURNING,
        "session_started_metadata",
        "dp_in_progress",
        "dp_reask",
        "interview_reask",
        "screening_reask",
        "advice_shown",
        "crisis_ruled_out",
        "checkin_pain",
        "checkin_extent",
        "checkin_triggers",
        "checkin_centralizes",
        "checkin_attempts",
    }
)


def has_spoken_before(events: List[Dict[str, Any]]) -> bool:
    """Whether the person said anything in an earlier session.

    Messages made by reminders firing (``EXTERNAL: ...``) don't count.
    """
    return any(
        event.get("event") == "user"
        and not str(event.get("text") or "").startswith("EXTERNAL: ")
        and not (event.get("metadata") or {}).get("is_external")
        for event in events
    )


class ActionSessionStart(Action):
    """Starts a session like Rasa's default, and marks a returning person.

    The person's slots (screening answers, pattern, test result, diary,
    advice given, red flag) carry over; a returning person is greeted back
    and asked the short red-flag question before anything else
    (``RedFlagPolicy`` runs ``action_welcome_back`` while ``recheck_due``).
    """

    def name(self) -> str:
        """Action name."""
        return "action_session_start"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Session start, carried-over slots, then wait for the message."""
        events: List[EventType] = [SessionStarted()]
        for name, value in tracker.slots.items():
            if value is not None and name not in TRANSIENT:
                events.append(SlotSet(name, value))
        if has_spoken_before(tracker.events):
            events += [SlotSet(SLOT_RETURNING, True), SlotSet(SLOT_RECHECK_DUE, True)]
        # Rasa sends only reminders scheduled in the current session.
        events += reminders_for_new_session(tracker)
        events.append(ActionExecuted("action_listen"))
        return events


class ActionWelcomeBack(Action):
    """Greets a returning person and asks the short red-flag question."""

    def name(self) -> str:
        """Action name."""
        return ACTION_WELCOME_BACK

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Asks; the answer is read by ``action_red_flag_resolve``."""
        dispatcher.utter_message(response="utter_welcome_back")
        dispatcher.utter_message(response="utter_recheck")
        return [SlotSet(SLOT_RECHECK_DUE, False), SlotSet(SLOT_PENDING, RECHECK)]
