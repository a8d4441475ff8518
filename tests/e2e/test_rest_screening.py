"""End to end over REST: the real Rasa and action servers, a real SQLite store."""

import uuid

import pytest
import requests

pytestmark = pytest.mark.e2e


def new_user():
    return f"e2e-{uuid.uuid4().hex[:8]}"


def texts(replies):
    return " ".join(reply.get("text", "") for reply in replies)


def test_a_whole_screening_with_no_flag(servers):
    user = new_user()
    assert "not a diagnosis" in texts(servers.say(user, "hello"))
    first = servers.say(user, "yes")
    assert "bladder" in texts(first)
    assert [b["payload"] for b in first[-1]["buttons"]] == [
        "/affirm",
        "/deny",
        "/unsure",
    ]
    answers = ["no", "nope", "/deny", "not at all", "no", "no", "never", "no", "no"]
    for answer in answers[:-1]:
        assert servers.say(user, answer), answer
    last = texts(servers.say(user, answers[-1]))
    assert "warning signs" in last
    assert servers.slot(user, "red_flag") == "none"
    assert servers.slot(user, "screen_trauma") == "no"


def test_an_emergency_in_the_middle_of_the_screening(servers):
    user = new_user()
    servers.say(user, "hi")
    servers.say(user, "yes")
    servers.say(user, "no")
    reply = texts(
        servers.say(user, "actually I can't feel the toilet paper when I wipe")
    )
    assert "EMERGENCY" in reply and "999" in reply and "911" in reply and "112" in reply
    assert servers.slot(user, "red_flag") == "emergency"
    assert servers.tracker(user)["active_loop"] == {}
    # It is never lowered, and exercises are not offered.
    reply = texts(servers.say(user, "no it's fine now"))
    assert servers.slot(user, "red_flag") == "emergency"


def test_the_locale_chosen_by_the_channel_sets_the_numbers(servers):
    user = new_user()
    reply = texts(servers.say(user, "I wet myself this morning", locale="uk"))
    assert "A&E" in reply and "999" in reply and "911" not in reply


def test_the_http_api_needs_the_token(servers):
    response = requests.get(f"{servers.url}/conversations/someone/tracker", timeout=10)
    assert response.status_code == 401


def test_conversations_survive_a_restart(servers):
    user = new_user()
    servers.say(user, "I have pins and needles in both legs")
    assert servers.slot(user, "red_flag") == "emergency"
    servers.stop_rasa()
    servers.start_rasa()
    assert servers.slot(user, "red_flag") == "emergency"
    assert servers.say(user, "hello")
