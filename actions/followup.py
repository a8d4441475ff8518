"""Coming back: the check-in form, progress, triggers and the clinician summary.

The diary logic is in ``sciatica.diary``, ``sciatica.triggers`` and
``sciatica.progress``; these actions read slots, call it, and pick responses.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Sequence, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.clock import date_of, today
from actions.forms import ReadingFormValidationAction
from actions.turns import NOT_ANSWERS, answered_just_now
from sciatica import diary, interview, progress, screening, summary, triggers
from sciatica.answers import NO, read_yes_no
from sciatica.diary import DiaryEntry
from sciatica_rasa.constants import SLOT_PENDING, SLOT_RED_FLAG

SLOT_DIARY = "pain_diary"
SLOT_SUMMARY = "clinician_summary"
SLOT_ATTEMPTS = "checkin_attempts"
PAIN, EXTENT, TRIGGERS, CENTRALIZES = (
    "checkin_pain",
    "checkin_extent",
    "checkin_triggers",
    "checkin_centralizes",
)
QUESTIONS = (PAIN, EXTENT, TRIGGERS, CENTRALIZES)
# A question the person could not answer is asked again at most this often.
MAX_REASKS = 2
# Stored for an answer given up on, or "nothing in particular" / "not done".
SKIPPED = "skipped"
NOTHING = "nothing"
NOT_DONE = "not_done"
_NOT_DONE = re.compile(
    r"\b(ha(ve)?n'?t|have not|didn'?t|did not|not) (done|tried|been doing)\b|"
    r"\bnot doing\b|\bstopped\b",
    re.IGNORECASE,
)
# The red-flag question asked when the pain spreads further down.
SPREADING_CONCEPT = "progressive_weakness"
CHANNELS_WITH_FILES = ("socketio",)


def _exercise_known(tracker: Tracker) -> bool:
    return tracker.get_slot("directional_preference") in ("extension", "flexion")


def read_answer(slot: str, text: str) -> Any:
    """The value a check-in answer gives ``slot``, or ``None`` if it says none."""
    if slot == PAIN:
        return (
            interview.parse(text, expecting="pain_score").as_slots().get("pain_score")
        )
    if slot == EXTENT:
        return diary.read_extent(text)
    if slot == TRIGGERS:
        found = triggers.read_triggers(text)
        if found:
            return list(found)
        if read_yes_no(text) == NO or re.search(
            r"\b(nothing|none|not sure|no idea|don'?t know)\b", text, re.IGNORECASE
        ):
            return [NOTHING]
        return None
    if slot == CENTRALIZES:
        if _NOT_DONE.search(text):
            return NOT_DONE
        value = diary.read_centralizes(text)
        return None if value is None else ("yes" if value else "no")
    return None


class ValidateCheckinForm(ReadingFormValidationAction):
    """Reads the check-in answers; asks only what is missing."""

    def name(self) -> str:
        """Action name."""
        return "validate_checkin_form"

    async def required_slots(
        self,
        domain_slots: List[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[str]:
        """The exercise question only after a directional-preference result."""
        if _exercise_known(tracker):
            return list(QUESTIONS)
        return [PAIN, EXTENT, TRIGGERS]

    async def get_extraction_events(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Reads the message for the question asked (and the pain score)."""
        if not answered_just_now(tracker):
            return []
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        requested = tracker.get_slot("requested_slot")
        if requested not in QUESTIONS:
            return []
        value = read_answer(requested, text)
        if value is not None:
            events: List[EventType] = [SlotSet(requested, value)]
            if (
                requested == CENTRALIZES
                and value == "no"
                and re.search(r"spread|further down|worse", text, re.IGNORECASE)
            ):
                dispatcher.utter_message(response="utter_checkin_exercise_spreads")
            return events
        intent = (message.get("intent") or {}).get("name")
        if intent in NOT_ANSWERS:
            return []  # a question or a command: let the rules answer it
        attempts = dict(tracker.get_slot(SLOT_ATTEMPTS) or {})
        attempts[requested] = attempts.get(requested, 0) + 1
        if attempts[requested] > MAX_REASKS:
            return [SlotSet(requested, SKIPPED), SlotSet(SLOT_ATTEMPTS, attempts)]
        dispatcher.utter_message(response=f"utter_checkin_hint_{requested[8:]}")
        return [SlotSet(SLOT_ATTEMPTS, attempts)]


def _value(tracker: Tracker, slot: str) -> Any:
    value = tracker.get_slot(slot)
    return None if value in (SKIPPED, NOT_DONE) else value


