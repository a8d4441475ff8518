"""Sending the red-flag escalation and recording it in slots.

Shared by the red-flag actions and the screening outcome, so every path to an
escalation says the same deterministic message and sets the same slots.
"""

from __future__ import annotations

from typing import Any, Dict, List, Sequence

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.locale import localised
from sciatica import screening
from sciatica.answers import UNSURE, YES
from sciatica.redflags import EMERGENCY, URGENT, RedFlagDetector
from sciatica_rasa.constants import (
    ENTITY,
    SLOT_PENDING,
    SLOT_RECHECK_DUE,
    SLOT_RED_FLAG,
)

SLOT_CONCEPTS = "red_flag_concepts"
SLOT_REQUESTED = "requested_slot"

RESPONSE_EMERGENCY = "utter_emergency"
RESPONSE_URGENT = "utter_urgent"
RESPONSE_POSSIBLE = "utter_possible_red_flag"


def level_of(concepts: Sequence[str]) -> str | None:
    """The most urgent level among ``concepts`` (``None`` if there are none)."""
    known = RedFlagDetector.default().concepts
    urgencies = {known[c].urgency for c in concepts if c in known}
    if EMERGENCY in urgencies:
        return EMERGENCY
    if URGENT in urgencies:
        return URGENT
    return None


def escalate(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    concepts: Sequence[str],
    *,
    possible: bool = False,
) -> List[EventType]:
    """Sends the escalation for ``concepts`` and returns the slot events.

    The level never goes down: if the conversation already had an emergency,
    the emergency message is repeated, now with every reason found so far.

    Args:
        dispatcher: Where the message goes.
        tracker: The conversation.
        concepts: The red-flag concepts just found.
        possible: The person could not rule the concepts out (unsure answers);
            they are treated as a same-day flag at least.

    Returns:
        Events: ``red_flag``, the concepts, cleared confirmation, the matching
        screening answers, and the end of any active form.
    """
    current = tracker.get_slot(SLOT_RED_FLAG)
    found = URGENT if possible else level_of(concepts)
    level = screening.raise_level(current, found)
    previous = list(tracker.get_slot(SLOT_CONCEPTS) or [])
    all_concepts = list(dict.fromkeys(previous + list(concepts)))
    if level == EMERGENCY:
        shown = [c for c in all_concepts if level_of([c]) == EMERGENCY]
        response = RESPONSE_EMERGENCY
    elif possible and current not in (EMERGENCY, URGENT):
        shown = list(concepts)
        response = RESPONSE_POSSIBLE
    else:
        shown = all_concepts
        response = RESPONSE_URGENT
    reason = "; ".join(screening.reasons(shown or concepts))
    dispatcher.utter_message(response=localised(response, tracker), reason=reason)

    events: List[EventType] = [
        SlotSet(SLOT_RED_FLAG, level),
        SlotSet(SLOT_CONCEPTS, all_concepts),
        SlotSet(SLOT_PENDING, None),
        # A returning person's short question is moot once a flag is raised.
        SlotSet(SLOT_RECHECK_DUE, False),
    ]
    events += screening_answers(concepts, UNSURE if possible else YES)
    if tracker.active_loop.get("name"):
        events += [ActiveLoop(None), SlotSet(SLOT_REQUESTED, None)]
    return events


def screening_answers(concepts: Sequence[str], answer: str) -> List[EventType]:
    """Records what the person said about ``concepts`` as screening answers."""
    events: List[EventType] = []
    for concept in dict.fromkeys(concepts):
        question = screening.question_for(concept)
        if question is not None:
            events.append(SlotSet(question.slot, answer))
    return events


def entity_concepts(tracker: Tracker, role: str) -> List[str]:
    """Red-flag concepts in the latest message with the given role."""
    entities: List[Dict[str, Any]] = (tracker.latest_message or {}).get(
        "entities"
    ) or []
    concepts = [
        e.get("value")
        for e in entities
        if e.get("entity") == ENTITY and (e.get("role") or "present") == role
    ]
    ranked = sorted(concepts, key=lambda c: 0 if level_of([c]) == EMERGENCY else 1)
    return list(dict.fromkeys(ranked))
