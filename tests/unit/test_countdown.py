"""The purge countdown is short, rounds down (never promises time that is not there) and is empty once passed."""

from datetime import timedelta

import pytest
from camreq.core.countdown import format_countdown


@pytest.mark.parametrize(
    ("left", "text"),
    [
        (timedelta(days=3, hours=4, minutes=59), "3 d 4 h"),
        (timedelta(days=1), "1 d 0 h"),
        (timedelta(hours=4, minutes=12, seconds=59), "4 h 12 min"),
        (timedelta(minutes=12, seconds=30), "12 min"),
        (timedelta(seconds=59), ""),
        (timedelta(0), ""),
        (timedelta(hours=-5), ""),
    ],
)
def test_countdown_shows_the_two_largest_units_rounded_down(left, text):
    assert format_countdown(left) == text


def test_unit_names_are_given_by_the_caller_for_translation():
    assert format_countdown(timedelta(days=3, hours=4), day="j") == "3 j 4 h"
