"""Reminders: reading requests, the times, and the reminder actions."""

import datetime as dt

import pytest

from actions import reminders as actions
from actions.reminders import (
    ActionCancelReminder,
    ActionCheckinReminder,
    ActionExerciseReminder,
    ActionSetReminder,
    reminder_name,
    reminders_for_new_session,
)
from sciatica.reminders import (
    ALL,
    CHECKIN,
    EXERCISE,
    TOO_FAR,
    TOO_OFTEN,
    ReminderRequest,
    from_record,
    interval_parts,
    next_time,
    read_cancel,
    read_kind,
    read_reminder_request,
    to_record,
)
from tests.conftest import make_tracker, responses, slot_events

# A Monday afternoon, with a UTC offset like the server's clock.
NOW = dt.datetime(2026, 11, 23, 15, 10, tzinfo=dt.timezone(dt.timedelta(hours=1)))
HOURS_2 = dt.timedelta(hours=2)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return NOW.replace(day=day, hour=hour, minute=minute)


# Reading requests: one sentence per behaviour.


@pytest.mark.parametrize(
    "text",
    [
        "remind me to do my exercises every 2 hours",
        "remind me to do my exercises every two hours",
        "can you remind me every couple of hours to do my press-ups",
        "Remind me to stretch every 2 hrs",
        "every 2h",
    ],
)
def test_every_two_hours_repeats_the_exercises(text):
    request = read_reminder_request(text)
    assert request == ReminderRequest(kind=EXERCISE, every=HOURS_2)
    assert request.repeating
    assert next_time(request, NOW) == at(23, 17, 10)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("remind me every hour", 60),
        ("hourly please", 60),
        ("every 30 minutes", 30),
        ("every half hour", 30),
        ("every 1.5 hours", 90),
        ("every few hours", 180),
        ("twice a day", 720),
        ("three times a day", 480),
        ("every other day", 2880),
    ],
)
def test_intervals(text, minutes):
    request = read_reminder_request(text)
    assert request.every == dt.timedelta(minutes=minutes)
    assert request.refused is None


def test_tomorrow_means_nine_in_the_morning_the_next_day():
    request = read_reminder_request("remind me to check in tomorrow")
    assert request.kind == CHECKIN and not request.repeating
    assert next_time(request, NOW) == at(24, 9)


def test_tomorrow_with_a_part_of_the_day_or_a_time():
    assert next_time(read_reminder_request("tomorrow evening"), NOW) == at(24, 19)
    assert next_time(read_reminder_request("tomorrow at 6.30pm"), NOW) == at(24, 18, 30)
    assert next_time(read_reminder_request("at noon tomorrow"), NOW) == at(24, 12)


def test_in_three_hours_is_a_single_reminder_three_hours_from_now():
    request = read_reminder_request("remind me to check in in 3 hours")
    assert request == ReminderRequest(kind=CHECKIN, delay=dt.timedelta(hours=3))
    assert next_time(request, NOW) == at(23, 18, 10)
    assert read_reminder_request("in about 2 hours").delay == HOURS_2
    assert read_reminder_request("in half an hour").delay == dt.timedelta(minutes=30)


def test_a_time_already_past_today_means_tomorrow():
    assert next_time(read_reminder_request("remind me at 18:30"), NOW) == at(23, 18, 30)
    assert next_time(read_reminder_request("remind me at 9am"), NOW) == at(24, 9)
    assert next_time(read_reminder_request("remind me at 6"), NOW) == at(23, 18)


def test_a_weekday_or_next_week():
    assert next_time(read_reminder_request("check in on monday"), NOW) == at(30, 9)
    assert next_time(read_reminder_request("on wednesday"), NOW) == at(25, 9)
    assert next_time(read_reminder_request("next week"), NOW) == at(30, 9)


def test_daily_comes_at_its_time_of_day():
    request = read_reminder_request("remind me to check in every day")
    assert request.every == dt.timedelta(days=1) and request.clock == dt.time(9)
    assert next_time(request, NOW) == at(24, 9)
    evening = read_reminder_request("every evening")
    assert next_time(evening, NOW) == at(23, 19)
    assert read_reminder_request("every morning at 7am").clock == dt.time(7)


def test_repeating_reminders_skip_the_night():
    request = read_reminder_request("every 2 hours")
    assert next_time(request, at(23, 21)) == at(24, 8)
    assert next_time(request, at(24, 5)) == at(24, 8)


