"""The production stack for tests: PostgreSQL, Redis, nginx, 2 Rasa, 2 actions.

Started with the project's own scripts (scripts/prod/services.sh and
instance.sh) on free ports, with a database and role of its own, so a running
`make run-prod` is not disturbed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List

import psycopg2
import requests

from tests.e2e.servers import free_port, wait_for

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "sciatica.tar.gz"
CLINIC = "https://clinic.example"


def pg_cluster(port: int) -> List[str]:
    """The Debian cluster (version, name) serving ``port``."""
    out = subprocess.run(
        ["pg_lsclusters", "-h"], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines():
        version, name, cluster_port, *_ = line.split()
        if int(cluster_port) == port:
            return [version, name]
    raise RuntimeError(f"no PostgreSQL cluster on port {port}")


@dataclass
class Stack:
    """The running production stack and ways to talk to it and break it."""

    workdir: Path
    rasa_ports: List[int] = field(default_factory=lambda: [free_port(), free_port()])
    action_ports: List[int] = field(default_factory=lambda: [free_port(), free_port()])
    http_port: int = field(default_factory=free_port)
    suffix: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    rasa: Dict[int, subprocess.Popen] = field(default_factory=dict)
    actions: Dict[int, subprocess.Popen] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.env = dict(os.environ)
        self.env.update(
            SCIATICA_PROD_DIR=str(self.workdir),
            SCIATICA_HTTP_PORT=str(self.http_port),
            SCIATICA_RASA_PORTS=" ".join(map(str, self.rasa_ports)),
            SCIATICA_ACTION_PORTS=" ".join(map(str, self.action_ports)),
            SCIATICA_ACTIONS_PORT=str(free_port()),
            SCIATICA_REDIS_PORT=str(free_port()),
            SCIATICA_PG_PORT=os.environ.get("SCIATICA_PG_PORT", "5432"),
            SCIATICA_PG_DB=f"sciatica_test_{self.suffix}",
            SCIATICA_PG_USER="sciatica_test",
            SCIATICA_PG_PASSWORD=uuid.uuid4().hex,
            SCIATICA_REDIS_PASSWORD=uuid.uuid4().hex,
            RASA_AUTH_TOKEN=uuid.uuid4().hex,
            SCIATICA_REST_TOKEN=uuid.uuid4().hex,
            SCIATICA_CORS_ORIGINS=CLINIC,
            SCIATICA_MODEL=str(MODEL),
            SQL_POOL_SIZE="5",
            SQL_MAX_OVERFLOW="10",
        )
        self.env.pop("ACTION_ENDPOINT_URL", None)
        self.pg_port = int(self.env["SCIATICA_PG_PORT"])

    # -- lifecycle -------------------------------------------------------------

    def script(self, *args: str) -> None:
        subprocess.run(
            [str(ROOT / "scripts" / "prod" / args[0]), *args[1:]],
            cwd=ROOT,
            env=self.env,
            check=True,
        )

    def up(self) -> None:
        self.script("services.sh", "up")
        for port in self.action_ports:
            self.start_actions(port)
        for port in self.rasa_ports:
            self.start_rasa(port, wait=False)
        for port in self.rasa_ports:
            self.wait_rasa(port)

    def _process(self, kind: str, port: int) -> subprocess.Popen:
        log = (self.workdir / f"{kind}-{port}.log").open("a")
        return subprocess.Popen(
            [str(ROOT / "scripts" / "prod" / "instance.sh"), kind, str(port)],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def start_actions(self, port: int) -> None:
        self.actions[port] = self._process("actions", port)
        self._wait(
            f"http://127.0.0.1:{port}/health", self.actions[port], f"actions-{port}.log"
        )

    def stop_actions(self, port: int) -> None:
        process = self.actions.pop(port)
        process.terminate()
        process.wait(timeout=30)

    def start_rasa(self, port: int, wait: bool = True) -> None:
        self.rasa[port] = self._process("rasa", port)
        if wait:
            self.wait_rasa(port)

    def wait_rasa(self, port: int) -> None:
        token = self.env["RASA_AUTH_TOKEN"]
        self._wait(
            f"http://127.0.0.1:{port}/status?token={token}",
            self.rasa[port],
            f"rasa-{port}.log",
        )

    def kill_rasa(self, port: int) -> None:
        """Kills an instance without warning (SIGKILL), as a crash would."""
        process = self.rasa.pop(port)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)

    def _wait(self, url: str, process: subprocess.Popen, log: str) -> None:
        wait_for(url, process, self.workdir / log, timeout=300)

    def restart_postgres(self, down_seconds: float = 3.0) -> None:
        """Stops PostgreSQL (fast shutdown), waits, starts it again."""
        cluster = pg_cluster(self.pg_port)
        subprocess.run(["pg_ctlcluster", *cluster, "stop", "-m", "fast"], check=True)
        time.sleep(down_seconds)
        subprocess.run(["pg_ctlcluster", *cluster, "start"], check=True)

    def down(self) -> None:
        for process in [*self.rasa.values(), *self.actions.values()]:
            process.terminate()
        for process in [*self.rasa.values(), *self.actions.values()]:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        self.script("services.sh", "down")
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                "psql",
                "-q",
                "-p",
                str(self.pg_port),
                "-c",
                f"DROP DATABASE IF EXISTS {self.env['SCIATICA_PG_DB']}",
            ],
            check=False,
            capture_output=True,
        )

    def logs(self) -> str:
        return "\n".join(
            path.read_text(errors="replace")
            for path in sorted(self.workdir.glob("*.log"))
        )

    # -- talking ---------------------------------------------------------------

    @property
    def front(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def instance(self, index: int) -> str:
        return f"http://127.0.0.1:{self.rasa_ports[index]}"

    def post(
        self, sender: str, text: Any, base: str | None = None, timeout: float = 60
    ) -> requests.Response:
        return requests.post(
            f"{base or self.front}/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            headers={"Authorization": f"Bearer {self.env['SCIATICA_REST_TOKEN']}"},
            timeout=timeout,
        )

    def say(self, sender: str, text: str, base: str | None = None) -> List[Dict]:
        response = self.post(sender, text, base)
        assert response.status_code == 200, (response.status_code, response.text)
        return response.json()

    def tracker(self, sender: str, base: str | None = None) -> Dict[str, Any]:
        response = requests.get(
            f"{base or self.front}/conversations/{sender}/tracker",
            params={"token": self.env["RASA_AUTH_TOKEN"]},
            timeout=30,
        )
        assert response.status_code == 200, response.text
        return response.json()

    def rows(self, sender: str) -> List[tuple]:
        """The sender's stored events, in order: (type, intent/action, data)."""
        with (
            psycopg2.connect(
                host="127.0.0.1",
                port=self.pg_port,
                dbname=self.env["SCIATICA_PG_DB"],
                user=self.env["SCIATICA_PG_USER"],
                password=self.env["SCIATICA_PG_PASSWORD"],
            ) as connection,
            connection.cursor() as cursor,
        ):
            cursor.execute(
                "SELECT type_name, coalesce(action_name, intent_name), data "
                "FROM events WHERE sender_id = %s ORDER BY id",
                (sender,),
            )
            return cursor.fetchall()
