"""Sizes, speeds and times read the way a person would say them."""

import math
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.ui.formatting import (
    format_bytes,
    format_clock_time,
    format_countdown,
    format_duration,
    format_eta,
    format_percent,
    format_progress,
    format_speed,
)


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1000, "1.00 KB"),
        (1536, "1.54 KB"),
        (12_345_678, "12.3 MB"),
        (999_400_000, "999 MB"),
        (999_960_000, "1.00 GB"),
        (2 * 1024**3, "2.15 GB"),
        (5 * 10**18, "5000 PB"),
    ],
)
def test_bytes_use_decimal_units_with_three_significant_digits(size, text):
    assert format_bytes(size) == text


@pytest.mark.parametrize("size", [None, -1, math.nan])
def test_unknown_sizes_say_so(size):
    assert format_bytes(size) == "unknown size"


def test_speed_is_a_size_per_second_and_empty_before_anything_was_measured():
    assert format_speed(1_250_000) == "1.25 MB/s"
    assert format_speed(None) == ""
    assert format_speed(0) == ""


def test_progress_names_both_sizes_when_the_total_is_known():
    assert format_progress(12_000_000, 45_000_000) == "12.0 MB of 45.0 MB"
    assert format_progress(12_000_000, None) == "12.0 MB"


def test_percent_never_claims_done_too_early():
    assert format_percent(0.4) == "40 %"
    assert format_percent(0.996) == "99 %"
    assert format_percent(1.0) == "100 %"
    assert format_percent(1.7) == "100 %"
    assert format_percent(None) == ""


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (0.2, "1 s"),
        (45, "45 s"),
        (60, "1 min"),
        (200, "3 min 20 s"),
        (599, "9 min 59 s"),
        (3599, "1 h"),
        (1250, "21 min"),
        (2 * 3600 + 5 * 60, "2 h 5 min"),
        (3 * 86400, "3 days"),
    ],
)
def test_durations_are_rounded_as_people_say_them(seconds, text):
    assert format_duration(seconds) == text


@pytest.mark.parametrize("seconds", [None, -5, math.inf, math.nan])
def test_unknown_durations_are_empty(seconds):
    assert format_duration(seconds) == ""
    assert format_eta(seconds) == ""


def test_eta_says_time_left():
    assert format_eta(200) == "3 min 20 s left"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(23, "0:23"), (22.1, "0:23"), (245, "4:05"), (3723, "1:02:03"), (-3, "0:00"), (0, "0:00")],
)
def test_countdowns_look_like_a_clock_and_never_go_negative(seconds, text):
    assert format_countdown(seconds) == text


def test_clock_time_is_local_and_names_the_day_when_not_today():
    moment = time.mktime((2026, 3, 3, 14, 2, 0, 0, 0, -1))
    assert format_clock_time(moment, now=moment + 60) == "14:02"
    assert format_clock_time(moment, now=moment + 3 * 86400) == "3 Mar 14:02"


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False))
def test_countdown_and_duration_never_raise_and_stay_short(seconds):
    assert len(format_countdown(seconds)) <= 10
    assert 0 < len(format_duration(seconds)) <= 12


@given(st.integers(min_value=0, max_value=10**18))
def test_bytes_never_raise_and_stay_short(size):
    assert len(format_bytes(size)) <= 8
