"""Facebook Messenger: Rasa's connector with a configurable Graph API URL.

Credentials (``sciatica_rasa.channels.facebook.FacebookInput``): Rasa's keys
(``verify``, ``secret``, ``page-access-token``) and optionally ``api_url`` (the
Graph API base including its version; default the fbmessenger library's). Every
webhook POST must be signed with the app secret (``X-Hub-Signature-256``, or the
older ``X-Hub-Signature``); unsigned or wrongly signed ones get 403.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Any, Awaitable, Callable, Dict, List

import rasa.core.channels.facebook as facebook
from fbmessenger import MessengerClient
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from sciatica_rasa.channels.buttons import (
    Button,
    choices,
    fit_title,
    is_phone,
    is_web_link,
    paragraphs,
    phone_number,
    split_for_limit,
)

logger = logging.getLogger(__name__)

# Messenger limits: characters in a button or quick-reply title, in a button
# template's text and in a text message; buttons per template, quick replies.
MAX_TITLE = 20
MAX_TEMPLATE_TEXT = 640
MAX_TEXT = 2000
MAX_TEMPLATE_BUTTONS = 3
MAX_QUICK_REPLIES = 13


def template_button(button: Button) -> Dict[str, Any]:
    """A button-template button for a link, a call or a choice."""
    title = fit_title(str(button["title"]), MAX_TITLE)
    if is_phone(button):
        # Messenger wants an E.164-like number ("+" and digits) as the payload;
        # short emergency numbers become "+999", "+911", "+112".
        return {"type": "phone_number", "title": title, "payload": phone_number(button)}
    if is_web_link(button):
        return {"type": "web_url", "title": title, "url": button["url"]}
    return {"type": "postback", "title": title, "payload": button["payload"]}


def quick_replies(buttons: List[Button]) -> List[Dict[str, Any]]:
    """Quick replies for the choice buttons."""
    return [
        {
            "content_type": "text",
            "title": fit_title(str(button["title"]), MAX_TITLE),
            "payload": button["payload"],
        }
        for button in choices(buttons)
    ][:MAX_QUICK_REPLIES]


def messages(text: str, buttons: List[Button]) -> List[Dict[str, Any]]:
    """The Send API ``message`` objects for a text with buttons.

    Call and link buttons go in a button template under the (last part of the)
    text; choices are quick replies on that message. Leading paragraphs that do
    not fit the template's limit go first as plain text.
    """
    links = [b for b in buttons if is_phone(b) or is_web_link(b)]
    replies = quick_replies(buttons)
    limit = MAX_TEMPLATE_TEXT if links else MAX_TEXT
    leading, last = split_for_limit(text, limit)
    result: List[Dict[str, Any]] = [{"text": part} for part in leading]
    if len(last) > limit:
        logger.warning("Messenger: text too long for buttons; sent without them.")
        return result + [{"text": part} for part in paragraphs(last)]
    if links:
        message: Dict[str, Any] = {
            "attachment": {
                "type": "template",
                "payload": {
                    "template_type": "button",
                    "text": last,
                    "buttons": [
                        template_button(b) for b in links[:MAX_TEMPLATE_BUTTONS]
                    ],
                },
            }
        }
    else:
        message = {"text": last}
    if replies:
        message["quick_replies"] = replies
    return [*result, message]


def is_signed(app_secret: str, body: bytes, request: Request) -> bool:
    """Whether the request carries a valid signature of its body."""
    for header, digest in (
        ("X-Hub-Signature-256", hashlib.sha256),
        ("X-Hub-Signature", hashlib.sha1),
    ):
        sent = request.headers.get(header)
        if sent:
            method, _, signature = sent.partition("=")
            expected = hmac.new(app_secret.encode(), body, digest).hexdigest()
            return method == digest().name and hmac.compare_digest(
                signature.encode(), expected.encode()
            )
    return False


def client(page_access_token: str, api_url: str | None) -> MessengerClient:
    """A Messenger client sending to ``api_url`` when one is given."""
    messenger_client = MessengerClient(page_access_token)
    if api_url:
        messenger_client.graph_url = api_url.rstrip("/")
    return messenger_client


class MessengerBot(facebook.MessengerBot):
    """Sends call buttons as ``phone_number`` buttons, choices as quick replies."""

    async def send_text_with_buttons(
        self,
        recipient_id: str,
        text: str,
        buttons: List[Button],
        **kwargs: Any,
    ) -> None:
        """Sends the text with its buttons (see ``messages``)."""
        for message in messages(text, buttons):
            self.messenger_client.send(message, recipient_id, "RESPONSE")


class Messenger(facebook.Messenger):
    """Handles one webhook call, replying through ``api_url``."""

    def __init__(
        self,
        page_access_token: str,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        api_url: str | None = None,
    ) -> None:
        super().__init__(page_access_token, on_new_message)
        self.client = client(page_access_token, api_url)

    async def _handle_user_message(
        self, text: str, sender_id: str, metadata: Dict[str, Any] | None
    ) -> None:
        # As Rasa's, with this module's MessengerBot.
        out_channel = MessengerBot(self.client)
        await out_channel.send_action(sender_id, sender_action="mark_seen")
        user_msg = UserMessage(
            text, out_channel, sender_id, input_channel=self.name(), metadata=metadata
        )
        await out_channel.send_action(sender_id, sender_action="typing_on")
        try:
            await self.on_new_message(user_msg)
        except Exception:
            logger.exception("Exception when handling a Facebook message.")
        finally:
            await out_channel.send_action(sender_id, sender_action="typing_off")


class FacebookInput(facebook.FacebookInput):
    """Rasa's Facebook input with ``api_url`` and 403 for bad signatures."""

    api_url: str | None = None

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        """Builds the channel from its credentials entry."""
        channel = super().from_credentials(credentials)
        channel.api_url = (credentials or {}).get("api_url") or None
        return channel

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """The webhook: Rasa's, answering 403 to a wrong token or signature."""
        fb_webhook = Blueprint("fb_webhook", __name__)

        @fb_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @fb_webhook.route("/webhook", methods=["GET"])
        async def token_verification(request: Request) -> HTTPResponse:
            token = request.args.get("hub.verify_token") or ""
            if self.fb_verify and hmac.compare_digest(
                token.encode(), self.fb_verify.encode()
            ):
                return response.text(request.args.get("hub.challenge") or "")
            logger.warning("Facebook webhook check: wrong verify token.")
            return response.text("invalid verify token", status=403)

        @fb_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not is_signed(self.fb_secret or "", request.body, request):
                logger.warning("Facebook webhook refused: wrong signature.")
                return response.text("invalid signature", status=403)
            messenger = Messenger(self.fb_access_token, on_new_message, self.api_url)
            await messenger.handle(request.json, self.get_metadata(request))
            return response.text("success")

        return fb_webhook

    def get_output_channel(self) -> MessengerBot:
        """The output channel, sending to ``api_url``."""
        return MessengerBot(client(self.fb_access_token, self.api_url))
