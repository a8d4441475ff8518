"""Measured speed-ups of Rasa 3.6 internals, installed with the first message.

``handle_safely`` (both input channels) installs them. Each one keeps Rasa's
behaviour and was measured with ``make bench`` and a py-spy profile of the Rasa
server (docs/benchmarks.md, "Levers tried").

* **The action server's answers are validated with a compiled schema.** Rasa's
  ``RemoteAction._validate_action_result`` calls ``jsonschema.validate`` on
  every custom action's answer, which checks the (large, draft 2020-12) event
  schema itself each time before using it: 19.6 ms per call here, about a third
  of the Rasa server's CPU per message. The same validator class is built once
  and reused: 0.8 ms per call, with the same errors.
  Each distinct event of an answer is checked once (an answer is valid if
  and only if each of its events is, under Rasa 3.6's schema): a form's
  answers repeat the same few slot events, and checking one event against
  the thirty event kinds of the schema took 0.5 ms. An event not seen yet
  is checked against the schema's event part; an answer found invalid goes
  through the whole schema, for Rasa's error.
* **Event classes are looked up by name in a dict.** Rasa's
  ``Event.resolve_by_type`` walks every subclass of ``Event`` (with
  ``inspect.isabstract`` on each) for every event it reads, so loading a
  conversation of 100 events from the tracker store took 5.5 ms. The first
  answer for each name is kept; names not seen yet (and unknown ones, with
  Rasa's error or default) still go through Rasa's lookup.
* **A conversation's past is replayed once, and then only its new events.**
  To predict the next action, RulePolicy (once or twice) and
  MemoizationPolicy each call ``Domain.states_for_tracker_history``, which
  replays every event of the conversation into a fresh tracker and reads a
  state at each action: the largest single cost in a profile at 20 users.
  The replay and its readings are kept per conversation (while the tracker
  is the same object and its applied events begin with the same event
  objects), so the other policies, the next prediction of the turn and, with
  the tracker store's kept trackers, the next message replay only what was
  added. Each call builds its states from the readings with Rasa's own steps,
  on copies, so every policy gets the states it got before.
* **Rasa's applied events are also worked out incrementally.** Each call
  of ``DialogueStateTracker.applied_events`` walks the whole conversation
  (and, for each run of a form, back through it); the processor and the
  replay call it several times per message. The result is kept per
  conversation, with the events it was worked out from and the forms they
  name, and only new events are walked, by Rasa's own steps, while the
  tracker is the same object, its earlier events are the same objects and
  no new form appears (a new form changes how earlier events are read:
  then it is worked out from the start).
* **RulePolicy stops checking its rules where they end.** To find the rules
  that fit, it filters all of them against every state of the conversation,
  from the newest back to the first, although a rule of n states can only
  fail on the newest n (Rasa's ``_is_rule_applicable`` answers yes for any
  state further back). The filter now stops after the longest rule's length:
  the same rules remain.
* **The domain is written as JSON once, not in every call to the action
  server.** Each call carries the whole domain (75 kB of JSON here) beside
  the conversation, and Rasa's HTTP client encoded both every time. The
  client now keeps the domain's text for the domain it was made from (the
  same object for as long as the model is loaded) and writes the rest around
  it: the same JSON document.
* **Slots are copied without the pickle protocol.** Every tracker Rasa
  builds (from the store, for each replay, for each action) copies all the
  domain's slots with ``copy.copy``, which goes through ``__reduce_ex__``;
  a slot is a plain object, so a new instance with the same attributes is
  the same copy (7% of the server's samples at 20 users).
"""

from __future__ import annotations

import functools
import logging
from collections import OrderedDict
from typing import Any, Callable, Dict, List, Tuple

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _action_result_validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


@functools.lru_cache(maxsize=1)
def _event_validator() -> Any:
    """The validator of one event, when the answer's schema is Rasa 3.6's.

    That schema is an object whose only constraints are ``events``, an array
    of events, and ``responses``, an array of objects; an answer is valid if
    and only if it is an object, its events (if any) are a list of valid
    events and its responses (if any) a list of objects. Any other schema:
    None, and every answer goes through the whole schema.
    """
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    properties = schema.get("properties", {})
    if (
        set(schema) != {"type", "properties"}
        or schema["type"] != "object"
        or set(properties) != {"events", "responses"}
        or set(properties["events"]) != {"type", "items"}
        or properties["events"]["type"] != "array"
        or properties["responses"] != {"type": "array", "items": {"type": "object"}}
    ):
        return None
    item = properties["events"]["items"]
    return _action_result_validator().evolve(schema=item)


