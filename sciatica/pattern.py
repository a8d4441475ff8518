"""Which pattern the interview answers look like (never a diagnosis).

The documents describe three common sources of sciatica that need different
care: a disc (worse sitting and bending, better standing and walking), spinal
stenosis (worse standing and walking, better sitting or bending forward, more
common with age) and the piriformis muscle (pain mostly in the buttock, worse
sitting on a hard seat or a wallet). Treating one like another can make pain
worse, so the pattern steers the advice; when the answers do not point
clearly one way, the pattern is ``unclear``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

DISC = "disc_like"
STENOSIS = "stenosis_like"
PIRIFORMIS = "piriformis_like"
UNCLEAR = "unclear"
PATTERNS = (DISC, STENOSIS, PIRIFORMIS, UNCLEAR)

# A pattern needs this much support, and this lead over the next one.
_MIN_SCORE = 3.0
_MIN_LEAD = 1.0
_OLDER = 60
_MIDDLE_AGED = 50


@dataclass(frozen=True)
class PatternResult:
    """The pattern and the answers that point to it."""

    pattern: str
    scores: dict[str, float]
    reasons: tuple[str, ...]


def classify(
    worse_with: Iterable[str] = (),
    better_with: Iterable[str] = (),
    pain_extent: str | None = None,
    age: float | None = None,
    wallet: bool = False,
) -> PatternResult:
    """Scores the three patterns from the interview answers.

    Args:
        worse_with: Activities that make the pain worse.
        better_with: Activities that ease it.
        pain_extent: How far down the leg it goes.
        age: The person's age, if given.
        wallet: Whether sitting on a wallet or hard seat was mentioned.

    Returns:
        The pattern (``unclear`` unless one stands out) with its reasons.
    """
    worse, better = set(worse_with), set(better_with)
    scores = {DISC: 0.0, STENOSIS: 0.0, PIRIFORMIS: 0.0}
    reasons: dict[str, list[str]] = {DISC: [], STENOSIS: [], PIRIFORMIS: []}

    def add(pattern: str, points: float, reason: str) -> None:
        scores[pattern] += points
        if points > 0:
            reasons[pattern].append(reason)

    for activity in ("sitting", "bending"):
        if activity in worse:
            add(DISC, 2, f"worse_{activity}")
            add(STENOSIS, -2, f"worse_{activity}")
        if activity in better:
            add(STENOSIS, 2, f"better_{activity}")
            add(DISC, -1, f"better_{activity}")
    for activity in ("standing", "walking"):
        if activity in better:
            add(DISC, 1.5, f"better_{activity}")
            add(STENOSIS, -1.5, f"better_{activity}")
        if activity in worse:
            add(STENOSIS, 2, f"worse_{activity}")
            add(DISC, -1, f"worse_{activity}")
    if "coughing" in worse:
        add(DISC, 1, "worse_coughing")
        add(PIRIFORMIS, -1, "worse_coughing")
    if age is not None and age >= _OLDER:
        add(STENOSIS, 1.5, "older_age")
    elif age is not None and age >= _MIDDLE_AGED:
        add(STENOSIS, 0.5, "older_age")
    if pain_extent in ("buttock", "thigh") and "sitting" in worse:
        add(PIRIFORMIS, 2, "buttock_pain_worse_sitting")
    if wallet:
        add(PIRIFORMIS, 2.5, "hard_seat_or_wallet")
    if pain_extent in ("below_knee", "foot"):
        add(PIRIFORMIS, -1, "pain_below_knee")

    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= _MIN_SCORE and top - second >= _MIN_LEAD:
        return PatternResult(best, scores, tuple(reasons[best]))
    return PatternResult(UNCLEAR, scores, ())
