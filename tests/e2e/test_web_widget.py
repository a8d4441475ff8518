"""The chat page in a real browser: Playwright drives Debian's headless Chromium.

The browser steps are in web/tests/widget.test.mjs (Playwright's own language is
JavaScript; only playwright-core is installed, which never downloads a browser).
Screenshots go to test-artifacts/.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.servers import ROOT, TOKEN

pytestmark = pytest.mark.e2e

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
WEB = ROOT / "web"
ARTIFACTS = ROOT / "test-artifacts"


def missing() -> list:
    needs = {
        "Debian's chromium (make browser)": CHROMIUM.exists(),
        "node": shutil.which("node") is not None,
        "the chat page (make web)": (WEB / "dist" / "webchat.js").exists()
        and (WEB / "node_modules" / "playwright-core").exists(),
    }
    return [name for name, present in needs.items() if not present]


def test_chat_page_in_headless_chromium(servers):
    absent = missing()
    if absent:
        message = "browser test needs " + ", ".join(absent)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # "localhost", as a person would type it; the page's socket uses the same origin.
    base = servers.url.replace("127.0.0.1", "localhost")
    env = dict(
        os.environ,
        CHAT_URL=f"{base}/webhooks/web/",
        API_URL=servers.url,
        RASA_TOKEN=TOKEN,
        ARTIFACT_DIR=str(ARTIFACTS),
        CHROMIUM=str(CHROMIUM),
    )
    result = subprocess.run(
        ["node", "--test", "--test-reporter=spec", "tests/"],
        cwd=WEB,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert (ARTIFACTS / "chat-emergency-phone.png").stat().st_size > 10_000