# Events (as sorted JSON) found valid; cleared when it grows past the bound.
# Answers are parsed from the action server's JSON, so two events with the
# same JSON text have the same Python types, and the same validity.
_valid_events: set = set()
_VALID_EVENTS_KEPT = 4096


def _known_valid(result: Any) -> bool:
    """Whether an answer is valid, checking each distinct event once."""
    import json

    validator = _event_validator()
    if validator is None or not isinstance(result, dict):
        return False
    events = result.get("events", [])
    responses = result.get("responses", [])
    if not isinstance(events, list) or not isinstance(responses, list):
        return False
    if not all(isinstance(response, dict) for response in responses):
        return False
    for event in events:
        try:
            key = json.dumps(event, sort_keys=True)
        except (TypeError, ValueError):
            return False
        if key not in _valid_events:
            if not validator.is_valid(event):
                return False
            if len(_valid_events) >= _VALID_EVENTS_KEPT:
                _valid_events.clear()
            _valid_events.add(key)
    return True


def _validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    """Rasa's check of a custom action's answer, with the compiled schema."""
    from jsonschema import ValidationError
    from rasa.shared.constants import DOCS_BASE_URL

    if _known_valid(result):
        return True
    try:
        _action_result_validator().validate(result)
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            "For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise
    return True


_event_classes: Dict[str, Any] = {}
_rasa_resolve_by_type: Callable[..., Any] | None = None


def _resolve_event_type(type_name: str, default: Any = None) -> Any:
    """``Event.resolve_by_type`` with the classes found so far kept by name."""
    found = _event_classes.get(type_name)
    if found is not None:
        return found
    assert _rasa_resolve_by_type is not None
    found = _rasa_resolve_by_type(type_name, default)
    if found is not None and getattr(found, "type_name", None) == type_name:
        _event_classes[type_name] = found
    return found


# The replay of a tracker: the domain, the tracker, the
# applied events replayed, the replaying tracker after them, and what
# ``states_for_tracker_history`` reads at each action (and after the last
# event). A later call for the same tracker whose applied events begin with
# the same event objects replays only the events added since (the next
# prediction in the same turn).
_Turn = Tuple[bool, str | None, str | None, str | None, Any, Dict[str, Any]]
# One replay per conversation, for the most recent ones: with the tracker
# store's kept trackers (sciatica_rasa/tracker_store.py) the next message of
# the same conversation goes on from where its last prediction stopped.
_REPLAYS_KEPT = 256
_replays: OrderedDict[str, Dict[str, Any]] = OrderedDict()


def _remember(kept: OrderedDict, key: str, value: Dict[str, Any]) -> Dict[str, Any]:
    """Puts ``value`` last in ``kept``, dropping the oldest past the bound."""
    kept.pop(key, None)
    kept[key] = value
    while len(kept) > _REPLAYS_KEPT:
        kept.popitem(last=False)
    return value


def _reading(domain: Any, past: Any, hide_rule_turn: bool) -> _Turn:
    return (
        hide_rule_turn,
        past.followup_action,
        past.latest_action_name,
        past.active_loop_name,
        domain._get_prev_action_sub_state(past),
        domain.get_active_state(past),
    )


def _turns(domain: Any, tracker: Any) -> List[_Turn]:
    """What ``generate_all_prior_trackers`` yields, read; replayed incrementally."""
    from rasa.shared.core.events import ActionExecuted

    kept = _remember(_replays, tracker.sender_id, _replays.get(tracker.sender_id, {}))
    events = tracker.events
    same = kept.get("tracker") is tracker and kept.get("domain") is domain
    if (
        same
        and kept["length"] == len(events)
        and kept["newest"] is (events[-1] if events else None)
    ):
        return [*kept["turns"], kept["last"]]  # the same events: another policy
    applied = tracker.applied_events()
    done = kept.get("applied", [])
    if (
        same
        and len(done) <= len(applied)
        and all(a is b for a, b in zip(done, applied, strict=False))
    ):
        if len(done) == len(applied):
            return [*kept["turns"], kept["last"]]
        replay, turns, new = kept["replay"], kept["turns"], applied[len(done) :]
    else:
        replay, turns, new = tracker.init_copy(), [], applied
    for event in new:
        if isinstance(event, ActionExecuted):
            turns.append(_reading(domain, replay, event.hide_rule_turn))
        replay.update(event)
    last = _reading(domain, replay, False)
    kept.update(
        domain=domain,
        tracker=tracker,
        length=len(events),
        newest=events[-1] if events else None,
        applied=applied,
        replay=replay,
        turns=turns,
        last=last,
    )
    return [*turns, last]


