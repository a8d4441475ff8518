"""Which emergency numbers to show: from the channel, the server, or a default."""

from __future__ import annotations

import os

from rasa_sdk import Tracker

LOCALES = ("intl", "uk", "us", "eu")
DEFAULT_LOCALE = "intl"
ENV_VAR = "SCIATICA_LOCALE"


def locale_for(tracker: Tracker) -> str:
    """The locale for emergency numbers.

    A ``locale`` key in the latest message's metadata (sent by the web page or
    a channel) wins; then the ``SCIATICA_LOCALE`` environment variable of the
    action server; then ``intl``, which lists 999, 911 and 112.

    Args:
        tracker: The conversation.

    Returns:
        One of ``LOCALES``.
    """
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    for candidate in (metadata.get("locale"), os.environ.get(ENV_VAR)):
        if isinstance(candidate, str) and candidate.lower() in LOCALES:
            return candidate.lower()
    return DEFAULT_LOCALE


def localised(response: str, tracker: Tracker) -> str:
    """The name of the locale's variant of a response (``utter_x_uk``)."""
    return f"{response}_{locale_for(tracker)}"
