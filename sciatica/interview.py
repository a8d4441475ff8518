"""Reading the symptom interview from free text.

People answer out of order and several things at once ("left leg down to my
calf for three weeks, about a 6, worse sitting"). ``parse`` finds every answer
a message gives; ``expecting`` tells it which question was just asked, so a
bare "6", "left" or "sitting" can be read as the answer to that question.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from sciatica.answers import NO, YES, read_yes_no
from sciatica.numbers import NUMBER, parse_number

# Leg extent, from closest to the spine to furthest. "back" is not a value of
# the pain_extent slot; it is used when reading movement in the exercise test.
EXTENTS = ("buttock", "thigh", "below_knee", "foot")
EXTENT_ORDER = ("back", *EXTENTS)
SIDES = ("left", "right", "both")
WORSE_ACTIVITIES = ("sitting", "bending", "standing", "walking", "coughing")
BETTER_ACTIVITIES = ("lying", "walking", "bending", "sitting", "standing")
NOTHING = "nothing"

MIN_SCORE, MAX_SCORE = 0.0, 10.0
MIN_AGE, MAX_AGE = 16, 110
_DAYS_PER_WEEK = 7.0
_WEEKS_PER_MONTH = 4.345
_WEEKS_PER_YEAR = 52.0

_EXTENT_TERMS = {
    "back": r"(lower |low )?back|spine|lumbar",
    "buttock": r"buttocks?|bum|butt|glutes?|backside|bottom|hips?|cheeks?|sit bones?",
    "thigh": r"thighs?|hamstrings?|back of (my |the )?(leg|thigh)|upper leg|knees?",
    "below_knee": r"calf|calves|shins?|lower leg|ankles?|below (my |the )?knee|"
    r"under (my |the )?knee",
    "foot": r"feet|foot|toes?|heels?|soles?|instep|all the way down|whole leg|"
    r"entire leg|down to the floor",
}
_ACTIVITY_TERMS = {
    "sitting": r"sit|sits|sitting|sat|seated|chairs?|desk|driving|drive|car|sofa|couch",
    "bending": r"bend|bends|bending|bent|lean(ing)? forward|stoop(ing)?|"
    r"pick(ing)? (things )?up|lift(ing)?|tying (my )?shoes|touch(ing)? (my )?toes",
    "standing": r"stand|stands|standing|stood|queue|queuing",
    "walking": r"walk|walks|walking|walked|hiking|strolls?",
    "coughing": r"cough|coughs|coughing|sneeze|sneezes|sneezing|laugh(ing)?|"
    r"strain(ing)?",
    "lying": r"lie|lying|laying|lay down|lie down|in bed|bed|rest|resting|reclin\w*",
}
_WORSE_CUES = (
    r"worse|worst|aggravat\w*|hurts? (more|most)|more pain|kills?|agony|"
    r"unbearable|flares?|triggers?|painful|can'?t|cannot|struggle|hard to|bad|"
    r"hurts?|hurting|aches?|aching|sore|twinges?|shoots?"
)
_BETTER_CUES = (
    r"better|best|eases?|easing|helps?|relie(f|ves?|ved)|easier|improves?|"
    r"less pain|comfortable|soothes?|settles?|good"
)
_CLAUSE_BREAKS = re.compile(r"[,;.!?]| but | while | whereas | although ")
_NEGATED_NUMB = re.compile(
    r"\b(no|not|never|without|don'?t have|do not have|haven'?t had|nor)\b[^,.;]{0,20}"
    r"(numb|tingl|pins and needles|pins & needles)"
)
_NUMB = re.compile(
    r"numb|tingl|pins and needles|pins & needles|pins n needles|dead feeling"
)
_WALLET = re.compile(r"wallet|hard (chair|seat|surface|bench)|back pocket")


@dataclass(frozen=True)
class Facts:
    """What one message says about the person's sciatica.

    ``None`` means the message did not say; ``invalid`` names the questions it
    answered with an impossible value ("eleven out of ten", age 200).
    """

    pain_score: float | None = None
    pain_side: str | None = None
    pain_extent: str | None = None
    symptom_weeks: float | None = None
    numbness: str | None = None
    worse_with: tuple[str, ...] = ()
    better_with: tuple[str, ...] = ()
    age: float | None = None
    wallet: bool = False
    invalid: tuple[str, ...] = field(default=())

    def as_slots(self) -> dict[str, object]:
        """The facts as slot values (only those the message gave)."""
        values: dict[str, object] = {
            "pain_score": self.pain_score,
            "pain_side": self.pain_side,
            "pain_extent": self.pain_extent,
            "symptom_weeks": self.symptom_weeks,
            "numbness": self.numbness,
            "worse_with": list(self.worse_with) or None,
            "better_with": list(self.better_with) or None,
            "age": self.age,
        }
        return {key: value for key, value in values.items() if value is not None}


def parse(text: str | None, expecting: str | None = None) -> Facts:
    """Reads every interview answer ``text`` gives.

    Args:
        text: The user's message (or a button's text).
        expecting: The slot the assistant just asked about, if any.

    Returns:
        The facts found.
    """
    cleaned = _clean(text or "")
    if not cleaned or cleaned.startswith("/"):
        return Facts()
    invalid: list[str] = []
    score = _score(cleaned, expecting == "pain_score", invalid)
    weeks = _weeks(cleaned)
    age = _age(cleaned, expecting == "age", invalid)
    worse, better = _activities(cleaned, expecting)
    return Facts(
        pain_score=score,
        pain_side=_side(cleaned, expecting == "pain_side"),
        pain_extent=furthest_extent(cleaned, leg_only=True),
        symptom_weeks=weeks,
        numbness=_numbness(cleaned, expecting == "numbness"),
        worse_with=worse,
        better_with=better,
        age=age,
        wallet=bool(_WALLET.search(cleaned)),
        invalid=tuple(invalid),
    )


def furthest_extent(text: str, leg_only: bool = False) -> str | None:
    """The furthest part of the leg ``text`` mentions (``back`` counts too)."""
    cleaned = _clean(text)
    found = [
        name
        for name, pattern in _EXTENT_TERMS.items()
        if re.search(rf"\b({pattern})\b", cleaned)
    ]
    if leg_only:
        found = [name for name in found if name != "back"]
    if not found:
        return None
    return max(found, key=EXTENT_ORDER.index)


def _clean(text: str) -> str:
    text = text.lower().replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def _score(text: str, expecting: bool, invalid: list[str]) -> float | None:
    patterns = [
        rf"\b{NUMBER}\s*(?:/|out of|outta|of)\s*(?:10|ten)\b",
        rf"\b(?:pain|score|level|rate it|rating|it'?s|its|about|around|roughly|maybe)"
        rf"\s+(?:is\s+|at\s+|of\s+|a\s+|an\s+|about\s+|around\s+)*{NUMBER}\b(?!\s*(?:day|week|month|year|hour|kg|lb|stone))",
    ]
    if expecting:
        patterns.append(rf"^(?:a |an |about |around |maybe )?{NUMBER}$")
        patterns.append(rf"\b{NUMBER}\s*-\s*{NUMBER}\b")
    for pattern in patterns:
        match = re.search(pattern, text)
        if not match:
            continue
        values = [parse_number(g) for g in match.groups() if g]
        values = [v for v in values if v is not None]
        if not values:
            continue
        value = sum(values) / len(values)
        if MIN_SCORE <= value <= MAX_SCORE:
            return round(value, 1)
        invalid.append("pain_score")
        return None
    return None


def _weeks(text: str) -> float | None:
    units = {
        "day": 1 / _DAYS_PER_WEEK,
        "week": 1.0,
        "fortnight": 2.0,
        "month": _WEEKS_PER_MONTH,
        "year": _WEEKS_PER_YEAR,
    }
    match = re.search(
        rf"\b{NUMBER}?\s*(?:and a half\s+)?(day|week|fortnight|month|year)s?\b", text
    )
    if match:
        amount = parse_number(match.group(1)) if match.group(1) else 1.0
        if amount is not None and math.isfinite(amount):
            if "and a half" in match.group(0):
                amount += 0.5
            return round(amount * units[match.group(2)], 2)
    relative = {
        r"since (yesterday|last night)|yesterday": 1 / _DAYS_PER_WEEK,
        r"since (this|today)|this morning|today": 0.5 / _DAYS_PER_WEEK,
        r"since last week|last week": 1.0,
        r"since last month|last month": _WEEKS_PER_MONTH,
        r"since last year|last year": _WEEKS_PER_YEAR,
    }
    for pattern, weeks in relative.items():
        if re.search(rf"\b({pattern})\b", text):
            return round(weeks, 2)
    return None


def _age(text: str, expecting: bool, invalid: list[str]) -> float | None:
    match = re.search(
        r"\b(?:i'?m|i am|aged?|age is)\s+(\d{2,3})\b|"
        r"\b(\d{2,3})\s*(?:years? old|yo|y/o|yrs)\b",
        text,
    )
    value = None
    if match:
        value = parse_number(match.group(1) or match.group(2))
    elif expecting:
        bare = re.search(r"^(?:i'?m |about |around )?(\d{1,3})$", text)
        if bare:
            value = parse_number(bare.group(1))
    if value is not None:
        if MIN_AGE <= value <= MAX_AGE:
            return value
        invalid.append("age")
        return None
    return None


def _side(text: str, expecting: bool) -> str | None:
    leg = r"(leg|side|buttock|bum|hip|thigh|calf|foot|knee|glute|one|cheek)"
    both = re.search(r"\bboth\b|\beach\b|\bleft and right\b|\bright and left\b", text)
    left = re.search(rf"\bleft\s+{leg}|\b{leg}\s+on the left|\bon the left\b", text)
    right = re.search(rf"\bright\s+{leg}|\b{leg}\s+on the right|\bon the right\b", text)
    if expecting:
        left = left or re.search(r"^(the |my |on the )?left\b", text)
        right = right or re.search(r"^(the |my |on the )?right\b", text)
    if both or (left and right):
        return "both"
    if left:
        return "left"
    if right:
        return "right"
    return None


def _numbness(text: str, expecting: bool) -> str | None:
    clauses = _CLAUSE_BREAKS.split(text)
    if any(_NUMB.search(c) and not _NEGATED_NUMB.search(c) for c in clauses):
        return YES
    if _NEGATED_NUMB.search(text):
        return NO
    if expecting:
        answer = read_yes_no(text)
        if answer in (YES, NO):
            return answer
    return None


def _activities(
    text: str, expecting: str | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    worse: list[str] = []
    better: list[str] = []
    for sentence in re.split(r"[.!?;]", text):
        clauses = _CLAUSE_BREAKS.split(sentence)
        sentence_cues = _cues(sentence)
        for clause in clauses:
            clause_cues = _cues(clause)
            for activity, pattern in _ACTIVITY_TERMS.items():
                for match in re.finditer(rf"\b({pattern})\b", clause):
                    cues = clause_cues or [
                        (kind, pos - sentence.find(clause))
                        for kind, pos in sentence_cues
                    ]
                    polarity = _nearest(cues, match.start())
                    if polarity is None and expecting in ("worse_with", "better_with"):
                        polarity = "worse" if expecting == "worse_with" else "better"
                    if polarity == "worse" and activity in WORSE_ACTIVITIES:
                        worse.append(activity)
                    elif polarity == "better" and activity in BETTER_ACTIVITIES:
                        better.append(activity)
    nothing = r"\b(nothing|none|no idea|not really|doesn'?t|nothing really)\b"
    asked = expecting in ("worse_with", "better_with")
    if asked and not (worse or better) and re.search(nothing, text):
        (worse if expecting == "worse_with" else better).append(NOTHING)
    return tuple(dict.fromkeys(worse)), tuple(dict.fromkeys(better))


def _cues(text: str) -> list[tuple[str, int]]:
    cues = [("worse", m.start()) for m in re.finditer(rf"\b({_WORSE_CUES})\b", text)]
    cues += [("better", m.start()) for m in re.finditer(rf"\b({_BETTER_CUES})\b", text)]
    return cues


def _nearest(cues: list[tuple[str, int]], position: int) -> str | None:
    if not cues:
        return None
    return min(cues, key=lambda cue: abs(cue[1] - position))[0]
