"""Today's date for the diary.

``SCIATICA_TODAY`` (an ISO date) pins it, for demonstrations and for the
end-to-end test that plays two visits days apart; otherwise the server's date.
"""

from __future__ import annotations

import datetime as dt
import os

ENV_VAR = "SCIATICA_TODAY"


def today() -> dt.date:
    """The date a check-in is recorded under."""
    pinned = os.environ.get(ENV_VAR)
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass  # a bad setting must not stop a check-in
    return dt.date.today()


def date_of(timestamp: float | None) -> dt.date | None:
    """The local date of an event's timestamp."""
    if timestamp is None:
        return None
    return dt.datetime.fromtimestamp(timestamp).date()
