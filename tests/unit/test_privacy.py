"""Deleting data: in the chat, through the operators' API, and by retention.

The stores are real SciaticaSQLTrackerStore instances on a temporary SQLite
file; what is left is counted with sqlite3 directly.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from rasa.core import jobs
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import TrackerStore
from rasa.core.utils import read_endpoints_from_path
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    ReminderScheduled,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from actions.privacy import ActionDeleteMyData
from actions.reminders import reminder_name
from sciatica_rasa import auth, purge
from sciatica_rasa.channels import config
from sciatica_rasa.constants import ACTION_DELETE_MY_DATA
from sciatica_rasa.privacy import cancel_reminders, unwrap
from sciatica_rasa.privacy_api import PrivacyInput, authorized
from sciatica_rasa.tracker_store import SciaticaSQLTrackerStore
from tests.conftest import ROOT, make_tracker, responses

DAY = 86400.0
NOW = time.time()
TOKEN = "operator-secret-token"


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "tracker.db"


@pytest.fixture
def store(db) -> SciaticaSQLTrackerStore:
    return SciaticaSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(db))


def rows(db: Path, sender: str) -> int:
    with sqlite3.connect(db) as connection:
        (count,) = connection.execute(
            "SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)
        ).fetchone()
    return count


def talk(sender: str, at: float = NOW) -> DialogueStateTracker:
    """A short conversation whose events are stamped ``at``."""
    return DialogueStateTracker.from_events(
        sender,
        [
            ActionExecuted("action_listen", timestamp=at),
            UserUttered("my leg hurts when I sit", {"name": "x"}, timestamp=at),
            BotUttered("I'm sorry to hear that.", timestamp=at),
            ActionExecuted("action_listen", timestamp=at),
        ],
    )


def then(tracker: DialogueStateTracker, *events) -> DialogueStateTracker:
    for event in events:
        tracker.update(event)
    return tracker


# -- "delete my data" in the chat ----------------------------------------------


async def test_a_confirmed_deletion_removes_every_row_of_that_person_only(db, store):
    alice = talk("alice")
    await store.save(alice)
    await store.save(talk("bob"))
    then(
        alice,
        UserUttered("delete my data", {"name": "delete_my_data"}),
        ActionExecuted("utter_ask_delete_confirm"),
        ActionExecuted("action_listen"),
    )
    await store.save(alice)
    assert rows(db, "alice") == 7
    then(
        alice,
        UserUttered("yes", {"name": "affirm"}),
        ActionExecuted(ACTION_DELETE_MY_DATA),
        BotUttered("Done: I've deleted our conversation."),
        ActionExecuted("action_listen"),
    )

    await store.save(alice)

    assert rows(db, "alice") == 0
    assert rows(db, "bob") == 4
    assert await store.retrieve("alice") is None
    # The next message starts a new conversation, which is stored as usual.
    await store.save(talk("alice"))
    assert rows(db, "alice") == 4


async def test_saying_no_keeps_everything(db, store):
    alice = talk("alice")
    await store.save(alice)
    then(
        alice,
        UserUttered("delete my data", {"name": "delete_my_data"}),
        ActionExecuted("utter_ask_delete_confirm"),
        UserUttered("no", {"name": "deny"}),
        ActionExecuted("utter_delete_cancelled"),
    )
    await store.save(alice)
    assert rows(db, "alice") == 8


async def test_the_action_answers_and_stops_the_reminders(dispatcher, domain):
    tracker = make_tracker("yes", intent="affirm")
    events = await ActionDeleteMyData().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_data_deleted"]
    assert sorted(e["name"] for e in events if e["event"] == "cancel_reminder") == [
        reminder_name("checkin", "test-user"),
        reminder_name("exercise", "test-user"),
    ]
    assert [e for e in events if e["event"] != "cancel_reminder"] == []


def test_the_confirmation_says_what_goes_and_that_it_cannot_be_undone(domain):
    (ask,) = domain["responses"]["utter_ask_delete_confirm"]
    for words in ("conversation", "pain diary", "summary", "can't be undone"):
        assert words in ask["text"]
    assert [b["payload"] for b in ask["buttons"]] == ["/affirm", "/deny"]
    assert [b["title"] for b in ask["buttons"]] == [
        "Yes, delete everything",
        "No, keep it",
    ]
    for variant in domain["responses"]["utter_data_deleted"]:
        assert "start afresh" in variant["text"]


def test_deleting_is_not_an_answer_to_any_form(domain):
    from actions.turns import NOT_ANSWERS

    assert "delete_my_data" in NOT_ANSWERS
    for name, slot in domain["slots"].items():
        for mapping in slot.get("mappings", []):
            if "not_intent" in mapping:
                assert "delete_my_data" in mapping["not_intent"], name


# -- reminders of a deleted conversation -----------------------------------------


class FakeScheduler:
    def __init__(self, names):
        self.jobs = [SimpleNamespace(id=str(i), name=n) for i, n in enumerate(names)]

    def get_jobs(self):
        return list(self.jobs)

    def remove_job(self, job_id):
        self.jobs = [job for job in self.jobs if job.id != job_id]


def test_only_that_persons_reminders_are_cancelled(monkeypatch):
    at = dt.datetime.now()
    reminder = ReminderScheduled("EXTERNAL_checkin_reminder", at, name="checkin")
    names = [reminder.scheduled_job_name(s) for s in ("123", "1234", "123")]
    scheduler = FakeScheduler(names)
    monkeypatch.setattr(jobs, "__scheduler", scheduler)
    assert cancel_reminders("123") == 2
    assert [job.name for job in scheduler.jobs] == [names[1]]


def test_without_a_scheduler_there_is_nothing_to_cancel(monkeypatch):
    monkeypatch.setattr(jobs, "__scheduler", None)
    assert cancel_reminders("123") == 0


# -- the operators' API ------------------------------------------------------------


def request(store, authorization: str | None = None):
    headers = {} if authorization is None else {"Authorization": authorization}
    agent = SimpleNamespace(tracker_store=store, lock_store=InMemoryLockStore())
    app = SimpleNamespace(ctx=SimpleNamespace(agent=agent))
    return SimpleNamespace(headers=headers, app=app)


async def call(store, authorization: str | None, sender: str = "alice"):
    answer = await PrivacyInput.delete(request(store, authorization), sender)
    return answer.status, json.loads(answer.body)


async def test_the_api_deletes_one_conversation_with_the_token(db, store, monkeypatch):
    monkeypatch.setenv("RASA_AUTH_TOKEN", TOKEN)
    await store.save(talk("+447700900123"))
    await store.save(talk("bob"))
    status, body = await call(store, f"Bearer {TOKEN}", "+447700900123")
    assert (status, body) == (200, {"deleted": 4})
    assert rows(db, "+447700900123") == 0
    assert rows(db, "bob") == 4
    assert await call(store, f"Bearer {TOKEN}", "+447700900123") == (
        200,
        {"deleted": 0},
    )


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer wrong-token", f"Basic {TOKEN}", f"{TOKEN}"],
)
async def test_the_api_refuses_without_the_right_token(
    db, store, monkeypatch, authorization
):
    monkeypatch.setenv("RASA_AUTH_TOKEN", TOKEN)
    await store.save(talk("alice"))
    status, body = await call(store, authorization)
    assert status == 401 and "deleted" not in body
    assert rows(db, "alice") == 4


@pytest.mark.parametrize("value", [None, ""])
async def test_the_api_is_closed_until_a_token_is_configured(
    db, store, monkeypatch, value
):
    if value is None:
        monkeypatch.delenv("RASA_AUTH_TOKEN", raising=False)
    else:
        monkeypatch.setenv("RASA_AUTH_TOKEN", value)
    await store.save(talk("alice"))
    for authorization in (None, "Bearer ", "Bearer None"):
        status, body = await call(store, authorization)
        assert status == 503 and "not configured" in body["error"].lower()
    assert rows(db, "alice") == 4


def test_the_token_is_compared_in_constant_time(monkeypatch):
    compared = []

    def spy(a, b):
        compared.append((a, b))
        return a == b

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    assert authorized(f"bearer {TOKEN}", TOKEN)
    assert not authorized("Bearer nope", TOKEN)
    assert compared == [(TOKEN.encode(), TOKEN.encode()), (b"nope", TOKEN.encode())]


def test_the_channel_is_registered_and_kept_by_the_credentials_generator():
    from rasa.core.run import _create_single_channel

    base = yaml.safe_load((ROOT / "credentials.yml").read_text())
    channel = "sciatica_rasa.privacy_api.PrivacyInput"
    assert channel in base
    content, _, _ = config.credentials(base, {})
    assert channel in content
    built = _create_single_channel(channel, content[channel])
    assert isinstance(built, PrivacyInput) and built.url_prefix() == "privacy"


# -- the endpoints file -------------------------------------------------------------


def test_the_embedded_endpoints_use_the_projects_store(db, monkeypatch):
    monkeypatch.setenv("TRACKER_DB", str(db))
    monkeypatch.setenv("ACTION_ENDPOINT_URL", "http://127.0.0.1:1/webhook")
    endpoints = read_endpoints_from_path(ROOT / "endpoints.yml")
    store = unwrap(TrackerStore.create(endpoints.tracker_store, Domain.empty()))
    assert type(store) is SciaticaSQLTrackerStore
    assert store.engine.url.database == str(db)


# -- retention ------------------------------------------------------------------------


async def three_people(store) -> None:
    """Alice went quiet 200 days ago, Bob talks today, Carol came back."""
    await store.save(talk("alice", NOW - 200 * DAY))
    await store.save(talk("bob", NOW))
    carol = talk("carol", NOW - 300 * DAY)
    await store.save(then(carol, UserUttered("I'm back", timestamp=NOW - DAY)))


async def test_purge_deletes_only_conversations_older_than_the_period(db, store):
    await three_people(store)
    result = await purge.purge(store, InMemoryLockStore(), NOW - 180 * DAY)
    assert result == purge.PurgeResult(conversations=1, events=4)
    assert (rows(db, "alice"), rows(db, "bob"), rows(db, "carol")) == (0, 4, 5)


async def test_a_dry_run_only_counts(db, store):
    await three_people(store)
    result = await purge.purge(
        store, InMemoryLockStore(), NOW - 100 * DAY, dry_run=True
    )
    assert result == purge.PurgeResult(conversations=1, events=0)
    assert rows(db, "alice") == 4


async def test_purge_waits_for_the_lock_and_spares_a_person_who_came_back(db, store):
    await store.save(talk("alice", NOW - 200 * DAY))
    locks = InMemoryLockStore()
    async with locks.lock("alice"):
        running = asyncio.create_task(purge.purge(store, locks, NOW - 180 * DAY))
        await asyncio.sleep(0.2)
        assert not running.done()  # found Alice, waiting for her lock
        alice = await store.retrieve("alice")
        await store.save(then(alice, UserUttered("hello again")))
    assert await running == purge.PurgeResult(conversations=0, events=0)
    assert rows(db, "alice") == 5


def endpoints_file(tmp_path: Path) -> Path:
    path = tmp_path / "endpoints.yml"
    path.write_text(
        "tracker_store:\n"
        "  type: sciatica_rasa.tracker_store.SciaticaSQLTrackerStore\n"
        "  dialect: sqlite\n"
        "  db: ${TRACKER_DB}\n"
    )
    return path


async def test_the_command_prints_counts_and_never_who(
    tmp_path, db, store, monkeypatch, capsys
):
    await three_people(store)
    monkeypatch.setenv("TRACKER_DB", str(db))
    path = endpoints_file(tmp_path)
    env = {"SCIATICA_RETENTION_DAYS": "250"}

    assert (
        await asyncio.to_thread(
            purge.main, ["--endpoints", str(path), "--dry-run"], env
        )
        == 0
    )
    assert (
        await asyncio.to_thread(
            purge.main, ["--endpoints", str(path), "--days", "100"], env
        )
        == 0
    )

    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Would delete 0 conversation(s) with no activity in the last 250 days.",
        "Deleted 1 conversation(s) (4 stored events) with no activity in the "
        "last 100 days.",
    ]
    assert rows(db, "alice") == 0 and rows(db, "bob") == 4


def test_the_retention_period_defaults_to_180_days():
    assert purge.retention_days({}) == 180
    assert purge.retention_days({"SCIATICA_RETENTION_DAYS": " 30 "}) == 30
    for bad in ("0", "-5", "six months"):
        with pytest.raises(ValueError):
            purge.retention_days({"SCIATICA_RETENTION_DAYS": bad})


def test_purge_refuses_a_store_it_cannot_purge(tmp_path, capsys):
    path = tmp_path / "endpoints.yml"
    path.write_text("action_endpoint:\n  url: http://127.0.0.1:1/webhook\n")
    assert purge.main(["--endpoints", str(path)], {}) == 2
    assert "no SQL tracker store" in capsys.readouterr().err


def test_purge_names_a_missing_variable_instead_of_failing(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.delenv("TRACKER_DB", raising=False)
    assert purge.main(["--endpoints", str(endpoints_file(tmp_path))], {}) == 2
    err = capsys.readouterr().err
    assert "Cannot read" in err and "TRACKER_DB" in err
