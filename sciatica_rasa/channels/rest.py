"""REST: Rasa's REST channel, refusing bad requests and never answering 500.

Same name and route as Rasa's (``POST /webhooks/rest/webhook`` with
``{"sender": "...", "message": "..."}``); registered in the credentials as
``sciatica_rasa.channels.rest.RestInput``. Differences:

* Malformed requests get a 4xx with a JSON ``{"error": ...}`` saying what to
  send: a body that is not UTF-8 JSON (400), not an object (400), a missing or
  non-string ``sender`` or ``message`` (400), a ``metadata`` that is not an
  object (400), a body over :data:`MAX_BODY_BYTES` (413). Unknown fields are
  ignored; ``input_channel`` is always ``rest`` (a caller can't pass its
  messages off as the web page's).
* Messages with no words, or too long to read, get a polite reply (see
  :mod:`sciatica_rasa.safety_net`) and are not stored.
* A failed action adds the apology with the emergency numbers; a message that
  could not be handled at all answers 503 with that apology (and nothing the
  assistant may have said before the failure, since it was not saved).
* With a token configured (``token`` in the credentials or the
  ``SCIATICA_REST_TOKEN`` environment variable), requests must carry
  ``Authorization: Bearer <token>``; 401 otherwise.
* The message text is never logged.
"""

from __future__ import annotations

import json
import logging
import os
import re
from typing import Any, Awaitable, Callable, Dict, List, Tuple

from rasa.core.channels.channel import (
    CollectingOutputChannel,
    InputChannel,
    UserMessage,
)
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from sciatica_rasa import safety_net
from sciatica_rasa.auth import authorized

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
SENDER = re.compile(r"^[^\x00-\x1f\x7f]{1,128}$")
TOKEN_ENV = "SCIATICA_REST_TOKEN"
USAGE = 'Send JSON like {"sender": "<your conversation id>", "message": "<text>"}.'


class BadRequest(Exception):
    """A request the channel refuses, with the status and what to send."""

    def __init__(self, status: int, error: str) -> None:
        super().__init__(error)
        self.status = status
        self.error = error


def parse_body(body: bytes) -> Tuple[str, str, Dict[str, Any]]:
    """The sender, message and metadata of a REST request body.

    Args:
        body: The raw request body.

    Returns:
        The sender id, the message text (not yet cleaned) and the metadata.

    Raises:
        BadRequest: With the status and a message saying what to send.
    """
    if len(body) > MAX_BODY_BYTES:
        raise BadRequest(413, f"The request is too large. {USAGE}")
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadRequest(400, f"The body must be UTF-8 encoded JSON. {USAGE}") from None
    except ValueError:
        raise BadRequest(400, f"The body is not valid JSON. {USAGE}") from None
    if not isinstance(data, dict):
        raise BadRequest(400, f"The body must be a JSON object. {USAGE}")
    sender = data.get("sender")
    if not isinstance(sender, str) or not SENDER.match(sender):
        raise BadRequest(
            400, f'"sender" must be a string of 1 to 128 printable characters. {USAGE}'
        )
    message = data.get("message")
    if not isinstance(message, str):
        raise BadRequest(400, f'"message" must be a string. {USAGE}')
    metadata = data.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise BadRequest(400, '"metadata", if given, must be a JSON object.')
    return sender, message, metadata


class RestInput(InputChannel):
    """The REST channel (``/webhooks/rest/webhook``), hardened."""

    @classmethod
    def name(cls) -> str:
        """Rasa's REST channel name, so the route and stored channel stay ``rest``."""
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        """Builds the channel; the token comes from the credentials or env."""
        credentials = credentials or {}
        return cls(token=credentials.get("token") or os.environ.get(TOKEN_ENV))

    def __init__(self, token: str | None = None) -> None:
        """Creates the channel, requiring ``token`` when one is given."""
        self.token = token or None
        self.app: Any = None

    def _authorised(self, request: Request) -> bool:
        if self.token is None:
            return True
        return authorized(request.headers.get("Authorization"), self.token)

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """The health route and the webhook."""
        rest = Blueprint("sciatica_rest", __name__)

        @rest.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @rest.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self._authorised(request):
                return response.json(
                    {"error": "Send the REST token: Authorization: Bearer <token>."},
                    status=401,
                )
            try:
                sender, text, metadata = parse_body(request.body)
            except BadRequest as bad:
                return response.json({"error": bad.error}, status=bad.status)
            agent = getattr(request.app.ctx, "agent", None)
            if agent is None or not agent.is_ready():
                return response.json(
                    {"error": "The assistant is starting; try again shortly."},
                    status=503,
                    headers={"Retry-After": "10"},
                )
            text, instead = safety_net.check_text(text)
            if instead is not None:
                return response.json(
                    safety_net.response_messages(agent, instead, sender)
                )
            collector = CollectingOutputChannel()
            message = UserMessage(
                text, collector, sender, input_channel=self.name(), metadata=metadata
            )
            outcome = await safety_net.handle_safely(
                on_new_message, message, agent, apologise=False
            )
            apology = safety_net.response_messages(
                agent, safety_net.RESPONSE_UNAVAILABLE, sender
            )
            if outcome is safety_net.Outcome.FAILED:
                return response.json(apology, status=503, headers={"Retry-After": "5"})
            messages: List[Dict[str, Any]] = collector.messages
            if outcome is safety_net.Outcome.ACTION_FAILED:
                messages = messages + apology
            return response.json(messages)

        return rest
