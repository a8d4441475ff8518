"""The diary's trend, the two-week physiotherapist rule and frequent triggers."""

import datetime as dt

import pytest

from sciatica.diary import DiaryEntry
from sciatica.progress import (
    CENTRALIZING,
    FLAT,
    IMPROVING,
    PERIPHERALIZING,
    SAME,
    TOO_FEW,
    UNKNOWN,
    WORSENING,
    TriggerCount,
    frequent_triggers,
    progress,
    spreading,
)

START = dt.date(2024, 5, 1)


def diary(*days):
    """Entries from (day offset, pain, extent[, triggers]) tuples."""
    return [
        DiaryEntry(
            date=START + dt.timedelta(days=offset),
            pain=pain,
            extent=extent,
            triggers=rest[0] if rest else (),
        )
        for offset, pain, extent, *rest in days
    ]


def on_day(offset):
    return START + dt.timedelta(days=offset)


def test_improving_pain_from_7_to_4_over_9_days():
    result = progress(diary((0, 7, None), (4, 6, None), (9, 4, None)), on_day(9))
    assert result.kind == IMPROVING
    assert (result.pain_from, result.pain_to, result.pain_change) == (7.0, 4.0, -3.0)
    assert (result.first_date, result.last_date, result.days) == (
        START,
        on_day(9),
        9,
    )
    assert result.entries == 3
    assert not result.see_physio


def test_worsening_pain():
    result = progress(diary((0, 3, None), (5, 6, None)), on_day(5))
    assert result.kind == WORSENING
    assert result.pain_change == 3.0


def test_a_change_under_two_points_is_flat():
    result = progress(
        diary((0, 5, "thigh"), (3, 6, "thigh"), (6, 4, "thigh")), on_day(6)
    )
    assert result.kind == FLAT
    assert result.extent_change == SAME


def test_pain_no_longer_below_the_knee_is_centralizing_even_if_sharper():
    # Seed 002: moving closer to the spine is winning, even if sharper there.
    result = progress(diary((0, 5, "below_knee"), (4, 6, "thigh")), on_day(4))
    assert result.extent_change == CENTRALIZING
    assert (result.extent_from, result.extent_to) == ("below_knee", "thigh")
    assert result.kind == IMPROVING


def test_pain_spreading_further_down_is_worsening_even_if_milder():
    result = progress(diary((0, 6, "thigh"), (4, 3, "foot")), on_day(4))
    assert result.extent_change == PERIPHERALIZING
    assert result.kind == WORSENING


@pytest.mark.parametrize(
    "entries",
    [
        [],
        diary((0, 7, "foot")),
        diary((0, None, None), (3, None, None)),
        diary((0, 7, None), (3, None, "thigh")),
    ],
)
def test_too_few_entries_give_no_trend(entries):
    result = progress(entries, on_day(30))
    assert result.kind == TOO_FEW
    assert result.extent_change == UNKNOWN
    assert not result.see_physio


def test_no_better_after_more_than_two_weeks_means_see_a_physiotherapist():
    entries = diary((0, 6, "below_knee"), (8, 6, "below_knee"), (15, 5, "below_knee"))
    result = progress(entries, on_day(15))
    assert result.kind == FLAT
    assert result.days_since_first == 15
    assert result.see_physio


def test_worse_after_more_than_two_weeks_means_see_a_physiotherapist():
    assert progress(diary((0, 4, None), (16, 7, None)), on_day(16)).see_physio


def test_worse_within_days_is_worsening_but_not_yet_the_two_week_rule():
    # The seed says "persists or worsens for more than two weeks".
    result = progress(diary((0, 3, None), (3, 8, None)), on_day(3))
    assert result.kind == WORSENING
    assert not result.see_physio


def test_exactly_two_weeks_is_not_more_than_two_weeks():
    assert not progress(diary((0, 6, None), (14, 6, None)), on_day(14)).see_physio


def test_two_weeks_counts_from_the_first_check_in_to_today():
    assert progress(diary((0, 6, None), (10, 6, None)), on_day(20)).see_physio


def test_improving_after_two_weeks_needs_no_physiotherapist():
    assert not progress(diary((0, 7, None), (20, 3, None)), on_day(20)).see_physio


def test_pain_gone_is_not_pain_that_persists():
    assert not progress(diary((0, 1, None), (20, 0, None)), on_day(20)).see_physio


def test_spreading_compares_the_latest_check_in_with_the_one_before():
    assert spreading(diary((0, 5, "thigh"), (1, 5, "below_knee")))
    assert not spreading(diary((0, 5, "foot"), (1, 5, "thigh")))
    assert not spreading(diary((0, 5, "thigh"), (1, 5, "thigh")))
    assert spreading(diary((0, 5, "thigh"), (1, 5, None), (2, 5, "foot")))
    assert not spreading(diary((0, 5, "thigh"), (1, 5, None)))
    assert not spreading(diary((0, 5, "foot")))


def test_frequent_triggers_are_counted_across_check_ins_with_their_topic():
    entries = diary(
        (0, 6, None, ("sitting", "mornings")),
        (1, 6, None, ("driving", "sitting")),
        (2, 5, None, ("mornings",)),
        (3, 5, None, ("sitting", "stress")),
    )
    assert frequent_triggers(entries) == [
        TriggerCount("sitting", 3, "sitting"),
        TriggerCount("mornings", 2, "sleep"),
    ]
    assert frequent_triggers(entries, top=1) == [("sitting", 3, "sitting")]


def test_too_few_check_ins_name_no_triggers():
    entries = diary((0, 6, None, ("sitting",)), (1, 6, None, ("sitting",)))
    assert frequent_triggers(entries) == []
    assert frequent_triggers(entries, minimum_checkins=2) == [("sitting", 2, "sitting")]


def test_a_trigger_named_once_is_not_frequent_and_old_ids_are_skipped():
    entries = diary(
        (0, 6, None, ("sitting", "gone_trigger")),
        (1, 6, None, ("gone_trigger",)),
        (2, 6, None, ("standing",)),
        (3, 6, None, ("standing",)),
    )
    assert frequent_triggers(entries) == [("standing", 2, None)]


def test_a_tie_goes_to_the_trigger_named_more_recently():
    entries = diary(
        (0, 6, None, ("sitting",)),
        (1, 6, None, ("sitting", "driving")),
        (2, 6, None, ("driving",)),
    )
    assert [t.trigger for t in frequent_triggers(entries)] == ["driving", "sitting"]
