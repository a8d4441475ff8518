"""Load generator and server measurements: latency, throughput, memory, startup.

For each bot (the project's model, then the same domain and data trained with
Rasa's default configuration) it starts its own action server and Rasa server on
free loopback ports with a fresh SQLite tracker store, plays realistic multi-turn
conversations over REST (``/webhooks/rest/webhook``) with a unique sender per
conversation at 1, 10, 20 and 50 concurrent users (closed loop, no think time:
each user sends its next message as soon as the answer arrives), and records
every message's latency. Then it reads both servers' resident memory.

Usage: python -m bench.load [--quick] [--bots project default] [--seconds 20]
       [--users 1 10 20 50] [--env NAME=VALUE ...] [--tag NAME]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import requests

from bench.common import (
    BIN,
    OUT,
    ROOT,
    cpu_s,
    env,
    free_port,
    load_results,
    model_path,
    rss_mb,
    save_results,
)

# Conversations taken from tests/e2e/test_rest_*.py and scenarios/*.yml.
SCREENING = ["hello", "yes", "no", "nope", "/deny", "not at all"]
SCREENING += ["no", "no", "never", "no", "no"]
SCRIPTS: Dict[str, Tuple[int, List[str]]] = {
    # name: (weight, user messages)
    "screening, no flag": (1, SCREENING),
    "screening, interview, movement test (extension)": (
        2,
        [
            *SCREENING,
            "left leg down to my calf for three weeks, about a 6, worse sitting",
            "yes, pins and needles",
            "walking helps",
            "I'm 45",
            "yes",
            "yes",
            "it moved up into my thigh",
            "the calf pain is gone but my back hurts more",
            "no change",
            "what exercises can I do?",
        ],
    ),
    "screening, interview, stenosis-like (flexion)": (
        1,
        [
            *SCREENING,
            "right thigh, two months, 4/10, no numbness, worse standing and "
            "walking, better sitting, I'm 72",
            "yes",
            "it moved up towards my back",
        ],
    ),
    "advice and questions": (
        2,
        [
            "how should I sleep?",
            "ice or heat?",
            "is it ok to sit at my desk?",
            "what should I avoid?",
            "what is sciatica?",
            "does massage help sciatica?",
            "can I take ibuprofen?",
            "should I take gabapentin?",
            "thanks",
        ],
    ),
    "red flag mid-screening": (
        1,
        [
            "hi",
            "yes",
            "no",
            "actually I can't feel the toilet paper when I wipe",
            "no it's fine now",
        ],
    ),
}
USERS = [1, 10, 20, 50]
# Paced runs: each user pauses between a reply and their next message, as a
# person reads and types. 1-3 s is fast for a person in pain on a phone, so the
# load is heavier than real use.
PACED_USERS = [10, 20, 50]
THINK_S = (1.0, 3.0)


@dataclass
class BotServers:
    """An action server and a Rasa server for one model, on free ports."""

    bot: str
    model: Path
    workdir: Path
    extra_env: Dict[str, str] = field(default_factory=dict)
    endpoints: str = "endpoints.yml"
    rasa_port: int = field(default_factory=free_port)
    action_port: int = field(default_factory=free_port)
    processes: List[subprocess.Popen] = field(default_factory=list)
    rasa_pid: int = 0
    actions_pid: int = 0

    @property
    def webhook(self) -> str:
        """The REST channel's URL."""
        return f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook"

    def _env(self) -> Dict[str, str]:
        return env(
            ACTION_ENDPOINT_URL=f"http://127.0.0.1:{self.action_port}/webhook",
            TRACKER_DB=str(self.workdir / "tracker.db"),
            SANIC_HOST="127.0.0.1",
            **self.extra_env,
        )

    def _start(self, cmd: List[str], log: str) -> subprocess.Popen:
        process = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=self._env(),
            stdout=(self.workdir / log).open("w"),
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def start(self) -> Dict[str, float]:
        """Starts both servers; returns their startup times in seconds."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        db = self.workdir / "tracker.db"
        if db.exists():
            db.unlink()
        t0 = time.monotonic()
        actions = self._start(
            [
                str(BIN / "rasa"),
                "run",
                "actions",
                "--port",
                str(self.action_port),
                "--actions",
                "actions",
            ],
            "actions.log",
        )
        self.actions_pid = actions.pid
        self._wait(
            lambda: (
                requests.get(
                    f"http://127.0.0.1:{self.action_port}/health", timeout=2
                ).ok
            ),
            actions,
            "actions.log",
        )
        actions_s = time.monotonic() - t0
        t0 = time.monotonic()
        server = self._start(
            [
                str(BIN / "rasa"),
                "run",
                "--model",
                str(self.model),
                "--endpoints",
                self.endpoints,
                "--credentials",
                "credentials.yml",
                "--port",
                str(self.rasa_port),
                "--interface",
                "127.0.0.1",
            ],
            "rasa.log",
        )
        self.rasa_pid = server.pid

        def first_answer() -> bool:
            reply = requests.post(
                self.webhook,
                json={"sender": f"startup-{uuid.uuid4().hex}", "message": "hello"},
                timeout=30,
            )
            return reply.ok and bool(reply.json())

        self._wait(first_answer, server, "rasa.log")
        return {
            "actions_startup_s": actions_s,
            "rasa_first_answer_s": time.monotonic() - t0,
        }

    def _wait(
        self,
        probe: Callable[[], bool],
        process: subprocess.Popen,
        log: str,
        timeout: float = 300,
    ) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(
                    f"{self.bot}: server exited early:\n"
                    f"{(self.workdir / log).read_text()[-3000:]}"
                )
            try:
                if probe():
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.bot}: server not up in {timeout}s")

    def memory(self) -> Dict[str, float]:
        """Both servers' resident memory in MiB."""
        return {
            "rasa_rss_mb": rss_mb(self.rasa_pid),
            "actions_rss_mb": rss_mb(self.actions_pid),
        }

    def stop(self) -> None:
        """Stops both servers."""
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()


