import pytest

from sciatica.directional import (
    CENTRALIZING,
    COULD_NOT,
    NO_CHANGE,
    PERIPHERALIZING,
    SKIPPED,
    flexion_spread,
    read_movement,
    required_steps,
    result,
)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("it moved up into my thigh", CENTRALIZING),
        ("the calf pain is gone but my back hurts more", CENTRALIZING),
        ("it's only in my buttock now", CENTRALIZING),
        ("it went down to my foot", PERIPHERALIZING),
        ("it spread further down my leg", PERIPHERALIZING),
        ("no difference", NO_CHANGE),
        ("same as before", NO_CHANGE),
        ("I couldn't do it, too painful", COULD_NOT),
        ("skip", SKIPPED),
        ("banana", None),
    ],
)
def test_reading_natural_answers(text, reading):
    assert read_movement(text, "below_knee") == reading


def test_location_answers_are_compared_with_before():
    assert read_movement("now it's in my thigh", "below_knee") == CENTRALIZING
    assert read_movement("now it's in my toes", "below_knee") == PERIPHERALIZING
    assert read_movement("still in my calf", "below_knee") == NO_CHANGE


def test_spreading_wins_when_an_answer_says_both():
    assert (
        read_movement("it moved up but then went further down", None) == PERIPHERALIZING
    )


def test_extension_steps_then_stop_when_they_helped():
    answers = {"dp_can_lie_prone": "yes"}
    assert required_steps(answers, "disc_like")[-1] == "dp_prone"
    answers |= {
        "dp_prone": CENTRALIZING,
        "dp_elbows": CENTRALIZING,
        "dp_pressups": NO_CHANGE,
    }
    assert required_steps(answers, "disc_like") == [
        "dp_can_lie_prone",
        "dp_prone",
        "dp_elbows",
        "dp_pressups",
    ]
    assert result(answers) == "extension"


def test_spreading_stops_extension_and_flexion_is_tried():
    answers = {"dp_can_lie_prone": "yes", "dp_prone": PERIPHERALIZING}
    assert required_steps(answers, None) == ["dp_can_lie_prone", "dp_prone", "dp_knees"]
    assert result(answers | {"dp_knees": CENTRALIZING}) == "flexion"


def test_no_prone_position_or_stenosis_goes_to_flexion():
    assert required_steps({"dp_can_lie_prone": "no"}, None) == [
        "dp_can_lie_prone",
        "dp_knees",
    ]
    assert required_steps({}, "stenosis_like") == ["dp_knees"]


def test_no_change_either_way_is_no_preference():
    answers = {
        "dp_can_lie_prone": "yes",
        "dp_prone": NO_CHANGE,
        "dp_elbows": NO_CHANGE,
        "dp_pressups": NO_CHANGE,
        "dp_knees": NO_CHANGE,
    }
    assert required_steps(answers, None)[-1] == "dp_knees"
    assert result(answers) == "none"
    assert not flexion_spread(answers)
    assert flexion_spread(answers | {"dp_knees": PERIPHERALIZING})
