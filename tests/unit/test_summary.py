"""The clinician summary and its template file."""

import datetime as dt
from pathlib import Path

import pytest

from sciatica import report_text
from sciatica.diary import DiaryEntry
from sciatica.errors import KnowledgeError
from sciatica.summary import MAX_DIARY_ROWS, clinician_summary

PACKAGED = Path(report_text.__file__).parent / "data" / "clinician_summary.txt"
TODAY = dt.date(2024, 5, 20)


def full_summary(**changes):
    data = {
        "screening": {"screen_bladder_bowel": "no", "screen_fever": "unsure"},
        "red_flag": "urgent",
        "screened_on": "2024-05-01",
        "interview": {
            "pain_side": "left",
            "pain_extent": "below_knee",
            "symptom_weeks": 3.0,
            "pain_score": 7,
            "numbness": "no",
        },
        "pattern": "disc_like",
        "interviewed_on": dt.date(2024, 5, 1),
        "directional_preference": "extension",
        "tested_on": "2024-05-01",
        "entries": [
            DiaryEntry(
                date="2024-05-02", pain=7, extent="below_knee", triggers=("sitting",)
            ),
            DiaryEntry(
                date="2024-05-06", pain=5, extent="thigh", triggers=("sitting",)
            ),
            DiaryEntry(date="2024-05-11", pain=4, extent="thigh", centralizes=True),
        ],
        "advice_given": [("sitting_lumbar_roll", "2024-05-02"), "exercise_extension"],
    }
    data.update(changes)
    return clinician_summary(TODAY, **data)


def test_the_summary_has_every_section_with_dates():
    text = full_summary()
    assert text.startswith("SCIATICA SELF-CARE SUMMARY FOR A CLINICIAN")
    assert "Generated 2024-05-20" in text
    assert "not a diagnosis" in text
    assert "Red-flag screening: URGENT" in text
    assert "bladder or bowel changes: no" in text
    assert "fever or feeling unwell: not sure" in text
    assert "[2024-05-01] left side, pain down to below the knee, for 3 weeks" in text
    assert "Pattern (not a diagnosis): disc-like [2024-05-01]" in text
    assert "extension centralizes the pain [2024-05-01]" in text
    assert (
        "3 check-ins, 2024-05-02 to 2024-05-11. Trend: improving. Pain 7 -> 4" in text
    )
    assert "below the knee -> thigh (centralizing)" in text
    assert "2024-05-11: pain 4, extent thigh, triggers: none" in text
    assert (
        "Frequent triggers: sitting (2 of 3 check-ins, advice topic: sitting)" in text
    )
    assert "2024-05-02  sitting: sitting_lumbar_roll" in text
    assert "date not recorded  exercise: exercise_extension" in text
    assert "physiotherapist" not in text
    assert "$" not in text


def test_missing_parts_say_not_done():
    text = clinician_summary("2024-05-20")
    for section in (
        "Red-flag screening",
        "Symptom interview",
        "Pattern (not a diagnosis)",
        "Directional-preference test",
        "Pain diary",
    ):
        assert f"{section}: not done" in text
    assert "Advice given: none" in text
    assert "\n\n\n" not in text


def test_a_missing_date_or_value_is_said_not_left_blank():
    text = full_summary(screened_on=None, interview={"pain_score": 6})
    assert (
        "URGENT (same-day red flag, or an answer left unsure) [date not recorded]"
        in text
    )
    assert "not recorded side" in text


def test_flat_for_more_than_two_weeks_says_see_a_physiotherapist():
    entries = [
        DiaryEntry(date="2024-05-01", pain=6),
        DiaryEntry(date="2024-05-19", pain=6),
    ]
    assert "advised to see a physiotherapist" in full_summary(entries=entries)


def test_a_long_diary_lists_only_the_latest_check_ins():
    entries = [
        DiaryEntry(date=dt.date(2024, 3, 1) + dt.timedelta(days=i), pain=5)
        for i in range(MAX_DIARY_ROWS + 6)
    ]
    text = full_summary(entries=entries)
    assert "(and 6 earlier check-ins)" in text
    assert text.count(": pain 5, extent") == MAX_DIARY_ROWS


def variant(tmp_path, old, new):
    text = PACKAGED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "clinician_summary.txt"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_packaged_template_loads():
    words = report_text.load(PACKAGED)
    assert set(words.sections) == set(report_text.SECTIONS)
    assert words.label("extent", "below_knee") == "below the knee"
    assert words.label("extent", "thigh") == "thigh"  # no label: the id


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("Generated $today", "Generated $now", "unknown placeholder '\\$now'"),
        ("[[physio]]", "[[physiotherapy]]", "unknown key 'physiotherapy'"),
        (
            "[[more_rows]]",
            "# [[more_rows]]",
            "the key '\\[\\[more_rows\\]\\]' is required",
        ),
        ("[[summary]]", "stray text\n[[summary]]", "text outside a section"),
        ("word.none: none", "word.none none", "'labels' must be 'group.id: words'"),
        ("[[dated]]", "[[screening]]", "used more than once"),
    ],
)
def test_a_broken_template_is_an_error(tmp_path, old, new, message):
    with pytest.raises(KnowledgeError, match=message):
        report_text.load(variant(tmp_path, old, new))
