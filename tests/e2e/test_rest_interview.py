"""End to end over REST: screening, interview and movement test, slots read back."""

import uuid

import pytest

pytestmark = pytest.mark.e2e


def screened(servers):
    user = f"e2e-{uuid.uuid4().hex[:8]}"
    servers.say(user, "hello")
    servers.say(user, "yes")
    for _ in range(9):
        replies = servers.say(user, "no")
    assert "how far down" in " ".join(r.get("text", "") for r in replies).lower()
    return user


def test_interview_then_test_to_extension(servers):
    user = screened(servers)
    servers.say(
        user, "left leg down to my calf for three weeks, about a 6, worse sitting"
    )
    servers.say(user, "yes, pins and needles")
    servers.say(user, "walking helps")
    offer = servers.say(user, "I'm 45")
    assert any("movement test" in r.get("text", "") for r in offer)
    servers.say(user, "yes")
    servers.say(user, "yes")
    servers.say(user, "it moved up into my thigh")
    servers.say(user, "the calf pain is gone but my back hurts more")
    replies = servers.say(user, "no change")
    text = " ".join(r.get("text", "") for r in replies)
    assert "10 slow press-ups every two hours" in text
    assert "90-90" in text
    slots = servers.tracker(user)["slots"]
    assert slots["pain_score"] == 6.0
    assert slots["pain_side"] == "left"
    assert slots["pain_extent"] == "below_knee"
    assert slots["symptom_weeks"] == 3.0
    assert slots["sciatica_pattern"] == "disc_like"
    assert slots["directional_preference"] == "extension"
    assert slots["red_flag"] == "none"


def test_stenosis_like_pattern_goes_to_flexion(servers):
    user = screened(servers)
    servers.say(
        user,
        "right thigh, two months, 4/10, no numbness, worse standing and walking, "
        "better sitting or leaning forward, I'm 72",
    )
    servers.say(user, "yes")
    replies = servers.say(user, "it moved up towards my back")
    assert "flexion" in " ".join(r.get("text", "") for r in replies)
    slots = servers.tracker(user)["slots"]
    assert slots["sciatica_pattern"] == "stenosis_like"
    assert slots["directional_preference"] == "flexion"
