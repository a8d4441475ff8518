"""The directional-preference test form and its result."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import ReadingFormValidationAction
from actions.turns import NOT_ANSWERS, answered_just_now, yes_no_answer
from sciatica import directional
from sciatica.answers import NO, YES
from sciatica_rasa.constants import SLOT_RED_FLAG

SLOT_REASK = "dp_reask"
SLOT_IN_PROGRESS = "dp_in_progress"
SLOT_RESULT = "directional_preference"


def _answers(tracker: Tracker) -> Dict[str, str | None]:
    names = (directional.CAN_LIE_PRONE, *directional.STEPS)
    return {name: tracker.get_slot(name) for name in names}


class ValidateDpTestForm(ReadingFormValidationAction):
    """Guides the test step by step and reads where the pain went.

    The steps come from ``sciatica.directional.required_steps``: extension
    first, then flexion if extension sent pain down the leg, was not possible
    or changed nothing (straight to flexion for a stenosis-like pattern).
    Pain spreading down the leg stops the step at once.
    """

    def name(self) -> str:
        """Action name."""
        return "validate_dp_test_form"

    async def required_slots(
        self,
        domain_slots: List[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[str]:
        """The steps still worth doing (none once a red flag is raised)."""
        if tracker.get_slot(SLOT_RED_FLAG) in ("emergency", "urgent"):
            return []
        return directional.required_steps(
            _answers(tracker), tracker.get_slot("sciatica_pattern")
        )

    async def get_extraction_events(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Extracts the step being answered; marks the test as under way."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        if not tracker.get_slot(SLOT_IN_PROGRESS):
            events.append(SlotSet(SLOT_IN_PROGRESS, True))
        return events

    async def extract_dp_can_lie_prone(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Whether the person can lie on their stomach."""
        if not self._answering(tracker, directional.CAN_LIE_PRONE):
            return {}
        message = tracker.latest_message or {}
        answer = yes_no_answer(tracker)
        if answer in (YES, NO):
            return {directional.CAN_LIE_PRONE: answer, SLOT_REASK: None}
        if directional.read_movement(message.get("text")) == directional.COULD_NOT:
            return {directional.CAN_LIE_PRONE: NO, SLOT_REASK: None}
        return self._not_understood(tracker, directional.CAN_LIE_PRONE)

    async def extract_dp_prone(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Reading after lying face down."""
        return self._reading(dispatcher, tracker, "dp_prone")

    async def extract_dp_elbows(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Reading after propping on the elbows."""
        return self._reading(dispatcher, tracker, "dp_elbows")

    async def extract_dp_pressups(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Reading after 10 press-ups."""
        return self._reading(dispatcher, tracker, "dp_pressups")

    async def extract_dp_knees(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Reading after knees to chest."""
        return self._reading(dispatcher, tracker, "dp_knees")

    def _answering(self, tracker: Tracker, slot: str) -> bool:
        return answered_just_now(tracker) and tracker.get_slot("requested_slot") == slot

    def _reading(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str
    ) -> Dict[str, Any]:
        if not self._answering(tracker, slot):
            return {}
        text = (tracker.latest_message or {}).get("text")
        reading = directional.read_movement(text, tracker.get_slot("pain_extent"))
        if reading is None:
            return self._not_understood(tracker, slot)
        if reading == directional.PERIPHERALIZING:
            dispatcher.utter_message(response="utter_dp_stop")
        return {slot: reading, SLOT_REASK: None}

    def _not_understood(self, tracker: Tracker, slot: str) -> Dict[str, Any]:
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        if intent in NOT_ANSWERS:
            return {}  # a question or a command: let the rules answer it
        if tracker.get_slot(SLOT_REASK) == slot:
            fallback = NO if slot == directional.CAN_LIE_PRONE else directional.SKIPPED
            return {slot: fallback, SLOT_REASK: None}
        return {SLOT_REASK: slot}


class ActionDpResult(Action):
    """The test's result: the direction to use, and the 90-90 reset position."""

    def name(self) -> str:
        """Action name."""
        return "action_dp_result"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Sets ``directional_preference`` and explains what to do next."""
        if tracker.get_slot(SLOT_RED_FLAG) in ("emergency", "urgent"):
            dispatcher.utter_message(response="utter_stay_safe")
            return [SlotSet(SLOT_IN_PROGRESS, False)]
        answers = _answers(tracker)
        preference = directional.result(answers)
        if preference == directional.NONE and directional.flexion_spread(answers):
            dispatcher.utter_message(response="utter_dp_result_peripheralized")
        else:
            dispatcher.utter_message(response=f"utter_dp_result_{preference}")
        dispatcher.utter_message(response="utter_dp_reset_9090")
        return [SlotSet(SLOT_RESULT, preference), SlotSet(SLOT_IN_PROGRESS, False)]
