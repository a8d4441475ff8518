"""Advice that fits the person, from ``data/advice.yml``.

``select`` is the tailoring: from the person's pattern, directional
preference, phase and red-flag state it picks the items of a topic that apply,
drops those that must not be given, and orders what was not yet said first.
With a red flag there is no exercise advice at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from sciatica.errors import Errors, KnowledgeError
from sciatica.knowledge import (
    DATA_DIR,
    Citation,
    check_choice,
    check_keys,
    check_source,
)

_FILE = "advice.yml"
PHASES = ("flare", "acute", "later")
PREFERENCES = ("extension", "flexion", "none")
PATTERNS = ("disc_like", "stenosis_like", "piriformis_like", "unclear")
# Pain that started or flared this many weeks ago or less counts as a flare.
FLARE_WEEKS = 0.5
# After this many weeks, strengthening and core work come in.
LATER_WEEKS = 6.0
SHORT_FORM = 3


@dataclass(frozen=True)
class Item:
    """One piece of advice and where it comes from."""

    id: str
    topic: str
    text: str
    citation: Citation
    more: str | None = None
    patterns: tuple[str, ...] = ()
    preferences: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    not_for: tuple[str, ...] = ()
    safety: bool = False


@dataclass(frozen=True)
class Knowledge:
    """Every advice item, the topics and the conditions items may name."""

    topics: dict[str, tuple[str, ...]]
    conditions: dict[str, str]
    items: tuple[Item, ...] = field(default=())
    not_recommended: tuple[str, ...] = ()

    def item(self, item_id: str) -> Item:
        """The item with this id."""
        return next(i for i in self.items if i.id == item_id)


@dataclass(frozen=True)
class Person:
    """What the conversation knows that changes the advice."""

    pattern: str | None = None
    preference: str | None = None
    symptom_weeks: float | None = None
    numbness: bool = False
    red_flag: str | None = None
    peripheralized: bool = False

    @property
    def phase(self) -> str | None:
        """``flare`` (first days), ``acute`` (first six weeks), ``later``."""
        if self.symptom_weeks is None:
            return None
        if self.symptom_weeks <= FLARE_WEEKS:
            return "flare"
        return "acute" if self.symptom_weeks < LATER_WEEKS else "later"

    def conditions(self) -> set[str]:
        """The conditions (``advice.yml``) that hold for this person."""
        held = set()
        if self.red_flag in ("emergency", "urgent"):
            held.add("red_flag")
        if self.pattern in ("disc_like", "stenosis_like", "piriformis_like"):
            held.add(self.pattern)
        if self.numbness:
            held.add("numbness")
        if self.preference is not None and self.preference != "extension":
            held.add("extension_not_preferred")
        if self.preference is not None and self.preference != "flexion":
            held.add("flexion_not_preferred")
        if self.peripheralized:
            held.add("peripheralizing")
        held.add("flare" if self.phase == "flare" else "not_flare")
        return held


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """Loads and validates ``data/advice.yml``."""
    import yaml

    path = DATA_DIR / _FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeError(Errors.E001.format(file=_FILE, error=error)) from error
    return parse(raw)


def parse(raw: object) -> Knowledge:
    """Validates the advice file's content (see ``knowledge``)."""
    top = check_keys(
        raw,
        file=_FILE,
        where="top level",
        required={
            "version": int,
            "topics": dict,
            "conditions": dict,
            "items": list,
            "not_recommended_medicines": dict,
        },
    )
    medicines = check_keys(
        top["not_recommended_medicines"],
        file=_FILE,
        where="not_recommended_medicines",
        required={"names": list, "source": dict},
    )
    check_source(medicines["source"], file=_FILE, where="not_recommended_medicines")
    topics = {
        name: tuple(str(word).lower() for word in words)
        for name, words in top["topics"].items()
        if isinstance(words, list) and words
    }
    if len(topics) != len(top["topics"]):
        raise KnowledgeError(
            Errors.E005.format(
                file=_FILE,
                where="topics",
                key="topics",
                expected="a list of words for each topic",
                actual=top["topics"],
            )
        )
    conditions = top["conditions"]
    items: list[Item] = []
    seen: set[str] = set()
    for index, entry in enumerate(top["items"]):
        where = f"items[{index}]"
        entry = check_keys(
            entry,
            file=_FILE,
            where=where,
            required={"id": str, "topic": str, "text": str, "source": dict},
            optional={"more": str, "applies": dict, "not_for": list, "safety": bool},
        )
        where = f"items '{entry['id']}'"
        if entry["id"] in seen:
            raise KnowledgeError(
                Errors.E007.format(file=_FILE, where=where, id=entry["id"])
            )
        seen.add(entry["id"])
        check_choice(entry["topic"], topics, file=_FILE, where=where, key="topic")
        for condition in entry.get("not_for", []):
            check_choice(condition, conditions, file=_FILE, where=where, key="not_for")
        applies = check_keys(
            entry.get("applies", {}),
            file=_FILE,
            where=f"{where} applies",
            required={},
            optional={"patterns": list, "preferences": list, "phases": list},
        )
        for key, allowed in (
            ("patterns", PATTERNS),
            ("preferences", PREFERENCES),
            ("phases", PHASES),
        ):
            for value in applies.get(key, []):
                check_choice(value, allowed, file=_FILE, where=where, key=key)
        items.append(
            Item(
                id=entry["id"],
                topic=entry["topic"],
                text=entry["text"],
                more=entry.get("more"),
                citation=check_source(entry["source"], file=_FILE, where=where),
                patterns=tuple(applies.get("patterns", [])),
                preferences=tuple(applies.get("preferences", [])),
                phases=tuple(applies.get("phases", [])),
                not_for=tuple(entry.get("not_for", [])),
                safety=entry.get("safety", False),
            )
        )
    return Knowledge(
        topics=topics,
        conditions=conditions,
        items=tuple(items),
        not_recommended=tuple(str(name).lower() for name in medicines["names"]),
    )


