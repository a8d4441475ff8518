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
* **Event classes are looked up by name in a dict.** Rasa's
  ``Event.resolve_by_type`` walks every subclass of ``Event`` (with
  ``inspect.isabstract`` on each) for every event it reads, so loading a
  conversation of 100 events from the tracker store took 5.5 ms. The first
  answer for each name is kept; names not seen yet (and unknown ones, with
  Rasa's error or default) still go through Rasa's lookup.
"""

from __future__ import annotations

import functools
import logging
from typing import Any, Callable, Dict

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _action_result_validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    """Rasa's check of a custom action's answer, with the compiled schema."""
    from jsonschema import ValidationError
    from rasa.shared.constants import DOCS_BASE_URL

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


def install() -> None:
    """Installs the speed-ups (idempotent: installing twice changes nothing)."""
    global _rasa_resolve_by_type
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    RemoteAction._validate_action_result = _validate_action_result
    resolve = Event.__dict__["resolve_by_type"].__func__
    if resolve is not _resolve_event_type:
        _rasa_resolve_by_type = resolve
        Event.resolve_by_type = staticmethod(_resolve_event_type)
        logger.debug("Installed the speed-ups.")
