"""Telegram: Rasa's connector with a configurable API URL and safe buttons.

Credentials (``sciatica_rasa.channels.telegram.TelegramInput``): ``access_token``,
``verify`` (the bot's username), ``webhook_url`` (the public URL of
``/webhooks/telegram/webhook``), and optionally ``api_url`` (default
https://api.telegram.org) and ``secret_token`` (sent by Telegram in the
``X-Telegram-Bot-Api-Secret-Token`` header of every update; checked when set).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from typing import Any, Awaitable, Callable, Dict, List

import aiohttp
from aiogram.bot.api import Methods, TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels import telegram
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from sciatica_rasa.channels.buttons import Button, choices, is_choice, is_web_link

logger = logging.getLogger(__name__)

TELEGRAM_API_URL = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
STARTUP_TIMEOUT_SECONDS = 15
# Titles longer than this go one per row; shorter ones share a row.
SHORT_TITLE = 12
BUTTONS_PER_ROW = 4


def keyboard(buttons: List[Button]) -> InlineKeyboardMarkup | None:
    """An inline keyboard of the choice and http(s) link buttons.

    ``tel:`` buttons are left out: inline URL buttons accept only http(s) and tg:
    links, and the numbers are in the message text. Returns None when no button
    is left.
    """
    keys = [
        InlineKeyboardButton(b["title"], callback_data=b["payload"])
        if is_choice(b)
        else InlineKeyboardButton(b["title"], url=b["url"])
        for b in buttons
        if is_choice(b) or is_web_link(b)
    ]
    if not keys:
        return None
    short = all(len(key.text) <= SHORT_TITLE for key in keys)
    per_row = BUTTONS_PER_ROW if short else 1
    markup = InlineKeyboardMarkup()
    for start in range(0, len(keys), per_row):
        markup.row(*keys[start : start + per_row])
    return markup


class TelegramOutput(telegram.TelegramOutput):
    """Sends to the Telegram Bot API at a configurable URL."""

    def __init__(
        self,
        access_token: str | None,
        api_url: str = TELEGRAM_API_URL,
        secret_token: str | None = None,
    ) -> None:
        super().__init__(access_token)
        self.server = TelegramAPIServer.from_base(api_url)
        self.secret_token = secret_token

    async def set_webhook(self, url: str, *args: Any, **kwargs: Any) -> bool:
        """Registers the webhook, with the secret token when one is set."""
        payload: Dict[str, Any] = {"url": url}
        if self.secret_token:
            payload["secret_token"] = self.secret_token
        return await self.request(Methods.SET_WEBHOOK, payload)

    async def send_text_with_buttons(
        self,
        recipient_id: str,
        text: str,
        buttons: List[Button],
        button_type: str | None = "inline",
        **kwargs: Any,
    ) -> None:
        """Sends the text with an inline keyboard (no ``tel:`` buttons)."""
        if button_type == "reply":
            await super().send_text_with_buttons(
                recipient_id, text, choices(buttons), button_type, **kwargs
            )
            return
        markup = keyboard(buttons)
        if markup is None:
            await self.send_text_message(recipient_id, text)
        else:
            await self.send_message(recipient_id, text, reply_markup=markup)


class TelegramInput(telegram.TelegramInput):
    """Rasa's Telegram input with ``api_url``, ``secret_token``, a safe startup."""

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        """Builds the channel from its credentials entry."""
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("access_token"),
            credentials.get("verify"),
            credentials.get("webhook_url"),
            api_url=credentials.get("api_url") or TELEGRAM_API_URL,
            secret_token=credentials.get("secret_token") or None,
        )

    def __init__(
        self,
        access_token: str | None,
        verify: str | None,
        webhook_url: str | None,
        debug_mode: bool = True,
        api_url: str = TELEGRAM_API_URL,
        secret_token: str | None = None,
    ) -> None:
        super().__init__(access_token, verify, webhook_url, debug_mode)
        self.api_url = api_url
        self.secret_token = secret_token
        self.webhook_is_set = False

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Rasa's blueprint, refusing updates without the secret token if set."""
        blueprint = super().blueprint(on_new_message)
        if self.secret_token:
            secret = self.secret_token

            @blueprint.middleware("request")
            async def check_secret(request: Request) -> HTTPResponse | None:
                if request.method != "POST" or not request.path.endswith("/webhook"):
                    return None
                sent = request.headers.get(SECRET_HEADER, "")
                if hmac.compare_digest(sent.encode(), secret.encode()):
                    return None
                logger.warning("Telegram update refused: wrong secret token.")
                return response.text("invalid secret token", status=403)

        return blueprint

    def get_output_channel(self) -> TelegramOutput:
        """The output channel; registers the webhook once, at startup.

        An unreachable or refusing API is logged, not fatal: the server starts
        and the webhook can be set later with ``/webhooks/telegram/set_webhook``.
        """
        channel = TelegramOutput(self.access_token, self.api_url, self.secret_token)
        if not self.webhook_is_set:
            try:
                asyncio.get_running_loop()
            except RuntimeError:  # no loop running: startup
                self.webhook_is_set = asyncio.run(self._set_webhook(channel))
        return channel

    async def _set_webhook(self, channel: TelegramOutput) -> bool:
        try:
            with channel.request_timeout(STARTUP_TIMEOUT_SECONDS):
                await channel.set_webhook(self.webhook_url)
            logger.info("Telegram webhook set.")
            return True
        except (TelegramAPIError, aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.warning(
                "Could not set the Telegram webhook (%s); the server starts "
                "anyway. Check the token and api_url, then open "
                "/webhooks/telegram/set_webhook.",
                error,
            )
            return False
        finally:
            # The session belongs to this short-lived event loop; a new one is
            # opened in the server's loop when needed.
            await channel.session.close()
