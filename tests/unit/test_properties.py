"""Property-based tests of the clinical package's public functions (hypothesis).

Every function that reads a person's words must cope with anything a channel
can deliver (control characters, lone surrogates, emoji, very long messages)
without raising, and give the same answer twice. Beyond that, a few rules
that must hold whatever the input: pain scores stay on the 0-10 scale, a
clear red flag is found whatever harmless text comes before or after it, the
diary's trend agrees with its first and last scores, and only known advice,
each with a source, is ever given.

The runs are derandomized (the same examples every time) so CI is repeatable.
"""

import datetime as dt
import math

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sciatica import (
    advice,
    diary,
    directional,
    interview,
    pattern,
    progress,
    reminders,
    screening,
    triggers,
)
from sciatica.answers import NO, UNSURE, YES, read_yes_no
from sciatica.crisis import is_crisis
from sciatica.redflags import CATEGORIES, MAX_CHARS, PRESENT, RedFlagDetector
from sciatica.summary import clinician_summary


def fast(max_examples):
    """Settings for one property: repeatable, no deadline, ``max_examples`` runs."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- text strategies -------------------------------------------------------------

EMOJI = ["\N{FACE WITH TEARS OF JOY}", "\U0001f9b5", "\U0001f44d", "\ufe0f", "\u200d"]
ANY_CHAR = st.one_of(
    st.characters(),  # any code point but surrogates
    st.characters(categories=["Cc", "Cf", "Zl", "Zp"]),  # control and format
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"]),
    st.sampled_from(EMOJI),
)
# Words the rules look for, so generated text reaches deep into them.
WORDS = st.sampled_from(
    [
        "I",
        "can't",
        "cant",
        "no",
        "not",
        "never",
        "my",
        "left",
        "right",
        "both",
        "leg",
        "legs",
        "calf",
        "foot",
        "toes",
        "buttock",
        "back",
        "bladder",
        "bowel",
        "control",
        "pee",
        "wipe",
        "numb",
        "feel",
        "pain",
        "is",
        "a",
        "an",
        "about",
        "out of",
        "10",
        "ten",
        "/",
        "-",
        "7-8",
        "forty five",
        "half",
        "several",
        "0",
        "6",
        "11",
        "99",
        "9" * 30,
        "9" * 400,
        "0.00000001",
        "1,5",
        "\u0667",
        "every",
        "in",
        "hours",
        "minutes",
        "days",
        "weeks",
        "months",
        "years",
        "times a day",
        "tomorrow",
        "at",
        "6pm",
        "25:99",
        "13pm",
        "monday",
        "remind me",
        "exercises",
        "check in",
        "sitting",
        "walking",
        "worse",
        "better",
        "helps",
        "moved up",
        "further down",
        "yes",
        "nope",
        "maybe",
        "kill myself",
        "my dad",
        "?",
        ".",
        ",",
        "!",
        "\n",
        "/affirm",
        "ibuprofen",
        "gabapentin",
        "\U0001f44d\U0001f3fd",
        "\u2764\ufe0f",
        "\U0001f468\u200d\U0001f9b3",
    ]
)
ARBITRARY = st.text(ANY_CHAR, max_size=200)
WORDY = st.lists(st.one_of(WORDS, st.text(ANY_CHAR, max_size=3)), max_size=40).map(
    " ".join
)
LONG = st.builds(
    lambda unit, times: (unit * times)[:10_000],
    st.one_of(st.text(ANY_CHAR, min_size=1, max_size=12), WORDY.filter(bool)),
    st.integers(min_value=300, max_value=10_000),
)
SHORT_TEXTS = st.one_of(ARBITRARY, WORDY)
TEXTS = st.one_of(ARBITRARY, WORDY, LONG)

LONG_EXAMPLE = "\u200b\ud800\x00 left leg 7/10 every 2 hours \U0001f9b5 " * 250


def detector():
    return RedFlagDetector.default()


def twice(function, *args):
    """Calls ``function`` twice; the answers must be equal."""
    first, second = function(*args), function(*args)
    assert first == second
    return first


# -- never raises, deterministic -------------------------------------------------


@fast(50)
@given(SHORT_TEXTS)
@example("")
@example("\ud800")
@example(LONG_EXAMPLE)
def test_red_flag_detection_never_raises_and_is_deterministic(text):
    found = twice(detector().detect, text)
    assert found.status in ("emergency", "urgent", "uncertain", "question", "none")
    known = detector().concepts
    assert all(f.concept in known for f in found.findings)
    assert all(f.certainty in (PRESENT, *CATEGORIES) for f in found.findings)
    detector().mentions(text)


@fast(4)
@given(LONG)
def test_red_flag_detection_reads_long_messages(text):
    twice(detector().detect, text)


@fast(150)
@given(TEXTS)
@example(LONG_EXAMPLE)
def test_yes_no_reading_never_raises_and_is_deterministic(text):
    assert twice(read_yes_no, text) in (YES, NO, UNSURE, None)


EXPECTING = st.sampled_from(
    [
        None,
        "pain_score",
        "pain_side",
        "symptom_weeks",
        "numbness",
        "age",
        "worse_with",
        "better_with",
    ]
)


@fast(150)
@given(TEXTS, EXPECTING)
@example(LONG_EXAMPLE, "pain_score")
@example("9" * 400 + " weeks", "symptom_weeks")
def test_interview_parsing_never_raises_and_stays_in_range(text, expecting):
    facts = twice(interview.parse, text, expecting)
    assert facts.pain_score is None or 0 <= facts.pain_score <= 10
    assert facts.age is None or interview.MIN_AGE <= facts.age <= interview.MAX_AGE
    weeks = facts.symptom_weeks
    assert weeks is None or (math.isfinite(weeks) and weeks >= 0)
    assert facts.pain_side in (None, *interview.SIDES)
    assert facts.pain_extent in (None, *interview.EXTENTS)
    assert facts.numbness in (None, YES, NO)
    assert set(facts.worse_with) <= {*interview.WORSE_ACTIVITIES, interview.NOTHING}
    assert set(facts.better_with) <= {*interview.BETTER_ACTIVITIES, interview.NOTHING}
    assert set(facts.invalid) <= {"pain_score", "age"}
    assert twice(interview.furthest_extent, text) in (None, *interview.EXTENT_ORDER)


@fast(150)
@given(TEXTS, st.sampled_from([None, *interview.EXTENT_ORDER]))
@example(LONG_EXAMPLE, "foot")
def test_movement_reading_never_raises(text, baseline):
    assert twice(directional.read_movement, text, baseline) in (
        None,
        *directional.READINGS,
    )


@fast(150)
@given(TEXTS)
@example(LONG_EXAMPLE)
def test_diary_answers_never_raise(text):
    assert twice(diary.read_centralizes, text) in (True, False, None)
    assert twice(diary.read_extent, text) in (None, *diary.EXTENTS)


@fast(60)
@given(SHORT_TEXTS)
@example(LONG_EXAMPLE)
def test_trigger_reading_never_raises_and_names_known_triggers(text):
    found = twice(triggers.read_triggers, text)
    assert set(found) <= set(triggers.rules().ids)
    assert len(found) == len(set(found))


NOW = dt.datetime(2026, 11, 23, 15, 10, tzinfo=dt.timezone.utc)


@fast(150)
@given(TEXTS)
@example(LONG_EXAMPLE)
def test_reminder_reading_never_raises(text):
    request = twice(reminders.read_reminder_request, text)
    assert twice(reminders.read_kind, text) in (None, *reminders.KINDS)
    assert twice(reminders.read_cancel, text) in (reminders.ALL, *reminders.KINDS)
    if request is not None:
        check_reminder(request)


def check_reminder(request):
    """A request is refused, or comes after now and within 30 days."""
    assert request.kind in reminders.KINDS
    if request.refused:
        assert request.refused in (reminders.TOO_OFTEN, reminders.TOO_FAR)
        return
    when = reminders.next_time(request, NOW)
    assert NOW < when <= NOW + reminders.MAX_AHEAD + reminders.DAY
    if request.every is not None:
        assert request.every >= reminders.MIN_INTERVAL
        reminders.from_record(reminders.to_record(request, when))


AMOUNTS = st.one_of(
    st.integers(min_value=0, max_value=10**30).map(str),
    st.floats(min_value=0, allow_nan=False, allow_infinity=False).map(
        lambda f: f"{f:f}"
    ),
    st.just("9" * 400),
)
TIMINGS = st.sampled_from(
    [
        "every {} hours",
        "every {} days",
        "every {} weeks",
        "every {} minutes",
        "in {} minutes",
        "in {} days",
        "in {} weeks",
        "{} times a day",
    ]
)


@fast(200)
@given(TIMINGS, AMOUNTS)
@example("every {} days", "99999999999")
@example("in {} weeks", "99999999999")
@example("{} times a day", "0.0000000001")
def test_any_amount_in_a_reminder_is_read_or_refused(timing, amount):
    request = reminders.read_reminder_request(timing.format(amount))
    if request is not None:
        check_reminder(request)


@fast(150)
@given(TEXTS)
@example(LONG_EXAMPLE)
def test_crisis_and_advice_topics_never_raise(text):
    assert twice(is_crisis, text) in (True, False)
    assert twice(advice.topic_of, text) in (None, *advice.knowledge().topics)
    assert twice(advice.mentions_not_recommended_medicine, text) in (True, False)


# -- a clear red flag is found whatever harmless text surrounds it ----------------

RED_FLAGS = {
    "I can't control my bladder.": "bladder_dysfunction",
    "I wet myself this morning.": "bladder_dysfunction",
    "I can't feel the toilet paper when I wipe.": "saddle_anaesthesia",
    "The pain goes down both legs.": "bilateral_sciatica",
    "I pooped myself.": "bowel_dysfunction",
}
SAFE_LETTERS = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyz      "), max_size=300
)
# Harmless words, many of them context triggers that must stay in their sentence.
SAFE_WORDS = st.lists(
    st.sampled_from(
        [
            "no",
            "not",
            "never",
            "nothing",
            "nope",
            "without",
            "my dad",
            "my mum",
            "family history",
            "runs in the family",
            "years ago",
            "when I was a kid",
            "maybe",
            "not sure",
            "perhaps",
            "could be",
            "what about",
            "should I worry",
            "my doctor said watch for",
            "is that true",
            "after running",
            "cramp",
            "since my baby",
            "for years",
            "always had",
            "diet",
            "fine",
            "ok",
            "all good",
            "no problems",
            "unchanged",
            "pain",
            "back",
            "leg",
            "hurts",
            "sitting",
            "vitamin D",
            "plan B",
            "7 p.m.",
            "e.g.",
            "i.e.",
            "vs",
        ]
    ),
    max_size=15,
).map(" ".join)
SAFE_TEXT = st.one_of(SAFE_LETTERS, SAFE_WORDS)
SENTENCE_ENDS = st.sampled_from([". ", "! ", "? ", "... ", "\u2026 ", " \u2014 "])


@fast(120)
@given(SAFE_TEXT, SENTENCE_ENDS, st.sampled_from(sorted(RED_FLAGS)), SAFE_TEXT)
@example("x " * (MAX_CHARS // 2 - 40), ". ", "I can't control my bladder.", "")
@example("no", "... ", "I can't control my bladder.", "")
@example("no improvement from vitamin d", ". ", "I can't control my bladder.", "")
def test_a_clear_red_flag_sentence_is_found_after_any_harmless_text(
    before, end, sentence, after
):
    text = f"{before.strip()}{end}{sentence} {after}".strip()
    found = detector().detect(text)
    assert found.status == "emergency", text
    assert RED_FLAGS[sentence] in found.present


# -- diary, progress and the summary ------------------------------------------

START = dt.date(2026, 1, 1)
TRIGGER_IDS = triggers.rules().ids
ENTRIES = st.builds(
    diary.DiaryEntry,
    date=st.integers(min_value=0, max_value=120).map(
        lambda n: START + dt.timedelta(days=n)
    ),
    pain=st.one_of(
        st.none(),
        st.integers(min_value=0, max_value=10),
        st.floats(min_value=0, max_value=10, allow_nan=False),
    ),
    extent=st.one_of(st.none(), st.sampled_from(diary.EXTENTS)),
    triggers=st.lists(st.sampled_from([*TRIGGER_IDS, "gone_trigger"]), max_size=3),
    centralizes=st.one_of(st.none(), st.booleans()),
    note=st.one_of(st.none(), ARBITRARY),
)
DIARIES = st.lists(ENTRIES, max_size=25)
TODAY = st.integers(min_value=0, max_value=200).map(
    lambda n: START + dt.timedelta(days=n)
)


def build(entries):
    """A diary as the assistant keeps it: one entry per day, oldest first."""
    kept = []
    for entry in entries:
        kept = diary.add_entry(kept, entry)
    return kept


@fast(200)
@given(DIARIES, TODAY)
def test_progress_agrees_with_the_first_and_last_scores(entries, today):
    kept = build(entries)
    found = progress.progress(kept, today)
    assert found.kind in progress.KINDS
    assert found.entries == len(kept)
    pains = [e.pain for e in kept if e.pain is not None]
    if len(pains) >= progress.MIN_ENTRIES:
        assert (found.pain_from, found.pain_to) == (pains[0], pains[-1])
        assert found.pain_change == round(pains[-1] - pains[0], 1)
    if found.kind == progress.TOO_FEW:
        return
    if found.extent_change == progress.PERIPHERALIZING:
        assert found.kind == progress.WORSENING
    elif found.extent_change == progress.CENTRALIZING:
        assert found.kind == progress.IMPROVING
    elif found.pain_change is None:
        assert found.kind == progress.FLAT
    elif found.pain_change <= -progress.MIN_PAIN_CHANGE:
        assert found.kind == progress.IMPROVING
    elif found.pain_change >= progress.MIN_PAIN_CHANGE:
        assert found.kind == progress.WORSENING
    else:
        assert found.kind == progress.FLAT
    if found.see_physio:
        assert found.kind in (progress.FLAT, progress.WORSENING)
        assert found.days_since_first > progress.PHYSIO_AFTER_DAYS


@fast(200)
@given(DIARIES)
def test_spreading_and_frequent_triggers_never_raise(entries):
    kept = build(entries)
    if progress.spreading(kept):
        with_extent = [e for e in kept if e.extent is not None]
        assert kept[-1].extent is not None
        assert with_extent[-1].extent_rank > with_extent[-2].extent_rank
    frequent = progress.frequent_triggers(kept)
    assert len(frequent) <= progress.TOP_TRIGGERS
    assert all(t.trigger in TRIGGER_IDS for t in frequent)
    assert all(t.count >= progress.MIN_TRIGGER_DAYS for t in frequent)
    assert [t.count for t in frequent] == sorted(
        (t.count for t in frequent), reverse=True
    )


@fast(200)
@given(DIARIES)
def test_the_diary_keeps_one_entry_per_day_and_survives_storage(entries):
    kept = build(entries)
    days = [e.date for e in kept]
    assert days == sorted(set(days))
    assert len(kept) <= diary.MAX_ENTRIES
    loaded, problems = diary.load_diary(diary.dump_diary(kept))
    assert (loaded, problems) == (kept, [])


JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), ARBITRARY),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["date", "pain", "extent", "x"]), inner)
    ),
    max_leaves=12,
)


@fast(200)
@given(st.one_of(JSON, st.lists(JSON, max_size=5)))
@example([{"date": "2026-01-01", "pain": float("nan")}])
@example([{"date": "2026-01-01", "triggers": "sitting"}])
def test_loading_a_damaged_diary_never_raises(value):
    entries, problems = diary.load_diary(value)
    assert all(isinstance(e, diary.DiaryEntry) for e in entries)
    assert all(isinstance(p, str) for p in problems)


@fast(40)
@given(DIARIES, TODAY)
def test_the_clinician_summary_never_raises(entries, today):
    text = clinician_summary(today, entries=build(entries))
    assert text.endswith("\n")


# -- pattern, advice and screening --------------------------------------------------

ACTIVITIES = st.lists(
    st.sampled_from(
        [
            *sorted({*interview.WORSE_ACTIVITIES, *interview.BETTER_ACTIVITIES}),
            interview.NOTHING,
            "juggling",
        ]
    ),
    max_size=6,
)


@fast(300)
@given(
    ACTIVITIES,
    ACTIVITIES,
    st.one_of(st.none(), st.sampled_from(interview.EXTENTS)),
    st.one_of(st.none(), st.floats(min_value=0, max_value=120)),
    st.booleans(),
)
def test_pattern_is_one_of_the_known_patterns(worse, better, extent, age, wallet):
    found = pattern.classify(worse, better, extent, age, wallet)
    assert found.pattern in pattern.PATTERNS
    assert (found.pattern == pattern.UNCLEAR) == (not found.reasons)


PEOPLE = st.builds(
    advice.Person,
    pattern=st.one_of(st.none(), st.sampled_from(advice.PATTERNS)),
    preference=st.one_of(st.none(), st.sampled_from(advice.PREFERENCES)),
    symptom_weeks=st.one_of(st.none(), st.floats(min_value=0, max_value=520)),
    numbness=st.booleans(),
    red_flag=st.sampled_from([None, "none", "urgent", "emergency"]),
    peripheralized=st.booleans(),
)


@fast(300)
@given(
    st.sampled_from(sorted(advice.knowledge().topics)),
    PEOPLE,
    st.lists(st.sampled_from([i.id for i in advice.knowledge().items]), max_size=5),
)
def test_advice_is_known_items_with_a_source(topic, person, given_before):
    kb = advice.knowledge()
    chosen = advice.select(topic, person, given_before)
    assert len({i.id for i in chosen}) == len(chosen)
    held = person.conditions()
    for item in chosen:
        assert item in kb.items
        assert item.topic == topic
        assert item.citation.document and item.citation.passage
        assert not held & set(item.not_for)
    if topic == "exercise" and person.red_flag in ("urgent", "emergency"):
        assert chosen == []
    short = advice.short_form(chosen)
    assert {i.id for i in chosen if i.safety} <= {i.id for i in short}


ANSWERS = st.dictionaries(
    st.sampled_from(screening.slots()),
    st.sampled_from([YES, NO, UNSURE, None]),
)
LEVELS = st.sampled_from([None, "none", "urgent", "emergency", "unknown"])


@fast(300)
@given(ANSWERS, LEVELS, LEVELS)
def test_screening_never_lowers_the_level(answers, current, new):
    slots = screening.slots()
    needed = screening.required_slots(answers)
    assert needed == slots[: len(needed)]
    found = screening.outcome(answers)
    emergency_yes = any(
        answers.get(q.slot) == YES and q.urgency == "emergency"
        for q in screening.questions()
    )
    assert (found.level == "emergency") == emergency_yes
    assert found.level in (None, "none", "urgent", "emergency")
    order = [None, "none", "urgent", "emergency"]
    rank = {level: order.index(level) if level in order else 0 for level in order}
    raised = screening.raise_level(current, new)
    assert rank[raised] >= max(rank.get(current, 0), rank.get(new, 0))


STEP_ANSWERS = st.fixed_dictionaries(
    {},
    optional={
        directional.CAN_LIE_PRONE: st.sampled_from([YES, NO, None]),
        **{
            step: st.sampled_from([*directional.READINGS, None])
            for step in directional.STEPS
        },
    },
)


@fast(300)
@given(STEP_ANSWERS, st.sampled_from([None, *pattern.PATTERNS]))
def test_a_direction_that_spread_the_pain_is_never_the_preference(answers, found):
    directional.required_steps(answers, found)
    preference = directional.result(answers)
    assert preference in (directional.EXTENSION, directional.FLEXION, directional.NONE)
    spread = directional.peripheralized(answers)
    if any(step in directional.EXTENSION_STEPS for step in spread):
        assert preference != directional.EXTENSION
    if any(step in directional.FLEXION_STEPS for step in spread):
        assert preference != directional.FLEXION
