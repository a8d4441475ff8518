"""The project's tracker store: Rasa's SQL store, made safe for health data.

Used by both modes (``endpoints.yml``: SQLite; ``endpoints.prod.yml``:
PostgreSQL). Differences from ``rasa.core.tracker_store.SQLTrackerStore``:

* Pooled PostgreSQL connections are checked before use (``pool_pre_ping``), so
  the first requests after a database restart do not fail on dead sockets.
* SQLite runs with a write-ahead log (see ``_sqlite_write_ahead_log``) and
  keeps its connections open in a small pool.
* When the turn being saved ran ``action_delete_my_data``, the person's stored
  conversation is deleted instead of saved (the save already runs under the
  conversation's lock, so nothing can be half-written).

Rasa wraps every tracker store in ``FailSafeTrackerStore``, which on a database
error answers "no conversation" and saves into memory: the assistant would
greet a person mid-screening as a stranger and their answers would never reach
the database. :func:`fail_loudly` turns that off, so a database outage becomes
an error the channels answer with an apology (never a wrong answer).
"""

from __future__ import annotations

import logging
from typing import Any, NoReturn

import sqlalchemy as sa
from rasa.core.tracker_store import (
    FailSafeTrackerStore,
    SQLTrackerStore,
    create_engine_kwargs,
)
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from sciatica_rasa.constants import ACTION_DELETE_MY_DATA

logger = logging.getLogger(__name__)


class TrackerStoreUnavailable(Exception):
    """The tracker store could not be read or written; the turn is not answered."""


class SciaticaSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store with connection checks and deletion on request."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Creates the store; arguments as for Rasa's ``SQLTrackerStore``."""
        super().__init__(*args, **kwargs)
        url = self.engine.url
        if url.get_backend_name() == "postgresql":
            self.engine.dispose()
            self.engine = sa.create_engine(
                url, pool_pre_ping=True, **create_engine_kwargs(url)
            )
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        elif url.get_backend_name() == "sqlite":
            # SQLAlchemy 1.4 opens and closes a file database's connection for
            # every session (NullPool), several times per message, each time
            # setting the pragmas again. A small pool keeps connections open
            # (measured in bench/levers.md). A pooled connection may be used
            # by another thread than the one that opened it (a purge run from
            # a script's thread, for one), hence check_same_thread off.
            self.engine.dispose()
            self.engine = sa.create_engine(
                url,
                poolclass=sa.pool.QueuePool,
                pool_size=2,
                max_overflow=8,
                connect_args={"check_same_thread": False},
            )
            sa.event.listen(self.engine, "connect", _sqlite_write_ahead_log)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Saves the turn, or deletes the conversation if the person asked."""
        if deletion_requested(tracker):
            from sciatica_rasa.privacy import delete_events

            deleted = delete_events(self, tracker.sender_id)
            logger.info("Deleted a conversation on request (%d events).", deleted)
            return
        await super().save(tracker)


def _sqlite_write_ahead_log(connection: Any, _record: Any) -> None:
    """Write-ahead log, synced at checkpoints rather than at every commit.

    SQLite's default syncs the file twice per commit, i.e. per message. With a
    write-ahead log and ``synchronous=NORMAL`` a crash of the server loses
    nothing; a power cut can lose the last turns, never corrupt the file.
    """
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def deletion_requested(tracker: DialogueStateTracker) -> bool:
    """Whether ``action_delete_my_data`` ran since the person's latest message."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if (
            isinstance(event, ActionExecuted)
            and event.action_name == ACTION_DELETE_MY_DATA
        ):
            return True
    return False


def _raise(error: Exception) -> NoReturn:
    raise TrackerStoreUnavailable(type(error).__name__) from error


def fail_loudly(agent: Any) -> None:
    """Makes the agent's tracker store raise on errors instead of forgetting.

    Idempotent; safe to call before every message.

    Args:
        agent: The running Rasa agent (or ``None`` before it is loaded).
    """
    store = getattr(agent, "tracker_store", None)
    if (
        isinstance(store, FailSafeTrackerStore)
        and store._on_tracker_store_error is not _raise
    ):
        store._on_tracker_store_error = _raise
