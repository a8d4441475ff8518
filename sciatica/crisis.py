"""Messages about self-harm or not wanting to live (``data/crisis.yml``)."""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from sciatica.errors import Errors, KnowledgeError
from sciatica.knowledge import DATA_DIR, check_keys, check_source, compile_pattern

_FILE = "crisis.yml"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    path = DATA_DIR / _FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeError(Errors.E001.format(file=_FILE, error=error)) from error
    entry = check_keys(
        raw,
        file=_FILE,
        where="top level",
        required={"version": int, "source": dict, "patterns": list},
        optional={"unless": list},
    )
    check_source(entry["source"], file=_FILE, where="top level")
    compiled = []
    for key in ("patterns", "unless"):
        compiled.append(
            tuple(
                compile_pattern(pattern, file=_FILE, where=key)
                for pattern in entry.get(key, [])
            )
        )
    return compiled[0], compiled[1]


def is_crisis(text: str | None) -> bool:
    """Whether a message speaks of self-harm or not wanting to live."""
    cleaned = (text or "").lower().replace("\u2019", "'")
    patterns, unless = _patterns()
    if not any(p.search(cleaned) for p in patterns):
        return False
    return not any(u.search(cleaned) for u in unless)
