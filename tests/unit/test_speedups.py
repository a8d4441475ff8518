"""The measured speed-ups keep Rasa's and spaCy's behaviour."""

import random

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, SlotSet, UserUttered
from spacy.lookups import load_lookups

from sciatica import nlp
from sciatica_rasa import speedups


def test_word_log_probs_equal_spacys_table():
    table = load_lookups("en", ["lexeme_prob"]).get_table("lexeme_prob")
    compact = nlp._tables()[0]
    words = ["bladder", "ladder", "sciatica", "wieght", "the", "qzxv", "numbness"]
    keys = random.Random(1).sample(list(table.keys()), 2000)
    assert len(table) == len(compact._keys)
    for word in words:
        assert compact.get(word, -25.0) == table.get(word, -25.0)
    for key in keys:
        index = int(compact._keys.searchsorted(key))
        assert compact._values[index] == table[key]


def test_spelling_is_still_fixed_with_the_compact_table():
    fixer = nlp.SpellingFixer(["bladder", "weight"])
    assert fixer.fix("bladdr") == "bladder"
    assert fixer.fix("wieght") == "weight"
    assert fixer.fix("ladder") == "ladder"


@pytest.fixture
def installed():
    speedups.install()
    speedups.install()  # twice: still Rasa's lookup underneath, no recursion


def test_event_classes_are_found_as_rasa_finds_them(installed):
    assert Event.resolve_by_type("slot") is SlotSet
    assert Event.resolve_by_type("slot") is SlotSet
    assert Event.resolve_by_type("user") is UserUttered
    assert Event.resolve_by_type("nonsense", default=SlotSet) is SlotSet
    assert "nonsense" not in speedups._event_classes
    with pytest.raises(ValueError):
        Event.resolve_by_type("nonsense")
    events = [{"event": "slot", "name": "pain_score", "value": 4}]
    assert Event.from_parameters(events[0]) == SlotSet("pain_score", 4)


def test_the_compiled_validator_accepts_what_rasa_accepts(installed):
    result = {
        "events": [
            {"event": "slot", "name": "pain_score", "value": 6},
            {"event": "active_loop", "name": None},
        ],
        "responses": [{"response": "utter_greet"}],
    }
    assert RemoteAction._validate_action_result is speedups._validate_action_result
    assert RemoteAction("action_x", None)._validate_action_result(result)


def test_the_compiled_validator_rejects_what_rasa_rejects(installed):
    bad = {"events": [{"event": "slot", "name": "pain_score"}]}
    with pytest.raises(jsonschema.ValidationError) as error:
        RemoteAction("action_x", None)._validate_action_result(bad)
    assert "Failed to validate Action server response" in error.value.message
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, RemoteAction.action_response_format_spec())


def test_the_sqlite_store_writes_ahead(tmp_path):
    import sqlite3

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from sciatica_rasa.tracker_store import SciaticaSQLTrackerStore

    db = tmp_path / "tracker.db"
    store = SciaticaSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(db))
    tracker = DialogueStateTracker.from_events("wal", [UserUttered("hello")])
    import asyncio

    asyncio.run(store.save(tracker))
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1
    assert len(asyncio.run(store.retrieve("wal")).events) == 1


def test_the_sqlite_store_keeps_its_connection_open(tmp_path):
    import asyncio

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    from sciatica_rasa.tracker_store import SciaticaSQLTrackerStore

    store = SciaticaSQLTrackerStore(
        Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db")
    )
    connects = []
    sa_event = __import__("sqlalchemy").event
    sa_event.listen(store.engine, "connect", lambda *_: connects.append(1))
    tracker = DialogueStateTracker.from_events("pool", [])
    for turn in range(3):
        tracker.update(UserUttered(f"hi {turn}"))
        asyncio.run(store.save(tracker))
        asyncio.run(store.retrieve("pool"))
    assert len(connects) <= 1
    assert len(asyncio.run(store.retrieve("pool")).events) == 3
