"""Never silence, never a 500: what the channels do around every message.

* Text is cleaned before the assistant reads it: control characters go, lone
  surrogates become U+FFFD. A message with no words gets
  ``utter_empty_message``; one longer than :data:`MAX_MESSAGE_CHARS` gets
  ``utter_message_too_long`` (which repeats the emergency advice, since a long
  message may hold a red flag the assistant did not read).
* While the action server does not answer its health check, messages are not
  processed: the person gets the apology with the emergency numbers (REST:
  503) and can send the message again; nothing half-done is stored.
* If a custom action fails anyway (the server went down mid-turn), Rasa logs the error
  and carries on without that action's messages: an emergency message could
  silently go missing. A log handler notices the failure within the turn and
  the person gets ``utter_service_unavailable``: an apology with the emergency
  numbers.
* If the message can't be handled at all (the database is down; see
  :func:`sciatica_rasa.tracker_store.fail_loudly`), the person gets the same
  apology and the channel reports the failure (REST answers 503).

Message text is never logged here.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import re
import time
import unicodedata
from contextvars import ContextVar
from typing import Any, Awaitable, Callable, Dict, List, Tuple

import aiohttp
from rasa.core.channels.channel import OutputChannel, UserMessage

from sciatica_rasa import speedups
from sciatica_rasa.tracker_store import fail_loudly

logger = logging.getLogger(__name__)

# Longest message read; longer ones get utter_message_too_long.
MAX_MESSAGE_CHARS = 10_000

RESPONSE_UNAVAILABLE = "utter_service_unavailable"
RESPONSE_EMPTY = "utter_empty_message"
RESPONSE_TOO_LONG = "utter_message_too_long"

# Control characters other than tab and newline (C0, DEL, C1).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without control characters and with lone surrogates replaced."""
    text = _SURROGATE.sub("\N{REPLACEMENT CHARACTER}", text)
    return unicodedata.normalize("NFC", _CONTROL.sub(" ", text))


def check_text(text: str) -> Tuple[str, str | None]:
    """Cleans a message and says which response answers it instead, if any.

    Args:
        text: The message as received (a ``str``).

    Returns:
        The cleaned text and ``None`` if the assistant should read it, or the
        name of the response to send instead (empty or too long).
    """
    cleaned = clean_text(text)
    if not cleaned.strip():
        return cleaned, RESPONSE_EMPTY
    if len(cleaned) > MAX_MESSAGE_CHARS:
        return cleaned, RESPONSE_TOO_LONG
    return cleaned, None


# -- noticing failed actions ---------------------------------------------------

# Set by handle_safely for the duration of one message (one asyncio task).
_turn: ContextVar[Dict[str, bool] | None] = ContextVar("turn", default=None)

_PROCESSOR_LOGGER = "rasa.core.processor"


class _ActionFailureWatch(logging.Handler):
    """Marks the current turn failed when Rasa logs a failed action run."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.funcName == "_run_action" and record.exc_info:
            state = _turn.get()
            if state is not None:
                state["action_failed"] = True


_WATCH = _ActionFailureWatch(level=logging.ERROR)


def watch_action_failures() -> None:
    """Installs the failed-action watch on Rasa's processor logger (once)."""
    processor_logger = logging.getLogger(_PROCESSOR_LOGGER)
    if _WATCH not in processor_logger.handlers:
        processor_logger.addHandler(_WATCH)


# -- responses from the domain -------------------------------------------------


def response_message(agent: Any, name: str) -> Dict[str, Any]:
    """The first (only) variant of domain response ``name``.

    Raises:
        KeyError: If the loaded model's domain has no such response.
    """
    variants = agent.domain.responses[name]
    variant = variants[0]
    message: Dict[str, Any] = {"text": variant["text"]}
    if variant.get("buttons"):
        message["buttons"] = variant["buttons"]
    return message


def response_messages(agent: Any, name: str, recipient_id: str) -> List[Dict]:
    """Domain response ``name`` as the REST channel returns messages."""
    message = response_message(agent, name)
    return [{"recipient_id": recipient_id, **message}]


