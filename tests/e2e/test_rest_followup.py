"""Two visits nine days apart, with the servers restarted in between.

The first visit records a check-in; the servers stop; the stored events are
moved two hours back so the next message opens a new session (the domain's
session expiry is 60 minutes); the servers start again with the clock nine days
later. The diary must still be there, the person is re-checked for red flags
first, and the progress and the clinician summary cover both visits.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import requests

from tests.e2e.servers import Servers, ensure_model

pytestmark = pytest.mark.e2e

SENDER = "returning-person"
FIRST = dt.date.today() - dt.timedelta(days=9)
SECOND = dt.date.today()


def texts(replies) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def age_events(db: Path, seconds: float) -> None:
    """Moves every stored event back in time (as if the person went away)."""
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE events SET timestamp = timestamp - ?, "
            "data = json_set(data, '$.timestamp', "
            "json_extract(data, '$.timestamp') - ?)",
            (seconds, seconds),
        )


def check_in(servers: Servers, pain: str, extent: str, trigger: str) -> str:
    said = [servers.say(SENDER, text) for text in ("check in", pain, extent, trigger)]
    return texts([reply for replies in said for reply in replies])


def test_the_diary_survives_a_restart_and_a_new_session(tmp_path):
    servers = Servers(
        model=ensure_model(tmp_path),
        workdir=tmp_path,
        env={"SCIATICA_TODAY": FIRST.isoformat()},
    )
    try:
        servers.start_actions()
        servers.start_rasa()
        assert "self-care assistant" in texts(servers.say(SENDER, "hi"))
        first = check_in(servers, "7", "below the knee", "sitting at my desk")
        assert "added today's check-in" in first
        assert "first check-in" in first
        [entry] = servers.slot(SENDER, "pain_diary")
        assert entry["date"] == FIRST.isoformat() and entry["pain"] == 7
        servers.stop()

        age_events(tmp_path / "tracker.db", seconds=2 * 3600)
        servers.env["SCIATICA_TODAY"] = SECOND.isoformat()
        servers.start_actions()
        servers.start_rasa()

        hello = texts(servers.say(SENDER, "hello"))
        assert "Welcome back" in hello
        assert "Since we last spoke" in hello
        assert servers.slot(SENDER, "returning_user") is True
        clear = texts(servers.say(SENDER, "no"))
        assert "quick check-in" in clear

        second = check_in(servers, "4", "my thigh", "sitting again")
        assert "(2 in all)" in second
        assert "from 7 to 4 out of 10 over 9 days" in second
        assert "less far down" in second  # centralizing
        diary = servers.slot(SENDER, "pain_diary")
        assert [e["date"] for e in diary] == [FIRST.isoformat(), SECOND.isoformat()]

        summary = texts(servers.say(SENDER, "give me a summary for my doctor"))
        assert FIRST.isoformat() in summary and SECOND.isoformat() in summary
        assert "not a diagnosis" in summary.lower()

        # The page's chart and summary file are for web conversations only:
        # other channels' ids can be guessed.
        for path in (f"chart/{SENDER}.png", f"summary/{SENDER}.txt"):
            refused = requests.get(f"{servers.url}/webhooks/web/{path}", timeout=30)
            assert refused.status_code == 404
        gone = requests.post(
            f"{servers.url}/webhooks/web/conversation/delete",
            json={"session_id": SENDER},
            timeout=30,
        )
        assert gone.json() == {"deleted": False}
        assert servers.slot(SENDER, "pain_diary")
    finally:
        servers.stop()
