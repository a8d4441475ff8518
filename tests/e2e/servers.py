"""Starting the real action server and Rasa server for end-to-end tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "sciatica.tar.gz"
TOKEN = "e2e-test-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_model(tmp_dir: Path) -> Path:
    """The trained model: the project's, or one trained now if there is none."""
    if MODEL.exists():
        return MODEL
    subprocess.run(
        [
            str(BIN / "rasa"),
            "train",
            "--domain",
            "domain",
            "--data",
            "data",
            "--config",
            "config.yml",
            "--out",
            str(tmp_dir),
            "--fixed-model-name",
            "e2e",
        ],
        cwd=ROOT,
        check=True,
    )
    return tmp_dir / "e2e.tar.gz"


def wait_for(
    url: str, process: subprocess.Popen, log: Path, timeout: float = 180
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(
        f"server did not start in {timeout}s:\n{log.read_text()[-3000:]}"
    )


@dataclass
class Servers:
    """An action server and a Rasa server on free loopback ports."""

    model: Path
    workdir: Path
    env: Dict[str, str] = field(default_factory=dict)
    credentials: Path | str = "credentials.yml"
    rasa_port: int = field(default_factory=free_port)
    action_port: int = field(default_factory=free_port)
    _processes: List[subprocess.Popen] = field(default_factory=list)
    rasa: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def _env(self) -> Dict[str, str]:
        env = dict(os.environ)
        env.update(
            RASA_TELEMETRY_ENABLED="false",
            TF_CPP_MIN_LOG_LEVEL="3",
            SQLALCHEMY_SILENCE_UBER_WARNING="1",
            ACTION_ENDPOINT_URL=f"http://127.0.0.1:{self.action_port}/webhook",
            TRACKER_DB=str(self.workdir / "tracker.db"),
            SANIC_HOST="127.0.0.1",
            # The privacy API's token: the same as the HTTP API's.
            RASA_AUTH_TOKEN=TOKEN,
        )
        env.update(self.env)
        return env

    def start_actions(self) -> None:
        log = self.workdir / "actions.log"
        process = subprocess.Popen(
            [
                str(BIN / "rasa"),
                "run",
                "actions",
                "--port",
                str(self.action_port),
                "--actions",
                "actions",
            ],
            cwd=ROOT,
            env=self._env(),
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        self._processes.append(process)
        wait_for(f"http://127.0.0.1:{self.action_port}/health", process, log)

    def start_rasa(self) -> None:
        log = self.workdir / "rasa.log"
        self.rasa = subprocess.Popen(
            [
                str(BIN / "rasa"),
                "run",
                "--model",
                str(self.model),
                "--endpoints",
                "endpoints.yml",
                "--credentials",
                str(self.credentials),
                "--port",
                str(self.rasa_port),
                "--interface",
                "127.0.0.1",
                "--enable-api",
                "--auth-token",
                TOKEN,
            ],
            cwd=ROOT,
            env=self._env(),
            stdout=log.open("a"),
            stderr=subprocess.STDOUT,
        )
        self._processes.append(self.rasa)
        wait_for(f"{self.url}/status?token={TOKEN}", self.rasa, log)

    def stop_rasa(self) -> None:
        assert self.rasa is not None
        self.rasa.terminate()
        self.rasa.wait(timeout=30)
        self._processes.remove(self.rasa)
        self.rasa = None

    def stop(self) -> None:
        for process in self._processes:
            process.terminate()
        for process in self._processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        self._processes.clear()

    # -- talking to the bot ------------------------------------------------

    def say(self, sender: str, text: str, **metadata: Any) -> List[Dict[str, Any]]:
        body: Dict[str, Any] = {"sender": sender, "message": text}
        if metadata:
            body["metadata"] = metadata
        response = requests.post(
            f"{self.url}/webhooks/rest/webhook", json=body, timeout=30
        )
        assert response.status_code == 200, response.text
        return response.json()

    def tracker(self, sender: str) -> Dict[str, Any]:
        response = requests.get(
            f"{self.url}/conversations/{sender}/tracker",
            params={"token": TOKEN},
            timeout=30,
        )
        assert response.status_code == 200, response.text
        return response.json()

    def slot(self, sender: str, name: str) -> Any:
        return self.tracker(sender)["slots"].get(name)
