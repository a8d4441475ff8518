"""Buttons as each messaging platform shows them."""

import json

import pytest
import yaml

from sciatica_rasa.channels import buttons as b
from sciatica_rasa.channels.facebook import is_signed, messages
from sciatica_rasa.channels.slack import button_elements
from sciatica_rasa.channels.telegram import keyboard
from sciatica_rasa.channels.twilio import TwilioOutput

YES_NO = [
    {"title": "Yes", "payload": "/affirm"},
    {"title": "No", "payload": "/deny"},
    {"title": "Not sure", "payload": "/unsure"},
]


def emergency():
    with open("domain/red_flags.yml", encoding="utf-8") as file:
        response = yaml.safe_load(file)["responses"]["utter_emergency_intl"][0]
    text = response["text"].replace("{reason}", "new problems with your bladder")
    return text, response["buttons"]


def test_button_kinds():
    call = {"title": "Call 999", "type": "web_url", "url": "tel:999"}
    link = {"title": "NHS", "type": "web_url", "url": "https://www.nhs.uk"}
    assert b.is_phone(call) and not b.is_choice(call) and not b.is_web_link(call)
    assert b.is_web_link(link) and not b.is_phone(link)
    assert b.choices([call, *YES_NO, link]) == YES_NO
    assert b.phone_number(call) == "+999"
    assert b.phone_number({"url": "tel:+44 20 7946 0000"}) == "+442079460000"


def test_choices_as_text_never_show_payloads():
    assert b.choices_text(YES_NO) == "Reply: Yes / No / Not sure"
    assert b.choices_text([{"title": "Call", "url": "tel:999"}]) == ""


@pytest.mark.parametrize(
    "title, limit, fitted",
    [
        ("📞 Call 999 (UK)", 20, "📞 Call 999 (UK)"),
        ("📞 Call 911 (US, Canada)", 20, "📞 Call 911"),
        ("Moved up / less far down", 20, "Moved up / less far…"),
    ],
)
def test_titles_fit_the_limit(title, limit, fitted):
    assert b.fit_title(title, limit) == fitted
    assert len(b.fit_title(title, limit)) <= limit


def test_split_for_limit_keeps_the_last_paragraphs_that_fit():
    text = "a" * 50 + "\n\n" + "b" * 30 + "\n\n" + "c" * 30
    assert b.split_for_limit(text, 70) == (["a" * 50], "b" * 30 + "\n\n" + "c" * 30)
    assert b.split_for_limit("short", 70) == ([], "short")


def test_telegram_inline_keyboard_has_callbacks_and_no_tel_links():
    markup = json.loads(keyboard(YES_NO).as_json())
    assert markup["inline_keyboard"] == [
        [
            {"text": "Yes", "callback_data": "/affirm"},
            {"text": "No", "callback_data": "/deny"},
            {"text": "Not sure", "callback_data": "/unsure"},
        ]
    ]
    assert keyboard(emergency()[1]) is None
    link = [{"title": "NHS page about sciatica", "url": "https://www.nhs.uk"}]
    rows = json.loads(keyboard([*link, *YES_NO]).as_json())["inline_keyboard"]
    assert rows[0] == [{"text": "NHS page about sciatica", "url": "https://www.nhs.uk"}]
    assert len(rows) == 4  # long titles: one per row


def test_slack_buttons_have_values_and_skip_tel_links():
    assert button_elements(YES_NO) == [
        {"type": "button", "text": {"type": "plain_text", "text": t}, "value": p}
        for t, p in [("Yes", "/affirm"), ("No", "/deny"), ("Not sure", "/unsure")]
    ]
    assert button_elements(emergency()[1]) == []
    eleven = [{"title": str(n), "payload": str(n)} for n in range(11)]
    assert len(button_elements(eleven)) == 11


def test_messenger_choices_are_quick_replies():
    (message,) = messages("Have you noticed bladder changes?", YES_NO)
    assert message["text"] == "Have you noticed bladder changes?"
    assert message["quick_replies"] == [
        {"content_type": "text", "title": t, "payload": p}
        for t, p in [("Yes", "/affirm"), ("No", "/deny"), ("Not sure", "/unsure")]
    ]


def test_messenger_emergency_has_phone_number_buttons_and_the_numbers():
    text, call_buttons = emergency()
    sent = messages(text, call_buttons)
    template = sent[-1]["attachment"]["payload"]
    assert template["template_type"] == "button"
    assert [(x["type"], x["payload"]) for x in template["buttons"]] == [
        ("phone_number", "+999"),
        ("phone_number", "+911"),
        ("phone_number", "+112"),
    ]
    assert all(len(x["title"]) <= 20 for x in template["buttons"])
    assert len(template["text"]) <= 640
    everything = " ".join([m.get("text", "") for m in sent[:-1]] + [template["text"]])
    assert all(number in everything for number in ("999", "911", "112"))


def test_messenger_long_text_goes_first_as_plain_messages():
    text = "x" * 700 + "\n\n" + "Call 999 now."
    sent = messages(text, [{"title": "Call 999", "url": "tel:999"}])
    assert sent[0] == {"text": "x" * 700}
    assert sent[1]["attachment"]["payload"]["text"] == "Call 999 now."


class FakeRequest:
    def __init__(self, headers):
        self.headers = headers


def test_messenger_signature_check():
    import hashlib
    import hmac

    body = b'{"object": "page"}'
    good = hmac.new(b"secret", body, hashlib.sha256).hexdigest()
    old = hmac.new(b"secret", body, hashlib.sha1).hexdigest()
    assert is_signed(
        "secret", body, FakeRequest({"X-Hub-Signature-256": f"sha256={good}"})
    )
    assert is_signed("secret", body, FakeRequest({"X-Hub-Signature": f"sha1={old}"}))
    assert not is_signed(
        "other", body, FakeRequest({"X-Hub-Signature-256": f"sha256={good}"})
    )
    assert not is_signed(
        "secret", body, FakeRequest({"X-Hub-Signature-256": f"sha1={old}"})
    )
    assert not is_signed("secret", body, FakeRequest({}))


async def test_sms_lists_the_choices_and_drops_call_buttons(monkeypatch):
    output = TwilioOutput("AC" + "0" * 32, "token", "+15005550006", "http://fake")
    assert output.api.base_url == "http://fake"
    sent = []

    async def send_text_message(recipient_id, text, **kwargs):
        sent.append(text)

    monkeypatch.setattr(output, "send_text_message", send_text_message)
    await output.send_text_with_buttons("+4477", "Any bladder changes?", YES_NO)
    text, call_buttons = emergency()
    await output.send_text_with_buttons("+4477", text, call_buttons)
    assert sent == ["Any bladder changes?\nReply: Yes / No / Not sure", text]
