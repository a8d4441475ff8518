"""The shared number reading (sciatica.numbers): one short test per behaviour."""

import datetime as dt
import math
import re

from sciatica.interview import parse
from sciatica.numbers import NUMBER, NUMBER_WORDS, parse_number
from sciatica.reminders import read_reminder_request


def number_in(text):
    match = re.search(rf"\b{NUMBER}\b", text)
    return parse_number(match.group(1)) if match else None


def test_digits_are_read():
    assert parse_number("6") == 6.0


def test_a_comma_is_a_decimal_point():
    assert parse_number("2,5") == 2.5


def test_number_words_are_read():
    assert parse_number("seven") == 7.0


def test_vague_amounts_have_fixed_values():
    assert [parse_number(w) for w in ("a couple of", "a few", "several")] == [2, 3, 4]


def test_half_is_a_half():
    assert parse_number("a half") == 0.5


def test_surrounding_spaces_are_ignored():
    assert parse_number(" 3 ") == 3.0


def test_what_the_pattern_would_not_match_is_not_a_number():
    for token in ("lots", "nan", "inf", "1e5", "1_000", "-3", ""):
        assert parse_number(token) is None


def test_digits_too_long_for_a_float_are_infinite():
    assert math.isinf(parse_number("9" * 400))


def test_other_scripts_digits_are_read():
    assert parse_number("\u0663") == 3.0  # ARABIC-INDIC DIGIT THREE


def test_the_pattern_prefers_the_longest_word():
    assert number_in("forty five minutes") == 45.0
    assert number_in("a couple of weeks") == 2.0


def test_the_pattern_has_one_group():
    assert re.compile(NUMBER).groups == 1


def test_every_word_is_lower_case_with_single_spaces():
    assert all(w == " ".join(w.lower().split()) for w in NUMBER_WORDS)


def test_the_interview_reads_every_word_of_the_table():
    assert parse("forty five days").symptom_weeks == 6.43


def test_reminders_read_every_word_of_the_table():
    assert read_reminder_request("every several hours").every == dt.timedelta(hours=4)
