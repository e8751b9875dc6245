"""The time left before a camera's footage is purged, as a short countdown such as "3 d 4 h"."""

from __future__ import annotations

from datetime import timedelta


def format_countdown(left: timedelta, day: str = "d", hour: str = "h", minute: str = "min") -> str:
    """Return left as "3 d 4 h", "4 h 12 min" or "12 min" (unit names given, for translation); "" if not positive."""
    minutes = int(left.total_seconds() // 60)
    if minutes <= 0:
        return ""
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} {day} {hours} {hour}"
    if hours:
        return f"{hours} {hour} {minutes} {minute}"
    return f"{minutes} {minute}"
