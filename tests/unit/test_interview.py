import pytest

from sciatica.interview import NOTHING, parse


def test_several_answers_in_one_message():
    facts = parse("left leg down to my calf for three weeks, about a 6, worse sitting")
    assert facts.pain_side == "left"
    assert facts.pain_extent == "below_knee"
    assert facts.symptom_weeks == 3.0
    assert facts.pain_score == 6.0
    assert facts.worse_with == ("sitting",)


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("6", 6.0),
        ("about a 6", 6.0),
        ("7/10", 7.0),
        ("8 out of 10", 8.0),
        ("7-8", 7.5),
        ("zero", 0.0),
        ("it's a 3", 3.0),
    ],
)
def test_pain_scores(text, score):
    assert parse(text, expecting="pain_score").pain_score == score


@pytest.mark.parametrize("text", ["eleven out of ten", "15", "12/10"])
def test_impossible_scores_are_invalid(text):
    facts = parse(text, expecting="pain_score")
    assert facts.pain_score is None
    assert "pain_score" in facts.invalid


@pytest.mark.parametrize("text", ["a lot", "loads", "it's bad"])
def test_vague_scores_give_no_value(text):
    facts = parse(text, expecting="pain_score")
    assert facts.pain_score is None
    assert facts.invalid == ()


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("3 weeks", 3.0),
        ("ten days", 1.43),
        ("two months", 8.69),
        ("a year", 52.0),
        ("a couple of weeks", 2.0),
        ("since yesterday", 0.14),
        ("a fortnight", 2.0),
    ],
)
def test_durations_in_weeks(text, weeks):
    assert parse(text, expecting="symptom_weeks").symptom_weeks == weeks


@pytest.mark.parametrize(
    ("text", "extent"),
    [
        ("my bum", "buttock"),
        ("down the back of my thigh", "thigh"),
        ("into my calf", "below_knee"),
        ("all the way down to my toes", "foot"),
        ("from my buttock to my ankle", "below_knee"),
    ],
)
def test_extent_is_the_furthest_point(text, extent):
    assert parse(text).pain_extent == extent


def test_sides_need_a_leg_word_unless_asked():
    assert parse("left", expecting="pain_side").pain_side == "left"
    assert parse("I left work early").pain_side is None
    assert parse("that's right", expecting="pain_side").pain_side is None
    assert parse("both", expecting="pain_side").pain_side == "both"
    assert parse("the right side").pain_side == "right"


def test_worse_and_better_are_told_apart():
    facts = parse("sitting makes it worse, walking helps")
    assert facts.worse_with == ("sitting",)
    assert facts.better_with == ("walking",)
    facts = parse("worse standing and walking, better when I sit or lean forward")
    assert facts.worse_with == ("standing", "walking")
    assert facts.better_with == ("sitting", "bending")


def test_a_bare_list_answers_the_question_asked():
    assert parse("sitting and bending", expecting="worse_with").worse_with == (
        "sitting",
        "bending",
    )
    assert parse("lying down", expecting="better_with").better_with == ("lying",)
    assert parse("nothing", expecting="better_with").better_with == (NOTHING,)


def test_numbness():
    assert parse("pins and needles in my foot").numbness == "yes"
    assert parse("no numbness").numbness == "no"
    assert parse("no numbness but some tingling").numbness == "yes"
    assert parse("nope", expecting="numbness").numbness == "no"


def test_age_and_wallet():
    assert parse("I'm 67").age == 67
    assert parse("45", expecting="age").age == 45
    assert "age" in parse("200", expecting="age").invalid
    assert parse("worse sitting on my wallet").wallet


def test_a_number_too_long_for_a_float_is_no_duration():
    # Found by tests/unit/test_properties.py: it gave an infinite duration.
    assert parse("9" * 400 + " weeks").symptom_weeks is None


def test_commands_are_not_answers():
    assert parse("/affirm").as_slots() == {}
