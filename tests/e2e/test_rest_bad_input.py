"""Bad input over REST gets a clear 4xx or a polite reply, never a 500 or silence."""

import uuid

import pytest
import requests

pytestmark = pytest.mark.e2e

MESSAGES = [
    "",
    "   ",
    "a" * 100_000,
    "😭😭 my leg 🦵",
    "hi\x00\x07there",
    "<script>alert(1)</script>",
    "Ich habe Rückenschmerzen",
    "ok ok ok ok",
]


@pytest.mark.parametrize("text", MESSAGES, ids=range(len(MESSAGES)))
def test_odd_messages_get_a_reply_and_the_conversation_goes_on(servers, text):
    user = f"bad-{uuid.uuid4().hex[:8]}"
    response = requests.post(
        f"{servers.url}/webhooks/rest/webhook",
        json={"sender": user, "message": text},
        timeout=60,
    )
    assert response.status_code == 200
    assert response.json(), "never silence"
    # Whatever came before, the next ordinary message is answered.
    assert servers.say(user, "hello")


def test_malformed_json_is_refused_with_a_4xx(servers):
    response = requests.post(
        f"{servers.url}/webhooks/rest/webhook",
        data=b"{not json",
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff\xfe not utf-8",
        b"[1, 2]",
        b'{"sender": 7, "message": "hi"}',
        b'{"sender": "me", "message": 42}',
        b'{"sender": "me", "message": null}',
        b'{"sender": "me"}',
        b'{"sender": "me", "message": "hi", "metadata": [1]}',
    ],
)
def test_wrong_types_and_invalid_utf8_are_refused_with_a_4xx(servers, raw):
    response = requests.post(
        f"{servers.url}/webhooks/rest/webhook",
        data=raw,
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert 400 <= response.status_code < 500
    assert (
        "sender" in response.json()["error"] or "metadata" in response.json()["error"]
    )


def test_unknown_fields_are_ignored(servers):
    user = f"bad-{uuid.uuid4().hex[:8]}"
    response = requests.post(
        f"{servers.url}/webhooks/rest/webhook",
        json={"sender": user, "message": "hello", "mood": "grumpy", "id": [1]},
        timeout=30,
    )
    assert response.status_code == 200 and response.json()


def test_whitespace_and_huge_messages_get_a_polite_reply_and_are_not_stored(servers):
    user = f"bad-{uuid.uuid4().hex[:8]}"
    servers.say(user, "hello")
    before = len(servers.tracker(user)["events"])
    assert "words" in servers.say(user, "  \n\t ")[0]["text"]
    assert "too long" in servers.say(user, "a" * 100_000)[0]["text"]
    assert len(servers.tracker(user)["events"]) == before


def test_two_misses_in_a_row_then_normal_service(servers):
    user = f"bad-{uuid.uuid4().hex[:8]}"
    # An empty message is answered politely and is not a miss.
    assert "words" in texts(servers.say(user, ""))
    first = servers.say(user, "order me a pizza")
    assert "didn't understand" in texts(first)
    second = servers.say(user, "what is the weather like on mars")
    assert "physiotherapist" in texts(second)
    assert "not a diagnosis" in texts(servers.say(user, "hi"))


def texts(replies):
    return " ".join(r.get("text", "") for r in replies)