def select(
    topic: str,
    person: Person,
    already_given: Iterable[str] = (),
    kb: Knowledge | None = None,
) -> list[Item]:
    """The items of ``topic`` for this person, best first.

    Args:
        topic: One of the topics in ``advice.yml``.
        person: What is known about the person.
        already_given: Ids of items said before; they go last.
        kb: The knowledge (the packaged file by default).

    Returns:
        The applicable items: those matching the person first, then general
        ones, each group with what was not yet said first. Items held back by
        a condition (and every exercise when a red flag was raised) are left
        out.
    """
    kb = kb or knowledge()
    if topic not in kb.topics:
        raise KnowledgeError(
            Errors.E006.format(
                file=_FILE,
                where="select",
                key="topic",
                allowed=", ".join(kb.topics),
                actual=topic,
            )
        )
    held = person.conditions()
    if "red_flag" in held and topic == "exercise":
        return []
    given = set(already_given)
    chosen = [
        item
        for item in kb.items
        if item.topic == topic
        and not held & set(item.not_for)
        and _applies(item, person)
    ]

    def rank(item: Item) -> tuple[int, int, int]:
        specific = bool(item.patterns or item.preferences or item.phases)
        return (item.id in given, not specific, kb.items.index(item))

    return sorted(chosen, key=rank)


def short_form(items: list[Item], size: int = SHORT_FORM) -> list[Item]:
    """The first ``size`` items, plus any safety caveat that did not fit."""
    chosen = items[:size]
    return chosen + [item for item in items[size:] if item.safety]


def _applies(item: Item, person: Person) -> bool:
    if item.patterns and person.pattern and person.pattern not in item.patterns:
        return False
    if item.preferences and person.preference not in item.preferences:
        return False
    phase = person.phase
    return not (item.phases and phase is not None and phase not in item.phases)


def topic_of(text: str | None, kb: Knowledge | None = None) -> str | None:
    """The advice topic a message asks about, if it names one.

    The topic whose words appear most often wins; "exercise" words lose to a
    more specific topic on a tie ("exercises to avoid" is about what to avoid).
    """
    import re

    kb = kb or knowledge()
    cleaned = (text or "").lower()
    counts = {
        topic: sum(bool(re.search(rf"\b{re.escape(w)}\b", cleaned)) for w in words)
        for topic, words in kb.topics.items()
    }
    best = max(counts.values(), default=0)
    if best == 0:
        return None
    tied = [topic for topic, count in counts.items() if count == best]
    specific = [topic for topic in tied if topic != "exercise"]
    return (specific or tied)[0]


def mentions_not_recommended_medicine(text: str | None) -> bool:
    """Whether a message names a medicine NICE NG59 advises against for sciatica."""
    cleaned = (text or "").lower()
    return any(name in cleaned for name in knowledge().not_recommended)
