"""The measured speed-ups keep Rasa's and spaCy's behaviour."""

import random

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
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


@pytest.fixture(scope="module")
def story_trackers():
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.generator import TrainingDataGenerator
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.shared.core.training_data import loading
    from rasa.shared.core.training_data.structures import StoryGraph

    from tests.conftest import ROOT

    domain = Domain.load(str(ROOT / "domain"))
    steps = [
        step
        for folder in ("stories", "rules")
        for step in loading.load_data_from_resource(str(ROOT / "data" / folder), domain)
    ]
    generated = TrainingDataGenerator(
        StoryGraph(steps), domain, augmentation_factor=0, remove_duplicates=False
    ).generate()
    # As the server has them: plain trackers (training's own kind computes
    # states as it goes, with the domain).
    trackers = [
        DialogueStateTracker.from_events(
            tracker.sender_id, list(tracker.events), domain.slots
        )
        for tracker in generated
    ]
    return domain, trackers


def test_the_kept_replay_gives_every_policy_rasas_states(story_trackers, installed):
    domain, trackers = story_trackers
    rasa_states = speedups._rasa_states_for_tracker_history
    rule_only = {
        "rule_only_slots": ["screen_saddle", "screen_sexual"],
        "rule_only_loops": ["screening_form", "checkin_form"],
    }
    assert len(trackers) > 50
    for tracker in trackers:
        for ignore in (False, True):
            for data in (None, rule_only):
                expected = rasa_states(
                    domain, tracker, ignore_rule_only_turns=ignore, rule_only_data=data
                )
                assert expected == domain.states_for_tracker_history(
                    tracker, ignore_rule_only_turns=ignore, rule_only_data=data
                )


def test_a_policy_changing_its_states_does_not_change_the_next_policys(
    story_trackers, installed
):
    domain, trackers = story_trackers
    tracker = max(trackers, key=lambda t: len(t.events))
    first = domain.states_for_tracker_history(tracker)
    expected = speedups._rasa_states_for_tracker_history(domain, tracker)
    for state in first:
        for sub_state in state.values():
            sub_state.clear()
    assert domain.states_for_tracker_history(tracker) == expected


def test_the_replay_is_read_again_when_the_conversation_moves_on(
    story_trackers, installed
):
    from rasa.shared.core.events import ActionExecuted

    domain, trackers = story_trackers
    tracker = trackers[0].copy()
    before = domain.states_for_tracker_history(tracker)
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("hi", intent={"name": "greet", "confidence": 1.0}))
    after = domain.states_for_tracker_history(tracker)
    assert after == speedups._rasa_states_for_tracker_history(domain, tracker)
    assert len(after) == len(before) + 1


def test_the_store_writes_and_reads_the_rows_rasa_does(tmp_path):
    import asyncio
    import sqlite3

    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SessionStarted
    from rasa.shared.core.trackers import DialogueStateTracker

    from sciatica_rasa.tracker_store import SciaticaSQLTrackerStore

    ours = SciaticaSQLTrackerStore(
        Domain.empty(), dialect="sqlite", db=str(tmp_path / "ours.db")
    )
    rasas = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "r.db"))
    tracker = DialogueStateTracker.from_events("rows", [])
    turns = [
        [ActionExecuted("action_session_start"), SessionStarted(timestamp=1.0)],
        [UserUttered("hi", {"name": "greet", "confidence": 1.0}, timestamp=2.0)],
        [SlotSet("pain_score", 4, timestamp=3.0), ActionExecuted("utter_greet")],
        [SessionStarted(timestamp=4.0), UserUttered("again", timestamp=5.0)],
    ]
    for events in turns:
        for event in events:
            tracker.update(event)
        for store in (ours, rasas):
            asyncio.run(store.save(tracker))

    def rows(name):
        with sqlite3.connect(tmp_path / name) as connection:
            return connection.execute(
                "SELECT sender_id, type_name, timestamp, intent_name, action_name, "
                "data FROM events ORDER BY id"
            ).fetchall()

    assert rows("ours.db") == rows("r.db")
    for all_sessions in (False, True):
        read = asyncio.run(ours._retrieve("rows", all_sessions))
        expected = asyncio.run(rasas._retrieve("rows", all_sessions))
        assert list(read.events) == list(expected.events)
    assert asyncio.run(ours._retrieve("nobody", False)) is None


def test_the_action_call_is_the_same_json_with_the_domain_encoded_once(installed):
    import json

    domain = {"slots": {"pain_score": {"type": "float"}}, "forms": {}}
    call = {"next_action": "validate_screening_form", "tracker": {"events": []}}
    for payload in (
        {**call, "domain": domain},
        {**call, "domain": domain},  # the kept text
        {**call, "domain": {"slots": {}}},  # another model's domain
        {"domain": domain},
        call,
        [1, 2],
        {**call, "text": "caf\u00e9 \U0001f600 </b>", "score": 0.1 + 0.2, "n": 2**70},
    ):
        assert json.loads(speedups._dumps(payload)) == payload