def percentile(values: List[float], q: float) -> float:
    """The q-th percentile (nearest rank) of values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


async def _user(
    session: Any,
    url: str,
    deadline: float,
    rng: random.Random,
    samples: List[Tuple[float, str]],
    failures: List[str],
    empty: List[str],
    think: Tuple[float, float] | None = None,
) -> None:
    import aiohttp

    names = list(SCRIPTS)
    weights = [SCRIPTS[n][0] for n in names]
    while time.monotonic() < deadline:
        name = rng.choices(names, weights)[0]
        sender = f"bench-{uuid.uuid4().hex}"
        for text in SCRIPTS[name][1]:
            if time.monotonic() >= deadline:
                return
            start = time.perf_counter()
            try:
                async with session.post(
                    url, json={"sender": sender, "message": text}
                ) as response:
                    body = await response.json(content_type=None)
                    ok = response.status == 200
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
                ok, body = False, None
                failures.append(f"{type(exc).__name__}: {exc}")
            latency = (time.perf_counter() - start) * 1000
            if not ok:
                if body is not None:
                    failures.append(f"HTTP error: {str(body)[:200]}")
                break  # a broken conversation is abandoned
            samples.append((latency, name))
            if not body:
                empty.append(f"{name}: {text}")
            if think:
                await asyncio.sleep(rng.uniform(*think))


async def play(
    url: str,
    users: int,
    seconds: float,
    seed: int = 1,
    think: Tuple[float, float] | None = None,
) -> Dict[str, Any]:
    """``users`` concurrent users for ``seconds``; per-message latency figures.

    Closed loop (the next message as soon as the reply arrives) unless
    ``think`` gives a pause range in seconds after each reply.
    """
    import aiohttp

    samples: List[Tuple[float, str]] = []
    failures: List[str] = []
    empty: List[str] = []
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        start = time.monotonic()
        deadline = start + seconds
        await asyncio.gather(
            *[
                _user(
                    session,
                    url,
                    deadline,
                    random.Random(seed * 1000 + i),
                    samples,
                    failures,
                    empty,
                    think,
                )
                for i in range(users)
            ]
        )
        elapsed = time.monotonic() - start
    latencies = [s[0] for s in samples]
    return {
        "users": users,
        "think_s": list(think) if think else None,
        "seconds": elapsed,
        "messages": len(latencies),
        "msg_per_s": len(latencies) / elapsed if elapsed else 0.0,
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "mean_ms": statistics.mean(latencies) if latencies else float("nan"),
        "max_ms": max(latencies) if latencies else float("nan"),
        "errors": len(failures),
        "error_examples": sorted(set(failures))[:5],
        "empty_replies": len(empty),
        "empty_examples": sorted(set(empty))[:5],
    }


def bench_bot(
    bot: str,
    model: Path,
    users: List[int],
    seconds: float,
    workdir: Path,
    extra_env: Dict[str, str] | None = None,
    endpoints: str = "endpoints.yml",
    paced_users: List[int] | None = None,
) -> Dict[str, Any]:
    """Starts one bot's servers, loads them at each concurrency, stops them.

    ``users`` are played closed loop, then ``paced_users`` with a pause after
    each reply (``THINK_S``).
    """
    servers = BotServers(bot, model, workdir, extra_env or {}, endpoints)
    print(f"  starting {bot} servers ({model.name}) ...", flush=True)
    try:
        startup = servers.start()
        print(f"    startup: {startup}", flush=True)
        memory_idle = servers.memory()
        # Warm-up: one of each conversation, not measured.
        asyncio.run(play(servers.webhook, len(SCRIPTS), 3.0, seed=99))
        levels = []
        for n in users:
            cpu_before = (cpu_s(servers.rasa_pid), cpu_s(servers.actions_pid))
            result = asyncio.run(play(servers.webhook, n, seconds))
            if result["messages"]:
                result["rasa_cpu_ms_per_msg"] = (
                    (cpu_s(servers.rasa_pid) - cpu_before[0])
                    * 1000
                    / result["messages"]
                )
                result["actions_cpu_ms_per_msg"] = (
                    (cpu_s(servers.actions_pid) - cpu_before[1])
                    * 1000
                    / result["messages"]
                )
            print(
                f"    {n:>3} users: {result['messages']} msgs, "
                f"{result['msg_per_s']:.1f} msg/s, p50 {result['p50_ms']:.0f} ms, "
                f"p95 {result['p95_ms']:.0f} ms, p99 {result['p99_ms']:.0f} ms, "
                f"errors {result['errors']}, empty {result['empty_replies']}, "
                f"CPU ms/msg Rasa {result.get('rasa_cpu_ms_per_msg', 0):.0f} "
                f"actions {result.get('actions_cpu_ms_per_msg', 0):.0f}",
                flush=True,
            )
            levels.append(result)
        paced = []
        for n in paced_users or []:
            result = asyncio.run(play(servers.webhook, n, seconds * 1.5, think=THINK_S))
            print(
                f"    {n:>3} users, paced {THINK_S[0]:.0f}-{THINK_S[1]:.0f} s: "
                f"{result['messages']} msgs, {result['msg_per_s']:.1f} msg/s, "
                f"p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, "
                f"p99 {result['p99_ms']:.0f} ms, errors {result['errors']}",
                flush=True,
            )
            paced.append(result)
        memory = servers.memory()
    finally:
        servers.stop()
    return {
        "bot": bot,
        "model": str(model.relative_to(ROOT))
        if model.is_relative_to(ROOT)
        else str(model),
        "startup": startup,
        "memory_idle": memory_idle,
        "memory_after_load": memory,
        "levels": levels,
        "paced": paced,
        "env": extra_env or {},
        "endpoints": endpoints,
    }


def main(argv: List[str] | None = None) -> Dict[str, Any]:
    """Loads the bots and records the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--bots", nargs="+", default=["project", "default"])
    parser.add_argument("--users", nargs="+", type=int)
    parser.add_argument("--seconds", type=float)
    parser.add_argument(
        "--paced-users",
        nargs="*",
        type=int,
        help="concurrencies played with a 1-3 s pause after each reply "
        "(default: 10 20 50; none with --tag or --quick unless given)",
    )
    parser.add_argument("--model", type=Path, help="use this model (one bot only)")
    parser.add_argument(
        "--env", nargs="*", default=[], help="NAME=VALUE for the servers (a lever)"
    )
    parser.add_argument("--endpoints", default="endpoints.yml")
    parser.add_argument("--tag", help="record as a lever experiment under this name")
    parser.add_argument(
        "--redis-lock-store",
        action="store_true",
        help="start a private redis-server and use it as the lock "
        "store (needed for SANIC_WORKERS > 1)",
    )
    args = parser.parse_args(argv)
    users = args.users or ([1, 10] if args.quick else USERS)
    seconds = args.seconds or (4.0 if args.quick else 20.0)
    extra_env = dict(item.split("=", 1) for item in args.env)
    results = {
        "users": users,
        "seconds_per_level": seconds,
        "scripts": {k: len(v[1]) for k, v in SCRIPTS.items()},
        "weights": {k: v[0] for k, v in SCRIPTS.items()},
        "bots": {},
    }
    redis = None
    if args.redis_lock_store:
        redis, args.endpoints = start_redis(OUT / "redis")
    try:
        _run_bots(args, results, users, seconds, extra_env)
    finally:
        if redis is not None:
            redis.terminate()
            redis.wait(timeout=10)
    if args.tag:
        levers = load_results().get("levers", {})
        levers[args.tag] = results
        save_results("levers", levers)
    else:
        save_results("quick_load" if args.quick else "load", results)
    return results


