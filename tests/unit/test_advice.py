"""Tailoring and validation of the advice knowledge base."""

import copy
from pathlib import Path

import pytest
import yaml

from sciatica import advice
from sciatica.advice import Person, select
from sciatica.errors import KnowledgeError

RAW = yaml.safe_load(
    (Path(advice.__file__).parent / "data" / "advice.yml").read_text(encoding="utf-8")
)
PATTERNS = ("disc_like", "stenosis_like", "piriformis_like", "unclear")
PREFERENCES = ("extension", "flexion", "none")


def ids(topic, person, given=()):
    return [item.id for item in select(topic, person, given)]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("preference", PREFERENCES)
def test_every_pattern_and_preference_gets_safe_exercises(pattern, preference):
    person = Person(pattern=pattern, preference=preference, symptom_weeks=3)
    chosen = ids("exercise", person)
    assert chosen, "there is always something safe to do"
    assert ("exercise_extension" in chosen) == (preference == "extension")
    assert ("exercise_flexion" in chosen) == (preference == "flexion")
    if pattern == "disc_like":
        assert "exercise_figure4" not in chosen
        assert "exercise_childs_pose" not in chosen
    avoid = ids("avoid", person)
    assert ("avoid_extension_stenosis" in avoid) == (pattern == "stenosis_like")
    assert ("avoid_hamstring_stretch" in avoid) == (pattern in ("disc_like", "unclear"))


def test_the_direction_that_helps_comes_first():
    assert ids("exercise", Person(pattern="disc_like", preference="extension"))[0] == (
        "exercise_extension"
    )


def test_with_a_red_flag_there_is_no_exercise_advice_at_all():
    for level in ("emergency", "urgent"):
        assert select("exercise", Person(red_flag=level, preference="extension")) == []
    assert ids("sleep", Person(red_flag="emergency"))  # other topics still help


def test_numb_skin_gets_no_ice_or_heat_only_the_warning():
    assert ids("ice_heat", Person(numbness=True)) == ["ice_heat_numb_skin"]


def test_ice_in_the_first_days_heat_later():
    assert ids("ice_heat", Person(symptom_weeks=0.3))[0] == "ice_first_days"
    assert "ice_first_days" not in ids("ice_heat", Person(symptom_weeks=4))


def test_strengthening_waits_until_later_and_never_in_a_flare():
    early = ids("exercise", Person(pattern="unclear", symptom_weeks=2))
    later = ids("exercise", Person(pattern="unclear", symptom_weeks=10))
    assert "exercise_bridges" not in early
    assert "exercise_bridges" in later and "exercise_core" in later


def test_spreading_pain_in_the_test_holds_back_the_nerve_glide():
    assert "exercise_nerve_glide" not in ids("exercise", Person(peripheralized=True))


def test_a_repeated_request_puts_new_advice_first():
    person = Person(pattern="disc_like")
    first = ids("sitting", person)
    again = ids("sitting", person, given=first[:2])
    assert again[: len(first) - 2] == first[2:]
    assert set(again) == set(first)


def test_topics_are_recognised_in_questions():
    assert advice.topic_of("how should I sleep?") == "sleep"
    assert advice.topic_of("is it ok to sit at my desk?") == "sitting"
    assert advice.topic_of("ice or heat?") == "ice_heat"
    assert advice.topic_of("what exercises should I avoid?") == "avoid"
    assert advice.topic_of("tell me a joke") is None


def test_medicines_the_guidance_advises_against_are_recognised():
    assert advice.mentions_not_recommended_medicine("should I take Gabapentin?")
    assert advice.mentions_not_recommended_medicine("my GP offered prednisolone")
    assert not advice.mentions_not_recommended_medicine("can I take ibuprofen?")


def broken(change):
    raw = copy.deepcopy(RAW)
    change(raw)
    return raw


def test_an_item_without_a_source_is_an_error():
    raw = broken(lambda r: r["items"][0].pop("source"))
    with pytest.raises(KnowledgeError, match="'source' is required"):
        advice.parse(raw)


def test_an_unknown_topic_is_an_error():
    raw = broken(lambda r: r["items"][0].update(topic="yoga"))
    with pytest.raises(KnowledgeError, match="'topic' must be one of"):
        advice.parse(raw)


def test_a_contraindication_naming_an_unknown_condition_is_an_error():
    raw = broken(lambda r: r["items"][0].update(not_for=["pregnancy"]))
    with pytest.raises(KnowledgeError, match="'not_for' must be one of"):
        advice.parse(raw)


def test_an_unknown_key_is_an_error():
    raw = broken(lambda r: r["items"][0].update(dose="2 tablets"))
    with pytest.raises(KnowledgeError, match="unknown key 'dose'"):
        advice.parse(raw)


def test_safety_caveats_are_always_in_the_short_form():
    items = select("ice_heat", Person(symptom_weeks=3))
    short = [item.id for item in advice.short_form(items)]
    assert "ice_heat_numb_skin" in short
