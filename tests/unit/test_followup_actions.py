"""Coming back: session start, the short re-check, check-ins, progress, summary."""

from __future__ import annotations

import pytest

from actions.followup import (
    ActionCheckinSave,
    ActionClinicianSummary,
    ActionProgress,
    ValidateCheckinForm,
)
from actions.red_flags import ActionRedFlagResolve
from actions.session import ActionSessionStart, ActionWelcomeBack
from sciatica import screening
from tests.conftest import make_tracker, responses, slot_events

TODAY = "2026-11-22"


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("SCIATICA_TODAY", TODAY)


def said(text: str, intent: str = "describe_symptoms") -> dict:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def entry(date: str, pain: float, extent: str = "thigh", triggers=()) -> dict:
    return {"date": date, "pain": pain, "extent": extent, "triggers": list(triggers)}


# -- a new session -----------------------------------------------------------


async def test_a_returning_person_is_marked_for_the_short_recheck(dispatcher, domain):
    tracker = make_tracker(
        slots={"red_flag": "none", "pain_diary": [entry("2026-11-13", 7)]},
        events=[said("hi", "greet")],
    )
    events = await ActionSessionStart().run(dispatcher, tracker, domain)
    assert events[0]["event"] == "session_started"
    assert events[-1] == {"event": "action", "name": "action_listen", **events[-1]}
    slots = slot_events(events)
    assert slots["recheck_due"] is True and slots["returning_user"] is True
    assert slots["red_flag"] == "none"
    assert slots["pain_diary"] == [entry("2026-11-13", 7)]


async def test_unfinished_business_is_not_carried_over(dispatcher, domain):
    tracker = make_tracker(
        slots={
            "requested_slot": "checkin_pain",
            "checkin_pain": 4,
            "dp_in_progress": True,
        },
        events=[said("hi", "greet")],
    )
    slots = slot_events(await ActionSessionStart().run(dispatcher, tracker, domain))
    assert not {"requested_slot", "checkin_pain", "dp_in_progress"} & set(slots)


async def test_a_first_visit_gets_no_recheck(dispatcher, domain):
    events = await ActionSessionStart().run(dispatcher, make_tracker(), domain)
    assert "recheck_due" not in slot_events(events)


async def test_welcome_back_asks_the_short_red_flag_question(dispatcher, domain):
    events = await ActionWelcomeBack().run(dispatcher, make_tracker("hi"), domain)
    assert responses(dispatcher) == ["utter_welcome_back", "utter_recheck"]
    assert slot_events(events) == {"recheck_due": False, "red_flag_pending": "recheck"}


async def test_nothing_new_leads_to_the_check_in_offer(dispatcher, domain):
    tracker = make_tracker("no", intent="deny", slots={"red_flag_pending": "recheck"})
    events = await ActionRedFlagResolve().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_recheck_clear", "utter_offer_checkin"]
    assert slot_events(events) == {"red_flag_pending": None}


@pytest.mark.parametrize(
    ("text", "intent"), [("yes", "affirm"), ("not sure", "unsure"), ("hmm", "")]
)
async def test_anything_but_no_goes_through_the_whole_screening(
    dispatcher, domain, text, intent
):
    tracker = make_tracker(
        text,
        intent=intent,
        slots={"red_flag_pending": "recheck", "screen_bladder_bowel": "no"},
    )
    events = await ActionRedFlagResolve().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_recheck_screen"]
    slots = slot_events(events)
    assert all(slots[slot] is None for slot in screening.slots())
    assert {"event": "active_loop", "name": "screening_form"} in [
        {"event": e["event"], "name": e.get("name")} for e in events
    ]


# -- the check-in form -------------------------------------------------------


def answering(requested: str, text: str, intent: str = "describe_symptoms", **slots):
    return make_tracker(
        text,
        intent=intent,
        active_loop="checkin_form",
        slots={"requested_slot": requested, **slots},
        events=[
            {"event": "action", "name": "checkin_form"},
            {"event": "user", "text": text},
        ],
    )


@pytest.mark.parametrize(
    ("requested", "text", "value"),
    [
        ("checkin_pain", "about a 6 today", 6),
        ("checkin_extent", "it goes below the knee", "below_knee"),
        ("checkin_extent", "only my back now", "back"),
        (
            "checkin_triggers",
            "sitting at work and driving home",
            ["sitting", "driving"],
        ),
        ("checkin_triggers", "nothing in particular", ["nothing"]),
        ("checkin_centralizes", "yes it moves up into my buttock", "yes"),
        ("checkin_centralizes", "I haven't done it this week", "not_done"),
    ],
)
async def test_check_in_answers_are_read(dispatcher, domain, requested, text, value):
    form = ValidateCheckinForm()
    events = await form.get_extraction_events(
        dispatcher, answering(requested, text), domain
    )
    assert slot_events(events)[requested] == value