def test_too_often_is_refused_with_the_reason():
    assert read_reminder_request("every 10 minutes").refused == TOO_OFTEN
    assert read_reminder_request("every minute").refused == TOO_OFTEN
    with pytest.raises(ValueError):
        next_time(read_reminder_request("every 5 min"), NOW)


def test_more_than_thirty_days_away_is_refused():
    assert read_reminder_request("remind me in 40 days").refused == TOO_FAR
    assert read_reminder_request("every 45 days").refused == TOO_FAR
    assert read_reminder_request("in 2 weeks").refused is None


@pytest.mark.parametrize(
    "text",
    ["every 99999999999 days", "in 99999999999 weeks", "0.0000000001 times a day"],
)
def test_a_huge_number_is_refused_not_a_crash(text):
    # Found by tests/unit/test_properties.py: these overflowed timedelta.
    assert read_reminder_request(text).refused == TOO_FAR


@pytest.mark.parametrize(
    "text", ["remind me", "remind me to do my stretches", "set a reminder", ""]
)
def test_no_time_means_asking(text):
    assert read_reminder_request(text) is None


def test_what_to_remind_about():
    assert read_kind("remind me to do my press-ups") == EXERCISE
    assert read_kind("remind me to check in") == CHECKIN
    assert read_kind("remind me to log my pain") == CHECKIN
    assert read_kind("remind me") is None
    # Without a word for what: within the day, exercises; otherwise a check-in.
    assert read_reminder_request("every 3 hours").kind == EXERCISE
    assert read_reminder_request("tomorrow").kind == CHECKIN


def test_cancel_names_a_kind_or_all():
    assert read_cancel("stop the exercise reminder") == EXERCISE
    assert read_cancel("cancel my check-in reminder") == CHECKIN
    assert read_cancel("cancel my reminders") == ALL
    assert read_cancel("cancel all the exercise and check in reminders") == ALL


def test_interval_parts_for_the_confirmation():
    assert interval_parts(HOURS_2) == ("hours", 2)
    assert interval_parts(dt.timedelta(hours=1)) == ("hour", 1)
    assert interval_parts(dt.timedelta(minutes=90)) == ("minutes", 90)
    assert interval_parts(dt.timedelta(days=1)) == ("day", 1)
    assert interval_parts(dt.timedelta(days=3)) == ("days", 3)


def test_records_round_trip():
    request = read_reminder_request("every day at 8pm")
    record = to_record(request, at(23, 20))
    assert record == {
        "kind": CHECKIN,
        "at": "2026-11-23T20:00:00+01:00",
        "every_minutes": 1440,
        "clock": "20:00",
    }
    assert from_record(record) == (request, at(23, 20))
    with pytest.raises(ValueError):
        from_record({"kind": "nap", "at": "2026-11-23T20:00:00"})


# The actions.


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(actions, "now", lambda: NOW)


def scheduled(events):
    return [e for e in events if e["event"] == "reminder"]


def cancelled(events):
    return [e for e in events if e["event"] == "cancel_reminder"]


def exercise_record(when=None, every=120):
    return {
        "kind": EXERCISE,
        "at": (when or at(23, 17, 10)).isoformat(),
        "every_minutes": every,
        "clock": None,
    }


def checkin_record(when=None):
    return {
        "kind": CHECKIN,
        "at": (when or at(24, 9)).isoformat(),
        "every_minutes": None,
        "clock": "09:00",
    }


async def test_setting_an_exercise_reminder(dispatcher, domain):
    tracker = make_tracker(
        "remind me to do my exercises every 2 hours", slots={"red_flag": "none"}
    )
    events = await ActionSetReminder().run(dispatcher, tracker, domain)
    [event] = scheduled(events)
    assert event["intent"] == "EXTERNAL_exercise_reminder"
    assert event["date_time"] == at(23, 17, 10).isoformat()
    assert event["name"] == reminder_name(EXERCISE, "test-user")
    assert event["kill_on_user_msg"] is False
    assert slot_events(events)["reminders"] == [exercise_record()]
    assert responses(dispatcher) == [
        "utter_reminder_set_exercise_hours",
        "utter_reminder_channels",
    ]
    assert dispatcher.messages[0]["count"] == 2
    assert dispatcher.messages[0]["time"] == "17:10"
    assert dispatcher.messages[0]["date"] == "Monday 23 November"


async def test_setting_a_check_in_for_tomorrow(dispatcher, domain):
    tracker = make_tracker("remind me to check in tomorrow")
    events = await ActionSetReminder().run(dispatcher, tracker, domain)
    [event] = scheduled(events)
    assert event["intent"] == "EXTERNAL_checkin_reminder"
    assert event["date_time"] == at(24, 9).isoformat()
    assert responses(dispatcher)[0] == "utter_reminder_set_checkin_once"
    assert dispatcher.messages[0]["time"] == "09:00"


