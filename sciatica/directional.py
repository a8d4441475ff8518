"""The directional-preference test: its steps and how to read the answers.

After each step the person says where the leg pain is now compared with
before. Pain retreating towards the back, even if sharper there, is
centralization (good); pain spreading further down the leg is
peripheralization: stop at once. Extension comes first (lying on the stomach,
propping on the elbows, press-ups); if it sends pain down the leg, cannot be
done, or changes nothing (or the pattern is stenosis-like, where extension may
hurt), flexion is tried (knees to chest).
"""

from __future__ import annotations

import re
from typing import Mapping

from sciatica.answers import NO, YES, read_yes_no
from sciatica.interview import EXTENT_ORDER, furthest_extent
from sciatica.pattern import STENOSIS

CENTRALIZING = "centralizing"
PERIPHERALIZING = "peripheralizing"
NO_CHANGE = "no_change"
COULD_NOT = "could_not"
SKIPPED = "skipped"
READINGS = (CENTRALIZING, PERIPHERALIZING, NO_CHANGE, COULD_NOT, SKIPPED)

EXTENSION = "extension"
FLEXION = "flexion"
NONE = "none"

CAN_LIE_PRONE = "dp_can_lie_prone"
EXTENSION_STEPS = ("dp_prone", "dp_elbows", "dp_pressups")
FLEXION_STEPS = ("dp_knees",)
STEPS = EXTENSION_STEPS + FLEXION_STEPS

_COULD_NOT = re.compile(
    r"could(n'?t| not)|can'?t|cannot|too (painful|sore|much)|hurt(s)? too much|"
    r"unable|didn'?t (try|do)|not able|impossible|gave up|had to stop|no way"
)
_SKIP = re.compile(r"^(skip|pass|next|skip (it|this|that|this one|this step))\b")
_NO_CHANGE = re.compile(
    r"no (difference|change)|nothing changed|didn'?t change|hasn'?t changed|"
    r"not changed|the same|same as before|same place|no different|unchanged|"
    r"didn'?t (do|make) (anything|a difference)|nothing happened|still the same"
)
_CENTRAL = re.compile(
    r"moved? up|moving up|went up|gone up|goes up|higher( up)?|retreat\w*|"
    r"less far|not as far|doesn'?t go as far|closer to (my )?(back|spine|bum)|"
    r"centrali[sz]\w*|only in (my )?(back|bum|buttock|hip|thigh)|"
    r"(calf|foot|toe|toes|shin|leg|ankle|knee)( pain)? (is |has )?"
    r"(gone|went away|disappeared|eased|better|easier)|"
    r"(gone|disappeared) from (my )?(calf|foot|toes|shin|leg|ankle)|"
    r"(leg|calf|foot) (feels |is )?better|back (hurts|is) (more|sharper|worse)|"
    r"more in (my )?back"
)
_PERIPHERAL = re.compile(
    r"further down|farther down|"
    r"(went|goes|going|moved|spread|spreading|travell?ed|shot) "
    r"(further |more |right )?(down|into)|spread\w*|lower down|"
    r"down to (my )?(foot|toes|ankle|heel)|into (my )?(foot|toes|calf|ankle)|"
    r"periphera\w*|(foot|toes|calf|shin|ankle) (hurts|is) (more|worse)|"
    r"worse in (my )?(leg|foot|calf|toes)|"
    r"more (in|down) (my )?(leg|foot|calf|toes)|new (numbness|tingling)"
)


def read_movement(text: str | None, baseline_extent: str | None = None) -> str | None:
    """Reads where the leg pain went after a test step.

    Args:
        text: The person's answer ("it moved up into my thigh", "no difference").
        baseline_extent: How far down the leg the pain reached before the step.

    Returns:
        ``centralizing``, ``peripheralizing``, ``no_change``, ``could_not``,
        ``skipped``, or ``None`` if the answer says none of these. Spreading
        wins over everything else: it means stop.
    """
    cleaned = (text or "").lower().replace("\u2019", "'").strip()
    if not cleaned:
        return None
    if _SKIP.search(cleaned):
        return SKIPPED
    if _PERIPHERAL.search(cleaned):
        return PERIPHERALIZING
    if _CENTRAL.search(cleaned):
        return CENTRALIZING
    if _COULD_NOT.search(cleaned):
        return COULD_NOT
    if _NO_CHANGE.search(cleaned):
        return NO_CHANGE
    if baseline_extent in EXTENT_ORDER:
        now = furthest_extent(cleaned)
        if now is not None:
            before, after = EXTENT_ORDER.index(baseline_extent), EXTENT_ORDER.index(now)
            if after < before:
                return CENTRALIZING
            if after > before:
                return PERIPHERALIZING
            return NO_CHANGE
    if read_yes_no(cleaned) == NO:
        return NO_CHANGE
    return None


def required_steps(answers: Mapping[str, str | None], pattern: str | None) -> list[str]:
    """The test steps still to do, in order, given the answers so far.

    Args:
        answers: ``dp_can_lie_prone`` (yes/no) and each step's reading.
        pattern: The interview pattern; stenosis-like goes straight to flexion.

    Returns:
        Slot names: those answered plus those still to ask.
    """
    needed: list[str] = []
    if pattern != STENOSIS:
        needed.append(CAN_LIE_PRONE)
        can_prone = answers.get(CAN_LIE_PRONE)
        if can_prone is None:
            return needed
        if can_prone == YES:
            for step in EXTENSION_STEPS:
                needed.append(step)
                reading = answers.get(step)
                if reading is None:
                    return needed
                if reading in (PERIPHERALIZING, COULD_NOT):
                    break
            if _extension_helped(answers):
                return needed
    needed.extend(FLEXION_STEPS)
    return needed


def result(answers: Mapping[str, str | None]) -> str:
    """The directional preference: ``extension``, ``flexion`` or ``none``."""
    if _extension_helped(answers):
        return EXTENSION
    flexion = [answers.get(step) for step in FLEXION_STEPS]
    if CENTRALIZING in flexion and PERIPHERALIZING not in flexion:
        return FLEXION
    return NONE


def peripheralized(answers: Mapping[str, str | None]) -> list[str]:
    """The steps that sent pain further down the leg."""
    return [step for step in STEPS if answers.get(step) == PERIPHERALIZING]


def flexion_spread(answers: Mapping[str, str | None]) -> bool:
    """Whether the last direction tried (flexion) sent pain down the leg.

    Flexion is only tried when extension did not help, so this means no
    direction tried was safe to repeat.
    """
    return any(step in FLEXION_STEPS for step in peripheralized(answers))


def _extension_helped(answers: Mapping[str, str | None]) -> bool:
    readings = [answers.get(step) for step in EXTENSION_STEPS]
    return (
        answers.get(CAN_LIE_PRONE) == YES
        and CENTRALIZING in readings
        and PERIPHERALIZING not in readings
        and COULD_NOT not in readings
    )
