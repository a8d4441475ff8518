"""The web channel: call buttons kept, safety messages whole, files allow-listed."""

from __future__ import annotations

from unittest.mock import AsyncMock

import pytest
from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from sciatica_rasa.privacy import DeletionNotSupported, delete_events
from sciatica_rasa.web import (
    WEB_DIR,
    WebSocketIOOutput,
    is_safety_message,
    page_files,
    quick_reply,
)

SAFETY = ("utter_emergency", "utter_urgent", "utter_possible_red_flag")


def test_call_buttons_stay_links_and_other_buttons_send_their_payload():
    call = {"title": "Call 999", "type": "web_url", "url": "tel:999"}
    assert quick_reply(call) == {
        "type": "web_url",
        "title": "Call 999",
        "url": "tel:999",
    }
    answer = {"title": "Yes", "payload": "/affirm"}
    assert quick_reply(answer) == {
        "content_type": "text",
        "title": "Yes",
        "payload": "/affirm",
    }


def test_every_safety_message_is_recognised_by_its_sign(domain):
    for name, variants in domain["responses"].items():
        if name.startswith(SAFETY):
            assert all(is_safety_message(v["text"]) for v in variants), name
    assert not is_safety_message(domain["responses"]["utter_greet"][0]["text"])


def emitted(sio: AsyncMock) -> list:
    return [call.args[1] for call in sio.emit.await_args_list]


async def test_a_safety_message_is_sent_whole_with_its_call_buttons():
    sio = AsyncMock()
    output = WebSocketIOOutput(sio, "bot_uttered")
    buttons = [{"title": "Call 112", "type": "web_url", "url": "tel:112"}]
    await output.send_text_with_buttons("me", "🚨 EMERGENCY\n\nWhy.", buttons)
    assert emitted(sio) == [
        {
            "text": "🚨 EMERGENCY\n\nWhy.",
            "quick_replies": [
                {"type": "web_url", "title": "Call 112", "url": "tel:112"}
            ],
        }
    ]


async def test_other_messages_are_split_into_paragraphs():
    sio = AsyncMock()
    output = WebSocketIOOutput(sio, "bot_uttered")
    await output.send_text_message("me", "One.\n\nTwo.")
    assert emitted(sio) == [{"text": "One."}, {"text": "Two."}]


def test_only_the_page_and_its_built_files_are_served():
    files = page_files(WEB_DIR)
    assert {"index.html", "app.js", "style.css"} <= set(files)
    assert not any(name.startswith(("node_modules", "tests", "..")) for name in files)
    assert "package.json" not in files and "build.mjs" not in files
    assert all(
        name.startswith("dist/")
        for name in set(files) - {"index.html", "app.js", "style.css"}
    )


def test_the_page_loads_nothing_from_another_host():
    for name in ("index.html", "app.js", "style.css"):
        text = (WEB_DIR / name).read_text()
        assert "http://" not in text and "https://" not in text, name


def stored_tracker(sender: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, slots=[])
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("my bladder is fine", {"name": "deny"}))
    return tracker


async def test_deleting_removes_every_stored_event_of_that_person_only(tmp_path):
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db"))
    await store.save(stored_tracker("alice"))
    await store.save(stored_tracker("bob"))
    assert delete_events(store, "alice") == 2
    assert await store.retrieve("alice") is None
    assert len((await store.retrieve("bob")).events) == 2
    assert delete_events(store, "alice") == 0


async def test_deleting_from_the_in_memory_store():
    store = InMemoryTrackerStore(Domain.empty())
    await store.save(stored_tracker("alice"))
    assert delete_events(store, "alice") == 1
    assert await store.retrieve("alice") is None


def test_deleting_from_an_unsupported_store_says_so():
    with pytest.raises(DeletionNotSupported):
        delete_events(object(), "alice")
