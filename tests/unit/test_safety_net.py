"""Around every message: clean text, polite replies, never silence, never a 500."""

from __future__ import annotations

import json
import logging
from types import SimpleNamespace
from unittest.mock import AsyncMock

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from sciatica_rasa import safety_net
from sciatica_rasa.channels.rest import MAX_BODY_BYTES, BadRequest, parse_body
from sciatica_rasa.constants import ACTION_DELETE_MY_DATA
from sciatica_rasa.tracker_store import (
    TrackerStoreUnavailable,
    deletion_requested,
    fail_loudly,
)
from sciatica_rasa.web import allow_origins

SERVICE = ("utter_service_unavailable", "utter_empty_message", "utter_message_too_long")


def test_control_characters_go_and_lone_surrogates_are_replaced():
    assert safety_net.clean_text("hi\x00\x07there") == "hi  there"
    assert safety_net.clean_text("a\ud800b") == "a\N{REPLACEMENT CHARACTER}b"
    assert safety_net.clean_text("line\n\tnext") == "line\n\tnext"


def test_emoji_and_other_languages_are_kept():
    assert safety_net.clean_text("😭 my leg 🦵") == "😭 my leg 🦵"
    assert (
        safety_net.clean_text("Ich habe Rückenschmerzen") == "Ich habe Rückenschmerzen"
    )


@pytest.mark.parametrize("text", ["", "   ", "\n\t ", "\x00\x00"])
def test_a_message_with_no_words_gets_the_empty_reply(text):
    assert safety_net.check_text(text)[1] == safety_net.RESPONSE_EMPTY


def test_a_message_over_the_limit_gets_the_too_long_reply():
    long = "a" * (safety_net.MAX_MESSAGE_CHARS + 1)
    assert safety_net.check_text(long)[1] == safety_net.RESPONSE_TOO_LONG
    assert safety_net.check_text("a" * safety_net.MAX_MESSAGE_CHARS)[1] is None


def test_an_ordinary_message_is_read():
    assert safety_net.check_text("my leg hurts") == ("my leg hurts", None)


# -- the REST body -------------------------------------------------------------


def body(data) -> bytes:
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    "raw, status",
    [
        (b"{not json", 400),
        (b"\xff\xfe{}", 400),
        (b"[1, 2]", 400),
        (b'"hello"', 400),
        (body({"message": "hi"}), 400),
        (body({"sender": 42, "message": "hi"}), 400),
        (body({"sender": "", "message": "hi"}), 400),
        (body({"sender": "x" * 129, "message": "hi"}), 400),
        (body({"sender": "a\nb", "message": "hi"}), 400),
        (body({"sender": "me"}), 400),
        (body({"sender": "me", "message": 42}), 400),
        (body({"sender": "me", "message": None}), 400),
        (body({"sender": "me", "message": ["hi"]}), 400),
        (body({"sender": "me", "message": "hi", "metadata": "x"}), 400),
        (b" " * (MAX_BODY_BYTES + 1), 413),
    ],
)
def test_bad_bodies_are_refused_with_a_4xx_that_says_what_to_send(raw, status):
    with pytest.raises(BadRequest) as refused:
        parse_body(raw)
    assert refused.value.status == status
    assert "sender" in refused.value.error or "metadata" in refused.value.error


def test_unknown_fields_are_ignored_and_input_channel_is_not_taken():
    sender, text, metadata = parse_body(
        body({"sender": "me", "message": "hi", "input_channel": "socketio", "x": 1})
    )
    assert (sender, text, metadata) == ("me", "hi", {})


# -- never silence -------------------------------------------------------------


@pytest.fixture
def agent(domain):
    return SimpleNamespace(
        domain=Domain.from_dict(domain), tracker_store=None, is_ready=lambda: True
    )


def test_the_service_replies_have_one_variant_and_the_apology_has_the_numbers(domain):
    for name in SERVICE:
        assert len(domain["responses"][name]) == 1, name
    apology = domain["responses"]["utter_service_unavailable"][0]
    for number in ("999", "911", "112"):
        assert number in apology["text"]
        assert any(b.get("url") == f"tel:{number}" for b in apology["buttons"])


def message() -> UserMessage:
    return UserMessage("hi", CollectingOutputChannel(), "me", input_channel="rest")


async def test_a_message_that_fails_gets_the_apology(agent):
    async def broken(_: UserMessage) -> None:
        raise TrackerStoreUnavailable("OperationalError")

    msg = message()
    outcome = await safety_net.handle_safely(broken, msg, agent)
    assert outcome is safety_net.Outcome.FAILED
    assert "999" in msg.output_channel.messages[-1]["text"]


