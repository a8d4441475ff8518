"""Writes the Rasa credentials file, with each platform only when it is set up.

``python -m sciatica_rasa.channels.config --out var/credentials.yml`` copies every
entry of the documented base (``credentials.yml``) and adds each messaging
platform whose required environment variables are all set. Secrets are not
written: the file refers to them as ``${VAR}``, which Rasa expands when it loads
the file, so Rasa must run with the same environment. It prints which platforms
are enabled, and which variables are missing for a platform that is half set up;
never a value.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Tuple

import yaml

BASE = Path("credentials.yml")


@dataclass(frozen=True)
class Platform:
    """One messaging platform: its channel class and the variables it needs.

    ``required`` and ``optional`` map credential keys to environment variables.
    """

    name: str
    channel: str
    required: Dict[str, str]
    optional: Dict[str, str] = field(default_factory=dict)


PLATFORMS: Tuple[Platform, ...] = (
    Platform(
        "telegram",
        "sciatica_rasa.channels.telegram.TelegramInput",
        required={
            "access_token": "TELEGRAM_ACCESS_TOKEN",
            "verify": "TELEGRAM_BOT_NAME",
            "webhook_url": "TELEGRAM_WEBHOOK_URL",
        },
        optional={
            "secret_token": "TELEGRAM_SECRET_TOKEN",
            "api_url": "TELEGRAM_API_URL",
        },
    ),
    Platform(
        "slack",
        "sciatica_rasa.channels.slack.SlackInput",
        required={
            "slack_token": "SLACK_BOT_TOKEN",
            "slack_signing_secret": "SLACK_SIGNING_SECRET",
        },
        optional={"slack_channel": "SLACK_CHANNEL", "api_url": "SLACK_API_URL"},
    ),
    Platform(
        "facebook",
        "sciatica_rasa.channels.facebook.FacebookInput",
        required={
            "verify": "FACEBOOK_VERIFY_TOKEN",
            "secret": "FACEBOOK_APP_SECRET",
            "page-access-token": "FACEBOOK_PAGE_ACCESS_TOKEN",
        },
        optional={"api_url": "FACEBOOK_API_URL"},
    ),
    Platform(
        "twilio",
        "sciatica_rasa.channels.twilio.TwilioInput",
        required={
            "account_sid": "TWILIO_ACCOUNT_SID",
            "auth_token": "TWILIO_AUTH_TOKEN",
            "twilio_number": "TWILIO_NUMBER",
        },
        optional={"webhook_url": "TWILIO_WEBHOOK_URL", "api_url": "TWILIO_API_URL"},
    ),
)


def missing(platform: Platform, env: Mapping[str, str]) -> List[str]:
    """The required variables of a platform that are unset or empty."""
    return [var for var in platform.required.values() if not env.get(var)]


def entry(platform: Platform, env: Mapping[str, str]) -> Dict[str, str]:
    """The credentials entry: each set variable as a ``${VAR}`` reference."""
    keys = {**platform.required, **platform.optional}
    return {key: "${" + var + "}" for key, var in keys.items() if env.get(var)}


def credentials(
    base: Dict[str, Any], env: Mapping[str, str]
) -> Tuple[Dict[str, Any], List[str], Dict[str, List[str]]]:
    """The credentials with the platforms that are set up.

    Returns the credentials, the names of the enabled platforms, and the missing
    variables of each platform that has some but not all of its variables set.
    """
    result = dict(base)
    enabled: List[str] = []
    partial: Dict[str, List[str]] = {}
    for platform in PLATFORMS:
        result.pop(platform.channel, None)
        absent = missing(platform, env)
        if not absent:
            result[platform.channel] = entry(platform, env)
            enabled.append(platform.name)
        elif len(absent) < len(platform.required):
            partial[platform.name] = absent
    return result, enabled, partial


def write(path: Path, content: Dict[str, Any], base: Path) -> None:
    """Writes the credentials file, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (
        f"# Written by `python -m sciatica_rasa.channels.config` from {base};\n"
        "# do not edit. ${VAR} values are read from the environment by Rasa.\n"
    )
    text = header + yaml.safe_dump(content, sort_keys=False, allow_unicode=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    path.chmod(0o600)


def main(argv: List[str] | None = None) -> int:
    """Writes the credentials file and reports the enabled platforms."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=BASE, help="documented base")
    parser.add_argument("--out", type=Path, required=True, help="file to write")
    args = parser.parse_args(argv)

    base = yaml.safe_load(args.base.read_text(encoding="utf-8")) or {}
    content, enabled, partial = credentials(base, os.environ)
    write(args.out, content, args.base)
    print(
        "Messaging platforms enabled: "
        + (", ".join(enabled) or "none (see README: Connecting a messaging platform)")
    )
    for name, absent in partial.items():
        print(f"  {name} is not enabled: set {', '.join(absent)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
