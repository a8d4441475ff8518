"""Loading and validating the knowledge files in ``sciatica/data``.

Every knowledge entry carries a ``source``: the document it rests on and the
passage. Seed documents (``data/seeds``) must contain the passage word for word,
so any line the assistant says can be traced back to its text. Guidance
sources (NHS, NICE) are referenced by name with a summary of the passage.
Unknown keys, missing keys and unknown sources are errors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from sciatica.errors import Errors, KnowledgeError

DATA_DIR = Path(__file__).parent / "data"
SEEDS_DIR = DATA_DIR / "seeds"


@dataclass(frozen=True)
class Source:
    """A document that knowledge entries may cite."""

    id: str
    kind: str
    title: str
    reference: str


@dataclass(frozen=True)
class Citation:
    """Where one knowledge entry comes from."""

    document: str
    passage: str


def load_yaml(path: Path, top_key: str) -> list[Any]:
    """Reads a knowledge file and returns the list under ``top_key``.

    Args:
        path: The YAML file.
        top_key: The key whose list of entries the file must hold.

    Returns:
        The entries.

    Raises:
        KnowledgeError: If the file cannot be read or has the wrong shape.
    """
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeError(Errors.E001.format(file=path.name, error=error)) from error
    if not isinstance(content, dict) or not isinstance(content.get(top_key), list):
        raise KnowledgeError(Errors.E002.format(file=path.name, key=top_key))
    unknown = set(content) - {top_key, "version"}
    if unknown:
        raise KnowledgeError(
            Errors.E003.format(
                file=path.name,
                where="top level",
                key=sorted(unknown)[0],
                allowed=f"{top_key}, version",
            )
        )
    return content[top_key]


def load_yaml_files(path: str | Path, top_key: str) -> list[tuple[str, list[Any]]]:
    """``load_yaml`` for one file, or for every ``*.yml`` of a directory.

    Args:
        path: A YAML file, or a directory of them (read in file-name order).
        top_key: The key whose list of entries each file must hold.

    Returns:
        Each file's name and its entries.

    Raises:
        KnowledgeError: If a file cannot be read or has the wrong shape.
    """
    path = Path(path)
    files = sorted(path.glob("*.yml")) if path.is_dir() else [path]
    return [(file.name, load_yaml(file, top_key)) for file in files]


_TYPE_NAMES = {str: "a string", list: "a list", dict: "a mapping", bool: "true/false"}


def check_keys(
    entry: Any,
    *,
    file: str,
    where: str,
    required: Mapping[str, type],
    optional: Mapping[str, type] | None = None,
) -> dict[str, Any]:
    """Checks that an entry is a mapping with exactly the allowed keys and types.

    Args:
        entry: The entry read from YAML.
        file: File name, for messages.
        where: Which entry, for messages (e.g. ``concepts[3] 'fever'``).
        required: Keys that must be present, with their types.
        optional: Keys that may be present, with their types.

    Returns:
        The entry, now known to be a mapping.

    Raises:
        KnowledgeError: On unknown, missing or wrongly typed keys.
    """
    optional = optional or {}
    if not isinstance(entry, dict):
        raise KnowledgeError(
            Errors.E005.format(
                file=file, where=where, key="entry", expected="a mapping", actual=entry
            )
        )
    allowed = {**required, **optional}
    for key in entry:
        if key not in allowed:
            raise KnowledgeError(
                Errors.E003.format(
                    file=file, where=where, key=key, allowed=", ".join(allowed)
                )
            )
    for key in required:
        if key not in entry or entry[key] is None:
            raise KnowledgeError(Errors.E004.format(file=file, where=where, key=key))
    for key, value in entry.items():
        expected = allowed[key]
        if not isinstance(value, expected):
            raise KnowledgeError(
                Errors.E005.format(
                    file=file,
                    where=where,
                    key=key,
                    expected=_TYPE_NAMES.get(expected, expected.__name__),
                    actual=value,
                )
            )
        if isinstance(value, (str, list)) and not value:
            raise KnowledgeError(Errors.E012.format(file=file, where=where, key=key))
    return entry


def check_choice(
    value: Any, choices: Iterable[str], *, file: str, where: str, key: str
) -> str:
    """Checks that ``value`` is one of ``choices`` and returns it."""
    choices = list(choices)
    if value not in choices:
        raise KnowledgeError(
            Errors.E006.format(
                file=file,
                where=where,
                key=key,
                allowed=", ".join(choices),
                actual=value,
            )
        )
    return value


def compile_pattern(pattern: Any, *, file: str, where: str) -> re.Pattern[str]:
    """Compiles one regular expression from a knowledge file.

    Raises:
        KnowledgeError: E011, naming the file and entry, if it is invalid.
    """
    try:
        return re.compile(str(pattern))
    except re.error as error:
        raise KnowledgeError(
            Errors.E011.format(file=file, where=where, pattern=pattern, error=error)
        ) from error


def check_groups(groups: Any, *, file: str) -> dict[str, list[str]]:
    """Checks named word groups: each a non-empty list of words or phrases.

    Raises:
        KnowledgeError: E005, naming the group, if one is not.
    """
    for name, members in groups.items():
        if not isinstance(members, list) or not members:
            raise KnowledgeError(
                Errors.E005.format(
                    file=file,
                    where=f"groups.{name}",
                    key=name,
                    expected="a non-empty list",
                    actual=members,
                )
            )
    return {str(name): [str(w) for w in members] for name, members in groups.items()}


def compile_grouped_pattern(
    pattern: Any, groups: Mapping[str, list[str]], *, file: str, where: str
) -> re.Pattern[str]:
    """Compiles a regular expression in which ``<group>`` stands for its members.

    Each ``<group>`` becomes ``(?:member|...)``, the members escaped, longest
    first, ``+`` read as a space. Lookbehinds (``(?<!``, ``(?<=``) are left
    alone.

    Raises:
        KnowledgeError: E011, naming the file and entry, on an unknown group or
            an invalid pattern.
    """

    def members(match: re.Match[str]) -> str:
        if match.group(1) not in groups:
            raise ValueError(f"unknown group {match.group(0)}")
        spelled = {str(w).replace("+", " ").lower() for w in groups[match.group(1)]}
        longest_first = sorted(spelled, key=len, reverse=True)
        return "(?:" + "|".join(re.escape(w) for w in longest_first) + ")"

    try:
        expanded = re.sub(r"<(\w+)>", members, str(pattern))
    except ValueError as error:
        raise KnowledgeError(
            Errors.E011.format(file=file, where=where, pattern=pattern, error=error)
        ) from error
    return compile_pattern(expanded, file=file, where=where)


def normalise_text(text: str) -> str:
    """Folds quotes, dashes, case and white space so passages compare fairly."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(
        str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
    )
    text = text.replace("\u2014", "-").replace("\u2013", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


@lru_cache(maxsize=1)
def load_sources() -> dict[str, Source]:
    """Loads ``data/sources.yml``: the documents knowledge entries may cite."""
    path = DATA_DIR / "sources.yml"
    sources: dict[str, Source] = {}
    for index, raw in enumerate(load_yaml(path, "sources")):
        where = f"sources[{index}]"
        entry = check_keys(
            raw,
            file=path.name,
            where=where,
            required={"id": str, "kind": str, "title": str, "reference": str},
        )
        check_choice(
            entry["kind"], ("seed", "guidance"), file=path.name, where=where, key="kind"
        )
        if entry["id"] in sources:
            raise KnowledgeError(
                Errors.E007.format(file=path.name, where=where, id=entry["id"])
            )
        sources[entry["id"]] = Source(**entry)
    return sources


@lru_cache(maxsize=8)
def seed_text(document: str) -> str:
    """Returns the normalised text of a seed document."""
    return normalise_text((SEEDS_DIR / document).read_text(encoding="utf-8"))


def check_source(raw: Any, *, file: str, where: str) -> Citation:
    """Validates an entry's ``source`` mapping and returns it as a citation.

    Args:
        raw: The value of the entry's ``source`` key.
        file: File name, for messages.
        where: Which entry, for messages.

    Returns:
        The citation.

    Raises:
        KnowledgeError: If the document is unknown or a seed passage is not
            found word for word in the seed document.
    """
    entry = check_keys(
        raw,
        file=file,
        where=f"{where} source",
        required={"document": str, "passage": str},
    )
    sources = load_sources()
    document = entry["document"]
    if document not in sources:
        raise KnowledgeError(
            Errors.E008.format(
                file=file, where=where, document=document, known=", ".join(sources)
            )
        )
    if sources[document].kind == "seed":
        passage = normalise_text(entry["passage"])
        # An ellipsis joins quoted fragments that each appear in the document.
        fragments = [part.strip() for part in passage.split("...") if part.strip()]
        if not all(fragment in seed_text(document) for fragment in fragments):
            raise KnowledgeError(
                Errors.E009.format(
                    file=file, where=where, document=document, passage=entry["passage"]
                )
            )
    return Citation(document=document, passage=entry["passage"])