def entry_from(tracker: Tracker) -> DiaryEntry:
    """Today's diary entry from the check-in slots."""
    found = [t for t in _value(tracker, TRIGGERS) or [] if t != NOTHING]
    centralizes = _value(tracker, CENTRALIZES)
    return DiaryEntry(
        date=today(),
        pain=_value(tracker, PAIN),
        extent=_value(tracker, EXTENT),
        triggers=tuple(found),
        centralizes=None if centralizes is None else centralizes == "yes",
    )


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def say_progress(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    entries: Sequence[DiaryEntry],
) -> List[EventType]:
    """Says what changed, the physiotherapist advice, triggers and the chart.

    Returns:
        Events: the red-flag question when the pain spreads further down.
    """
    trend = progress.progress(entries, today())
    events: List[EventType] = []
    if trend.kind == progress.TOO_FEW:
        dispatcher.utter_message(response="utter_progress_first")
    elif trend.pain_from is None or trend.pain_to is None:
        dispatcher.utter_message(response="utter_progress_no_scores")
    else:
        dispatcher.utter_message(
            response=f"utter_progress_{trend.kind}",
            pain_from=_number(trend.pain_from),
            pain_to=_number(trend.pain_to),
            days=trend.days,
        )
    if trend.extent_change in (progress.CENTRALIZING, progress.PERIPHERALIZING):
        dispatcher.utter_message(response=f"utter_progress_{trend.extent_change}")
    if trend.see_physio:
        dispatcher.utter_message(response="utter_progress_see_physio")
    for found in progress.frequent_triggers(entries, top=1):
        if found.advice_topic:
            dispatcher.utter_message(response=f"utter_triggers_{found.advice_topic}")
    if tracker.get_latest_input_channel() in CHANNELS_WITH_FILES:
        dispatcher.utter_message(
            response="utter_progress_chart",
            sender=tracker.sender_id,
            entries=len(entries),
        )
    if progress.spreading(entries) and tracker.get_slot(SLOT_RED_FLAG) != "emergency":
        # Spreading further down: ask about the matching red flag (weakness).
        dispatcher.utter_message(response="utter_progress_spreading")
        dispatcher.utter_message(response=f"utter_confirm_{SPREADING_CONCEPT}")
        events.append(SlotSet(SLOT_PENDING, SPREADING_CONCEPT))
    return events


class ActionCheckinStart(Action):
    """Starts a check-in from a clean slate (a stopped one leaves answers)."""

    def name(self) -> str:
        """Action name."""
        return "action_checkin_start"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Clears the check-in slots and introduces the questions."""
        dispatcher.utter_message(response="utter_checkin_intro")
        return [SlotSet(slot, None) for slot in (*QUESTIONS, SLOT_ATTEMPTS)]


class ActionCheckinSave(Action):
    """Adds today's check-in to the diary and says how things have changed."""

    def name(self) -> str:
        """Action name."""
        return "action_checkin_save"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Saves, reports progress, clears the check-in slots."""
        entries, _ = diary.load_diary(tracker.get_slot(SLOT_DIARY))
        entries = diary.add_entry(entries, entry_from(tracker))
        dispatcher.utter_message(response="utter_checkin_saved", entries=len(entries))
        events: List[EventType] = [SlotSet(SLOT_DIARY, diary.dump_diary(entries))]
        events += say_progress(dispatcher, tracker, entries)
        events += [SlotSet(slot, None) for slot in (*QUESTIONS, SLOT_ATTEMPTS)]
        return events


class ActionProgress(Action):
    """The diary's trend on request, without a new check-in."""

    def name(self) -> str:
        """Action name."""
        return "action_progress"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Reports progress, or offers a first check-in."""
        entries, _ = diary.load_diary(tracker.get_slot(SLOT_DIARY))
        if not entries:
            dispatcher.utter_message(response="utter_no_diary")
            return []
        return say_progress(dispatcher, tracker, entries)


def first_set(events: List[Dict[str, Any]], slot: str) -> Any:
    """The date a slot was first given a value (``None`` if never)."""
    for event in events:
        if (
            event.get("event") == "slot"
            and event.get("name") == slot
            and event.get("value") is not None
        ):
            return date_of(event.get("timestamp"))
    return None


def advice_dates(events: List[Dict[str, Any]]) -> List[Tuple[str, Any]]:
    """Each advice item given, with the date it was first given."""
    given: Dict[str, Any] = {}
    for event in events:
        if event.get("event") == "slot" and event.get("name") == "advice_given":
            for item in event.get("value") or []:
                given.setdefault(item, date_of(event.get("timestamp")))
    return list(given.items())


class ActionClinicianSummary(Action):
    """A plain-text summary for the person's doctor or physiotherapist."""

    def name(self) -> str:
        """Action name."""
        return "action_clinician_summary"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Renders the summary; the web page can also download it."""
        events = tracker.events
        entries, _ = diary.load_diary(tracker.get_slot(SLOT_DIARY))
        text = summary.clinician_summary(
            today(),
            screening={slot: tracker.get_slot(slot) for slot in screening.slots()},
            red_flag=tracker.get_slot(SLOT_RED_FLAG),
            screened_on=first_set(events, SLOT_RED_FLAG),
            interview={
                slot: tracker.get_slot(slot)
                for slot in (
                    "pain_side",
                    "pain_extent",
                    "symptom_weeks",
                    "pain_score",
                    "numbness",
                )
            },
            pattern=tracker.get_slot("sciatica_pattern"),
            interviewed_on=first_set(events, "sciatica_pattern"),
            directional_preference=tracker.get_slot("directional_preference"),
            tested_on=first_set(events, "directional_preference"),
            entries=entries,
            advice_given=advice_dates(events),
        )
        dispatcher.utter_message(response="utter_clinician_summary", summary=text)
        if tracker.get_latest_input_channel() in CHANNELS_WITH_FILES:
            dispatcher.utter_message(
                response="utter_summary_download", sender=tracker.sender_id
            )
        return [SlotSet(SLOT_SUMMARY, text)]