async def send(output: OutputChannel, recipient_id: str, agent: Any, name: str) -> None:
    """Sends domain response ``name`` through ``output``; never raises."""
    try:
        await output.send_response(recipient_id, response_message(agent, name))
    except Exception as error:  # the apology itself failed: log, don't crash
        logger.error("Could not send %s (%s).", name, type(error).__name__)


# -- is the action server there? ----------------------------------------------

# A successful check is trusted for this long (seconds).
ACTIONS_CHECK_TTL = 2.0
ACTIONS_CHECK_TIMEOUT = 2.0
_actions_ok_at: Dict[str, float] = {}


def health_url(action_url: str) -> str:
    """The action server's health route next to its ``/webhook``."""
    base = action_url.rstrip("/")
    if base.endswith("/webhook"):
        base = base[: -len("/webhook")]
    return f"{base}/health"


async def actions_reachable(agent: Any) -> bool:
    """Whether the action server is there (a health check, cached briefly).

    A turn whose custom actions fail is saved without their events, which can
    leave the conversation in a state the policies loop on; so a message is
    not processed at all while the action server is down (the person gets
    the apology and can send it again). Only a refused connection or a
    gateway error (nginx: no live action server) counts as down; a slow
    answer under load does not. Concurrent messages share one check.
    """
    endpoint = getattr(agent, "action_endpoint", None)
    url = getattr(endpoint, "url", None)
    if not url:
        return True
    now = time.monotonic()
    if now - _actions_ok_at.get(url, -ACTIONS_CHECK_TTL) < ACTIONS_CHECK_TTL:
        return True
    check = _checks.get(url)
    if check is None:
        check = asyncio.ensure_future(_check(url))
        _checks[url] = check
        check.add_done_callback(lambda _: _checks.pop(url, None))
    ok = await asyncio.shield(check)
    if ok:
        _actions_ok_at[url] = time.monotonic()
    else:
        _actions_ok_at.pop(url, None)
    return ok


_checks: Dict[str, asyncio.Future[bool]] = {}


async def _check(url: str) -> bool:
    timeout = aiohttp.ClientTimeout(total=ACTIONS_CHECK_TIMEOUT)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.get(health_url(url)) as response,
        ):
            return response.status not in (502, 503, 504)
    except asyncio.TimeoutError:
        logger.warning("The action server is slow to answer its health check.")
        return True
    except (aiohttp.ClientError, OSError):
        return False


class ActionServerUnavailable(Exception):
    """The action server did not answer its health check."""


# -- handling one message --------------------------------------------------------


class Outcome(enum.Enum):
    """How a message went."""

    ANSWERED = "answered"
    # A custom action failed; the person got what worked plus the apology.
    ACTION_FAILED = "action_failed"
    # Nothing was processed or saved (database down, model not loaded...).
    FAILED = "failed"


async def handle_safely(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    message: UserMessage,
    agent: Any,
    apologise: bool = True,
) -> Outcome:
    """Runs ``on_new_message`` and makes sure the person is never left silent.

    Args:
        on_new_message: Rasa's handler for a channel's messages.
        message: The cleaned message.
        agent: The running agent (for the apology's text).
        apologise: Whether to send the apology through the message's output
            channel when something failed (REST sends it itself).

    Returns:
        How the message went.
    """
    watch_action_failures()
    fail_loudly(agent)
    speedups.install()
    state = {"action_failed": False}
    token = _turn.set(state)
    try:
        if not await actions_reachable(agent):
            raise ActionServerUnavailable()
        await on_new_message(message)
        outcome = Outcome.ACTION_FAILED if state["action_failed"] else Outcome.ANSWERED
    except Exception as error:
        # No message text here: only what failed.
        logger.error(
            "Could not handle a message on %s (%s).",
            message.input_channel,
            type(error).__name__,
            exc_info=logger.isEnabledFor(logging.DEBUG),
        )
        outcome = Outcome.FAILED
    finally:
        _turn.reset(token)
    if outcome is not Outcome.ANSWERED:
        logger.warning(
            "Sent the apology with the emergency numbers (%s).", outcome.value
        )
        if apologise and agent is not None:
            await send(
                message.output_channel, message.sender_id, agent, RESPONSE_UNAVAILABLE
            )
    return outcome
