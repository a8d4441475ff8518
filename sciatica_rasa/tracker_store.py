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
* Reading and writing skip SQLAlchemy's object layer, with the same queries
  and rows as Rasa's (measured in bench/levers.md): a conversation is read as
  its ``data`` column alone (Rasa builds an ORM object per event and uses
  only that column), the stored events are counted with a plain
  ``count(*)``, and a turn's new events are inserted in one statement.
* The trackers it has just saved are kept in memory (``cache_size``, default
  256, 0 turns it off), so the next message need not read and replay the whole
  conversation. See :class:`_Saved` for why a kept tracker can never be stale.
* A commit that fails with the connection (a database restart) may have been
  stored all the same: the store looks, waiting for the database to come back,
  and answers the turn if it was (see :meth:`SciaticaSQLTrackerStore._committed`).

Rasa wraps every tracker store in ``FailSafeTrackerStore``, which on a database
error answers "no conversation" and saves into memory: the assistant would
greet a person mid-screening as a stranger and their answers would never reach
the database. :func:`fail_loudly` turns that off, so a database outage becomes
an error the channels answer with an apology (never a wrong answer).
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import json
import logging
from collections import OrderedDict
from typing import Any, Iterator, NamedTuple, NoReturn

import sqlalchemy as sa
from rasa.core.tracker_store import (
    FailSafeTrackerStore,
    SQLTrackerStore,
    create_engine_kwargs,
)
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from sciatica_rasa.constants import ACTION_DELETE_MY_DATA

logger = logging.getLogger(__name__)


class TrackerStoreUnavailable(Exception):
    """The tracker store could not be read or written; the turn is not answered."""


DEFAULT_CACHE_SIZE = 256
# After a failed commit: how many times, how far apart (seconds), to ask the
# database whether the turn was stored (20 by 0.5 s waits out a restart).
COMMIT_CHECKS = 20
COMMIT_CHECK_PAUSE = 0.5


class _Saved(NamedTuple):
    """A tracker this process saved, and the stored state it was saved as.

    ``state`` is (events in the latest session, newest event id, newest
    timestamp) of the sender's stored rows, read right after the save. The
    tracker is handed out again only if the rows still give the same state
    and the tracker still holds exactly that many events: any write by
    another process or instance (a message, a deletion, a purge) changes the
    state, and a tracker that also holds an earlier session's events (a new
    session started in the saved turn) never matches, so the next message
    reads the database as Rasa does. A tracker is removed from the cache when
    it is handed out and put back only when saved, so a turn that fails
    after changing it leaves nothing behind.
    """

    tracker: DialogueStateTracker
    state: tuple
    domain: Domain


class SciaticaSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store with connection checks and deletion on request."""

    def __init__(
        self, *args: Any, cache_size: int = DEFAULT_CACHE_SIZE, **kwargs: Any
    ) -> None:
        """Creates the store; arguments as for Rasa's ``SQLTrackerStore``.

        Args:
            *args: Passed to Rasa's ``SQLTrackerStore``.
            cache_size: How many saved trackers to keep (0: none).
            **kwargs: Passed to Rasa's ``SQLTrackerStore``.
        """
        super().__init__(*args, **kwargs)
        self._cache_size = max(0, int(cache_size))
        self._saved: OrderedDict[str, _Saved] = OrderedDict()
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

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The latest session, from the cache if nothing was stored since."""
        saved = self._saved.pop(sender_id, None)
        if saved is not None and saved.domain is self.domain:
            with self.session_scope() as session:
                state = self._stored_state(session, sender_id)
            if state == saved.state and len(saved.tracker.events) == state[0]:
                return saved.tracker
        return await super().retrieve(sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Saves the turn, or deletes the conversation if the person asked."""
        self.forget(tracker.sender_id)
        if deletion_requested(tracker):
            from sciatica_rasa.privacy import delete_events

            deleted = delete_events(self, tracker.sender_id)
            logger.info("Deleted a conversation on request (%d events).", deleted)
            return
        await self.stream_events(tracker)
        with self.session_scope() as session:
            rows = [
                _row(tracker.sender_id, event)
                for event in self._additional_events(session, tracker)
            ]
            try:
                if rows:
                    session.execute(sa.insert(self.SQLEvent.__table__), rows)
                session.commit()
            except sa.exc.DBAPIError as error:
                # A connection lost during the commit leaves it unknown whether
                # the turn was stored (a PostgreSQL restart did, in tests/prod).
                # Answering an error for a stored turn makes the person's retry
                # store the message twice, so look before failing.
                if not rows or not await self._committed(tracker.sender_id, rows[-1]):
                    raise
                logger.warning("Saved, though the commit failed: %r", error)
                return
            try:
                state = self._stored_state(session, tracker.sender_id)
            except sa.exc.SQLAlchemyError as error:
                # The turn is stored: failing now would answer an error for a
                # message that was kept, and the person's retry would store it
                # twice (a database restart between the two statements did,
                # in tests/prod). Only the kept tracker is given up.
                logger.warning("Saved, but not kept for the next turn: %r", error)
                return
        if self._cache_size and len(tracker.events) == state[0]:
            self._saved[tracker.sender_id] = _Saved(tracker, state, self.domain)
            while len(self._saved) > self._cache_size:
                self._saved.popitem(last=False)

    async def _committed(self, sender_id: str, row: dict[str, Any]) -> bool:
        """Whether a turn whose commit failed was stored after all.

        Asks the database whether the turn's last row is there, waiting for it
        to come back for up to ``COMMIT_CHECKS`` tries, ``COMMIT_CHECK_PAUSE``
        seconds apart (the event loop serves other people meanwhile).

        Args:
            sender_id: The conversation.
            row: The last row of the turn, as inserted.

        Returns:
            True if it was stored; False if it was not, or if the database did
            not answer in time (the turn is then answered with an error).
        """
        for attempt in range(COMMIT_CHECKS):
            if attempt:
                await asyncio.sleep(COMMIT_CHECK_PAUSE)
            try:
                return self._stored(sender_id, row["data"])
            except sa.exc.SQLAlchemyError:
                continue
        logger.error("Could not tell whether a turn was saved; answering an error.")
        return False

    def _stored(self, sender_id: str, data: str) -> bool:
        """Whether the conversation has an event stored with exactly ``data``."""
        with self.session_scope() as session:
            found = session.execute(
                self._statements["stored"], {"sender_id": sender_id, "data": data}
            ).first()
        return found is not None

    def forget(self, sender_id: str) -> None:
        """Drops a conversation's kept tracker (deletion, for one)."""
        self._saved.pop(sender_id, None)

    def _stored_state(self, session: Any, sender_id: str) -> tuple:
        """(events in the latest session, newest id, newest timestamp)."""
        if not self._cache_size:
            return (None, None, None)
        return tuple(
            session.execute(self._statements["state"], {"sender_id": sender_id}).one()
        )

    @functools.cached_property
    def _statements(self) -> dict[str, Any]:
        """Rasa's event queries (``_event_query``), built once, by sender.

        The events of the latest session (those from its newest
        ``session_started`` on, or all of them if none) or of all sessions;
        their ``data`` in order, and their number; the stored state a kept
        tracker is checked against (see :class:`_Saved`); and whether an event
        with given ``data`` is stored (see :meth:`_committed`).
        """
        table = self.SQLEvent.__table__
        sender = table.c.sender_id == sa.bindparam("sender_id")
        session_start = (
            sa.select(sa.func.max(table.c.timestamp))
            .where(sender, table.c.type_name == SessionStarted.type_name)
            .correlate(None)
            .scalar_subquery()
        )
        latest = sa.or_(table.c.timestamp >= session_start, session_start.is_(None))
        in_session = (
            sa.select(sa.func.count(table.c.id))
            .where(sender, latest)
            .correlate(None)
            .scalar_subquery()
        )
        return {
            "all": sa.select(table.c.data).where(sender).order_by(table.c.id),
            "latest": sa.select(table.c.data)
            .where(sender, latest)
            .order_by(table.c.id),
            "count": sa.select(sa.func.count(table.c.id)).where(sender, latest),
            "stored": sa.select(table.c.id)
            .where(sender, table.c.data == sa.bindparam("data"))
            .limit(1),
            "state": sa.select(
                in_session, sa.func.max(table.c.id), sa.func.max(table.c.timestamp)
            ).where(sender),
        }

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        """Rasa's query, reading only the events' ``data`` column."""
        query = self._statements["all" if fetch_events_from_all_sessions else "latest"]
        with self.session_scope() as session:
            rows = session.execute(query, {"sender_id": sender_id}).all()
            events = [json.loads(data) for (data,) in rows]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        return None

    def _additional_events(
        self, session: Any, tracker: DialogueStateTracker
    ) -> Iterator:
        """The tracker's events that are not stored yet (counted as Rasa does)."""
        stored = session.execute(
            self._statements["count"], {"sender_id": tracker.sender_id}
        ).scalar()
        return itertools.islice(tracker.events, stored, len(tracker.events))


def _row(sender_id: str, event: Any) -> dict[str, Any]:
    """An event as Rasa's ``SQLTrackerStore.save`` stores it."""
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {})
        .get("intent", {})
        .get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


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