async def test_setting_again_replaces_the_reminder_of_that_kind(dispatcher, domain):
    tracker = make_tracker(
        "make it every 3 hours instead",
        slots={"reminders": [exercise_record(), checkin_record()]},
    )
    events = await ActionSetReminder().run(dispatcher, tracker, domain)
    [event] = scheduled(events)
    assert event["name"] == reminder_name(EXERCISE, "test-user")
    records = slot_events(events)["reminders"]
    assert [r["kind"] for r in records] == [EXERCISE, CHECKIN]
    assert records[0]["every_minutes"] == 180
    assert "utter_reminder_replaced" in responses(dispatcher)


@pytest.mark.parametrize("flag", ["emergency", "urgent"])
async def test_no_exercise_reminders_after_a_red_flag(dispatcher, domain, flag):
    tracker = make_tracker(
        "remind me to do my exercises every 2 hours", slots={"red_flag": flag}
    )
    events = await ActionSetReminder().run(dispatcher, tracker, domain)
    assert events == []
    assert responses(dispatcher) == ["utter_reminder_not_for_exercise"]
    variants = domain["responses"]["utter_reminder_not_for_exercise"]
    text = next(
        v["text"] for v in variants if v.get("condition", [{}])[0].get("value") == flag
    )
    assert "exercise" in text and ("doctor" in text or "emergency" in text)


async def test_a_check_in_reminder_is_still_allowed_after_a_red_flag(
    dispatcher, domain
):
    tracker = make_tracker(
        "remind me to check in tomorrow", slots={"red_flag": "urgent"}
    )
    events = await ActionSetReminder().run(dispatcher, tracker, domain)
    assert len(scheduled(events)) == 1


async def test_setting_too_often_is_refused(dispatcher, domain):
    events = await ActionSetReminder().run(
        dispatcher, make_tracker("every 10 minutes"), domain
    )
    assert events == []
    assert responses(dispatcher) == ["utter_reminder_too_often"]


@pytest.mark.parametrize(
    ("text", "response"),
    [
        ("remind me", "utter_ask_reminder"),
        ("remind me to do my stretches", "utter_ask_reminder_time_exercise"),
        ("can you remind me to check in", "utter_ask_reminder_time_checkin"),
    ],
)
async def test_no_time_asks_with_buttons(dispatcher, domain, text, response):
    events = await ActionSetReminder().run(dispatcher, make_tracker(text), domain)
    assert events == []
    assert responses(dispatcher) == [response]
    buttons = domain["responses"][response][0]["buttons"]
    assert all(read_reminder_request(b["payload"]) for b in buttons)


async def test_cancel_with_none_set(dispatcher, domain):
    events = await ActionCancelReminder().run(
        dispatcher, make_tracker("cancel my reminders"), domain
    )
    assert responses(dispatcher) == ["utter_reminder_none"]
    assert {e["name"] for e in cancelled(events)} == {
        reminder_name(EXERCISE, "test-user"),
        reminder_name(CHECKIN, "test-user"),
    }
    assert slot_events(events)["reminders"] is None


async def test_cancel_one_kind_keeps_the_other(dispatcher, domain):
    tracker = make_tracker(
        "stop the exercise reminder",
        slots={"reminders": [exercise_record(), checkin_record()]},
    )
    events = await ActionCancelReminder().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_reminder_cancelled_exercise"]
    assert [e["name"] for e in cancelled(events)] == [
        reminder_name(EXERCISE, "test-user")
    ]
    assert slot_events(events)["reminders"] == [checkin_record()]


async def test_cancel_a_kind_that_is_not_set(dispatcher, domain):
    tracker = make_tracker(
        "cancel my check-in reminder", slots={"reminders": [exercise_record()]}
    )
    events = await ActionCancelReminder().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_reminder_none_checkin"]
    assert slot_events(events)["reminders"] == [exercise_record()]


async def test_cancel_all(dispatcher, domain):
    tracker = make_tracker(
        "cancel my reminders",
        slots={"reminders": [exercise_record(), checkin_record()]},
    )
    events = await ActionCancelReminder().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_reminder_cancelled_all"]
    assert len(cancelled(events)) == 2
    assert slot_events(events)["reminders"] is None


