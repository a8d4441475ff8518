"""The tracker store keeps the trackers it saved, and never hands out a stale one.

Each test compares against a second store on the same SQLite file with no
cache: what Rasa's own store would read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from sciatica_rasa.privacy import delete_events
from sciatica_rasa.tracker_store import SciaticaSQLTrackerStore
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


def _store(db: Path, domain: Domain, **kwargs) -> SciaticaSQLTrackerStore:
    return SciaticaSQLTrackerStore(domain, dialect="sqlite", db=str(db), **kwargs)


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "tracker.db"


@pytest.fixture
def store(db, domain) -> SciaticaSQLTrackerStore:
    return _store(db, domain)


@pytest.fixture
def reference(db, domain) -> SciaticaSQLTrackerStore:
    return _store(db, domain, cache_size=0)


def _turn(tracker: DialogueStateTracker, text: str, slot: str | None = None) -> None:
    tracker.update(UserUttered(text, {"name": "describe_symptoms"}))
    if slot:
        tracker.update(SlotSet("red_flag", slot))
    tracker.update(ActionExecuted("utter_ask_pain"))
    tracker.update(BotUttered(f"reply to {text}"))
    tracker.update(ActionExecuted("action_listen"))


def _conversation(sender: str = "person") -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, [])
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    _turn(tracker, "my leg hurts", slot="none")
    return tracker


async def _kept(store, sender: str = "person") -> DialogueStateTracker:
    """A tracker the store keeps: saved, read back, one more turn, saved."""
    await store.save(_conversation(sender))
    tracker = await store.retrieve(sender)
    _turn(tracker, "second message")
    await store.save(tracker)
    assert store._saved[sender].tracker is tracker
    return tracker


def _same(a: DialogueStateTracker, b: DialogueStateTracker) -> None:
    assert [e.as_dict() for e in a.events] == [e.as_dict() for e in b.events]
    assert a.current_state() == b.current_state()


async def test_the_next_message_gets_the_saved_tracker_without_a_read(store, reference):
    tracker = _conversation()
    await store.save(tracker)
    # The first turn's tracker holds ``action_session_start``, which comes
    # before SessionStarted and so is not read back: it is not kept.
    assert "person" not in store._saved
    tracker = await store.retrieve("person")
    _turn(tracker, "second message")
    await store.save(tracker)
    again = await store.retrieve("person")
    assert again is tracker
    _same(again, await reference.retrieve("person"))


async def test_a_write_by_another_instance_is_read_from_the_database(
    store, reference, db, domain
):
    tracker = await _kept(store)
    other = await reference.retrieve("person")
    _turn(other, "now both legs", slot="emergency")
    await reference.save(other)
    read = await store.retrieve("person")
    assert read is not tracker
    assert read.get_slot("red_flag") == "emergency"
    _same(read, await reference.retrieve("person"))


async def test_a_turn_that_fails_before_saving_leaves_nothing_behind(store, reference):
    await _kept(store)
    handed_out = await store.retrieve("person")
    _turn(handed_out, "this turn fails", slot="urgent")  # never saved
    read = await store.retrieve("person")
    assert read is not handed_out
    assert read.get_slot("red_flag") == "none"
    _same(read, await reference.retrieve("person"))


async def test_a_tracker_changed_after_its_save_is_not_handed_out(store, reference):
    tracker = await _kept(store)
    tracker.update(UserUttered("changed after the save"))
    read = await store.retrieve("person")
    assert read is not tracker
    _same(read, await reference.retrieve("person"))


async def test_a_deletion_elsewhere_means_no_conversation(store, reference):
    await _kept(store)
    delete_events(reference, "person")
    assert await store.retrieve("person") is None


async def test_a_deletion_through_this_store_forgets_the_tracker(store):
    await _kept(store)
    delete_events(store, "person")
    assert "person" not in store._saved
    assert await store.retrieve("person") is None


async def test_a_new_session_is_read_as_rasa_reads_it(store, reference):
    tracker = await _kept(store)
    tracker = await store.retrieve("person")
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    _turn(tracker, "back again")
    await store.save(tracker)
    read = await store.retrieve("person")
    # The kept tracker also holds the first session; the store reads only the
    # latest, like Rasa's, and so must the next message.
    assert read is not tracker
    assert len(read.events) < len(tracker.events)
    _same(read, await reference.retrieve("person"))
    _turn(read, "and a second message")
    await store.save(read)
    _same(await store.retrieve("person"), await reference.retrieve("person"))


async def test_a_new_model_domain_is_not_served_old_trackers(store, domain):
    tracker = await _kept(store)
    store.domain = Domain.load(str(ROOT / "domain"))
    assert await store.retrieve("person") is not tracker


async def test_the_cache_is_bounded_and_can_be_turned_off(db, domain):
    small = _store(db, domain, cache_size=2)
    for name in ("a", "b", "c"):
        await _kept(small, name)
    assert list(small._saved) == ["b", "c"]
    off = _store(db, domain, cache_size=0)
    await off.save(_conversation("d"))
    tracker = await off.retrieve("d")
    _turn(tracker, "second message")
    await off.save(tracker)
    assert not off._saved
    assert await off.retrieve("d") is not tracker


async def test_many_turns_through_the_cache_store_what_rasa_would(store, reference):
    tracker = await store.retrieve("person") or _conversation()
    await store.save(tracker)
    for turn in range(5):
        tracker = await store.retrieve("person")
        _turn(tracker, f"turn {turn}", slot="none" if turn % 2 else None)
        await store.save(tracker)
    _same(await store.retrieve("person"), await reference.retrieve("person"))
    assert len((await reference.retrieve("person")).events) == 3 + 4 + 5 * 4 + 2


async def test_a_failed_check_after_the_commit_keeps_the_turn_and_answers(
    store, reference, monkeypatch
):
    # The database goes away between the insert and the cache's check: the
    # turn is stored, so the save must not fail (a retry would store it twice).
    import sqlalchemy as sa

    tracker = await _kept(store)
    _turn(tracker, "third message")

    def gone(*_args):
        raise sa.exc.OperationalError("SELECT", {}, Exception("server closed"))

    monkeypatch.setattr(store, "_stored_state", gone)
    await store.save(tracker)
    assert "person" not in store._saved
    _same(await reference.retrieve("person"), tracker)


# -- a commit that fails with the connection ---------------------------------


def _commit_fails(store, monkeypatch, committed: bool) -> None:
    """The next sessions' commits fail as if the connection dropped, having
    stored the rows (the reply was lost) or not."""
    import sqlalchemy as sa

    real = store.sessionmaker

    def session_with_lost_commit():
        session = real()
        commit = session.commit

        def lost() -> None:
            if committed:
                commit()
            raise sa.exc.OperationalError(
                "COMMIT", {}, Exception("server closed the connection unexpectedly")
            )

        session.commit = lost
        return session

    monkeypatch.setattr(store, "sessionmaker", session_with_lost_commit)


async def test_a_commit_whose_reply_was_lost_answers_and_stores_the_turn_once(
    store, reference, monkeypatch
):
    tracker = await _kept(store)
    _turn(tracker, "third message")
    _commit_fails(store, monkeypatch, committed=True)
    await store.save(tracker)  # no error: a retry would store the message twice
    assert "person" not in store._saved
    stored = await reference.retrieve("person")
    _same(stored, tracker)
    texts = [e.text for e in stored.events if isinstance(e, UserUttered)]
    assert texts.count("third message") == 1


async def test_a_commit_that_stored_nothing_fails_the_turn(
    store, reference, monkeypatch
):
    import sqlalchemy as sa

    tracker = await _kept(store)
    before = len((await reference.retrieve("person")).events)
    _turn(tracker, "third message")
    _commit_fails(store, monkeypatch, committed=False)
    with pytest.raises(sa.exc.OperationalError):
        await store.save(tracker)
    assert len((await reference.retrieve("person")).events) == before


async def test_after_a_failed_commit_the_store_waits_for_the_database(
    store, reference, monkeypatch
):
    import sqlalchemy as sa

    from sciatica_rasa import tracker_store

    monkeypatch.setattr(tracker_store, "COMMIT_CHECK_PAUSE", 0)
    tracker = await _kept(store)
    _turn(tracker, "third message")
    _commit_fails(store, monkeypatch, committed=True)
    real, asked = store._stored, []

    def restarting(*args):
        asked.append(args)
        if len(asked) < 3:
            raise sa.exc.OperationalError("SELECT", {}, Exception("starting up"))
        return real(*args)

    monkeypatch.setattr(store, "_stored", restarting)
    await store.save(tracker)
    assert len(asked) == 3
    _same(await reference.retrieve("person"), tracker)


async def test_a_database_that_stays_down_after_a_failed_commit_fails_the_turn(
    store, monkeypatch
):
    import sqlalchemy as sa

    from sciatica_rasa import tracker_store

    monkeypatch.setattr(tracker_store, "COMMIT_CHECK_PAUSE", 0)
    tracker = await _kept(store)
    _turn(tracker, "third message")
    _commit_fails(store, monkeypatch, committed=True)
    asked = []

    def down(*args):
        asked.append(args)
        raise sa.exc.OperationalError("SELECT", {}, Exception("refused"))

    monkeypatch.setattr(store, "_stored", down)
    with pytest.raises(sa.exc.OperationalError):
        await store.save(tracker)
    assert len(asked) == tracker_store.COMMIT_CHECKS