# The longest rule (in states) of each rule lookup RulePolicy has asked about.
_longest_rule: Dict[int, Tuple[Any, int, int]] = {}


_rasa_get_possible_keys: Callable[..., Any] | None = None


def _get_possible_keys(self: Any, lookup: Dict[str, str], states: List[Any]) -> Any:
    """``RulePolicy._get_possible_keys``, over the states a rule can reach."""
    kept = _longest_rule.get(id(lookup))
    if kept is None or kept[0] is not lookup or kept[1] != len(lookup):
        longest = max((len(self._rule_key_to_state(key)) for key in lookup), default=0)
        kept = _longest_rule[id(lookup)] = (lookup, len(lookup), longest)
    possible_keys = set(lookup.keys())
    for i, state in enumerate(reversed(states)):
        if i >= kept[2]:
            break  # every rule is shorter: Rasa's filter keeps them all
        possible_keys = {
            key for key in possible_keys if self._is_rule_applicable(key, i, state)
        }
    return possible_keys


_rasa_applied_events: Callable[..., Any] | None = None
_applied: OrderedDict[str, Dict[str, Any]] = OrderedDict()


def _applied_events(self: Any) -> List[Any]:
    """``DialogueStateTracker.applied_events``, walking only new events."""
    from rasa.shared.core.events import (
        ActionExecuted,
        ActionReverted,
        ActiveLoop,
        Restarted,
        SessionStarted,
        UserUtteranceReverted,
        UserUttered,
    )
    from rasa.shared.core.trackers import DialogueStateTracker

    assert _rasa_applied_events is not None
    if type(self) is not DialogueStateTracker:
        return _rasa_applied_events(self)
    events = self.events
    kept = _applied.pop(self.sender_id, None)
    new: List[Any] = list(events)
    if (
        kept is not None
        and kept["tracker"] is self
        and 0 < kept["count"] <= len(events)
        and events[kept["count"] - 1] is kept["last"]
    ):
        added = new[kept["count"] :]
        names = {e.name for e in added if isinstance(e, ActiveLoop) and e.name}
        if names <= kept["loops"]:
            new, applied, loops = added, kept["applied"], kept["loops"]
        else:
            kept = None
    else:
        kept = None
    if kept is None:
        applied = []
        loops = frozenset(e.name for e in new if isinstance(e, ActiveLoop) and e.name)
    # Rasa 3.6's steps, on the events not walked yet.
    for event in new:
        if isinstance(event, (Restarted, SessionStarted)):
            applied = []
        elif isinstance(event, ActionReverted):
            self._undo_till_previous(ActionExecuted, applied)
        elif isinstance(event, UserUtteranceReverted):
            self._undo_till_previous(UserUttered, applied)
            self._undo_till_previous(ActionExecuted, applied)
        elif (
            isinstance(event, ActionExecuted)
            and event.action_name in loops
            and not self._first_loop_execution_or_unhappy_path(
                event.action_name, applied
            )
        ):
            self._undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)
    if events:
        _remember(
            _applied,
            self.sender_id,
            {
                "tracker": self,
                "count": len(events),
                "last": events[-1],
                "loops": loops,
                "applied": applied,
            },
        )
    return list(applied)


def _copy_state(state: Dict[str, Any]) -> Dict[str, Any]:
    # Rasa's callers change a state's sub-states in place (the last user input,
    # rule-only slots), never the values inside them.
    return {
        name: dict(sub_state) if isinstance(sub_state, dict) else sub_state
        for name, sub_state in state.items()
    }


