"""The chat page: a Rasa input channel that serves the web widget.

The page, the rasa-webchat bundle (its web-font import removed) and the font
are served by the Rasa server itself, so the widget talks to the socketio
channel on the same origin and the browser never contacts another host; the
Content-Security-Policy header makes the browser enforce that.

Routes (under ``/webhooks/web``):
    ``GET /``: the page; ``GET /<file>``: its scripts, styles and fonts;
    ``POST /conversation/delete`` with ``{"session_id": ...}``: deletes the
    conversation from the tracker store (the "delete my conversation" control).
"""

from __future__ import annotations

import json
import logging
import mimetypes
import os
import re
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from sciatica import chart, diary
from sciatica_rasa import safety_net
from sciatica_rasa.privacy import DeletionNotSupported, delete_conversation

logger = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parents[1] / "web"
PAGE_FILES = ("index.html", "app.js", "style.css")
SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,128}$")
# The diary chart and the clinician summary of one conversation.
GENERATED = re.compile(
    r"^(chart(?=/.*\.png$)|summary(?=/.*\.txt$))/([A-Za-z0-9_-]{8,128})\.\w+$"
)
# The channel the page's conversations come through.
WEB_CHANNEL = "socketio"
# Other sites allowed to open the socket (space-separated origins).
CORS_ENV = "SCIATICA_CORS_ORIGINS"

# Only this server: scripts, styles, fonts, images and the socket.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "font-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


# Safety messages start with one of these signs (domain/red_flags.yml); the
# page marks them, and they are sent as one message, never split into parts.
SAFETY_SIGNS = ("\N{POLICE CARS REVOLVING LIGHT}", "\N{WARNING SIGN}")


def is_safety_message(text: str) -> bool:
    """Whether ``text`` is an emergency or see-a-doctor-today message."""
    return text.lstrip().startswith(SAFETY_SIGNS)


def quick_reply(button: Dict[str, Any]) -> Dict[str, Any]:
    """A response button as rasa-webchat shows it.

    Buttons with a ``url`` (the emergency call buttons, ``tel:999``) stay
    links; Rasa's own socketio output would drop the link and fail on the
    missing payload.
    """
    if button.get("url"):
        return {"type": "web_url", "title": button["title"], "url": button["url"]}
    return {
        "content_type": "text",
        "title": button["title"],
        "payload": button.get("payload", button["title"]),
    }


class WebSocketIOOutput(SocketIOOutput):
    """Rasa's socketio output, keeping call buttons and whole safety messages."""

    def _parts(self, text: str) -> List[str]:
        if is_safety_message(text):
            return [text.strip()]
        return text.strip().split("\n\n") or [text]

    async def send_text_message(
        self, recipient_id: str, text: str, **kwargs: Any
    ) -> None:
        """Sends text, split into paragraphs unless it is a safety message."""
        for part in self._parts(text):
            await self._send_message(recipient_id, {"text": part})

    async def send_text_with_buttons(
        self,
        recipient_id: str,
        text: str,
        buttons: List[Dict[str, Any]],
        **kwargs: Any,
    ) -> None:
        """Sends text with the buttons attached to its last part."""
        messages: List[Dict[str, Any]] = [{"text": p} for p in self._parts(text)]
        messages[-1]["quick_replies"] = [quick_reply(b) for b in buttons]
        for message in messages:
            await self._send_message(recipient_id, message)


