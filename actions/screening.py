"""The red-flag screening form: validation, order and outcome."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.escalation import SLOT_CONCEPTS, escalate
from actions.turns import yes_no_answer
from sciatica import screening
from sciatica.answers import NO, UNSURE, YES
from sciatica.redflags import EMERGENCY, URGENT
from sciatica_rasa.constants import SLOT_RED_FLAG

SLOT_REASK = "screening_reask"


class ValidateScreeningForm(FormValidationAction):
    """Reads each screening answer and decides which question comes next.

    Answers are read by rules (``sciatica.answers``), not by the intent
    classifier's confidence. An unclear answer gets the question once more in
    plainer words (``screening_reask``); unclear twice, it is kept as
    ``unsure``, which counts as a possible flag.
    """

    def name(self) -> str:
        """Action name."""
        return "validate_screening_form"

    async def required_slots(
        self,
        domain_slots: List[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[str]:
        """Only the questions that can still change the outcome."""
        answers = {slot: tracker.get_slot(slot) for slot in screening.slots()}
        return screening.required_slots(answers)

    def _answer(self, slot: str, tracker: Tracker) -> Dict[str, Any]:
        answer = yes_no_answer(tracker)
        asked_twice = tracker.get_slot(SLOT_REASK) == slot
        if answer in (YES, NO) or (asked_twice and answer in (UNSURE, None)):
            return {slot: answer or UNSURE, SLOT_REASK: None}
        return {slot: None, SLOT_REASK: slot}

    async def get_validation_events(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Reads the answer to whichever screening question was just asked.

        One reader serves every question (they are all yes / no / not sure),
        instead of one ``validate_<slot>`` method per question.
        """
        answered = set(tracker.slots_to_validate()) & set(screening.slots())
        values: Dict[str, Any] = {}
        for slot in answered:
            values.update(self._answer(slot, tracker))
        return [SlotSet(slot, value) for slot, value in values.items()]


class ActionScreeningOutcome(Action):
    """After the last question: the escalation, or the all-clear."""

    def name(self) -> str:
        """Action name."""
        return "action_screening_outcome"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Sums up the answers and sets ``red_flag``."""
        answers = {slot: tracker.get_slot(slot) for slot in screening.slots()}
        result = screening.outcome(answers)
        current: str | None = tracker.get_slot(SLOT_RED_FLAG)
        if result.level == EMERGENCY or (result.level == URGENT and result.concepts):
            return escalate(dispatcher, tracker, result.concepts)
        if result.level == URGENT:
            return escalate(dispatcher, tracker, result.unsure, possible=True)
        if current in (EMERGENCY, URGENT):
            # Flagged earlier in the conversation: the level is never lowered.
            return escalate(dispatcher, tracker, tracker.get_slot(SLOT_CONCEPTS) or [])
        if result.level == screening.NONE:
            dispatcher.utter_message(response="utter_screening_clear")
            return [SlotSet(SLOT_RED_FLAG, screening.NONE)]
        return []
