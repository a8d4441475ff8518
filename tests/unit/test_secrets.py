"""No secret is committed: configuration files name environment variables."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any, Iterator, Tuple

import yaml

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = re.compile(r"pass|token|secret|auth|verify|sid|key", re.I)
NOT_SECRETS = {"metadata_key", "key_prefix"}


def secret_values(node: Any, path: str = "") -> Iterator[Tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}"
            if SECRET_KEY.search(str(key)) and key not in NOT_SECRETS:
                yield where, value
            yield from secret_values(value, where)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from secret_values(value, f"{path}[{index}]")


def committed(pattern: str) -> list:
    out = subprocess.run(
        ["git", "ls-files", pattern], cwd=ROOT, capture_output=True, text=True
    ).stdout
    return [ROOT / line for line in out.splitlines() if line]


def test_config_files_take_secrets_from_the_environment():
    files = [
        ROOT / "endpoints.yml",
        ROOT / "endpoints.prod.yml",
        ROOT / "credentials.yml",
    ]
    checked = 0
    for path in files:
        for where, value in secret_values(yaml.safe_load(path.read_text()) or {}):
            checked += 1
            assert value is None or re.fullmatch(r"\$\{\w+\}", str(value)), (
                f"{path.name}{where} holds a value, not ${{VAR}}"
            )
    assert checked >= 1  # endpoints.prod.yml's passwords at least


def test_kubernetes_secrets_carry_no_values():
    for path in committed("deploy/*"):
        if path.suffix not in (".yml", ".yaml"):
            continue
        for document in yaml.safe_load_all(path.read_text()):
            if isinstance(document, dict) and document.get("kind") == "Secret":
                assert not document.get("data") and not document.get("stringData"), path


def test_no_private_keys_or_env_files_are_committed():
    assert not committed("*.env") and not committed("*secrets.env")
    for path in committed("*"):
        if path.is_file() and path.stat().st_size < 2_000_000:
            text = path.read_bytes()
            assert b"-----BEGIN" + b" PRIVATE KEY" not in text, path
            assert b"-----BEGIN RSA" + b" PRIVATE KEY" not in text, path