async def test_a_failed_action_is_noticed_and_apologised_for(agent):
    async def _run_action() -> None:
        # What Rasa's MessageProcessor._run_action logs when the action
        # server can't be reached, before carrying on without that action.
        try:
            raise ConnectionError("action server down")
        except ConnectionError:
            logging.getLogger("rasa.core.processor").exception("action failed")

    async def handler(msg: UserMessage) -> None:
        await msg.output_channel.send_text_message("me", "first part")
        await _run_action()

    msg = message()
    outcome = await safety_net.handle_safely(handler, msg, agent)
    assert outcome is safety_net.Outcome.ACTION_FAILED
    texts = [m["text"] for m in msg.output_channel.messages]
    assert texts[0] == "first part" and "999" in texts[-1]


async def test_an_ordinary_turn_gets_no_apology(agent):
    async def handler(msg: UserMessage) -> None:
        await msg.output_channel.send_text_message("me", "hello")

    msg = message()
    assert await safety_net.handle_safely(handler, msg, agent) is (
        safety_net.Outcome.ANSWERED
    )
    assert [m["text"] for m in msg.output_channel.messages] == ["hello"]


async def test_a_failed_action_elsewhere_does_not_touch_this_turn(agent):
    logger = logging.getLogger("rasa.core.processor")

    def _run_action() -> None:
        try:
            raise ConnectionError
        except ConnectionError:
            logger.exception("outside any turn")

    _run_action()  # no turn running: nothing to mark, nothing raised
    await test_an_ordinary_turn_gets_no_apology(agent)


# -- the tracker store fails loudly -------------------------------------------


class BrokenStore(InMemoryTrackerStore):
    async def retrieve(self, sender_id):
        raise ConnectionError("database down")

    async def save(self, tracker):
        raise ConnectionError("database down")


async def test_rasa_forgets_on_a_database_error_unless_told_to_fail_loudly():
    wrapped = FailSafeTrackerStore(BrokenStore(Domain.empty()))
    # Rasa's behaviour: "no conversation", so a person mid-screening is
    # greeted as a stranger.
    assert await wrapped.retrieve("me") is None
    fail_loudly(SimpleNamespace(tracker_store=wrapped))
    with pytest.raises(TrackerStoreUnavailable):
        await wrapped.retrieve("me")
    with pytest.raises(TrackerStoreUnavailable):
        await wrapped.save(DialogueStateTracker("me", []))
    fail_loudly(SimpleNamespace(tracker_store=wrapped))  # idempotent


def test_deletion_is_requested_only_by_this_turn():
    asked = DialogueStateTracker.from_events(
        "me",
        [
            UserUttered("delete my data"),
            ActionExecuted("utter_ask_delete_confirm"),
            UserUttered("yes"),
            ActionExecuted(ACTION_DELETE_MY_DATA),
        ],
    )
    assert deletion_requested(asked)
    later = DialogueStateTracker.from_events("me", [*asked.events, UserUttered("hi")])
    assert not deletion_requested(later)


# -- the socket accepts its own origin and the configured ones ----------------


def test_the_socket_accepts_its_own_origin_and_the_configured_ones_only():
    from socketio import AsyncServer

    sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
    allow_origins(sio, ["https://clinic.example"])
    environ = {"sanic.request": SimpleNamespace(scheme="http"), "HTTP_HOST": "h:1"}
    assert "http://h:1" in sio.eio._cors_allowed_origins(environ)
    environ["HTTP_X_FORWARDED_PROTO"] = "https"
    environ["HTTP_X_FORWARDED_HOST"] = "bot.example"
    allowed = sio.eio._cors_allowed_origins(environ)
    assert "https://bot.example" in allowed
    assert "https://clinic.example" in allowed
    assert "https://evil.example" not in allowed
    assert sio.eio.cors_allowed_origins != [], "[] would turn the check off"


async def test_the_apology_is_sent_even_if_a_channel_fails_to_send(agent):
    output = AsyncMock()
    output.send_response.side_effect = RuntimeError("socket gone")
    await safety_net.send(output, "me", agent, safety_net.RESPONSE_UNAVAILABLE)


def test_the_health_route_sits_next_to_the_webhook():
    assert safety_net.health_url("http://a:5055/webhook") == "http://a:5055/health"
    assert safety_net.health_url("http://a:5055/webhook/") == "http://a:5055/health"


async def test_no_message_is_processed_while_the_action_server_is_down(agent):
    from rasa.utils.endpoints import EndpointConfig

    from tests.e2e.servers import free_port

    agent.action_endpoint = EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook")
    handler = AsyncMock()
    msg = message()
    outcome = await safety_net.handle_safely(handler, msg, agent)
    assert outcome is safety_net.Outcome.FAILED
    handler.assert_not_awaited()
    assert "999" in msg.output_channel.messages[-1]["text"]
