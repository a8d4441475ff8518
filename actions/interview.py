"""The symptom interview form and its summary (the pattern)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.escalation import escalate
from actions.forms import ReadingFormValidationAction
from actions.turns import NOT_ANSWERS, answered_just_now
from sciatica import interview, pattern
from sciatica_rasa.constants import SLOT_RED_FLAG

QUESTIONS = (
    "pain_extent",
    "pain_side",
    "symptom_weeks",
    "pain_score",
    "numbness",
    "worse_with",
    "better_with",
    "age",
)
SLOT_ATTEMPTS = "interview_attempts"
SLOT_SKIPPED = "interview_skipped"
SLOT_REASK = "interview_reask"
SLOT_WALLET = "wallet_or_hard_seat"
SLOT_PATTERN = "sciatica_pattern"
SLOT_COMPLETE = "interview_complete"
# A question is asked again with a hint at most this many times.
MAX_REASKS = 2
_DECLINED = ("prefer not", "rather not", "skip", "don't want to say", "not saying")


class ValidateInterviewForm(ReadingFormValidationAction):
    """Fills every interview slot a message answers; asks only what is missing.

    A message is read once for all questions (``sciatica.interview.parse``), so
    "left leg down to my calf for three weeks, about a 6" fills four slots. An
    answer that makes no sense gets the question again with a hint, at most
    twice; then the question is skipped and the value stays unknown.
    """

    def name(self) -> str:
        """Action name."""
        return "validate_interview_form"

    async def required_slots(
        self,
        domain_slots: List[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[str]:
        """Every question except those given up on."""
        skipped = set(tracker.get_slot(SLOT_SKIPPED) or [])
        return [slot for slot in QUESTIONS if slot not in skipped]

    async def get_extraction_events(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Reads the message once for every question it answers."""
        values = self._read(tracker)
        tracker.slots.update(values)
        return [SlotSet(slot, value) for slot, value in values.items()]

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Validates as usual; sciatica in both legs escalates at once."""
        events = await super().run(dispatcher, tracker, domain)
        if any(
            e.get("name") == "pain_side" and e.get("value") == "both" for e in events
        ):
            events += escalate(dispatcher, tracker, ["bilateral_sciatica"])
        return events

    def _read(self, tracker: Tracker) -> Dict[str, Any]:
        if not answered_just_now(tracker):
            return {}  # the form was just activated: no new message to read
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        requested: str | None = tracker.get_slot("requested_slot")
        facts = interview.parse(text, expecting=requested)
        values: Dict[str, Any] = dict(facts.as_slots())
        if facts.wallet:
            values[SLOT_WALLET] = True
        if requested == "age" and any(phrase in text.lower() for phrase in _DECLINED):
            return self._give_up(tracker, "age", values)
        if requested in QUESTIONS and requested not in values:
            intent = (message.get("intent") or {}).get("name")
            if intent in NOT_ANSWERS and not values and not facts.invalid:
                return {}  # a question or a command: let the rules answer it
            return self._retry(tracker, requested, values)
        values[SLOT_REASK] = None
        return values

    def _retry(
        self, tracker: Tracker, slot: str, values: Dict[str, Any]
    ) -> Dict[str, Any]:
        attempts = dict(tracker.get_slot(SLOT_ATTEMPTS) or {})
        attempts[slot] = attempts.get(slot, 0) + 1
        values[SLOT_ATTEMPTS] = attempts
        if attempts[slot] > MAX_REASKS:
            return self._give_up(tracker, slot, values)
        values[SLOT_REASK] = slot
        return values

    def _give_up(
        self, tracker: Tracker, slot: str, values: Dict[str, Any]
    ) -> Dict[str, Any]:
        skipped = list(tracker.get_slot(SLOT_SKIPPED) or [])
        values[SLOT_SKIPPED] = [*skipped, slot] if slot not in skipped else skipped
        values[SLOT_REASK] = None
        return values


class ActionInterviewSummary(Action):
    """After the interview: the pattern, said as a pattern, never a diagnosis."""

    def name(self) -> str:
        """Action name."""
        return "action_interview_summary"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Classifies the answers and sets ``sciatica_pattern``."""
        result = pattern.classify(
            worse_with=tracker.get_slot("worse_with") or [],
            better_with=tracker.get_slot("better_with") or [],
            pain_extent=tracker.get_slot("pain_extent"),
            age=tracker.get_slot("age"),
            wallet=bool(tracker.get_slot(SLOT_WALLET)),
        )
        events: List[EventType] = [
            SlotSet(SLOT_PATTERN, result.pattern),
            SlotSet(SLOT_COMPLETE, True),
        ]
        if tracker.get_slot(SLOT_RED_FLAG) not in ("emergency", "urgent"):
            dispatcher.utter_message(response=f"utter_pattern_{result.pattern}")
        return events