def test_what_json_cannot_encode_raises_the_error_json_raises():
    with pytest.raises(TypeError):
        speedups._dumps({"next_action": "x", "tracker": {1, 2}})


async def test_the_action_server_client_encodes_with_the_kept_domain(installed):
    from rasa.utils.endpoints import EndpointConfig

    async with EndpointConfig("http://localhost:5055/webhook").session() as session:
        assert session._json_serialize is speedups._dumps


def test_slots_are_copied_as_copy_copy_copied_them(story_trackers):
    import copy

    from rasa.shared.core.slots import Slot

    domain, _ = story_trackers
    assert "__copy__" not in Slot.__dict__ or Slot.__copy__ is speedups._copy_slot
    saved = Slot.__dict__.get("__copy__")
    if saved is not None:
        del Slot.__copy__
    try:
        expected = [copy.copy(slot) for slot in domain.slots]
    finally:
        speedups.install()
    copied = [copy.copy(slot) for slot in domain.slots]
    assert Slot.__copy__ is speedups._copy_slot
    assert len({type(slot) for slot in copied}) > 2
    for slot, ours, rasas in zip(domain.slots, copied, expected, strict=True):
        assert type(ours) is type(rasas)
        assert vars(ours) == vars(rasas)
        assert ours is not slot
    copied[0].value = "changed"
    assert domain.slots[0].value != "changed"


def test_states_stay_rasas_as_a_conversation_grows_event_by_event(
    story_trackers, installed
):
    # Each event added is a later prediction in the same turn (the replay goes
    # on from where it stopped) or, when a form runs again and Rasa's applied
    # events drop earlier ones, a replay from the start.
    from rasa.shared.core.trackers import DialogueStateTracker

    domain, trackers = story_trackers
    rasa_states = speedups._rasa_states_for_tracker_history
    forms = [t for t in trackers if any(e.type_name == "active_loop" for e in t.events)]
    assert forms
    for story in forms + trackers[:20]:
        tracker = DialogueStateTracker(story.sender_id, domain.slots)
        for event in story.events:
            tracker.update(event)
            _assert_applied_events_are_rasas(tracker)
            for ignore in (True, False):
                assert domain.states_for_tracker_history(
                    tracker, ignore_rule_only_turns=ignore
                ) == rasa_states(domain, tracker, ignore_rule_only_turns=ignore)


def test_a_form_running_again_replays_from_the_start(story_trackers, installed):
    # Rasa's applied events drop the turn between two runs of a form on its
    # happy path: what was replayed is no longer the start of the conversation.
    from rasa.shared.core.events import ActionExecuted, ActiveLoop

    domain, _ = story_trackers
    listen, form = ActionExecuted("action_listen"), "screening_form"
    events = [
        listen,
        UserUttered("start", {"name": "affirm", "confidence": 1.0}),
        ActionExecuted(form),
        ActiveLoop(form),
        SlotSet("requested_slot", "screen_saddle"),
        ActionExecuted("action_listen"),
        UserUttered("no", {"name": "deny", "confidence": 1.0}),
        ActionExecuted(form),
        SlotSet("screen_saddle", False),
        SlotSet("requested_slot", "screen_sexual"),
        ActionExecuted("action_listen"),
        UserUttered("no", {"name": "deny", "confidence": 1.0}),
        ActionExecuted(form),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
        ActionExecuted("utter_greet"),
    ]
    tracker = DialogueStateTracker("form", domain.slots)
    dropped = 0
    for event in events:
        before = tracker.applied_events()
        tracker.update(event)
        dropped += len(tracker.applied_events()) <= len(before)
        _assert_applied_events_are_rasas(tracker)
        for ignore in (True, False):
            assert domain.states_for_tracker_history(
                tracker, ignore_rule_only_turns=ignore
            ) == speedups._rasa_states_for_tracker_history(
                domain, tracker, ignore_rule_only_turns=ignore
            )
    assert dropped == 2


def test_conversations_in_turn_keep_their_own_replays(story_trackers, installed):
    domain, trackers = story_trackers
    stories = sorted(trackers, key=lambda t: -len(t.events))[:3]
    growing = [
        DialogueStateTracker(f"person-{i}", domain.slots) for i in range(len(stories))
    ]
    for step in range(max(len(story.events) for story in stories)):
        for story, tracker in zip(stories, growing, strict=True):
            if step < len(story.events):
                tracker.update(list(story.events)[step])
            assert domain.states_for_tracker_history(
                tracker
            ) == speedups._rasa_states_for_tracker_history(domain, tracker)
    assert all(f"person-{i}" in speedups._replays for i in range(len(stories)))


