"""Deleting data end to end: the real servers, checked in the SQLite file itself."""

from __future__ import annotations

import sqlite3
import uuid
from urllib.parse import quote

import pytest
import requests

from tests.e2e.servers import TOKEN, Servers

pytestmark = pytest.mark.e2e


def new_user() -> str:
    return f"e2e-{uuid.uuid4().hex[:8]}"


def texts(replies) -> str:
    return " ".join(reply.get("text", "") for reply in replies)


def rows(servers: Servers, sender: str) -> int:
    """The stored events of ``sender``, counted in the database file."""
    with sqlite3.connect(servers.workdir / "tracker.db") as connection:
        (count,) = connection.execute(
            "SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)
        ).fetchone()
    return count


def test_delete_my_data_in_the_chat_empties_the_database(servers):
    user, other = new_user(), new_user()
    servers.say(other, "hi")
    assert "not a diagnosis" in texts(servers.say(user, "hi"))
    assert "bladder" in texts(servers.say(user, "yes"))
    servers.say(user, "no")  # the first screening answer
    assert rows(servers, user) > 0

    ask = servers.say(user, "delete my data")
    assert "can't be undone" in texts(ask)
    assert [b["title"] for b in ask[-1]["buttons"]] == [
        "Yes, delete everything",
        "No, keep it",
    ]
    assert "I've deleted our conversation" in texts(servers.say(user, "yes"))

    assert rows(servers, user) == 0
    assert rows(servers, other) > 0
    # The next message starts afresh: a stranger's welcome, no answers kept.
    assert "not a diagnosis" in texts(servers.say(user, "hi"))
    assert servers.slot(user, "screen_bladder_bowel") is None
    assert not servers.slot(user, "returning_user")


def test_saying_no_keeps_the_data_and_the_screening_goes_on(servers):
    user = new_user()
    servers.say(user, "hi")
    servers.say(user, "yes")
    servers.say(user, "no")
    kept = rows(servers, user)
    servers.say(user, "forget me")
    reply = texts(servers.say(user, "no"))
    assert "haven't deleted anything" in reply
    assert "numbness" in reply  # the screening asks its next question again
    assert rows(servers, user) > kept
    assert servers.slot(user, "screen_bladder_bowel") == "no"


def test_an_operator_deletes_a_conversation_with_the_token(servers):
    phone = f"+4477009{uuid.uuid4().int % 10**5:05d}"  # as an SMS conversation id
    other = new_user()
    servers.say(phone, "hi")
    servers.say(other, "hi")
    stored = rows(servers, phone)
    assert stored > 0
    url = f"{servers.url}/webhooks/privacy/conversations/{quote(phone, safe='')}"

    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        refused = requests.delete(url, headers=headers, timeout=30)
        assert refused.status_code == 401, headers
    # The HTTP API's query-string token is not accepted here.
    assert requests.delete(url, params={"token": TOKEN}, timeout=30).status_code == 401
    assert rows(servers, phone) == stored

    answer = requests.delete(
        url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30
    )
    assert answer.status_code == 200
    assert answer.json() == {"deleted": stored}
    assert rows(servers, phone) == 0
    assert rows(servers, other) > 0