class WebSocketIOInput(SocketIOInput):
    """Rasa's socketio channel (same name and path), hardened for the web page.

    * Answers through ``WebSocketIOOutput`` (call buttons, whole safety
      messages).
    * Reads each ``user_uttered`` event defensively: a payload that is not an
      object, a missing or odd ``session_id``, a non-text message or metadata
      that is not an object get a polite reply or are ignored, never an
      exception; text is cleaned and checked by :mod:`sciatica_rasa.safety_net`
      (no words, too long), and failures send the apology with the emergency
      numbers.
    * Connections are accepted only from the page's own origin and from the
      origins in ``SCIATICA_CORS_ORIGINS`` (space-separated), not from any site
      as in Rasa's channel.
    """

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        """Rasa's socketio settings plus the allowed origins from the env."""
        channel = super().from_credentials(credentials)
        origins = (credentials or {}).get("cors_origins") or os.environ.get(
            CORS_ENV, ""
        )
        channel.cors_origins = [o for o in str(origins).split() if o]
        channel.app = None
        return channel

    def _agent(self) -> Any:
        return getattr(getattr(getattr(self, "app", None), "ctx", None), "agent", None)

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Rasa's socketio blueprint with the checks above."""
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None  # set by the parent's blueprint
        allow_origins(sio, getattr(self, "cors_origins", []))

        @blueprint.listener("after_server_start")
        async def remember_app(app: Any, _loop: Any) -> None:
            self.app = app

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            output = WebSocketIOOutput(sio, self.bot_message_evt)
            agent = self._agent()
            if not isinstance(data, dict):
                return
            if self.session_persistence:
                sender = data.get("session_id")
                if not isinstance(sender, str) or not SESSION_ID.match(sender):
                    return  # as Rasa: no session, nowhere to answer
            else:
                sender = sid
            text = data.get("message", "")
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            if not isinstance(metadata, dict):
                metadata = {}
            if agent is None:
                return
            if not isinstance(text, str):
                text = ""
            text, instead = safety_net.check_text(text)
            if instead is not None:
                await safety_net.send(output, sender, agent, instead)
                return
            message = UserMessage(
                text, output, sender, input_channel=self.name(), metadata=metadata
            )
            await safety_net.handle_safely(on_new_message, message, agent)

        return blueprint

    def get_output_channel(self) -> SocketIOOutput | None:
        """The output for messages the server pushes (reminders)."""
        if self.sio is None:
            return None
        return WebSocketIOOutput(self.sio, self.bot_message_evt)


def own_origins(environ: Dict[str, Any]) -> List[str]:
    """The origin the request was addressed to (directly and as forwarded).

    Engine.IO's own same-origin check needs ``wsgi.url_scheme``, which its
    Sanic adapter does not set, so it would refuse the page's own socket.
    """
    request = environ.get("sanic.request")
    scheme = environ.get("wsgi.url_scheme") or getattr(request, "scheme", "http")
    host = environ.get("HTTP_HOST")
    if not host:
        return []
    origins = [f"{scheme}://{host}"]
    forwarded_proto = environ.get("HTTP_X_FORWARDED_PROTO")
    forwarded_host = environ.get("HTTP_X_FORWARDED_HOST")
    if forwarded_proto or forwarded_host:
        proto = (forwarded_proto or scheme).split(",")[0].strip()
        origins.append(f"{proto}://{(forwarded_host or host).split(',')[0].strip()}")
    return origins


def allow_origins(sio: Any, extra: List[str]) -> None:
    """Lets ``sio`` accept connections from its own origin and ``extra`` only.

    Rasa creates the Socket.IO server with CORS checks off (any site may
    connect). This allows the request's own origin (scheme and Host, or the
    X-Forwarded ones set by a proxy) and the configured origins; Engine.IO
    refuses any other ``Origin`` with 400.
    """
    eio = sio.eio
    # Anything but [] (which turns the check off); the list comes from below.
    eio.cors_allowed_origins = None

    def allowed(environ: Dict[str, Any]) -> List[str]:
        return [*own_origins(environ), *extra]

    eio._cors_allowed_origins = allowed


def page_files(root: Path) -> Dict[str, Path]:
    """The files the page may load, by URL path (nothing else is served)."""
    files = {name: root / name for name in PAGE_FILES}
    dist = root / "dist"
    if dist.is_dir():
        for path in sorted(dist.rglob("*")):
            if path.is_file():
                files[path.relative_to(root).as_posix()] = path
    return files


