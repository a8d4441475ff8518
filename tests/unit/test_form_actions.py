"""The interview and movement-test forms, and their result actions."""

from actions.directional import ActionDpResult, ValidateDpTestForm
from actions.interview import ActionInterviewSummary, ValidateInterviewForm
from tests.conftest import make_tracker, responses, slot_events


def answering(text, form, requested, intent="describe_symptoms", **slots):
    """A tracker as the form's validation sees it right after a user message."""
    events = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text},
        {"event": "slot", "name": "requested_slot", "value": requested},
        {"event": "action", "name": form},
    ]
    return make_tracker(
        text,
        intent=intent,
        active_loop=form,
        events=events,
        slots={"requested_slot": requested, **slots},
    )


def starting(form):
    events = [
        {"event": "action", "name": "utter_interview_intro"},
        {"event": "action", "name": form},
    ]
    return make_tracker("no", active_loop=form, events=events)


# -- interview ---------------------------------------------------------------


async def test_one_message_fills_every_slot_it_answers(dispatcher, domain):
    tracker = answering(
        "left leg down to my calf for three weeks, about a 6, worse sitting",
        "interview_form",
        "pain_extent",
    )
    slots = slot_events(await ValidateInterviewForm().run(dispatcher, tracker, domain))
    assert slots["pain_side"] == "left"
    assert slots["pain_extent"] == "below_knee"
    assert slots["symptom_weeks"] == 3.0
    assert slots["pain_score"] == 6.0
    assert slots["worse_with"] == ["sitting"]


async def test_starting_the_form_reads_nothing(dispatcher, domain):
    events = await ValidateInterviewForm().run(
        dispatcher, starting("interview_form"), domain
    )
    assert "numbness" not in slot_events(events)


async def test_an_impossible_score_is_asked_again_with_a_hint(dispatcher, domain):
    tracker = answering("eleven out of ten", "interview_form", "pain_score")
    slots = slot_events(await ValidateInterviewForm().run(dispatcher, tracker, domain))
    assert "pain_score" not in slots
    assert slots["interview_reask"] == "pain_score"
    assert slots["interview_attempts"] == {"pain_score": 1}


async def test_after_two_reasks_the_question_is_skipped(dispatcher, domain):
    tracker = answering(
        "a lot",
        "interview_form",
        "pain_score",
        interview_attempts={"pain_score": 2},
        interview_reask="pain_score",
    )
    slots = slot_events(await ValidateInterviewForm().run(dispatcher, tracker, domain))
    assert slots["interview_skipped"] == ["pain_score"]
    assert slots["interview_reask"] is None
    assert slots.get("requested_slot") != "pain_score"


async def test_a_question_instead_of_an_answer_lets_the_rules_reply(dispatcher, domain):
    tracker = answering(
        "why do you ask?", "interview_form", "pain_score", intent="ask_why"
    )
    assert await ValidateInterviewForm().run(dispatcher, tracker, domain) == []


async def test_both_sides_escalates_at_once(dispatcher, domain):
    tracker = answering("both", "interview_form", "pain_side")
    events = await ValidateInterviewForm().run(dispatcher, tracker, domain)
    slots = slot_events(events)
    assert slots["pain_side"] == "both"
    assert slots["red_flag"] == "emergency"
    assert any(e["event"] == "active_loop" and e["name"] is None for e in events)
    assert responses(dispatcher) == ["utter_emergency_intl"]


async def test_summary_names_the_pattern(dispatcher, domain):
    tracker = make_tracker(
        "45",
        slots={
            "worse_with": ["sitting", "bending"],
            "better_with": ["walking"],
            "pain_extent": "foot",
        },
    )
    slots = slot_events(await ActionInterviewSummary().run(dispatcher, tracker, domain))
    assert slots == {"sciatica_pattern": "disc_like", "interview_complete": True}
    assert responses(dispatcher) == ["utter_pattern_disc_like"]


