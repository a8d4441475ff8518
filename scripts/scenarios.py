"""Plays scripted conversations against a running assistant over REST.

A scenario file (``scenarios/*.yml``) holds conversations: user turns, what the
replies must contain, and slot values to check in the tracker::

    scenarios:
      - name: all-clear screening
        steps:
          - user: hi
            expect:
              contains: ["not a diagnosis"]     # every piece must appear
              not_contains: ["EMERGENCY"]       # none may appear
              buttons: ["Yes, I understand", "No thanks"]  # last reply's buttons
          - slots: {red_flag: none}

Usage: python scripts/scenarios.py [--url URL] [--token TOKEN] [files...]
Every step that differs is reported; the exit code is the number of failed
scenarios (capped at 100).
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List

import requests
import yaml

ROOT = Path(__file__).resolve().parents[1]
_STEP_KEYS = {"user", "expect", "slots", "metadata"}
_EXPECT_KEYS = {"contains", "not_contains", "buttons"}


class ScenarioError(ValueError):
    """A scenario file is malformed."""


@dataclass
class Result:
    """The outcome of one scenario: the differences found, step by step."""

    name: str
    differences: List[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Whether every step matched."""
        return not self.differences


def load(paths: Iterable[Path]) -> List[Dict[str, Any]]:
    """Reads and checks scenario files."""
    scenarios = []
    for path in paths:
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for index, scenario in enumerate(content.get("scenarios", [])):
            where = f"{path.name} scenario {index + 1}"
            if not isinstance(scenario, dict) or not scenario.get("name"):
                raise ScenarioError(f"{where}: needs a name")
            for number, step in enumerate(scenario.get("steps") or [], 1):
                unknown = set(step) - _STEP_KEYS
                if unknown or not (set(step) & {"user", "slots"}):
                    raise ScenarioError(
                        f"{where} step {number}: use 'user' and/or 'slots' "
                        f"(unknown: {sorted(unknown)})"
                    )
                bad = set(step.get("expect") or {}) - _EXPECT_KEYS
                if bad:
                    raise ScenarioError(
                        f"{where} step {number}: unknown expect {sorted(bad)}"
                    )
            scenarios.append(scenario)
    return scenarios


def run(scenario: Dict[str, Any], url: str, token: str) -> Result:
    """Plays one scenario with a fresh sender id."""
    sender = f"scenario-{uuid.uuid4().hex[:10]}"
    result = Result(scenario["name"])
    for number, step in enumerate(scenario.get("steps") or [], 1):
        label = f"step {number}"
        if "user" in step:
            label += f" ({step['user']!r})"
            body: Dict[str, Any] = {"sender": sender, "message": str(step["user"])}
            if step.get("metadata"):
                body["metadata"] = step["metadata"]
            response = requests.post(
                f"{url}/webhooks/rest/webhook", json=body, timeout=60
            )
            if response.status_code != 200:
                result.differences.append(f"{label}: HTTP {response.status_code}")
                continue
            replies = response.json()
            result.differences += [f"{label}: {d}" for d in _compare(step, replies)]
        if "slots" in step:
            tracker = requests.get(
                f"{url}/conversations/{sender}/tracker",
                params={"token": token},
                timeout=30,
            ).json()
            for name, expected in step["slots"].items():
                actual = tracker.get("slots", {}).get(name)
                if actual != expected:
                    result.differences.append(
                        f"{label}: slot {name} is {actual!r}, expected {expected!r}"
                    )
    return result


def _compare(step: Dict[str, Any], replies: List[Dict[str, Any]]) -> List[str]:
    expect = step.get("expect") or {}
    text = " ".join(reply.get("text") or "" for reply in replies)
    found = []
    for piece in expect.get("contains", []):
        if piece.lower() not in text.lower():
            found.append(f"reply lacks {piece!r}; got {text[:300]!r}")
    for piece in expect.get("not_contains", []):
        if piece.lower() in text.lower():
            found.append(f"reply should not contain {piece!r}")
    if "buttons" in expect:
        with_buttons = [r for r in replies if r.get("buttons")]
        titles = (
            [b.get("title") for b in with_buttons[-1]["buttons"]]
            if with_buttons
            else []
        )
        if titles != expect["buttons"]:
            found.append(f"buttons {titles}, expected {expect['buttons']}")
    return found


def main(argv: List[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(
        description="Play scripted conversations over REST."
    )
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument(
        "--url", default=os.environ.get("RASA_URL", "http://127.0.0.1:5005")
    )
    parser.add_argument("--token", default=os.environ.get("RASA_AUTH_TOKEN", ""))
    args = parser.parse_args(argv)
    token = args.token
    if not token and (ROOT / "var" / "auth_token").exists():
        token = (ROOT / "var" / "auth_token").read_text().strip()
    files = args.files or sorted((ROOT / "scenarios").glob("*.yml"))
    failed = 0
    for scenario in load(files):
        result = run(scenario, args.url, token)
        print(f"{'PASS' if result.passed else 'FAIL'}  {result.name}")
        for difference in result.differences:
            print(f"      {difference}")
        failed += not result.passed
    total = len(load(files))
    print(f"{total - failed} passed, {failed} failed")
    return min(failed, 100)


if __name__ == "__main__":
    sys.exit(main())
