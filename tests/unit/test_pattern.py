import pytest

from sciatica.pattern import DISC, PIRIFORMIS, STENOSIS, UNCLEAR, classify


def test_disc_like():
    result = classify(["sitting", "bending"], ["walking", "standing"], "below_knee", 38)
    assert result.pattern == DISC
    assert "worse_sitting" in result.reasons


def test_stenosis_like_with_age():
    assert classify(
        ["standing", "walking"], ["sitting", "bending"], "foot", 72
    ).pattern == (STENOSIS)


def test_piriformis_like():
    assert classify(["sitting"], [], "buttock", 35, wallet=True).pattern == PIRIFORMIS


@pytest.mark.parametrize(
    "answers",
    [
        ([], [], None, None),
        (["sitting", "walking"], ["lying"], "thigh", 50),
        (["coughing"], [], "foot", None),
    ],
)
def test_mixed_or_thin_answers_are_unclear(answers):
    assert classify(*answers).pattern == UNCLEAR
