"""End to end on the messaging platforms: real webhooks in, a fake platform API out.

One Rasa server runs with Telegram, Slack, Messenger and Twilio enabled by the
credentials generator, each connector pointed at a local fake of its platform's
API (tests/e2e/fake_platforms.py). Each test posts a platform-shaped, signed
webhook and reads what the connector sent to the fake.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import subprocess
import sys
import time
import uuid

import pytest
import requests
from twilio.request_validator import RequestValidator

from tests.e2e.fake_platforms import BOT_NAME, FakePlatforms
from tests.e2e.servers import ROOT, Servers, ensure_model

pytestmark = pytest.mark.e2e

TELEGRAM_TOKEN = "123456:TEST-telegram-token"
TELEGRAM_SECRET = "telegram-secret-token"
SLACK_SECRET = "slack-signing-secret"
FACEBOOK_SECRET = "facebook-app-secret"
FACEBOOK_VERIFY = "facebook-verify-token"
TWILIO_SID = "AC" + "1" * 32
TWILIO_TOKEN = "twilio-auth-token"
TWILIO_NUMBER = "+15005550006"
# The public URL Twilio calls (behind a proxy); the signature is made with it.
TWILIO_PUBLIC_URL = "https://bot.example.org/webhooks/twilio/webhook"

GREETING = "hello"
EMERGENCY = "I can't control my bladder and my legs are numb"
NUMBERS = ("999", "911", "112")


@pytest.fixture(scope="module")
def fake():
    platforms = FakePlatforms()
    platforms.start()
    yield platforms
    platforms.stop()


@pytest.fixture(scope="module")
def bot(tmp_path_factory, fake):
    """A Rasa server with all four platforms on, talking to the fake APIs."""
    workdir = tmp_path_factory.mktemp("channels")
    env = {
        "TELEGRAM_ACCESS_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_BOT_NAME": BOT_NAME,
        "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/webhooks/telegram/webhook",
        "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET,
        "TELEGRAM_API_URL": fake.url("telegram"),
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": fake.url("slack") + "/",
        "FACEBOOK_VERIFY_TOKEN": FACEBOOK_VERIFY,
        "FACEBOOK_APP_SECRET": FACEBOOK_SECRET,
        "FACEBOOK_PAGE_ACCESS_TOKEN": "fb-page-token",
        "FACEBOOK_API_URL": fake.url("graph"),
        "TWILIO_ACCOUNT_SID": TWILIO_SID,
        "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
        "TWILIO_NUMBER": TWILIO_NUMBER,
        "TWILIO_WEBHOOK_URL": TWILIO_PUBLIC_URL,
        "TWILIO_API_URL": fake.url("twilio"),
    }
    credentials = workdir / "credentials.yml"
    generated = subprocess.run(
        [
            sys.executable,
            "-m",
            "sciatica_rasa.channels.config",
            "--out",
            str(credentials),
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "enabled: telegram, slack, facebook, twilio" in generated.stdout
    assert TELEGRAM_TOKEN not in credentials.read_text()
    running = Servers(
        model=ensure_model(workdir), workdir=workdir, env=env, credentials=credentials
    )
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop()


def new_id() -> str:
    return uuid.uuid4().hex[:10]


# -- Telegram -------------------------------------------------------------------


def telegram_post(bot, update, secret=TELEGRAM_SECRET):
    return requests.post(
        f"{bot.url}/webhooks/telegram/webhook",
        json=update,
        headers={"X-Telegram-Bot-Api-Secret-Token": secret},
        timeout=60,
    )


def telegram_message(chat_id, text):
    person = {"id": chat_id, "is_bot": False, "first_name": "Pat"}
    return {
        "update_id": chat_id,
        "message": {
            "message_id": 1,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Pat"},
            "from": person,
            "text": text,
        },
    }


def telegram_click(chat_id, data):
    person = {"id": chat_id, "is_bot": False, "first_name": "Pat"}
    return {
        "update_id": chat_id + 1,
        "callback_query": {
            "id": "cb1",
            "from": person,
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": 2,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "text": "question",
            },
        },
    }


def telegram_sent(fake, chat_id):
    return fake.find(
        lambda c: (
            c.path.endswith("/sendMessage")
            and str(c.body.get("chat_id")) == str(chat_id)
        )
    )


def inline_keyboard(call):
    markup = call.body.get("reply_markup")
    if not markup:
        return []
    return [key for row in json.loads(markup)["inline_keyboard"] for key in row]


def test_telegram_sets_its_webhook_with_the_secret_at_startup(bot, fake):
    calls = fake.find(lambda c: c.path.endswith("/setWebhook"))
    assert calls, "setWebhook was not called"
    assert calls[0].path == f"/telegram/bot{TELEGRAM_TOKEN}/setWebhook"
    assert calls[0].body["url"] == "https://bot.example.org/webhooks/telegram/webhook"
    assert calls[0].body["secret_token"] == TELEGRAM_SECRET


def test_telegram_greeting_shows_the_disclaimer_with_an_inline_keyboard(bot, fake):
    chat = int(uuid.uuid4().int % 10**9)
    assert telegram_post(bot, telegram_message(chat, GREETING)).status_code == 200
    sent = telegram_sent(fake, chat)
    disclaimer = next(c for c in sent if "not a diagnosis" in c.body["text"])
    keys = inline_keyboard(disclaimer)
    assert [(k["text"], k["callback_data"]) for k in keys] == [
        ("Yes, I understand", "/affirm"),
        ("No thanks", "/deny"),
    ]
    # A tap on "Yes" comes back as a callback query with the payload.
    assert telegram_post(bot, telegram_click(chat, "/affirm")).status_code == 200
    question = telegram_sent(fake, chat)[len(sent) :]
    assert any("bladder" in c.body["text"] for c in question)
    assert [k["callback_data"] for k in inline_keyboard(question[-1])] == [
        "/affirm",
        "/deny",
        "/unsure",
    ]


def test_telegram_emergency_has_the_numbers_in_the_text(bot, fake):
    chat = int(uuid.uuid4().int % 10**9)
    assert telegram_post(bot, telegram_message(chat, EMERGENCY)).status_code == 200
    sent = telegram_sent(fake, chat)
    text = " ".join(c.body["text"] for c in sent)
    assert "EMERGENCY" in text
    assert all(number in text for number in NUMBERS)
    # No tel: link buttons: Telegram refuses them.
    assert not any("tel:" in str(c.body.get("reply_markup", "")) for c in sent)


def test_telegram_refuses_an_update_without_the_secret_token(bot, fake):
    chat = int(uuid.uuid4().int % 10**9)
    reply = telegram_post(bot, telegram_message(chat, GREETING), secret="wrong")
    assert reply.status_code == 403
    time.sleep(1)
    assert not telegram_sent(fake, chat)


# -- Slack ----------------------------------------------------------------------


def slack_post(bot, body: bytes, content_type, secret=SLACK_SECRET):
    timestamp = str(int(time.time()))
    digest = hmac.new(
        secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256
    ).hexdigest()
    return requests.post(
        f"{bot.url}/webhooks/slack/webhook",
        data=body,
        headers={
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": f"v0={digest}",
        },
        timeout=30,
    )


def slack_message(bot, user, channel, text):
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": f"{time.time():.6f}",
    }
    body = {
        "token": "verification-token",
        "team_id": "T0001",
        "api_app_id": "A0001",
        "type": "event_callback",
        "event_id": "Ev" + new_id(),
        "event_time": int(time.time()),
        "authorizations": [{"user_id": "UBOT"}],
        "event": event,
    }
    return slack_post(bot, json.dumps(body).encode(), "application/json")


def slack_sent(fake, channel):
    return fake.find(
        lambda c: (
            c.path == "/slack/chat.postMessage" and c.body.get("channel") == channel
        )
    )


def slack_buttons(call):
    blocks = call.body.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    return [
        element
        for block in blocks
        if block["type"] == "actions"
        for element in block["elements"]
    ]


def test_slack_greeting_shows_block_kit_buttons(bot, fake):
    user, channel = "U" + new_id(), "D" + new_id()
    assert slack_message(bot, user, channel, GREETING).status_code == 200
    disclaimer = fake.wait(
        lambda c: c in slack_sent(fake, channel) and "not a diagnosis" in c.body["text"]
    )[0]
    assert [(b["text"]["text"], b["value"]) for b in slack_buttons(disclaimer)] == [
        ("Yes, I understand", "/affirm"),
        ("No thanks", "/deny"),
    ]
    # A click comes back form-encoded, as Slack sends interactions.
    click = {
        "type": "block_actions",
        "user": {"id": user},
        "channel": {"id": channel},
        "message": {"ts": "1.0"},
        "actions": [{"type": "button", "value": "/affirm", "action_id": "a"}],
    }
    body = "payload=" + requests.utils.quote(json.dumps(click))
    reply = slack_post(bot, body.encode(), "application/x-www-form-urlencoded")
    assert reply.status_code == 200
    question = fake.wait(
        lambda c: c in slack_sent(fake, channel) and "bladder" in c.body["text"]
    )[0]
    assert [b["value"] for b in slack_buttons(question)] == [
        "/affirm",
        "/deny",
        "/unsure",
    ]


def test_slack_emergency_has_the_numbers_in_the_text(bot, fake):
    user, channel = "U" + new_id(), "D" + new_id()
    assert slack_message(bot, user, channel, EMERGENCY).status_code == 200
    first = fake.wait(
        lambda c: c in slack_sent(fake, channel) and "EMERGENCY" in c.body["text"]
    )[0]
    assert all(number in first.body["text"] for number in NUMBERS)
    time.sleep(1)
    assert not any("tel:" in json.dumps(c.body) for c in slack_sent(fake, channel))


def test_slack_refuses_a_wrong_signature(bot, fake):
    channel = "D" + new_id()
    body = json.dumps(
        {
            "type": "event_callback",
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": channel,
                "user": "U1",
                "text": GREETING,
            },
        }
    ).encode()
    reply = slack_post(bot, body, "application/json", secret="not-the-secret")
    assert reply.status_code == 400
    time.sleep(2)
    assert not slack_sent(fake, channel)


def test_slack_url_verification_returns_the_challenge(bot):
    body = json.dumps({"type": "url_verification", "challenge": "abc123"}).encode()
    reply = slack_post(bot, body, "application/json")
    assert reply.status_code == 200 and reply.text == "abc123"


# -- Facebook Messenger ---------------------------------------------------------


def facebook_post(bot, event, secret=FACEBOOK_SECRET):
    body = json.dumps(
        {
            "object": "page",
            "entry": [{"id": "PAGE1", "time": int(time.time()), "messaging": [event]}],
        }
    ).encode()
    signature = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return requests.post(
        f"{bot.url}/webhooks/facebook/webhook",
        data=body,
        headers={
            "Content-Type": "application/json",
            "X-Hub-Signature-256": f"sha256={signature}",
        },
        timeout=60,
    )


def facebook_message(psid, text, quick_reply=None):
    message = {"mid": "m_" + new_id(), "text": text}
    if quick_reply:
        message["quick_reply"] = {"payload": quick_reply}
    return {
        "sender": {"id": psid},
        "recipient": {"id": "PAGE1"},
        "timestamp": int(time.time() * 1000),
        "message": message,
    }


def facebook_sent(fake, psid):
    return fake.find(
        lambda c: (
            c.path == "/graph/me/messages"
            and c.body.get("recipient", {}).get("id") == psid
            and "message" in c.body
        )
    )


def test_facebook_webhook_verification(bot):
    url = f"{bot.url}/webhooks/facebook/webhook"
    params = {"hub.mode": "subscribe", "hub.challenge": "c-42"}
    good = requests.get(url, params={**params, "hub.verify_token": FACEBOOK_VERIFY})
    assert good.status_code == 200 and good.text == "c-42"
    bad = requests.get(url, params={**params, "hub.verify_token": "nope"})
    assert bad.status_code == 403


def test_facebook_greeting_shows_quick_replies(bot, fake):
    psid = "PSID" + new_id()
    assert facebook_post(bot, facebook_message(psid, GREETING)).status_code == 200
    disclaimer = fake.wait(
        lambda c: (
            c in facebook_sent(fake, psid)
            and "not a diagnosis" in c.body["message"].get("text", "")
        )
    )[0]
    replies = disclaimer.body["message"]["quick_replies"]
    assert [(r["content_type"], r["title"], r["payload"]) for r in replies] == [
        ("text", "Yes, I understand", "/affirm"),
        ("text", "No thanks", "/deny"),
    ]
    tap = facebook_message(psid, "Yes, I understand", quick_reply="/affirm")
    assert facebook_post(bot, tap).status_code == 200
    question = fake.wait(
        lambda c: (
            c in facebook_sent(fake, psid)
            and "bladder" in c.body["message"].get("text", "")
        )
    )[0]
    assert [r["payload"] for r in question.body["message"]["quick_replies"]] == [
        "/affirm",
        "/deny",
        "/unsure",
    ]


def test_facebook_emergency_has_the_numbers_and_call_buttons(bot, fake):
    psid = "PSID" + new_id()
    assert facebook_post(bot, facebook_message(psid, EMERGENCY)).status_code == 200
    template = fake.wait(
        lambda c: c in facebook_sent(fake, psid) and "attachment" in c.body["message"]
    )[0]
    payload = template.body["message"]["attachment"]["payload"]
    assert payload["template_type"] == "button"
    assert "EMERGENCY" in payload["text"]
    assert all(number in payload["text"] for number in NUMBERS)
    assert len(payload["text"]) <= 640
    assert [(b["type"], b["payload"]) for b in payload["buttons"]] == [
        ("phone_number", "+999"),
        ("phone_number", "+911"),
        ("phone_number", "+112"),
    ]
    assert all(len(b["title"]) <= 20 for b in payload["buttons"])


def test_facebook_refuses_a_wrong_signature(bot, fake):
    psid = "PSID" + new_id()
    reply = facebook_post(bot, facebook_message(psid, GREETING), secret="wrong")
    assert reply.status_code == 403
    time.sleep(2)
    assert not fake.find(
        lambda c: (
            c.platform == "graph" and c.body.get("recipient", {}).get("id") == psid
        )
    )


# -- Twilio (SMS) ---------------------------------------------------------------


def twilio_post(bot, sender, text, token=TWILIO_TOKEN, url=TWILIO_PUBLIC_URL):
    form = {
        "MessageSid": "SM" + new_id(),
        "AccountSid": TWILIO_SID,
        "From": sender,
        "To": TWILIO_NUMBER,
        "Body": text,
        "NumMedia": "0",
    }
    signature = RequestValidator(token).compute_signature(url, form)
    return requests.post(
        f"{bot.url}/webhooks/twilio/webhook",
        data=form,
        headers={"X-Twilio-Signature": signature},
        timeout=60,
    )


def twilio_sent(fake, number):
    return fake.find(
        lambda c: c.path.endswith("/Messages.json") and c.body.get("To") == number
    )


def new_number():
    return "+4477009" + str(uuid.uuid4().int % 10**5).zfill(5)


def test_twilio_greeting_lists_the_choices_as_text(bot, fake):
    number = new_number()
    assert twilio_post(bot, number, GREETING).status_code == 204
    disclaimer = fake.wait(
        lambda c: c in twilio_sent(fake, number) and "not a diagnosis" in c.body["Body"]
    )[0]
    assert disclaimer.path == f"/twilio/2010-04-01/Accounts/{TWILIO_SID}/Messages.json"
    assert disclaimer.body["From"] == TWILIO_NUMBER
    assert disclaimer.body["Body"].endswith("\nReply: Yes, I understand / No thanks")
    assert twilio_post(bot, number, "yes").status_code == 204
    question = fake.wait(
        lambda c: c in twilio_sent(fake, number) and "bladder" in c.body["Body"]
    )[0]
    assert question.body["Body"].endswith("Reply: Yes / No / Not sure")
    assert not any("/affirm" in c.body["Body"] for c in twilio_sent(fake, number))


def test_twilio_emergency_has_the_numbers_in_the_text(bot, fake):
    number = new_number()
    assert twilio_post(bot, number, EMERGENCY).status_code == 204
    first = fake.wait(
        lambda c: c in twilio_sent(fake, number) and "EMERGENCY" in c.body["Body"]
    )[0]
    assert all(n in first.body["Body"] for n in NUMBERS)
    assert not any("tel:" in c.body["Body"] for c in twilio_sent(fake, number))


@pytest.mark.parametrize(
    "token, url",
    [
        ("not-the-token", TWILIO_PUBLIC_URL),
        (TWILIO_TOKEN, "https://elsewhere.example.org/webhooks/twilio/webhook"),
    ],
    ids=["wrong-token", "wrong-url"],
)
def test_twilio_refuses_a_wrong_signature(bot, fake, token, url):
    number = new_number()
    assert twilio_post(bot, number, GREETING, token=token, url=url).status_code == 403
    time.sleep(2)
    assert not twilio_sent(fake, number)


def test_twilio_refuses_an_unsigned_request(bot, fake):
    number = new_number()
    reply = requests.post(
        f"{bot.url}/webhooks/twilio/webhook",
        data={"From": number, "Body": GREETING},
        timeout=30,
    )
    assert reply.status_code == 403


def test_rest_still_works_beside_the_platforms(bot):
    assert bot.say("rest-" + new_id(), GREETING)
