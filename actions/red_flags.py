"""Red-flag actions, predicted by RedFlagPolicy whenever a message has a flag."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.escalation import entity_concepts, escalate, screening_answers
from actions.turns import yes_no_answer
from sciatica import screening
from sciatica.answers import NO, YES
from sciatica.redflag_check import POSSIBLE
from sciatica.redflags import PRESENT, QUESTION, UNCERTAIN
from sciatica_rasa.constants import (
    ACTION_CONFIRM,
    ACTION_CRISIS_CHECK,
    ACTION_ESCALATE,
    ACTION_EXPLAIN,
    ACTION_RESOLVE,
    CRISIS_CHECK,
    CRISIS_ENTITY,
    CRISIS_UNCERTAIN,
    RECHECK,
    RESPONSE_CRISIS,
    SCREENING_FORM,
    SLOT_CHECKED,
    SLOT_CRISIS_RULED_OUT,
    SLOT_PENDING,
)

SLOT_REQUESTED = "requested_slot"


def _confirm(dispatcher: CollectingDispatcher, concept: str) -> List[EventType]:
    dispatcher.utter_message(response=f"utter_confirm_{concept}")
    return [SlotSet(SLOT_PENDING, concept)]


def recheck_answered(
    dispatcher: CollectingDispatcher, answer: str | None
) -> List[EventType]:
    """A returning person's answer to "anything new since we last spoke?".

    A clear "no" leads to the check-in offer. Anything else (yes, not sure, no
    answer) goes through the whole screening again, one question at a time,
    so the assistant learns exactly which sign it is; a message that names the
    sign itself never gets here, it escalates at once.
    """
    events: List[EventType] = [SlotSet(SLOT_PENDING, None)]
    if answer == NO:
        dispatcher.utter_message(response="utter_recheck_clear")
        dispatcher.utter_message(response="utter_offer_checkin")
        return events
    dispatcher.utter_message(response="utter_recheck_screen")
    events += [SlotSet(slot, None) for slot in screening.slots()]
    # The screening form takes over (RedFlagPolicy steps aside for a form).
    events += [SlotSet("screening_reask", None), ActiveLoop(SCREENING_FORM)]
    return events


def crisis_check_answered(
    dispatcher: CollectingDispatcher, tracker: Tracker, answer: str | None
) -> List[EventType]:
    """The answer to "are you having thoughts of harming yourself?".

    Only a clear "no" stands the question down (and the classifier alone
    does not ask again in this session); yes, not sure, no answer, or words
    the crisis rules know get the crisis support. A warning sign stated in
    the same answer is escalated after it.
    """
    stated = any(
        entity.get("entity") == CRISIS_ENTITY and entity.get("role") != CRISIS_UNCERTAIN
        for entity in (tracker.latest_message or {}).get("entities") or []
    )
    events: List[EventType] = [SlotSet(SLOT_PENDING, None)]
    if answer == NO and not stated:
        dispatcher.utter_message(response="utter_crisis_check_clear")
        events.append(SlotSet(SLOT_CRISIS_RULED_OUT, True))
    else:
        dispatcher.utter_message(response=RESPONSE_CRISIS)
    flags = entity_concepts(tracker, PRESENT)
    if flags:
        # A warning sign in the same answer is escalated as always.
        events += escalate(dispatcher, tracker, flags)
    return events


class ActionCrisisCheck(Action):
    """Only the classifier reads the message as about self-harm: ask."""

    def name(self) -> str:
        """Action name."""
        return ACTION_CRISIS_CHECK

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Asks the yes/no question; ``action_red_flag_resolve`` reads it."""
        dispatcher.utter_message(response="utter_crisis_check")
        return [SlotSet(SLOT_PENDING, CRISIS_CHECK)]


class ActionRedFlagEscalate(Action):
    """The message states a red flag: escalate now, whatever was going on."""

    def name(self) -> str:
        """Action name."""
        return ACTION_ESCALATE

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Sends the escalation for the flags stated in the latest message."""
        return escalate(dispatcher, tracker, entity_concepts(tracker, PRESENT))


class ActionRedFlagConfirm(Action):
    """A flag term in uncertain context: ask a yes/no question about it."""

    def name(self) -> str:
        """Action name."""
        return ACTION_CONFIRM

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Asks about the most urgent uncertain concept.

        A concept the rules read as uncertain comes before one only the
        classifier suggests (``possible``); the classifier alone asks about
        each concept once in a conversation (``red_flag_checked``).
        """
        concepts = entity_concepts(tracker, UNCERTAIN)
        if concepts:
            return _confirm(dispatcher, concepts[0])
        checked = list(tracker.get_slot(SLOT_CHECKED) or [])
        concepts = [c for c in entity_concepts(tracker, POSSIBLE) if c not in checked]
        if not concepts:
            return []
        return [
            *_confirm(dispatcher, concepts[0]),
            SlotSet(SLOT_CHECKED, [*checked, concepts[0]]),
        ]


class ActionRedFlagExplain(Action):
    """A question about a red flag: explain it, then ask if the person has it."""

    def name(self) -> str:
        """Action name."""
        return ACTION_EXPLAIN

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Explains the most urgent concept asked about and asks about it."""
        concepts = entity_concepts(tracker, QUESTION)
        if not concepts:
            return []
        dispatcher.utter_message(response=f"utter_explain_{concepts[0]}")
        return _confirm(dispatcher, concepts[0])


class ActionRedFlagResolve(Action):
    """The answer to a red-flag confirmation question."""

    def name(self) -> str:
        """Action name."""
        return ACTION_RESOLVE

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Escalates on yes, stands down on no, errs to safety otherwise.

        Anything but a clear "no" (not sure, or no answer to the question) is
        treated as a possible flag: see a doctor today.
        """
        concept = tracker.get_slot(SLOT_PENDING)
        answer = yes_no_answer(tracker)
        if concept == RECHECK:
            return recheck_answered(dispatcher, answer)
        if concept == CRISIS_CHECK:
            return crisis_check_answered(dispatcher, tracker, answer)
        if answer == YES:
            return escalate(dispatcher, tracker, [concept])
        if answer != NO:
            return escalate(dispatcher, tracker, [concept], possible=True)
        dispatcher.utter_message(response="utter_red_flag_ruled_out")
        events: List[EventType] = [SlotSet(SLOT_PENDING, None)]
        question = screening.question_for(concept)
        if question is not None and question.concepts == (concept,):
            events += screening_answers([concept], NO)
        return events
