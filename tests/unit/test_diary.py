"""The pain diary: storing check-ins and reading check-in answers."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from sciatica import triggers
from sciatica.diary import (
    MAX_ENTRIES,
    DiaryEntry,
    add_entry,
    dump_diary,
    load_diary,
    read_centralizes,
    read_extent,
)
from sciatica.errors import DiaryError, KnowledgeError
from sciatica.triggers import read_triggers

DAY = dt.date(2024, 5, 1)
PACKAGED = Path(triggers.__file__).parent / "data" / "triggers.yml"


def test_an_entry_survives_a_round_trip_through_json_data():
    entry = DiaryEntry(
        date="2024-05-01",
        pain=6,
        extent="below_knee",
        triggers=("sitting", "driving"),
        centralizes=True,
        note="long drive",
    )
    stored = entry.to_dict()
    assert stored == {
        "date": "2024-05-01",
        "pain": 6.0,
        "extent": "below_knee",
        "triggers": ["sitting", "driving"],
        "centralizes": True,
        "note": "long drive",
    }
    assert DiaryEntry.from_dict(stored) == entry
    assert entry.date == DAY


def test_only_the_date_is_required_and_unknown_keys_are_ignored():
    entry = DiaryEntry.from_dict({"date": "2024-05-01", "mood": "ok", "v": 9})
    assert entry == DiaryEntry(date=DAY)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ("2024-05-01", "entry"),
        ({"pain": 5}, "date"),
        ({"date": "yesterday"}, "date"),
        ({"date": "2024-05-01", "pain": 11}, "pain"),
        ({"date": "2024-05-01", "pain": "seven"}, "pain"),
        ({"date": "2024-05-01", "pain": True}, "pain"),
        ({"date": "2024-05-01", "extent": "knee"}, "extent"),
        ({"date": "2024-05-01", "triggers": "sitting"}, "triggers"),
        ({"date": "2024-05-01", "triggers": [3]}, "triggers"),
        ({"date": "2024-05-01", "centralizes": "yes"}, "centralizes"),
        ({"date": "2024-05-01", "note": 42}, "note"),
    ],
)
def test_bad_stored_data_is_rejected_with_a_clear_error(data, key):
    with pytest.raises(DiaryError, match=f"'{key}' must be"):
        DiaryEntry.from_dict(data)


def test_one_bad_entry_does_not_lose_the_rest_of_the_diary():
    entries, problems = load_diary(
        [{"date": "2024-05-02", "pain": 4}, {"date": "2024-05-01", "pain": 99}, None]
    )
    assert entries == [DiaryEntry(date="2024-05-02", pain=4)]
    assert len(problems) == 2
    assert load_diary(None) == ([], [])
    assert load_diary("oops")[0] == []


def test_a_second_check_in_the_same_day_is_merged():
    morning = DiaryEntry(date=DAY, pain=7, extent="foot", triggers=("mornings",))
    evening = DiaryEntry(date=DAY, pain=5, triggers=("sitting",), centralizes=True)
    diary = add_entry([morning], evening)
    assert diary == [
        DiaryEntry(
            date=DAY,
            pain=5,  # the latest pain wins
            extent="foot",  # not given again: kept
            triggers=("mornings", "sitting"),  # the day's triggers add up
            centralizes=True,
        )
    ]


def test_add_entry_returns_a_new_sorted_list():
    later = DiaryEntry(date="2024-05-03", pain=3)
    diary = [later]
    new = add_entry(diary, DiaryEntry(date=DAY, pain=6))
    assert diary == [later]
    assert [e.date.day for e in new] == [1, 3]
    assert dump_diary(new)[0]["date"] == "2024-05-01"


def test_the_diary_keeps_a_bounded_number_of_days():
    diary = []
    for offset in range(MAX_ENTRIES + 5):
        diary = add_entry(diary, DiaryEntry(date=DAY + dt.timedelta(days=offset)))
    assert len(diary) == MAX_ENTRIES
    assert diary[0].date == DAY + dt.timedelta(days=5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sitting at my desk and driving home", ("sitting", "driving")),
        ("I sat too long", ("sitting",)),
        ("sittting at the compter", ("sitting",)),
        ("mornings are the worst", ("mornings",)),
        ("tying my shoes", ("bending",)),
        ("bending over to pick up the kids", ("bending", "lifting")),
        ("can't sit for long", ("sitting",)),
        ("walking helps but sitting kills me", ("sitting",)),
        ("feels better when I walk and worse when I sit", ("sitting",)),
        ("I didn't drive today, the sofa was bad", ("sitting",)),
        ("no pain when walking", ()),
        ("nothing really", ()),
        ("", ()),
    ],
)
def test_triggers_are_read_from_check_in_answers(text, expected):
    assert read_triggers(text) == expected


def test_a_lone_surrogate_does_not_stop_the_trigger_reading():
    # Found by tests/unit/test_properties.py: spaCy could not encode it.
    assert read_triggers("I sat too long \ud800") == ("sitting",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", True),
        ("yes, it moves up to my buttock", True),
        ("it moved up into my thigh", True),
        ("no", False),
        ("no difference", False),
        ("it sends it further down my leg", False),
        ("I couldn't do it today", None),
        ("skip", None),
        ("hmm", None),
    ],
)
def test_whether_the_exercise_still_centralizes(text, expected):
    assert read_centralizes(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("down to my calf", "below_knee"),
        ("only in my lower back now", "back"),
        ("no pain in my leg today", "back"),
        ("all the way to my toes", "foot"),
        ("about the same", None),
    ],
)
def test_how_far_down_the_leg_today(text, expected):
    assert read_extent(text) == expected


def write_variant(tmp_path, change):
    data = yaml.safe_load(PACKAGED.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "triggers.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_packaged_triggers_load_with_their_advice_topics():
    kb = triggers.rules()
    assert kb.get("sitting").advice_topic == "sitting"
    assert kb.get("driving").advice_topic == "sitting"
    assert kb.get("mornings").advice_topic == "sleep"
    assert all(t.citation.passage for t in kb.triggers)


def test_a_trigger_without_a_source_is_an_error(tmp_path):
    path = write_variant(tmp_path, lambda d: d["triggers"][0].pop("source"))
    with pytest.raises(KnowledgeError, match="'source' is required"):
        triggers.load(path)


def test_an_unknown_key_in_a_trigger_is_an_error(tmp_path):
    path = write_variant(tmp_path, lambda d: d["triggers"][0].update(weight=2))
    with pytest.raises(KnowledgeError, match="unknown key 'weight'"):
        triggers.load(path)


def test_an_unknown_advice_topic_is_an_error(tmp_path):
    path = write_variant(
        tmp_path, lambda d: d["triggers"][0].update(advice_topic="yoga")
    )
    with pytest.raises(KnowledgeError, match="'advice_topic' must be one of"):
        triggers.load(path)


def test_a_passage_not_in_the_seed_is_an_error(tmp_path):
    def change(data):
        data["triggers"][0]["source"]["passage"] = "Sitting is the new smoking."

    with pytest.raises(KnowledgeError, match="not found word for word"):
        triggers.load(write_variant(tmp_path, change))


def test_an_unquoted_yaml_boolean_in_a_word_list_is_an_error(tmp_path):
    path = write_variant(tmp_path, lambda d: d["negation_words"].append(False))
    with pytest.raises(KnowledgeError, match="quote yes, no"):
        triggers.load(path)
