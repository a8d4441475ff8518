"""Slack: Rasa's connector with a configurable API URL and Block Kit buttons.

Credentials (``sciatica_rasa.channels.slack.SlackInput``): Rasa's keys
(``slack_token``, ``slack_signing_secret``, optional ``slack_channel``) and
optionally ``api_url`` (default https://slack.com/api/). Rasa checks the
``X-Slack-Signature`` of every request and refuses unsigned ones.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, List

from rasa.core.channels import slack
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from sciatica_rasa.channels.buttons import Button, fit_title, is_choice, is_web_link

logger = logging.getLogger(__name__)

SLACK_API_URL = "https://slack.com/api/"
# Block Kit limits: elements in an actions block, characters in a button text.
MAX_BUTTONS = 25
MAX_TITLE = 75


def button_elements(buttons: List[Button]) -> List[Dict[str, Any]]:
    """Block Kit button elements for the choice and http(s) link buttons.

    ``tel:`` buttons are left out (the numbers are in the message text); Rasa's
    own connector would fail on them, as they have no payload.
    """
    elements: List[Dict[str, Any]] = []
    for button in buttons:
        text = {
            "type": "plain_text",
            "text": fit_title(str(button["title"]), MAX_TITLE),
        }
        if is_choice(button):
            elements.append(
                {"type": "button", "text": text, "value": button["payload"]}
            )
        elif is_web_link(button):
            elements.append({"type": "button", "text": text, "url": button["url"]})
    return elements[:MAX_BUTTONS]


class SlackBot(slack.SlackBot):
    """Posts to the Slack Web API at a configurable URL."""

    def __init__(
        self,
        token: str,
        slack_channel: str | None = None,
        thread_id: str | None = None,
        proxy: str | None = None,
        api_url: str = SLACK_API_URL,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(token, proxy=proxy, base_url=api_url)

    async def send_text_with_buttons(
        self,
        recipient_id: str,
        text: str,
        buttons: List[Button],
        **kwargs: Any,
    ) -> None:
        """Sends the text with a row of Block Kit buttons (no ``tel:`` buttons)."""
        elements = button_elements(buttons)
        if not elements:
            await self.send_text_message(recipient_id, text, **kwargs)
            return
        await self._post_message(
            channel=self.slack_channel or recipient_id,
            as_user=True,
            text=text,
            blocks=[
                {"type": "section", "text": {"type": "plain_text", "text": text}},
                {"type": "actions", "elements": elements},
            ],
        )


class SlackInput(slack.SlackInput):
    """Rasa's Slack input with ``api_url`` and a plain-text URL verification."""

    api_url: str = SLACK_API_URL

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        """Builds the channel from its credentials entry."""
        channel = super().from_credentials(credentials)
        channel.api_url = (credentials or {}).get("api_url") or SLACK_API_URL
        return channel

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Rasa's blueprint; Slack's URL check gets the challenge as plain text."""
        blueprint = super().blueprint(on_new_message)
        webhook_path = f"/{self.url_prefix()}/webhook"

        @blueprint.middleware("request")
        async def url_verification(request: Request) -> HTTPResponse | None:
            if request.method != "POST" or not request.path.endswith(webhook_path):
                return None
            if request.headers.get("content-type") != "application/json":
                return None
            try:
                body = request.json or {}
            except Exception:  # malformed JSON: leave it to Rasa's handler
                return None
            if not isinstance(body, dict) or body.get("type") != "url_verification":
                return None
            if not self.is_request_from_slack_authentic(request):
                return None  # Rasa's handler refuses it
            return response.text(str(body.get("challenge", "")))

        return blueprint

    def get_output_channel(
        self, channel: str | None = None, thread_id: str | None = None
    ) -> OutputChannel:
        """The output channel, posting to ``api_url``."""
        return SlackBot(
            self.slack_token,
            channel or self.slack_channel,
            thread_id,
            self.proxy,
            api_url=self.api_url,
        )
