"""Retention: deletes the conversations nobody has added to for a set time.

Run it from cron or a systemd timer, with the same endpoints file and
environment as the Rasa server (``TRACKER_DB`` for the embedded SQLite store)::

    python -m sciatica_rasa.purge --endpoints endpoints.yml --days 180
    python -m sciatica_rasa.purge --endpoints endpoints.yml --dry-run

``--days`` defaults to the ``SCIATICA_RETENTION_DAYS`` environment variable,
else 180. A conversation goes when its newest stored event is older than that:
one query finds them, then each is deleted while holding its lock from the
endpoints' lock store and only if it is still that old (the person may have
come back meanwhile). The lock only keeps the server out if they share a lock
store (Redis); with Rasa's in-memory lock store the re-check inside the delete
is what protects a conversation that comes back to life.

It prints one line with the counts, never a sender id or any message text.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import warnings
from dataclasses import dataclass
from typing import List, Mapping, Sequence

import sqlalchemy as sa
from rasa.core.lock_store import LockStore
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.core.utils import AvailableEndpoints, read_endpoints_from_path
from rasa.shared.core.domain import Domain
from rasa.shared.exceptions import RasaException

from sciatica_rasa.privacy import DeletionNotSupported, unwrap

RETENTION_VARIABLE = "SCIATICA_RETENTION_DAYS"
DEFAULT_DAYS = 180
SECONDS_PER_DAY = 86400


@dataclass(frozen=True)
class PurgeResult:
    """What a purge found or deleted."""

    conversations: int
    events: int


def retention_days(env: Mapping[str, str]) -> int:
    """The retention period in days, from ``SCIATICA_RETENTION_DAYS``.

    Args:
        env: The environment.

    Returns:
        The configured number of days, or 180 when it is unset or empty.

    Raises:
        ValueError: If the variable is set to something other than a whole
            number of days of at least 1.
    """
    raw = (env.get(RETENTION_VARIABLE) or "").strip()
    if not raw:
        return DEFAULT_DAYS
    return positive_days(raw)


def positive_days(raw: str) -> int:
    """A whole number of days of at least 1.

    Args:
        raw: The number as written.

    Returns:
        The number.

    Raises:
        ValueError: If ``raw`` is not such a number.
    """
    days = int(raw)
    if days < 1:
        raise ValueError(f"the retention period must be at least 1 day, not {days}")
    return days


def sql_store(store: TrackerStore) -> SQLTrackerStore:
    """The SQL tracker store inside Rasa's wrappers.

    Raises:
        DeletionNotSupported: If the store is not an SQL store.
    """
    inner = unwrap(store)
    if not isinstance(inner, SQLTrackerStore):
        raise DeletionNotSupported(type(inner).__name__)
    return inner


def stale_senders(store: TrackerStore, before: float) -> List[str]:
    """The conversations whose newest stored event is older than ``before``.

    Args:
        store: The tracker store (an SQL store, wrapped or not).
        before: A Unix time.

    Returns:
        Their sender ids.
    """
    sql = sql_store(store)
    event = sql.SQLEvent
    with sql.session_scope() as session:
        rows = (
            session.query(event.sender_id)
            .group_by(event.sender_id)
            .having(sa.func.max(event.timestamp) < before)
            .all()
        )
    return [row[0] for row in rows]


def delete_if_stale(store: TrackerStore, sender_id: str, before: float) -> int:
    """Deletes ``sender_id``'s events if its newest is still older than ``before``.

    The check and the delete are one transaction.

    Args:
        store: The tracker store (an SQL store, wrapped or not).
        sender_id: The conversation.
        before: A Unix time.

    Returns:
        The number of events deleted (0 if the conversation came back to life).
    """
    sql = sql_store(store)
    event = sql.SQLEvent
    with sql.session_scope() as session:
        newest = (
            session.query(sa.func.max(event.timestamp))
            .filter(event.sender_id == sender_id)
            .scalar()
        )
        if newest is None or newest >= before:
            return 0
        deleted = (
            session.query(event)
            .filter(event.sender_id == sender_id)
            .delete(synchronize_session=False)
        )
        session.commit()
    return int(deleted)


async def purge(
    tracker_store: TrackerStore,
    lock_store: LockStore,
    before: float,
    dry_run: bool = False,
) -> PurgeResult:
    """Deletes every conversation with no event since ``before``.

    Args:
        tracker_store: The tracker store (an SQL store, wrapped or not).
        lock_store: The lock store the Rasa server uses.
        before: A Unix time.
        dry_run: Only count what would be deleted.

    Returns:
        The conversations and events deleted (or, for a dry run, the
        conversations that would be, and no events).
    """
    senders = stale_senders(tracker_store, before)
    if dry_run:
        return PurgeResult(conversations=len(senders), events=0)
    conversations = events = 0
    for sender_id in senders:
        async with lock_store.lock(sender_id):
            deleted = delete_if_stale(tracker_store, sender_id, before)
        if deleted:
            conversations += 1
            events += deleted
    return PurgeResult(conversations=conversations, events=events)


def stores(endpoints: AvailableEndpoints) -> tuple[TrackerStore, LockStore]:
    """The tracker store and lock store the endpoints file configures."""
    tracker_store = TrackerStore.create(endpoints.tracker_store, Domain.empty())
    sql_store(tracker_store)
    return tracker_store, LockStore.create(endpoints.lock_store)


def parse_args(
    argv: Sequence[str] | None, env: Mapping[str, str]
) -> argparse.Namespace:
    """The command line (``--days`` defaults to ``SCIATICA_RETENTION_DAYS``)."""
    parser = argparse.ArgumentParser(
        prog="python -m sciatica_rasa.purge",
        description="Delete conversations with no activity for a number of days.",
    )
    parser.add_argument("--endpoints", default="endpoints.yml")
    parser.add_argument(
        "--days",
        type=positive_days,
        default=None,
        help=f"retention in days (default: ${RETENTION_VARIABLE}, else {DEFAULT_DAYS})",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="only count what would be deleted"
    )
    args = parser.parse_args(argv)
    if args.days is None:
        try:
            args.days = retention_days(env)
        except ValueError as error:
            parser.error(f"{RETENTION_VARIABLE}: {error}")
    return args


def report(result: PurgeResult, days: int, dry_run: bool) -> str:
    """The one-line summary (counts only)."""
    period = "day" if days == 1 else f"{days} days"
    if dry_run:
        return (
            f"Would delete {result.conversations} conversation(s) "
            f"with no activity in the last {period}."
        )
    return (
        f"Deleted {result.conversations} conversation(s) ({result.events} stored "
        f"events) with no activity in the last {period}."
    )


def main(
    argv: Sequence[str] | None = None,
    env: Mapping[str, str] | None = None,
    now: float | None = None,
) -> int:
    """Runs the purge; returns the exit status.

    Args:
        argv: The arguments (default: the command line).
        env: The environment (default: ``os.environ``).
        now: The current Unix time (default: the clock).
    """
    env = os.environ if env is None else env
    args = parse_args(argv, env)
    # Rasa's and SQLAlchemy's deprecation notices would crowd the one line.
    warnings.simplefilter("ignore", DeprecationWarning)
    try:
        endpoints = read_endpoints_from_path(args.endpoints)
    except RasaException as error:
        # E.g. a ${VARIABLE} the file uses is unset (it names the variable).
        print(f"Cannot read {args.endpoints}: {error}", file=sys.stderr)
        return 2
    try:
        tracker_store, lock_store = stores(endpoints)
    except DeletionNotSupported as error:
        print(
            f"Cannot purge: {args.endpoints} configures no SQL tracker store "
            f"({error}).",
            file=sys.stderr,
        )
        return 2
    before = (time.time() if now is None else now) - args.days * SECONDS_PER_DAY
    result = asyncio.run(purge(tracker_store, lock_store, before, args.dry_run))
    print(report(result, args.days, args.dry_run))
    return 0


if __name__ == "__main__":
    sys.exit(main())