async def test_a_repeating_exercise_reminder_sends_and_schedules_the_next(
    dispatcher, domain
):
    tracker = make_tracker(
        "", slots={"reminders": [exercise_record(NOW)], "red_flag": "none"}
    )
    events = await ActionExerciseReminder().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_reminder_exercise"]
    [event] = scheduled(events)
    assert event["date_time"] == at(23, 17, 10).isoformat()
    assert slot_events(events)["reminders"] == [exercise_record(at(23, 17, 10))]


async def test_a_single_check_in_reminder_is_sent_once(dispatcher, domain):
    tracker = make_tracker(
        "", slots={"reminders": [exercise_record(), checkin_record(NOW)]}
    )
    events = await ActionCheckinReminder().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_reminder_checkin"]
    assert scheduled(events) == []
    assert slot_events(events)["reminders"] == [exercise_record()]


async def test_no_check_in_reminder_during_a_check_in(dispatcher, domain):
    tracker = make_tracker(
        "", slots={"reminders": [checkin_record(NOW)]}, active_loop="checkin_form"
    )
    events = await ActionCheckinReminder().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == []
    assert slot_events(events)["reminders"] is None


@pytest.mark.parametrize("flag", ["emergency", "urgent"])
async def test_a_red_flag_since_stops_the_exercise_reminder(dispatcher, domain, flag):
    tracker = make_tracker(
        "", slots={"reminders": [exercise_record(NOW)], "red_flag": flag}
    )
    events = await ActionExerciseReminder().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_reminder_exercise_stopped"]
    assert scheduled(events) == []
    assert len(cancelled(events)) == 1
    assert slot_events(events)["reminders"] is None


def test_the_exercise_reminder_names_the_persons_exercise_and_when_to_stop(domain):
    variants = domain["responses"]["utter_reminder_exercise"]
    by_preference = {
        (v.get("condition") or [{}])[0].get("value"): v["text"] for v in variants
    }
    assert "press-ups" in by_preference["extension"]
    assert "knees to your chest" in by_preference["flexion"]
    assert "your exercises" in by_preference[None]
    for text in by_preference.values():
        assert "spreads further down your leg" in text


def test_the_channel_caveat_names_where_reminders_reach(domain):
    text = domain["responses"]["utter_reminder_channels"][0]["text"]
    for channel in ("Telegram", "Slack", "Messenger", "SMS", "REST"):
        assert channel in text


def test_every_response_the_actions_can_choose_exists(domain):
    names = domain["responses"]
    for kind in (EXERCISE, CHECKIN):
        for unit in ("minutes", "hour", "hours", "day", "days", "once"):
            assert f"utter_reminder_set_{kind}_{unit}" in names
        assert f"utter_reminder_{kind}" in names
        assert f"utter_reminder_none_{kind}" in names
        assert f"utter_reminder_cancelled_{kind}" in names
        assert f"utter_ask_reminder_time_{kind}" in names
    for reason in (TOO_OFTEN, TOO_FAR):
        assert f"utter_reminder_{reason}" in names


# A new session must schedule the reminders again (see reminders_for_new_session).


def test_a_new_session_schedules_the_coming_reminders_again():
    tracker = make_tracker(slots={"reminders": [exercise_record(), checkin_record()]})
    events = reminders_for_new_session(tracker, NOW)
    assert [e["date_time"] for e in scheduled(events)] == [
        at(23, 17, 10).isoformat(),
        at(24, 9).isoformat(),
    ]
    assert cancelled(events) == []
    assert "reminders" not in slot_events(events)


def test_the_reminder_that_started_the_session_is_marked_but_not_sent_twice():
    tracker = make_tracker(slots={"reminders": [exercise_record(NOW)]})
    events = reminders_for_new_session(tracker, NOW + dt.timedelta(seconds=1))
    name = reminder_name(EXERCISE, "test-user")
    assert [e["name"] for e in scheduled(events)] == [name]
    assert [e["name"] for e in cancelled(events)] == [name]


def test_missed_reminders_move_on_or_are_dropped():
    tracker = make_tracker(
        slots={"reminders": [exercise_record(at(23, 9)), checkin_record(at(23, 9))]}
    )
    events = reminders_for_new_session(tracker, NOW)
    [event] = scheduled(events)
    assert event["intent"] == "EXTERNAL_exercise_reminder"
    assert event["date_time"] == at(23, 17, 10).isoformat()
    assert slot_events(events)["reminders"] == [exercise_record(at(23, 17, 10))]


def test_no_reminders_no_events():
    assert reminders_for_new_session(make_tracker(), NOW) == []
