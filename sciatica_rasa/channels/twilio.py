"""Twilio (SMS, WhatsApp): Rasa's connector with a request signature check.

Credentials (``sciatica_rasa.channels.twilio.TwilioInput``): Rasa's keys
(``account_sid``, ``auth_token``, ``twilio_number``; for WhatsApp the number is
``whatsapp:+...``) and optionally ``webhook_url`` (the public URL Twilio posts
to, used to check the signature; needed behind a proxy, where the URL the server
sees differs) and ``api_url`` (default https://api.twilio.com).

Every webhook POST must carry a valid ``X-Twilio-Signature``; others get 403
and are not processed. There are no buttons: choices are listed as text.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, List

from rasa.core.channels import twilio
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator

from sciatica_rasa.channels.buttons import Button, choices_text

logger = logging.getLogger(__name__)

TWILIO_API_URL = "https://api.twilio.com"
SIGNATURE_HEADER = "X-Twilio-Signature"


class TwilioOutput(twilio.TwilioOutput):
    """Sends through the Twilio REST API at a configurable URL."""

    def __init__(
        self,
        account_sid: str | None,
        auth_token: str | None,
        twilio_number: str | None,
        api_url: str = TWILIO_API_URL,
    ) -> None:
        super().__init__(account_sid, auth_token, twilio_number)
        self.api.base_url = api_url.rstrip("/")

    async def send_text_with_buttons(
        self,
        recipient_id: str,
        text: str,
        buttons: List[Button],
        **kwargs: Any,
    ) -> None:
        """Sends the text with the choices as a line of text; no call buttons."""
        line = choices_text(buttons)
        await self.send_text_message(
            recipient_id, f"{text}\n{line}" if line else text, **kwargs
        )


class TwilioInput(twilio.TwilioInput):
    """Rasa's Twilio input, checking ``X-Twilio-Signature``."""

    webhook_url: str | None = None
    api_url: str = TWILIO_API_URL

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        """Builds the channel from its credentials entry."""
        channel = super().from_credentials(credentials)
        credentials = credentials or {}
        channel.webhook_url = credentials.get("webhook_url") or None
        channel.api_url = credentials.get("api_url") or TWILIO_API_URL
        return channel

    def is_signed(self, request: Request) -> bool:
        """Whether the request carries Twilio's signature of its URL and form.

        The URL is ``webhook_url`` when set, else the URL the server saw.
        """
        signature = request.headers.get(SIGNATURE_HEADER)
        if not signature or not self.auth_token:
            return False
        url = self.webhook_url or request.url
        return RequestValidator(self.auth_token).validate(url, request.form, signature)

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Rasa's blueprint, refusing unsigned webhook calls with 403."""
        blueprint = super().blueprint(on_new_message)
        webhook_path = f"/{self.url_prefix()}/webhook"

        @blueprint.middleware("request")
        async def check_signature(request: Request) -> HTTPResponse | None:
            if request.method != "POST" or not request.path.endswith(webhook_path):
                return None
            if self.is_signed(request):
                return None
            logger.warning("Twilio webhook refused: wrong X-Twilio-Signature.")
            return response.text("invalid signature", status=403)

        return blueprint

    def get_output_channel(self) -> TwilioOutput:
        """The output channel, sending to ``api_url``."""
        return TwilioOutput(
            self.account_sid, self.auth_token, self.twilio_number, self.api_url
        )