class WebInput(InputChannel):
    """Serves the chat page; the conversation itself goes over socketio."""

    @classmethod
    def name(cls) -> str:
        """The channel's name, which is also its URL prefix."""
        return "web"

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        """Builds the channel; ``root`` may point at another page folder."""
        credentials = credentials or {}
        return cls(Path(credentials.get("root") or WEB_DIR))

    def __init__(self, root: Path = WEB_DIR) -> None:
        """Creates the channel serving the page in ``root``."""
        self.root = Path(root)

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """The page's routes."""
        web = Blueprint("sciatica_web", __name__)

        @web.route("/", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            if not request.path.endswith("/"):
                # The page's files are relative to the folder.
                return response.redirect(request.path + "/")
            return await self._file("index.html")

        @web.route("/<name:path>", methods=["GET"])
        async def asset(request: Request, name: str) -> HTTPResponse:
            generated = GENERATED.match(name)
            if generated:
                kind, session_id = generated.groups()
                return await self._generated(request, kind, session_id)
            return await self._file(name or "index.html")

        @web.route("/conversation/delete", methods=["POST"])
        async def delete(request: Request) -> HTTPResponse:
            try:
                body = request.json
            except Exception:  # Sanic raises on malformed JSON
                body = None
            session_id = body.get("session_id") if isinstance(body, dict) else None
            if not isinstance(session_id, str) or not SESSION_ID.match(session_id):
                return response.json(
                    {"error": "Send JSON with the session_id to delete."}, status=400
                )
            if not await self._web_conversation(request, session_id):
                # Only the page's own conversations; the same answer whether or
                # not another channel has a conversation with this id.
                return response.json({"deleted": False})
            try:
                deleted = await delete_conversation(request.app.ctx.agent, session_id)
            except DeletionNotSupported as error:
                logger.error("Cannot delete conversations in %s.", error)
                return response.json(
                    {"error": "Deleting is not available on this server."},
                    status=501,
                )
            return response.json({"deleted": deleted > 0})

        return web

    @staticmethod
    async def _web_conversation(request: Request, session_id: str) -> Any:
        """The tracker of a conversation held through the web page, else None.

        The page's session ids are random; other channels' ids (a Telegram
        chat id, a phone number) can be guessed, so their conversations are
        never served or deleted here.
        """
        tracker = await request.app.ctx.agent.tracker_store.retrieve(session_id)
        if tracker is None or tracker.get_latest_input_channel() != WEB_CHANNEL:
            return None
        return tracker

    async def _generated(
        self, request: Request, kind: str, session_id: str
    ) -> HTTPResponse:
        """The person's diary chart or clinician summary, made from the tracker."""
        tracker = await self._web_conversation(request, session_id)
        if tracker is None:
            return response.text("Not found.", status=404)
        headers = {**HEADERS, "Cache-Control": "no-store"}
        if kind == "chart":
            entries, _ = diary.load_diary(tracker.get_slot("pain_diary"))
            if not entries:
                return response.text("No check-ins yet.", status=404)
            png = chart.render_chart(entries)
            return response.raw(png, content_type="image/png", headers=headers)
        text = tracker.get_slot("clinician_summary")
        if not text:
            return response.text("Ask the assistant for a summary first.", status=404)
        headers["Content-Disposition"] = 'attachment; filename="sciatica-summary.txt"'
        return response.text(
            text, content_type="text/plain; charset=utf-8", headers=headers
        )

    async def _file(self, name: str) -> HTTPResponse:
        path = page_files(self.root).get(name)
        if path is None or not path.is_file():
            if name.startswith("dist/") or name == "index.html":
                return response.text(
                    "The chat page is not built yet: run `make web`.", status=503
                )
            return response.text("Not found.", status=404)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith("javascript"):
            content_type += "; charset=utf-8"
        return response.raw(
            path.read_bytes(), content_type=content_type, headers=HEADERS
        )
