"""The red-flag screening: which question comes next and what the answers mean.

Questions are asked in the order of ``data/screening.yml``: the emergency
(cauda equina) questions first. Asking stops as soon as the answers cannot make
the outcome any more urgent: at the first emergency "yes", or once every
emergency question is answered and a same-day finding is already there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

from sciatica.answers import NO, UNSURE, YES
from sciatica.errors import Errors, KnowledgeError
from sciatica.knowledge import DATA_DIR, Citation, check_keys, check_source, load_yaml
from sciatica.redflags import EMERGENCY, URGENT, RedFlagDetector

NONE = "none"
_FILE = "screening.yml"


@dataclass(frozen=True)
class Question:
    """One screening question (a form slot) and the red flags it asks about."""

    slot: str
    concepts: tuple[str, ...]
    urgency: str
    citation: Citation


@dataclass(frozen=True)
class Outcome:
    """What the answers add up to.

    Attributes:
        level: ``emergency``, ``urgent`` or ``none``. Answers left unsure after
            the re-ask count as ``urgent`` (see a doctor today).
        concepts: The red-flag concepts answered "yes", most urgent first.
        unsure: The concepts the person could not rule out.
        complete: Whether every question was answered (needed for ``none``).
    """

    level: str | None
    concepts: tuple[str, ...]
    unsure: tuple[str, ...]
    complete: bool


@lru_cache(maxsize=1)
def questions() -> tuple[Question, ...]:
    """Loads and validates the screening questions."""
    path = DATA_DIR / _FILE
    concepts = RedFlagDetector.default().concepts
    loaded = []
    for index, raw in enumerate(load_yaml(path, "questions")):
        where = f"questions[{index}]"
        entry = check_keys(
            raw,
            file=_FILE,
            where=where,
            required={"slot": str, "concepts": list, "source": dict},
        )
        for concept in entry["concepts"]:
            if concept not in concepts:
                raise KnowledgeError(
                    Errors.E010.format(file=_FILE, where=where, concept=concept)
                )
        urgencies = {concepts[c].urgency for c in entry["concepts"]}
        loaded.append(
            Question(
                slot=entry["slot"],
                concepts=tuple(entry["concepts"]),
                urgency=EMERGENCY if EMERGENCY in urgencies else URGENT,
                citation=check_source(entry["source"], file=_FILE, where=where),
            )
        )
    return tuple(loaded)


def slots() -> list[str]:
    """The screening slots in the order they are asked."""
    return [question.slot for question in questions()]


def question_for(concept: str) -> Question | None:
    """The screening question that asks about ``concept``, if any."""
    return next((q for q in questions() if concept in q.concepts), None)


def required_slots(answers: Mapping[str, str | None]) -> list[str]:
    """The slots the form needs, given the answers so far.

    The list holds the answered slots plus the ones still worth asking; the
    form asks the first unanswered one and ends when none is left.

    Args:
        answers: Slot name to ``yes``/``no``/``unsure`` (or ``None``).

    Returns:
        Slot names, in asking order.
    """
    needed: list[str] = []
    same_day_finding = False
    for question in questions():
        answer = answers.get(question.slot)
        if question.urgency == URGENT and same_day_finding:
            break
        needed.append(question.slot)
        if answer is None:
            continue
        if answer == YES and question.urgency == EMERGENCY:
            break
        if answer == UNSURE or (answer == YES and question.urgency == URGENT):
            same_day_finding = True
    return needed


def outcome(answers: Mapping[str, str | None]) -> Outcome:
    """Sums up the screening answers.

    Args:
        answers: Slot name to ``yes``/``no``/``unsure`` (or ``None``).

    Returns:
        The outcome. ``level`` is ``none`` only when every question was
        answered "no"; it is ``None`` while questions are still open and no
        flag was found.
    """
    detector = RedFlagDetector.default()
    yes: list[str] = []
    unsure: list[str] = []
    for question in questions():
        answer = answers.get(question.slot)
        if answer == YES:
            yes.extend(question.concepts)
        elif answer == UNSURE:
            unsure.extend(question.concepts)
    complete = all(answers.get(q.slot) in (YES, NO, UNSURE) for q in questions())
    urgencies = {detector.concepts[c].urgency for c in yes}
    if EMERGENCY in urgencies:
        level: str | None = EMERGENCY
    elif urgencies or unsure:
        level = URGENT
    elif complete:
        level = NONE
    else:
        level = None
    return Outcome(level, tuple(yes), tuple(unsure), complete)


def raise_level(current: str | None, new: str | None) -> str | None:
    """Combines two red-flag levels; the result is never lower than ``current``.

    Args:
        current: The level so far (``emergency``, ``urgent``, ``none`` or None).
        new: The level just found.

    Returns:
        The more urgent of the two.
    """
    order = [None, NONE, URGENT, EMERGENCY]
    current_rank = order.index(current) if current in order else 0
    new_rank = order.index(new) if new in order else 0
    return order[max(current_rank, new_rank)]


def reasons(concepts: Sequence[str]) -> list[str]:
    """Plain-language reasons for the concepts, from the knowledge file."""
    detector = RedFlagDetector.default()
    unique = dict.fromkeys(concepts)
    return [detector.concepts[c].reason for c in unique if c in detector.concepts]
