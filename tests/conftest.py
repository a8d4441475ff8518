"""Shared fixtures: rasa-sdk trackers, a dispatcher and the loaded domain."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List

import pytest

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def domain_dict() -> Dict[str, Any]:
    """The project's domain as the action server receives it."""
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain")).as_dict()


def make_tracker(
    text: str = "",
    *,
    slots: Dict[str, Any] | None = None,
    intent: str = "",
    confidence: float = 1.0,
    entities: List[Dict[str, Any]] | None = None,
    active_loop: str | None = None,
    metadata: Dict[str, Any] | None = None,
    events: List[Dict[str, Any]] | None = None,
):
    """A rasa-sdk tracker whose latest message is ``text``."""
    from rasa_sdk import Tracker

    all_slots = {name: None for name in domain_dict()["slots"]}
    all_slots.update(slots or {})
    return Tracker(
        sender_id="test-user",
        slots=all_slots,
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "entities": entities or [],
            "metadata": metadata or {},
        },
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def red_flag_entity(concept: str, role: str = "present") -> Dict[str, Any]:
    """A ``red_flag_concept`` entity as RedFlagExtractor adds it."""
    return {"entity": "red_flag_concept", "value": concept, "role": role}


@pytest.fixture
def dispatcher():
    """A fresh CollectingDispatcher."""
    from rasa_sdk.executor import CollectingDispatcher

    return CollectingDispatcher()


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    """The loaded domain (dict form)."""
    return domain_dict()


@pytest.fixture(scope="session")
def detector():
    """The packaged red-flag detector (built once)."""
    from sciatica.redflags import RedFlagDetector

    return RedFlagDetector.default()


def responses(dispatcher) -> List[str]:
    """The response names a dispatcher was asked to send."""
    return [message.get("response") for message in dispatcher.messages]


def slot_events(events) -> Dict[str, Any]:
    """Slot name to value, for the SlotSet events in an action's result."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