def _assert_applied_events_are_rasas(tracker):
    ours = tracker.applied_events()
    rasas = speedups._rasa_applied_events(tracker)
    assert len(ours) == len(rasas)
    assert all(a is b for a, b in zip(ours, rasas, strict=True))


def test_applied_events_follow_rasa_through_reverts_restarts_and_new_forms(installed):
    from rasa.shared.core.events import (
        ActionExecuted,
        ActionReverted,
        ActiveLoop,
        Restarted,
        UserUtteranceReverted,
    )

    events = [
        ActionExecuted("action_listen"),
        UserUttered("hi", {"name": "greet", "confidence": 1.0}),
        ActionExecuted("utter_greet"),
        ActionReverted(),
        ActionExecuted("interview_form"),
        ActionExecuted("action_listen"),
        UserUttered("oops"),
        UserUtteranceReverted(),
        # A form named only now: its earlier run is read again as a form's.
        ActiveLoop("interview_form"),
        ActionExecuted("action_listen"),
        UserUttered("it hurts"),
        ActionExecuted("interview_form"),
        Restarted(),
        ActionExecuted("action_listen"),
        UserUttered("hello again"),
    ]
    tracker = DialogueStateTracker("reverts", [])
    for event in events:
        tracker.update(event)
        _assert_applied_events_are_rasas(tracker)
    assert len(speedups._applied["reverts"]["applied"]) == 2


def test_rule_policy_finds_the_rules_rasa_finds(story_trackers, installed):
    import json

    from rasa.core.policies.rule_policy import RulePolicy

    domain, trackers = story_trackers
    rasa_states = speedups._rasa_states_for_tracker_history

    class Rules:  # RulePolicy's own checks, without a trained model
        _rule_key_to_state = staticmethod(RulePolicy._rule_key_to_state)
        _does_rule_match_state = staticmethod(RulePolicy._does_rule_match_state)
        _is_rule_applicable = RulePolicy._is_rule_applicable

    histories = [rasa_states(domain, tracker) for tracker in trackers]
    # Rules of every length from one state to a whole story's, as RulePolicy
    # keys them (JSON of the states).
    lookup = {
        json.dumps(states[-length:], sort_keys=True): "action"
        for states in histories
        for length in (1, 2, 3, len(states))
        if states
    }
    # Rules that fail only on a story's first state, the furthest back a
    # rule reaches.
    other_start = {"prev_action": {"action_name": "utter_never_said"}}
    for states in histories:
        if len(states) > 1:
            lookup[json.dumps([other_start, *states[1:]], sort_keys=True)] = "x"
    policy = Rules()
    assert max(len(json.loads(key)) for key in lookup) > 5
    found = 0
    for states in histories:
        ours = speedups._get_possible_keys(policy, lookup, states)
        assert ours == speedups._rasa_get_possible_keys(policy, lookup, states)
        found += len(ours)
    assert found > len(histories)


@pytest.mark.parametrize(
    "answer",
    [
        {},
        {"events": [], "responses": []},
        {"events": [{"event": "slot", "name": "pain_score", "value": 6}]},
        {"events": [{"event": "slot", "name": "pain_score", "value": 6}]},  # kept
        {"events": [{"event": "slot", "name": "pain_score", "value": None}]},
        {"events": [{"event": "active_loop", "name": None}], "extra": 1},
        {"events": [{"event": "followup", "name": "utter_greet"}]},
        {"events": [{"event": "user", "text": "hi", "parse_data": {}}]},
        {"responses": [{"response": "utter_greet"}, {"text": "hello"}]},
        # Invalid:
        {"events": [{"event": "slot", "name": "pain_score"}]},
        {"events": [{"event": "slot", "value": 1}]},
        {"events": [{"event": "no_such_event"}]},
        {"events": [{"name": "pain_score"}]},
        {"events": {"event": "slot", "name": "x", "value": 1}},
        {"events": None},
        {"events": ["slot"]},
        {"responses": ["utter_greet"]},
        {"responses": {"response": "utter_greet"}},
        {"events": [{"event": "slot", "name": "x", "value": 1, "timestamp": "now"}]},
        {"events": [{"event": "slot", "name": "x", "value": {1, 2}}]},
        [],
    ],
)
def test_answers_checked_event_by_event_pass_and_fail_as_rasas(installed, answer):
    rasas = speedups._action_result_validator().is_valid(answer)
    try:
        ours = RemoteAction("action_x", None)._validate_action_result(answer)
    except jsonschema.ValidationError:
        ours = False
    except TypeError:  # an answer JSON cannot carry (a set)
        ours = False
    assert ours == rasas
    assert speedups._event_validator() is not None
