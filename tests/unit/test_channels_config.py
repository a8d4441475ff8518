"""The credentials generator: a platform only when its secrets are set."""

import stat

import pytest
import yaml

from sciatica_rasa.channels import config

BASE = {"rest": None, "socketio": {"user_message_evt": "user_uttered"}}
TELEGRAM = {
    "TELEGRAM_ACCESS_TOKEN": "123:secret-token",
    "TELEGRAM_BOT_NAME": "sciatica_bot",
    "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/webhooks/telegram/webhook",
}
SLACK = {"SLACK_BOT_TOKEN": "xoxb-secret", "SLACK_SIGNING_SECRET": "signing-secret"}
FACEBOOK = {
    "FACEBOOK_VERIFY_TOKEN": "verify-secret",
    "FACEBOOK_APP_SECRET": "app-secret",
    "FACEBOOK_PAGE_ACCESS_TOKEN": "page-secret",
}
TWILIO = {
    "TWILIO_ACCOUNT_SID": "AC123",
    "TWILIO_AUTH_TOKEN": "twilio-secret",
    "TWILIO_NUMBER": "+15005550006",
}
ALL = {**TELEGRAM, **SLACK, **FACEBOOK, **TWILIO}


def test_no_secrets_no_platforms():
    content, enabled, partial = config.credentials(BASE, {})
    assert content == BASE and enabled == [] and partial == {}


def test_every_platform_with_all_its_secrets():
    content, enabled, _ = config.credentials(BASE, ALL)
    assert enabled == ["telegram", "slack", "facebook", "twilio"]
    assert list(content)[:2] == ["rest", "socketio"]
    assert content["sciatica_rasa.channels.telegram.TelegramInput"] == {
        "access_token": "${TELEGRAM_ACCESS_TOKEN}",
        "verify": "${TELEGRAM_BOT_NAME}",
        "webhook_url": "${TELEGRAM_WEBHOOK_URL}",
    }
    assert content["sciatica_rasa.channels.facebook.FacebookInput"] == {
        "verify": "${FACEBOOK_VERIFY_TOKEN}",
        "secret": "${FACEBOOK_APP_SECRET}",
        "page-access-token": "${FACEBOOK_PAGE_ACCESS_TOKEN}",
    }


def test_a_half_set_platform_is_reported_not_enabled():
    env = {**TELEGRAM, "SLACK_BOT_TOKEN": "xoxb", "TWILIO_AUTH_TOKEN": ""}
    _, enabled, partial = config.credentials(BASE, env)
    assert enabled == ["telegram"]
    assert partial == {"slack": ["SLACK_SIGNING_SECRET"]}


def test_optional_variables_are_added_when_set():
    env = {**TWILIO, "TWILIO_WEBHOOK_URL": "https://x/y", "TWILIO_API_URL": "http://z"}
    content, _, _ = config.credentials(BASE, env)
    entry = content["sciatica_rasa.channels.twilio.TwilioInput"]
    assert entry["webhook_url"] == "${TWILIO_WEBHOOK_URL}"
    assert entry["api_url"] == "${TWILIO_API_URL}"


def test_the_file_has_no_secret_and_rasa_expands_it(tmp_path, monkeypatch, capsys):
    base = tmp_path / "credentials.yml"
    base.write_text("rest:\n# a comment\nsocketio:\n  session_persistence: true\n")
    out = tmp_path / "var" / "credentials.yml"
    for name, value in ALL.items():
        monkeypatch.setenv(name, value)
    assert config.main(["--base", str(base), "--out", str(out)]) == 0

    printed = capsys.readouterr()
    assert "enabled: telegram, slack, facebook, twilio" in printed.out
    text = out.read_text()
    for value in ALL.values():
        assert value not in text
        assert value not in printed.out + printed.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    from rasa.shared.utils.io import read_config_file

    loaded = read_config_file(str(out))
    assert loaded["rest"] is None
    assert loaded["socketio"] == {"session_persistence": True}
    assert loaded["sciatica_rasa.channels.slack.SlackInput"] == {
        "slack_token": "xoxb-secret",
        "slack_signing_secret": "signing-secret",
    }
    assert loaded["sciatica_rasa.channels.twilio.TwilioInput"]["twilio_number"] == (
        "+15005550006"
    )


def test_the_documented_base_loads_with_no_platform():
    with open("credentials.yml", encoding="utf-8") as file:
        base = yaml.safe_load(file)
    assert "sciatica_rasa.channels.rest.RestInput" in base
    platforms = {platform.channel for platform in config.PLATFORMS}
    assert not platforms & set(base)


@pytest.mark.parametrize("platform", config.PLATFORMS, ids=lambda p: p.name)
def test_each_channel_class_builds_from_its_entry(platform):
    from rasa.shared.utils.common import class_from_module_path

    values = {key: f"value-{key}" for key in platform.required}
    if platform.name == "telegram":
        values["access_token"] = "123:token"
    values["api_url"] = "http://127.0.0.1:9/fake/"
    channel = class_from_module_path(platform.channel).from_credentials(values)
    assert channel.api_url.startswith("http://127.0.0.1:9/fake")


def test_telegram_starts_when_its_api_is_unreachable(caplog):
    from sciatica_rasa.channels.telegram import TelegramInput

    channel = TelegramInput.from_credentials(
        {
            "access_token": "123:token",
            "verify": "bot",
            "webhook_url": "https://bot.example.org/webhooks/telegram/webhook",
            "api_url": "http://127.0.0.1:9",
        }
    )
    output = channel.get_output_channel()
    assert output.server.api_url("123:token", "getMe").startswith("http://127.0.0.1:9/")
    assert channel.webhook_is_set is False
    assert "Could not set the Telegram webhook" in caplog.text
