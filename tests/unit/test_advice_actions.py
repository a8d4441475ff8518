"""The advice, medicine and fallback actions."""

from actions.advice import (
    ActionAdviceMore,
    ActionFallback,
    ActionGiveAdvice,
    ActionMedicine,
)
from sciatica.crisis import is_crisis
from sciatica_rasa.policy import next_red_flag_action
from tests.conftest import make_tracker, responses, slot_events


async def test_advice_short_form_then_offer_more(dispatcher, domain):
    tracker = make_tracker("how should I sleep?", slots={"red_flag": "none"})
    slots = slot_events(await ActionGiveAdvice().run(dispatcher, tracker, domain))
    sent = responses(dispatcher)
    assert sent[0] == "utter_advice_intro_sleep"
    assert sent[1:4] == ["utter_advice_item"] * 3
    assert sent[-1] == "utter_advice_offer_more"
    assert "pillow" in dispatcher.messages[1]["advice"]
    assert slots["advice_topic"] == "sleep"
    assert slots["advice_given"] == slots["advice_shown"]


async def test_advice_is_tailored_to_the_test_result(dispatcher, domain):
    tracker = make_tracker(
        "what exercises can I do?",
        slots={
            "red_flag": "none",
            "sciatica_pattern": "disc_like",
            "directional_preference": "extension",
            "symptom_weeks": 3.0,
        },
    )
    slots = slot_events(await ActionGiveAdvice().run(dispatcher, tracker, domain))
    assert slots["advice_shown"][0] == "exercise_extension"


async def test_no_exercises_with_a_red_flag(dispatcher, domain):
    tracker = make_tracker("what exercises can I do?", slots={"red_flag": "urgent"})
    await ActionGiveAdvice().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_stay_safe"]


async def test_no_exercises_before_the_screening(dispatcher, domain):
    tracker = make_tracker("what stretches help?")
    await ActionGiveAdvice().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_advice_after_screening"]


async def test_unknown_topic_offers_the_topics(dispatcher, domain):
    await ActionGiveAdvice().run(dispatcher, make_tracker("any tips?"), domain)
    assert responses(dispatcher) == ["utter_ask_advice_topic"]


async def test_tell_me_more_gives_the_steps(dispatcher, domain):
    tracker = make_tracker(
        "tell me more",
        slots={
            "red_flag": "none",
            "advice_topic": "exercise",
            "advice_shown": ["exercise_nerve_glide"],
            "advice_given": ["exercise_nerve_glide"],
        },
    )
    await ActionAdviceMore().run(dispatcher, tracker, domain)
    assert (
        "Slump" in dispatcher.messages[0]["advice"]
        or "slump" in dispatcher.messages[0]["advice"]
    )


async def test_medicine_questions_never_get_a_recommendation(dispatcher, domain):
    await ActionMedicine().run(
        dispatcher, make_tracker("should I take gabapentin?"), domain
    )
    await ActionMedicine().run(
        dispatcher, make_tracker("can I take ibuprofen?"), domain
    )
    assert responses(dispatcher) == ["utter_medicine_not_recommended", "utter_medicine"]


async def test_second_miss_in_a_row_suggests_a_person(dispatcher, domain):
    first = make_tracker("blah", slots={"red_flag": "none"})
    await ActionFallback().run(dispatcher, first, domain)
    events = [
        {"event": "user", "text": "blah"},
        {"event": "action", "name": "action_fallback"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "blah again"},
    ]
    second = make_tracker("blah again", events=events, slots={"red_flag": "none"})
    await ActionFallback().run(dispatcher, second, domain)
    assert responses(dispatcher) == ["utter_default", "utter_default_twice"]


def test_crisis_messages_are_recognised():
    assert is_crisis("this pain makes me not want to live")
    assert is_crisis("I want to kill myself")
    assert not is_crisis("I'm not suicidal, just fed up")
    assert not is_crisis("I hurt myself lifting a box")


def test_indirect_crisis_wordings_are_recognised():
    for text in (
        "what's the point, i'd rather be dead",
        "the only way to make this stop is to die",
        "there's no reason to keep living like this",
        "i want to go to sleep and never wake up",
        "i've been stockpiling my painkillers",
        "i wrote goodbye letters last night",
        "i'm not safe right now",
        "i just want to disappear for good",
        "i keep thinking of driving into a wall",
        "i overdosed once before and i feel like doing it again",
        "i hurt myself on purpose last night",
        "i'm so tired of existing",
    ):
        assert is_crisis(text), text
    assert not is_crisis("I'm sick of living with this pain")
    assert not is_crisis("I'm tired of sitting all day")
    assert not is_crisis("the only way I can sleep is on my side")
    assert not is_crisis("I'm not safe to drive with this leg")
    assert not is_crisis("I never wake up rested")


def test_crisis_support_comes_first_then_any_red_flag():
    listen = "action_listen"
    assert next_red_flag_action(listen, ["present"], None, crisis=True) == (
        "utter_crisis_support"
    )
    assert next_red_flag_action("utter_crisis_support", ["present"], None) == (
        "action_red_flag_escalate"
    )
    assert next_red_flag_action("utter_crisis_support", [], None) == listen