async def test_summary_is_silent_after_a_red_flag(dispatcher, domain):
    tracker = make_tracker("both", slots={"red_flag": "emergency"})
    await ActionInterviewSummary().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == []


# -- movement test ---------------------------------------------------------------


async def test_the_test_asks_if_the_person_can_lie_prone_first(dispatcher, domain):
    form = ValidateDpTestForm()
    tracker = starting("dp_test_form")
    assert await form.required_slots([], dispatcher, tracker, domain) == [
        "dp_can_lie_prone"
    ]
    slots = slot_events(await form.run(dispatcher, tracker, domain))
    assert slots["dp_in_progress"] is True


async def test_a_reading_is_stored_and_the_next_step_follows(dispatcher, domain):
    tracker = answering(
        "it moved up into my thigh",
        "dp_test_form",
        "dp_prone",
        dp_can_lie_prone="yes",
        pain_extent="below_knee",
        dp_in_progress=True,
    )
    slots = slot_events(await ValidateDpTestForm().run(dispatcher, tracker, domain))
    assert slots["dp_prone"] == "centralizing"
    assert slots["requested_slot"] == "dp_elbows"


async def test_pain_spreading_stops_the_step_and_goes_to_flexion(dispatcher, domain):
    tracker = answering(
        "it went down to my foot",
        "dp_test_form",
        "dp_elbows",
        dp_can_lie_prone="yes",
        dp_prone="no_change",
        dp_in_progress=True,
    )
    slots = slot_events(await ValidateDpTestForm().run(dispatcher, tracker, domain))
    assert slots["dp_elbows"] == "peripheralizing"
    assert slots["requested_slot"] == "dp_knees"
    assert responses(dispatcher) == ["utter_dp_stop"]


async def test_an_unclear_reading_is_asked_once_more_then_skipped(dispatcher, domain):
    tracker = answering(
        "hmm", "dp_test_form", "dp_knees", dp_can_lie_prone="no", dp_in_progress=True
    )
    slots = slot_events(await ValidateDpTestForm().run(dispatcher, tracker, domain))
    assert slots["dp_reask"] == "dp_knees"
    tracker = answering(
        "hmm",
        "dp_test_form",
        "dp_knees",
        dp_can_lie_prone="no",
        dp_in_progress=True,
        dp_reask="dp_knees",
    )
    slots = slot_events(await ValidateDpTestForm().run(dispatcher, tracker, domain))
    assert slots["dp_knees"] == "skipped"


async def test_no_steps_once_a_red_flag_is_raised(dispatcher, domain):
    tracker = starting("dp_test_form")
    tracker.slots["red_flag"] = "urgent"
    assert (
        await ValidateDpTestForm().required_slots([], dispatcher, tracker, domain) == []
    )


async def test_result_extension_with_the_reset_position(dispatcher, domain):
    tracker = make_tracker(
        "no change",
        slots={
            "dp_can_lie_prone": "yes",
            "dp_prone": "centralizing",
            "dp_elbows": "centralizing",
            "dp_pressups": "no_change",
        },
    )
    slots = slot_events(await ActionDpResult().run(dispatcher, tracker, domain))
    assert slots == {"directional_preference": "extension", "dp_in_progress": False}
    assert responses(dispatcher) == ["utter_dp_result_extension", "utter_dp_reset_9090"]


async def test_result_when_flexion_also_spreads_the_pain(dispatcher, domain):
    tracker = make_tracker(
        "worse",
        slots={
            "dp_can_lie_prone": "yes",
            "dp_prone": "peripheralizing",
            "dp_knees": "peripheralizing",
        },
    )
    slots = slot_events(await ActionDpResult().run(dispatcher, tracker, domain))
    assert slots["directional_preference"] == "none"
    assert responses(dispatcher)[0] == "utter_dp_result_peripheralized"


async def test_no_exercise_result_with_a_red_flag(dispatcher, domain):
    tracker = make_tracker(
        "ok", slots={"red_flag": "emergency", "dp_knees": "centralizing"}
    )
    await ActionDpResult().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_stay_safe"]
