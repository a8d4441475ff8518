"""Advice on request: the topic asked about, tailored, short form first."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from sciatica import advice, directional
from sciatica_rasa.constants import SLOT_RED_FLAG

SLOT_GIVEN = "advice_given"
SLOT_TOPIC = "advice_topic"
SLOT_SHOWN = "advice_shown"


def person_from(tracker: Tracker) -> advice.Person:
    """What the conversation knows that changes the advice."""
    steps = [tracker.get_slot(step) for step in directional.STEPS]
    return advice.Person(
        pattern=tracker.get_slot("sciatica_pattern"),
        preference=tracker.get_slot("directional_preference"),
        symptom_weeks=tracker.get_slot("symptom_weeks"),
        numbness=tracker.get_slot("numbness") == "yes",
        red_flag=tracker.get_slot(SLOT_RED_FLAG),
        peripheralized=directional.PERIPHERALIZING in steps,
    )


def send_items(
    dispatcher: CollectingDispatcher,
    items: List[advice.Item],
    *,
    detailed: bool = False,
) -> None:
    """Sends items through the ``utter_advice_item`` response (text from data)."""
    for item in items:
        text = item.more if detailed and item.more else item.text
        dispatcher.utter_message(response="utter_advice_item", advice=text)


def _remember(given: List[str], shown: List[str]) -> List[EventType]:
    """Slot events for the items just shown, added to those given before."""
    return [
        SlotSet(SLOT_SHOWN, shown),
        SlotSet(SLOT_GIVEN, list(dict.fromkeys(given + shown))),
    ]


class ActionGiveAdvice(Action):
    """Answers "how should I sleep?", "ice or heat?" and the like."""

    def name(self) -> str:
        """Action name."""
        return "action_give_advice"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Sends the short form of the topic's best items for this person."""
        text = (tracker.latest_message or {}).get("text")
        topic = advice.topic_of(text)
        if topic is None:
            dispatcher.utter_message(response="utter_ask_advice_topic")
            return []
        person = person_from(tracker)
        red_flag = tracker.get_slot(SLOT_RED_FLAG)
        if topic == "exercise" and red_flag in ("emergency", "urgent"):
            dispatcher.utter_message(response="utter_stay_safe")
            return [SlotSet(SLOT_TOPIC, topic), SlotSet(SLOT_SHOWN, [])]
        if topic == "exercise" and red_flag is None:
            dispatcher.utter_message(response="utter_advice_after_screening")
            return [SlotSet(SLOT_TOPIC, topic), SlotSet(SLOT_SHOWN, [])]
        given = list(tracker.get_slot(SLOT_GIVEN) or [])
        items = advice.short_form(advice.select(topic, person, given))
        dispatcher.utter_message(response=f"utter_advice_intro_{topic}")
        send_items(dispatcher, items)
        dispatcher.utter_message(response="utter_advice_offer_more")
        shown = [item.id for item in items]
        return [SlotSet(SLOT_TOPIC, topic), *_remember(given, shown)]


class ActionAdviceMore(Action):
    """Answers "tell me more": the steps of what was just said, or more items."""

    def name(self) -> str:
        """Action name."""
        return "action_advice_more"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Sends details, then further items of the same topic."""
        topic = tracker.get_slot(SLOT_TOPIC)
        if not topic:
            dispatcher.utter_message(response="utter_ask_advice_topic")
            return []
        kb = advice.knowledge()
        shown = [kb.item(i) for i in tracker.get_slot(SLOT_SHOWN) or []]
        detailed = [item for item in shown if item.more]
        given = list(tracker.get_slot(SLOT_GIVEN) or [])
        fresh = [
            item
            for item in advice.select(topic, person_from(tracker), given)
            if item.id not in given
        ][: advice.SHORT_FORM]
        if not detailed and not fresh:
            dispatcher.utter_message(response="utter_advice_no_more")
            return [SlotSet(SLOT_SHOWN, [])]
        send_items(dispatcher, detailed, detailed=True)
        send_items(dispatcher, fresh)
        return _remember(given, [item.id for item in fresh])


class ActionMedicine(Action):
    """Medicines: never a dose, never a recommendation; ask a pharmacist."""

    def name(self) -> str:
        """Action name."""
        return "action_medicine"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Chooses the medicine response (NICE NG59 for the ones it advises against)."""
        text: Any = (tracker.latest_message or {}).get("text") or ""
        if advice.mentions_not_recommended_medicine(text):
            dispatcher.utter_message(response="utter_medicine_not_recommended")
        else:
            dispatcher.utter_message(response="utter_medicine")
        return []


class ActionFallback(Action):
    """Not understood: what the assistant can do; after two misses, a person."""

    def name(self) -> str:
        """Action name."""
        return "action_fallback"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Counts the misses in a row and answers accordingly.

        As RulePolicy's core fallback it also runs when no rule applies at all,
        so it hands the turn back to the person itself: otherwise the fallback
        would be predicted again and again for the same message.
        """
        misses = consecutive_fallbacks(tracker.events) + 1
        if misses >= 2 and tracker.get_slot(SLOT_RED_FLAG) not in (
            "emergency",
            "urgent",
        ):
            dispatcher.utter_message(response="utter_default_twice")
        else:
            dispatcher.utter_message(response="utter_default")
        return [FollowupAction("action_listen")]


def consecutive_fallbacks(events: List[Dict[str, Any]]) -> int:
    """How many replies in a row, just before now, were the fallback."""
    count = 0
    for event in reversed(events):
        if event.get("event") != "action" or event.get("name") == "action_listen":
            continue
        if event.get("name") != "action_fallback":
            break
        count += 1
    return count