async def test_an_unreadable_answer_gets_a_hint_then_is_skipped(dispatcher, domain):
    form = ValidateCheckinForm()
    tracker = answering("checkin_pain", "it's bad")
    events = await form.get_extraction_events(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_checkin_hint_pain"]
    assert slot_events(events) == {"checkin_attempts": {"checkin_pain": 1}}
    tracker = answering("checkin_pain", "bad", checkin_attempts={"checkin_pain": 2})
    events = await form.get_extraction_events(dispatcher, tracker, domain)
    assert slot_events(events)["checkin_pain"] == "skipped"


async def test_the_exercise_question_only_after_a_test_result(dispatcher, domain):
    form = ValidateCheckinForm()
    without = await form.required_slots([], dispatcher, make_tracker(), domain)
    assert "checkin_centralizes" not in without
    tracker = make_tracker(slots={"directional_preference": "extension"})
    assert "checkin_centralizes" in await form.required_slots(
        [], dispatcher, tracker, domain
    )


async def test_exercise_that_spreads_the_pain_is_stopped(dispatcher, domain):
    form = ValidateCheckinForm()
    tracker = answering("checkin_centralizes", "it spreads further down my leg")
    events = await form.get_extraction_events(dispatcher, tracker, domain)
    assert slot_events(events)["checkin_centralizes"] == "no"
    assert responses(dispatcher) == ["utter_checkin_exercise_spreads"]


# -- saving and progress -----------------------------------------------------


def checked_in(diary=None, **answers):
    slots = {"pain_diary": diary or [], **answers}
    return make_tracker("sitting", slots=slots)


async def test_a_first_check_in_is_saved_with_todays_date(dispatcher, domain):
    tracker = checked_in(
        checkin_pain=6, checkin_extent="thigh", checkin_triggers=["nothing"]
    )
    events = await ActionCheckinSave().run(dispatcher, tracker, domain)
    slots = slot_events(events)
    [saved] = slots["pain_diary"]
    assert saved["date"] == TODAY and saved["pain"] == 6
    assert saved["extent"] == "thigh" and saved["triggers"] == []
    assert slots["checkin_pain"] is None and slots["checkin_extent"] is None
    assert responses(dispatcher) == ["utter_checkin_saved", "utter_progress_first"]
    assert dispatcher.messages[0]["entries"] == 1


async def test_progress_says_pain_from_and_to_over_the_days(dispatcher, domain):
    tracker = checked_in(
        [entry("2026-11-13", 7, "below_knee")],
        checkin_pain=4,
        checkin_extent="thigh",
        checkin_triggers=["sitting"],
    )
    await ActionCheckinSave().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [
        "utter_checkin_saved",
        "utter_progress_improving",
        "utter_progress_centralizing",
    ]
    improving = dispatcher.messages[1]
    assert (improving["pain_from"], improving["pain_to"], improving["days"]) == (
        "7",
        "4",
        9,
    )


async def test_pain_spreading_further_down_asks_the_weakness_question(
    dispatcher, domain
):
    tracker = checked_in(
        [entry("2026-11-20", 5, "thigh")],
        checkin_pain=6,
        checkin_extent="foot",
        checkin_triggers=["bending"],
    )
    events = await ActionCheckinSave().run(dispatcher, tracker, domain)
    names = responses(dispatcher)
    assert "utter_progress_peripheralizing" in names
    assert names[-2:] == [
        "utter_progress_spreading",
        "utter_confirm_progressive_weakness",
    ]
    assert slot_events(events)["red_flag_pending"] == "progressive_weakness"


async def test_no_better_after_two_weeks_advises_a_physiotherapist(dispatcher, domain):
    tracker = checked_in(
        [entry("2026-11-01", 6, "thigh")],
        checkin_pain=6,
        checkin_extent="thigh",
        checkin_triggers=["nothing"],
    )
    await ActionCheckinSave().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [
        "utter_checkin_saved",
        "utter_progress_flat",
        "utter_progress_see_physio",
    ]


async def test_frequent_triggers_point_to_the_matching_advice(dispatcher, domain):
    diary = [
        entry("2026-11-18", 6, triggers=["sitting"]),
        entry("2026-11-20", 6, triggers=["sitting", "bending"]),
    ]
    tracker = checked_in(
        diary, checkin_pain=6, checkin_extent="thigh", checkin_triggers=["sitting"]
    )
    await ActionCheckinSave().run(dispatcher, tracker, domain)
    assert "utter_triggers_sitting" in responses(dispatcher)


async def test_progress_without_a_diary_offers_a_check_in(dispatcher, domain):
    await ActionProgress().run(dispatcher, make_tracker("how am I doing"), domain)
    assert responses(dispatcher) == ["utter_no_diary"]


async def test_the_clinician_summary_has_the_dated_record(dispatcher, domain):
    tracker = make_tracker(
        "summary for my doctor",
        slots={
            "red_flag": "none",
            "sciatica_pattern": "disc_like",
            "directional_preference": "extension",
            "pain_diary": [entry("2026-11-13", 7), entry("2026-11-20", 4)],
        },
        events=[
            {
                "event": "slot",
                "name": "red_flag",
                "value": "none",
                "timestamp": 1_763_000_000,
            },
        ],
    )
    events = await ActionClinicianSummary().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_clinician_summary"]
    text = dispatcher.messages[0]["summary"]
    assert "2026-11-13" in text and "2026-11-20" in text
    assert slot_events(events)["clinician_summary"] == text
