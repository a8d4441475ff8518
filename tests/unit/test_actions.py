"""Every custom action: the events it returns and the responses it chooses."""

import pytest
from rasa_sdk.events import ActiveLoop, SlotSet

from actions.red_flags import (
    ActionCrisisCheck,
    ActionRedFlagConfirm,
    ActionRedFlagEscalate,
    ActionRedFlagExplain,
    ActionRedFlagResolve,
)
from actions.screening import ActionScreeningOutcome, ValidateScreeningForm
from sciatica import screening
from tests.conftest import make_tracker, red_flag_entity, responses, slot_events


async def run(action, dispatcher, tracker, domain):
    return await action.run(dispatcher, tracker, domain)


# -- escalation -------------------------------------------------------------


async def test_escalate_an_emergency_ends_the_active_form(dispatcher, domain):
    tracker = make_tracker(
        "I wet myself",
        entities=[red_flag_entity("bladder_dysfunction")],
        active_loop="screening_form",
        slots={"requested_slot": "screen_bladder_bowel"},
    )
    events = await run(ActionRedFlagEscalate(), dispatcher, tracker, domain)
    slots = slot_events(events)
    assert slots["red_flag"] == "emergency"
    assert slots["red_flag_concepts"] == ["bladder_dysfunction"]
    assert slots["screen_bladder_bowel"] == "yes"
    assert slots["requested_slot"] is None
    assert ActiveLoop(None) in events
    assert responses(dispatcher) == ["utter_emergency_intl"]
    assert "bladder" in dispatcher.messages[0]["reason"]


async def test_escalate_urgent_then_emergency_raises_the_level(dispatcher, domain):
    tracker = make_tracker(
        "I can't feel my bum",
        entities=[red_flag_entity("saddle_anaesthesia")],
        slots={"red_flag": "urgent", "red_flag_concepts": ["fever"]},
    )
    slots = slot_events(await run(ActionRedFlagEscalate(), dispatcher, tracker, domain))
    assert slots["red_flag"] == "emergency"
    assert slots["red_flag_concepts"] == ["fever", "saddle_anaesthesia"]


async def test_the_level_is_never_lowered(dispatcher, domain):
    tracker = make_tracker(
        "I had a fall",
        entities=[red_flag_entity("trauma")],
        slots={"red_flag": "emergency", "red_flag_concepts": ["bladder_dysfunction"]},
    )
    slots = slot_events(await run(ActionRedFlagEscalate(), dispatcher, tracker, domain))
    assert slots["red_flag"] == "emergency"
    # The emergency message is repeated with the emergency reasons.
    assert responses(dispatcher) == ["utter_emergency_intl"]
    assert "bladder" in dispatcher.messages[0]["reason"]


async def test_locale_from_message_metadata_then_environment(
    dispatcher, domain, monkeypatch
):
    tracker = make_tracker(
        "fever", entities=[red_flag_entity("fever")], metadata={"locale": "uk"}
    )
    await run(ActionRedFlagEscalate(), dispatcher, tracker, domain)
    monkeypatch.setenv("SCIATICA_LOCALE", "us")
    await run(
        ActionRedFlagEscalate(),
        dispatcher,
        make_tracker("fever", entities=[red_flag_entity("fever")]),
        domain,
    )
    monkeypatch.setenv("SCIATICA_LOCALE", "mars")
    await run(
        ActionRedFlagEscalate(),
        dispatcher,
        make_tracker("fever", entities=[red_flag_entity("fever")]),
        domain,
    )
    assert responses(dispatcher) == [
        "utter_urgent_uk",
        "utter_urgent_us",
        "utter_urgent_intl",
    ]


# -- confirmation and explanation ------------------------------------------------


async def test_confirm_asks_about_the_most_urgent_uncertain_concept(dispatcher, domain):
    tracker = make_tracker(
        "hmm",
        entities=[
            red_flag_entity("weight_loss", "uncertain"),
            red_flag_entity("bilateral_sciatica", "uncertain"),
        ],
    )
    events = await run(ActionRedFlagConfirm(), dispatcher, tracker, domain)
    assert slot_events(events) == {"red_flag_pending": "bilateral_sciatica"}
    assert responses(dispatcher) == ["utter_confirm_bilateral_sciatica"]


async def test_confirm_asks_about_a_flag_only_the_classifier_suggests(
    dispatcher, domain
):
    tracker = make_tracker(
        "my manhood is not responding",
        entities=[red_flag_entity("sexual_dysfunction", "possible")],
    )
    events = await run(ActionRedFlagConfirm(), dispatcher, tracker, domain)
    assert slot_events(events) == {
        "red_flag_pending": "sexual_dysfunction",
        "red_flag_checked": ["sexual_dysfunction"],
    }
    assert responses(dispatcher) == ["utter_confirm_sexual_dysfunction"]