def start_redis(workdir: Path) -> Tuple[subprocess.Popen, str]:
    """A private redis-server (no persistence) and an endpoints file using it."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=(workdir / "redis.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    time.sleep(1)
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(
        (ROOT / "endpoints.yml").read_text()
        + f"\nlock_store:\n  type: redis\n  url: 127.0.0.1\n  port: {port}\n"
        "  key_prefix: bench\n"
    )
    return process, str(endpoints)


def _run_bots(
    args: argparse.Namespace,
    results: Dict[str, Any],
    users: List[int],
    seconds: float,
    extra_env: Dict[str, str],
) -> None:
    paced = args.paced_users
    if paced is None:
        paced = [] if (args.tag or args.quick) else PACED_USERS
    results["paced_users"] = paced
    results["think_s"] = list(THINK_S)
    for bot in args.bots:
        model = args.model or model_path(bot, args.quick)
        if not model.exists():
            raise SystemExit(f"no model {model}: run python -m bench --only cost first")
        workdir = (
            OUT
            / ("quick" if args.quick else "full")
            / "load"
            / (args.tag or "main")
            / bot
        )
        results["bots"][bot] = bench_bot(
            bot, model, users, seconds, workdir, extra_env, args.endpoints, paced
        )


if __name__ == "__main__":
    main()
