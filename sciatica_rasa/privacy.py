"""Deleting a person's conversation from the tracker store."""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa.core import jobs
from rasa.core.tracker_store import (
    InMemoryTrackerStore,
    SQLTrackerStore,
    TrackerStore,
)
from rasa.shared.core.constants import ACTION_NAME_SENDER_ID_CONNECTOR_STR

logger = logging.getLogger(__name__)


class DeletionNotSupported(Exception):
    """The configured tracker store has no way to delete a conversation here."""


def unwrap(store: Any) -> Any:
    """The tracker store inside Rasa's wrappers (awaitable, fail-safe)."""
    seen = 0
    while hasattr(store, "_tracker_store") and seen < 5:
        store = store._tracker_store
        seen += 1
    return store


def delete_events(store: TrackerStore, sender_id: str) -> int:
    """Removes every stored event of ``sender_id``.

    Args:
        store: The agent's tracker store (wrapped or not).
        sender_id: The conversation to delete.

    Returns:
        How many stored events (or trackers, for the in-memory store) went.

    Raises:
        DeletionNotSupported: For tracker stores other than SQL and in-memory.
    """
    inner = unwrap(store)
    forget = getattr(inner, "forget", None)
    if forget is not None:
        forget(sender_id)
    if isinstance(inner, SQLTrackerStore):
        with inner.session_scope() as session:
            deleted = (
                session.query(inner.SQLEvent)
                .filter(inner.SQLEvent.sender_id == sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
        return int(deleted)
    if isinstance(inner, InMemoryTrackerStore):
        return 1 if inner.store.pop(sender_id, None) is not None else 0
    raise DeletionNotSupported(type(inner).__name__)


async def delete_conversation(agent: Any, sender_id: str) -> int:
    """Deletes a conversation while holding its lock, so no turn is half-written.

    Args:
        agent: The running Rasa agent.
        sender_id: The conversation to delete.

    Returns:
        The number of stored events removed.
    """
    async with agent.lock_store.lock(sender_id):
        deleted = delete_events(agent.tracker_store, sender_id)
        cancelled = cancel_reminders(sender_id)
    logger.info(
        "Deleted a conversation on request (%d stored events, %d reminders).",
        deleted,
        cancelled,
    )
    return deleted


def reminder_job_pattern(sender_id: str) -> re.Pattern[str]:
    """Rasa's scheduler job names for the reminders of ``sender_id`` only.

    Rasa names a job ``[<hashes>]<connector><sender_id>``; its own
    ``ReminderCancelled`` matches the id as a prefix (``123`` would also
    cancel ``1234``'s reminders), so this matches the whole name.
    """
    return re.compile(
        r"\[[\d\-]*,[\d\-]*,[\d\-]*\]"
        + re.escape(ACTION_NAME_SENDER_ID_CONNECTOR_STR + sender_id)
    )


def cancel_reminders(sender_id: str) -> int:
    """Removes the scheduled reminders of ``sender_id`` from Rasa's scheduler.

    A reminder left scheduled would start a new conversation for the deleted
    person when it fires. Only this process's scheduler is reached (Rasa keeps
    reminders in memory); without one there is nothing to cancel.

    Args:
        sender_id: The conversation whose reminders go.

    Returns:
        How many scheduled reminders were removed.
    """
    scheduler = getattr(jobs, "__scheduler", None)
    if scheduler is None:
        return 0
    pattern = reminder_job_pattern(sender_id)
    cancelled = 0
    for job in scheduler.get_jobs():
        if pattern.fullmatch(job.name or ""):
            scheduler.remove_job(job.id)
            cancelled += 1
    return cancelled