def _states_for_tracker_history(
    self: Any,
    tracker: Any,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: Dict[str, Any] | None = None,
) -> List[Dict[str, Any]]:
    """``Domain.states_for_tracker_history`` over the kept replay.

    The steps are Rasa 3.6's, in its order, on a copy of each kept state.
    """
    from rasa.shared.core.constants import PREVIOUS_ACTION
    from rasa.shared.core.trackers import DialogueStateTracker

    if omit_unset_slots or type(tracker) is not DialogueStateTracker:
        # Training's trackers compute states as they go: Rasa's own way.
        assert _rasa_states_for_tracker_history is not None
        return _rasa_states_for_tracker_history(
            self, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data
        )
    states: List[Dict[str, Any]] = []
    last_ml_action_sub_state = None
    turn_was_hidden = False
    for (
        hide_rule_turn,
        followup_action,
        latest_action_name,
        active_loop_name,
        prev_action_sub_state,
        active_state,
    ) in _turns(self, tracker):
        if ignore_rule_only_turns:
            if not turn_was_hidden:
                last_ml_action_sub_state = prev_action_sub_state
            if not followup_action and latest_action_name != active_loop_name:
                turn_was_hidden = hide_rule_turn
            if turn_was_hidden:
                continue
        state = _copy_state(active_state)
        if ignore_rule_only_turns:
            self._remove_rule_only_features(state, rule_only_data)
            if states:
                self._substitute_rule_only_user_input(state, states[-1])
            if last_ml_action_sub_state:
                state[PREVIOUS_ACTION] = last_ml_action_sub_state
        states.append(self._clean_state(state))
    return states


_rasa_states_for_tracker_history: Callable[..., Any] | None = None


def _copy_slot(slot: Any) -> Any:
    """``copy.copy`` of a slot: a new instance sharing the attribute values."""
    copied = object.__new__(type(slot))
    copied.__dict__.update(slot.__dict__)
    return copied


# The domain last encoded, and its JSON.
_domain_json: Dict[str, Any] = {}


def _encode(value: Any) -> str:
    """JSON text of value: ``ujson`` (a Rasa and Sanic requirement), else ``json``.

    ``ujson`` writes the same JSON about three times as fast (a conversation of
    160 events: 0.89 ms with ``json``, 0.28 ms); anything it cannot encode goes
    to ``json``, which raises the error Rasa would have raised.
    """
    import json

    try:
        import ujson

        return ujson.dumps(value)
    except Exception:  # json gives the same result, or raises the error
        return json.dumps(value)


def _dumps(payload: Any) -> str:
    """``json.dumps`` for the action server's calls, the domain encoded once."""
    domain = payload.get("domain") if isinstance(payload, dict) else None
    if not isinstance(domain, dict):
        return _encode(payload)
    if _domain_json.get("domain") is not domain:
        _domain_json["text"] = _encode(domain)
        _domain_json["domain"] = domain
    rest = _encode({key: value for key, value in payload.items() if key != "domain"})
    separator = ", " if rest != "{}" else ""
    return f'{rest[:-1]}{separator}"domain": {_domain_json["text"]}}}'


def _session(self: Any) -> Any:
    """Rasa's ``EndpointConfig.session``, encoding JSON with ``_dumps``."""
    import aiohttp
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT

    auth = None
    if self.basic_auth:
        auth = aiohttp.BasicAuth(
            self.basic_auth["username"], self.basic_auth["password"]
        )
    return aiohttp.ClientSession(
        headers=self.headers,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        json_serialize=_dumps,
    )


def install() -> None:
    """Installs the speed-ups (idempotent: installing twice changes nothing)."""
    global _rasa_resolve_by_type, _rasa_states_for_tracker_history
    global _rasa_applied_events, _rasa_get_possible_keys
    from rasa.core.actions.action import RemoteAction
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.slots import Slot
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    RemoteAction._validate_action_result = _validate_action_result
    EndpointConfig.session = _session
    keys = RulePolicy.__dict__["_get_possible_keys"]
    if keys is not _get_possible_keys:
        _rasa_get_possible_keys = keys
        RulePolicy._get_possible_keys = _get_possible_keys
    Slot.__copy__ = _copy_slot
    applied = DialogueStateTracker.__dict__["applied_events"]
    if applied is not _applied_events:
        _rasa_applied_events = applied
        DialogueStateTracker.applied_events = _applied_events
    history = Domain.__dict__["states_for_tracker_history"]
    if history is not _states_for_tracker_history:
        _rasa_states_for_tracker_history = history
        Domain.states_for_tracker_history = _states_for_tracker_history
    resolve = Event.__dict__["resolve_by_type"].__func__
    if resolve is not _resolve_event_type:
        _rasa_resolve_by_type = resolve
        Event.resolve_by_type = staticmethod(_resolve_event_type)
        logger.debug("Installed the speed-ups.")
