"""Shared helpers for the benchmarks: paths, environment, processes, results."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
OUT = ROOT / "var" / "bench"
RESULTS = OUT / "results.json"
CONFIGS = {
    "project": ROOT / "config.yml",
    "default": ROOT / "bench" / "configs" / "rasa_default.yml",
}
LABELS = {"project": "project config.yml", "default": "Rasa default config"}


def env(**extra: str) -> Dict[str, str]:
    """The environment for Rasa processes: quiet, no telemetry, own cache."""
    result = dict(os.environ)
    result.update(
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="3",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONDONTWRITEBYTECODE="1",
        # Our own training cache, so "from scratch" really is from scratch and
        # nobody else's cache in the checkout is touched.
        RASA_CACHE_DIRECTORY=str(OUT / "cache"),
    )
    result.pop("SCIATICA_REST_TOKEN", None)
    result.update(extra)
    return result


def free_port() -> int:
    """A free loopback TCP port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(
    cmd: List[str],
    log: Path,
    extra_env: Dict[str, str] | None = None,
    check: bool = True,
) -> float:
    """Runs a command to completion, output into ``log``; returns seconds taken."""
    log.parent.mkdir(parents=True, exist_ok=True)
    print(
        f"  $ {' '.join(str(c) for c in cmd)}  (log: {log.relative_to(ROOT)})",
        flush=True,
    )
    start = time.monotonic()
    with log.open("w") as handle:
        result = subprocess.run(
            cmd,
            cwd=ROOT,
            env=env(**(extra_env or {})),
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    took = time.monotonic() - start
    if check and result.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"command failed ({result.returncode}): {cmd}\n{tail}")
    return took


def rasa(*args: str) -> List[str]:
    """The rasa command line with these arguments."""
    return [str(BIN / "rasa"), *args]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (/proc)."""
    total = 0
    for p in [pid, *_descendants(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total / 1024


def cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its descendants."""
    total = 0
    for p in [pid, *_descendants(pid)]:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _descendants(pid: int) -> List[int]:
    children: Dict[int, List[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def load_results() -> Dict[str, Any]:
    """Everything recorded so far in var/bench/results.json."""
    if RESULTS.exists():
        return json.loads(RESULTS.read_text())
    return {}


def save_results(section: str, data: Any) -> None:
    """Merges one part's figures into var/bench/results.json."""
    results = load_results()
    results[section] = data
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, default=str))


def model_path(bot: str, quick: bool = False) -> Path:
    """Where the benchmarks keep this bot's trained model."""
    return OUT / ("quick" if quick else "full") / "models" / f"{bot}.tar.gz"


def quick_config(bot: str) -> Path:
    """For --quick smoke runs only: the same config with every epochs set to 3."""
    import yaml

    config = yaml.safe_load(CONFIGS[bot].read_text())
    for part in ("pipeline", "policies"):
        for component in config.get(part) or []:
            if "epochs" in component:
                component["epochs"] = 3
    path = OUT / "quick" / "configs" / f"{bot}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def config_for(bot: str, quick: bool) -> Path:
    """The bot's configuration (its --quick variant with --quick)."""
    return quick_config(bot) if quick else CONFIGS[bot]


def pipeline_setting(component: str, key: str, default: Any) -> Any:
    """A pipeline component's setting in config.yml, or ``default``."""
    import yaml

    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    return next(
        step.get(key, default)
        for step in config["pipeline"]
        if step["name"].endswith(component)
    )


def pipeline_option(component: str, key: str, default: float) -> float:
    """A pipeline component's numeric setting in config.yml, or ``default``."""
    return float(pipeline_setting(component, key, default))


def nlu_examples() -> tuple[List[str], List[str]]:
    """The texts and intents of data/nlu's intent examples."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(ROOT / "data" / "nlu"))
    examples = [m for m in data.intent_examples if m.get("text")]
    return [m.get("text") for m in examples], [m.get("intent") for m in examples]
