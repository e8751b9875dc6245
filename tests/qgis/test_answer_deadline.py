"""The answer-deadline rule of the core, under a fixed clock: never after the footage is purged."""

from datetime import UTC, datetime, timedelta

from camreq.core.requisitions import answer_deadline

NOW = datetime(2026, 12, 1, 19, 54, tzinfo=UTC)


def test_default_is_48_hours_from_now():
    assert answer_deadline(None, [NOW + timedelta(days=6)], NOW) == (NOW + timedelta(hours=48), False)


def test_default_is_the_earliest_purge_when_sooner():
    purges = [NOW + timedelta(hours=30), NOW + timedelta(hours=9, minutes=10)]
    assert answer_deadline(None, purges, NOW) == (NOW + timedelta(hours=9, minutes=10), False)


def test_a_deadline_asked_after_the_purge_is_brought_forward_to_it():
    purge = NOW + timedelta(hours=9, minutes=10)  # the field case: answer asked for 02/12 19:54, purge 02/12 05:04
    assert answer_deadline(NOW + timedelta(days=1), [purge], NOW) == (purge, True)


def test_a_deadline_asked_before_the_purge_is_kept():
    asked = NOW + timedelta(hours=5)
    assert answer_deadline(asked, [NOW + timedelta(hours=9)], NOW) == (asked, False)


def test_footage_already_purged_does_not_pull_the_deadline_into_the_past():
    assert answer_deadline(None, [NOW - timedelta(hours=1)], NOW) == (NOW + timedelta(hours=48), False)
