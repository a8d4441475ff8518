"""The operators' privacy API: delete one person's conversation on request.

For someone who cannot say "delete my data" in the chat themselves, for
example a Telegram or SMS user who asks by email. A Rasa input channel, so it
runs inside the Rasa server next to the conversations it deletes.

Route (under ``/webhooks/privacy``):
    ``DELETE /conversations/<sender_id>`` with ``Authorization: Bearer <token>``,
    where the token is the ``RASA_AUTH_TOKEN`` environment variable (the token
    of Rasa's HTTP API). Answers ``{"deleted": <number of stored events>}``;
    401 without the right token; 503 when ``RASA_AUTH_TOKEN`` is not set (the
    endpoint is never open).

The sender id is the channel's conversation id: the Telegram chat id, the
phone number for SMS (``+447700900123``; ``whatsapp:+447700900123`` for
WhatsApp), the Slack or Messenger user id. URL-encode it (``+`` is ``%2B``).
"""

from __future__ import annotations

import logging
import os
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from sciatica_rasa.auth import authorized
from sciatica_rasa.privacy import DeletionNotSupported, delete_conversation

logger = logging.getLogger(__name__)

TOKEN_VARIABLE = "RASA_AUTH_TOKEN"
MAX_SENDER_ID = 256


class PrivacyInput(InputChannel):
    """Serves the privacy API; it receives no chat messages."""

    @classmethod
    def name(cls) -> str:
        """The channel's name, which is also its URL prefix."""
        return "privacy"

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        """Builds the channel; it has no settings (the token is in the env)."""
        return cls()

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """The API's routes."""
        privacy = Blueprint("sciatica_privacy", __name__)

        # unquote: "%2B44..." is the sender id "+44..." (an SMS conversation).
        @privacy.route(
            "/conversations/<sender_id:str>", methods=["DELETE"], unquote=True
        )
        async def delete(request: Request, sender_id: str) -> HTTPResponse:
            return await self.delete(request, sender_id)

        return privacy

    @staticmethod
    async def delete(request: Request, sender_id: str) -> HTTPResponse:
        """Deletes ``sender_id``'s conversation for an authorised operator.

        Args:
            request: The request (its app holds the running agent).
            sender_id: The conversation to delete.

        Returns:
            ``{"deleted": <events>}``, or an error with its status.
        """
        token = os.environ.get(TOKEN_VARIABLE, "")
        if not token:
            return response.json(
                {"error": f"Not configured: set {TOKEN_VARIABLE}."}, status=503
            )
        if not authorized(request.headers.get("Authorization"), token):
            return response.json(
                {"error": "Send Authorization: Bearer <token>."},
                status=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not sender_id or len(sender_id) > MAX_SENDER_ID:
            return response.json(
                {"error": "The sender id is empty or too long."}, status=400
            )
        agent = getattr(request.app.ctx, "agent", None)
        if agent is None or agent.tracker_store is None:
            return response.json({"error": "The assistant is starting."}, status=503)
        try:
            deleted = await delete_conversation(agent, sender_id)
        except DeletionNotSupported as error:
            logger.error("Cannot delete conversations in %s.", error)
            return response.json(
                {"error": "Deleting is not available on this server."}, status=501
            )
        return response.json({"deleted": deleted})