async def test_the_rules_uncertain_flag_comes_before_the_classifiers(
    dispatcher, domain
):
    tracker = make_tracker(
        "hmm",
        entities=[
            red_flag_entity("bladder_dysfunction", "possible"),
            red_flag_entity("weight_loss", "uncertain"),
        ],
    )
    await run(ActionRedFlagConfirm(), dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_confirm_weight_loss"]


async def test_explain_then_ask(dispatcher, domain):
    tracker = make_tracker(
        "what is foot drop?",
        entities=[red_flag_entity("progressive_weakness", "question")],
    )
    events = await run(ActionRedFlagExplain(), dispatcher, tracker, domain)
    assert slot_events(events) == {"red_flag_pending": "progressive_weakness"}
    assert responses(dispatcher) == [
        "utter_explain_progressive_weakness",
        "utter_confirm_progressive_weakness",
    ]


async def test_resolve_yes_escalates(dispatcher, domain):
    tracker = make_tracker("yes", slots={"red_flag_pending": "saddle_anaesthesia"})
    slots = slot_events(await run(ActionRedFlagResolve(), dispatcher, tracker, domain))
    assert slots["red_flag"] == "emergency"
    assert slots["red_flag_pending"] is None
    assert responses(dispatcher) == ["utter_emergency_intl"]


async def test_resolve_no_stands_down_and_records_the_answer(dispatcher, domain):
    tracker = make_tracker("no", slots={"red_flag_pending": "saddle_anaesthesia"})
    slots = slot_events(await run(ActionRedFlagResolve(), dispatcher, tracker, domain))
    assert slots == {"red_flag_pending": None, "screen_saddle": "no"}
    assert responses(dispatcher) == ["utter_red_flag_ruled_out"]


async def test_resolve_no_for_half_a_question_leaves_the_question_open(
    dispatcher, domain
):
    tracker = make_tracker("no", slots={"red_flag_pending": "bowel_dysfunction"})
    slots = slot_events(await run(ActionRedFlagResolve(), dispatcher, tracker, domain))
    assert "screen_bladder_bowel" not in slots


@pytest.mark.parametrize("answer", ["not sure", "what do you mean by that?"])
async def test_resolve_anything_but_no_errs_to_safety(dispatcher, domain, answer):
    tracker = make_tracker(answer, slots={"red_flag_pending": "bladder_dysfunction"})
    slots = slot_events(await run(ActionRedFlagResolve(), dispatcher, tracker, domain))
    assert slots["red_flag"] == "urgent"
    assert slots["screen_bladder_bowel"] == "unsure"
    assert responses(dispatcher) == ["utter_possible_red_flag_intl"]


# -- the crisis check --------------------------------------------------------


async def test_the_crisis_check_asks_and_waits_for_the_answer(dispatcher, domain):
    tracker = make_tracker(
        "i can't see the point any more",
        entities=[{"entity": "crisis", "value": "self_harm", "role": "uncertain"}],
    )
    events = await run(ActionCrisisCheck(), dispatcher, tracker, domain)
    assert slot_events(events) == {"red_flag_pending": "crisis_check"}
    assert responses(dispatcher) == ["utter_crisis_check"]


async def test_a_no_to_the_crisis_check_stands_it_down_for_the_session(
    dispatcher, domain
):
    tracker = make_tracker("no", slots={"red_flag_pending": "crisis_check"})
    slots = slot_events(await run(ActionRedFlagResolve(), dispatcher, tracker, domain))
    assert slots == {"red_flag_pending": None, "crisis_ruled_out": True}
    assert responses(dispatcher) == ["utter_crisis_check_clear"]


@pytest.mark.parametrize(
    "answer", ["yes", "not sure", "i'd rather not say", "why are you asking"]
)
async def test_anything_but_no_to_the_crisis_check_gets_support(
    dispatcher, domain, answer
):
    tracker = make_tracker(answer, slots={"red_flag_pending": "crisis_check"})
    slots = slot_events(await run(ActionRedFlagResolve(), dispatcher, tracker, domain))
    assert slots == {"red_flag_pending": None}
    assert responses(dispatcher) == ["utter_crisis_support"]


async def test_crisis_words_after_no_still_get_support(dispatcher, domain):
    tracker = make_tracker(
        "no but honestly i want to end it all",
        slots={"red_flag_pending": "crisis_check"},
        entities=[{"entity": "crisis", "value": "self_harm"}],
    )
    await run(ActionRedFlagResolve(), dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_crisis_support"]


async def test_a_warning_sign_in_the_answer_is_escalated_too(dispatcher, domain):
    tracker = make_tracker(
        "no, but I wet myself this morning",
        slots={"red_flag_pending": "crisis_check"},
        entities=[red_flag_entity("bladder_dysfunction")],
    )
    slots = slot_events(await run(ActionRedFlagResolve(), dispatcher, tracker, domain))
    assert slots["red_flag"] == "emergency"
    assert slots["crisis_ruled_out"] is True
    assert responses(dispatcher) == ["utter_crisis_check_clear", "utter_emergency_intl"]


# -- screening form ---------------------------------------------------------------


def form_tracker(text, requested, answers=None, **slots):
    return make_tracker(
        text,
        active_loop="screening_form",
        slots={"requested_slot": requested, **(answers or {}), **slots},
        events=[{"event": "slot", "name": requested, "value": text}],
    )


async def test_validation_reads_free_text_answers(dispatcher, domain):
    tracker = form_tracker("nope, nothing like that", "screen_bladder_bowel")
    slots = slot_events(await ValidateScreeningForm().run(dispatcher, tracker, domain))
    assert slots["screen_bladder_bowel"] == "no"
    # All questions are still needed, so the form itself asks the next one.
    assert "requested_slot" not in slots


async def test_an_unclear_answer_is_asked_again_in_plainer_words(dispatcher, domain):
    tracker = form_tracker("maybe", "screen_saddle", {"screen_bladder_bowel": "no"})
    slots = slot_events(await ValidateScreeningForm().run(dispatcher, tracker, domain))
    assert slots["screen_saddle"] is None
    assert slots["screening_reask"] == "screen_saddle"


async def test_unclear_twice_is_kept_as_unsure(dispatcher, domain):
    tracker = form_tracker(
        "I don't know",
        "screen_saddle",
        {"screen_bladder_bowel": "no"},
        screening_reask="screen_saddle",
    )
    slots = slot_events(await ValidateScreeningForm().run(dispatcher, tracker, domain))
    assert slots["screen_saddle"] == "unsure"
    assert slots["screening_reask"] is None


async def test_an_emergency_yes_ends_the_form(dispatcher, domain):
    tracker = form_tracker("yes", "screen_bladder_bowel")
    slots = slot_events(await ValidateScreeningForm().run(dispatcher, tracker, domain))
    assert slots["screen_bladder_bowel"] == "yes"
    assert slots["requested_slot"] is None


async def test_every_screening_question_is_read(dispatcher, domain):
    for slot in screening.slots():
        tracker = form_tracker("nope", slot)
        slots = slot_events(
            await ValidateScreeningForm().run(dispatcher, tracker, domain)
        )
        assert slots[slot] == "no"


async def test_outcome_all_clear(dispatcher, domain):
    tracker = make_tracker("no", slots={slot: "no" for slot in screening.slots()})
    events = await run(ActionScreeningOutcome(), dispatcher, tracker, domain)
    assert events == [SlotSet("red_flag", "none")]
    assert responses(dispatcher) == ["utter_screening_clear"]


async def test_outcome_urgent_yes(dispatcher, domain):
    answers = {slot: "no" for slot in screening.slots()[:4]} | {
        "screen_weakness": "yes"
    }
    slots = slot_events(
        await run(
            ActionScreeningOutcome(),
            dispatcher,
            make_tracker("yes", slots=answers),
            domain,
        )
    )
    assert slots["red_flag"] == "urgent"
    assert responses(dispatcher) == ["utter_urgent_intl"]


async def test_outcome_unsure_is_a_same_day_flag(dispatcher, domain):
    answers = {slot: "no" for slot in screening.slots()[1:4]} | {
        "screen_bladder_bowel": "unsure"
    }
    slots = slot_events(
        await run(
            ActionScreeningOutcome(),
            dispatcher,
            make_tracker("dunno", slots=answers),
            domain,
        )
    )
    assert slots["red_flag"] == "urgent"
    assert responses(dispatcher) == ["utter_possible_red_flag_intl"]


async def test_outcome_keeps_an_earlier_flag(dispatcher, domain):
    answers = {slot: "no" for slot in screening.slots()}
    tracker = make_tracker(
        "no",
        slots={
            **answers,
            "red_flag": "emergency",
            "red_flag_concepts": ["saddle_anaesthesia"],
        },
    )
    slots = slot_events(
        await run(ActionScreeningOutcome(), dispatcher, tracker, domain)
    )
    assert slots["red_flag"] == "emergency"
    assert responses(dispatcher) == ["utter_emergency_intl"]
