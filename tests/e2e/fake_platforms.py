"""A local fake of the Telegram, Slack, Graph (Messenger) and Twilio APIs.

One threaded HTTP server on a free loopback port; each platform under its own
path prefix. It records every request and answers what the client libraries
expect, so the connectors can run offline.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Tuple
from urllib.parse import parse_qs, urlparse

BOT_NAME = "sciatica_test_bot"


@dataclass
class Call:
    """One request the fake received."""

    platform: str
    method: str
    path: str
    headers: Dict[str, str]
    body: Dict[str, Any]


def parse_body(content_type: str, raw: bytes) -> Dict[str, Any]:
    if not raw:
        return {}
    if content_type.startswith("application/json"):
        return json.loads(raw)
    if content_type.startswith("application/x-www-form-urlencoded"):
        return {
            k: v[0] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()
        }
    if content_type.startswith("multipart/form-data"):
        return parse_multipart(content_type, raw)
    return {"raw": raw.decode(errors="replace")}


def parse_multipart(content_type: str, raw: bytes) -> Dict[str, Any]:
    boundary = content_type.split("boundary=")[1].strip('"').encode()
    fields = {}
    for part in raw.split(b"--" + boundary):
        if b"\r\n\r\n" not in part:
            continue
        head, _, value = part.partition(b"\r\n\r\n")
        name = head.split(b'name="')[1].split(b'"')[0].decode()
        fields[name] = value.rstrip(b"\r\n").decode()
    return fields


def telegram_answer(method: str, body: Dict[str, Any]) -> Dict[str, Any]:
    method = method.lower()
    if method == "getme":
        result: Any = {
            "id": 123456,
            "is_bot": True,
            "first_name": "Sciatica",
            "username": BOT_NAME,
        }
    elif method == "sendmessage":
        result = {
            "message_id": int(time.time() * 1000) % 1_000_000,
            "date": int(time.time()),
            "chat": {"id": int(body.get("chat_id", 0)), "type": "private"},
            "text": body.get("text", ""),
        }
    else:
        result = True
    return {"ok": True, "result": result}


def twilio_answer(path: str, body: Dict[str, Any]) -> Dict[str, Any]:
    account = path.split("/Accounts/")[1].split("/")[0]
    return {
        "sid": "SM" + "0" * 32,
        "account_sid": account,
        "to": body.get("To"),
        "from": body.get("From"),
        "body": body.get("Body"),
        "status": "queued",
        "num_segments": "1",
        "direction": "outbound-api",
        "api_version": "2010-04-01",
        "date_created": "Wed, 01 Jan 2025 00:00:00 +0000",
        "date_updated": "Wed, 01 Jan 2025 00:00:00 +0000",
        "uri": f"/2010-04-01/Accounts/{account}/Messages/SM{'0' * 32}.json",
    }


@dataclass
class FakePlatforms:
    """The fake APIs; ``url(platform)`` is the base URL to configure."""

    calls: List[Call] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self.do_POST()

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                url = urlparse(self.path)
                body = parse_body(self.headers.get("Content-Type", ""), raw)
                body.update({k: v[0] for k, v in parse_qs(url.query).items()})
                status, answer = fake.answer(url.path, body)
                call = Call(
                    url.path.split("/")[1],
                    self.command,
                    url.path,
                    dict(self.headers),
                    body,
                )
                with fake._lock:
                    fake.calls.append(call)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    @property
    def base(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, platform: str) -> str:
        return f"{self.base}/{platform}"

    @staticmethod
    def answer(path: str, body: Dict[str, Any]) -> Tuple[int, Dict[str, Any]]:
        platform = path.split("/")[1]
        if platform == "telegram":
            return 200, telegram_answer(path.rsplit("/", 1)[-1], body)
        if platform == "slack":
            return 200, {"ok": True, "channel": body.get("channel"), "ts": "1.0"}
        if platform == "graph":
            recipient = (body.get("recipient") or {}).get("id")
            return 200, {"recipient_id": recipient, "message_id": "m_fake"}
        if platform == "twilio" and path.endswith("/Messages.json"):
            return 201, twilio_answer(path, body)
        return 404, {"error": "unknown path"}

    def find(self, predicate: Callable[[Call], bool]) -> List[Call]:
        with self._lock:
            calls = list(self.calls)
        return [call for call in calls if predicate(call)]

    def wait(
        self,
        predicate: Callable[[Call], bool],
        count: int = 1,
        timeout: float = 30,
        settle: float = 1.0,
    ) -> List[Call]:
        """The matching calls once there are ``count`` and no more come for a bit."""
        deadline = time.monotonic() + timeout
        found: List[Call] = []
        while time.monotonic() < deadline:
            found = self.find(predicate)
            if len(found) >= count:
                time.sleep(settle)
                return self.find(predicate)
            time.sleep(0.2)
        raise AssertionError(
            f"expected {count} matching calls, got {len(found)}: {self.calls[-5:]}"
        )
