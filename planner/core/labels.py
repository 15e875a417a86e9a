"""Human labels for figures: how a number of minutes reads on every screen and export; and
what of a person's text may be shown on a terminal."""

from __future__ import annotations


def format_minutes(minutes: int) -> str:
    """90 -> "1h30m", 45 -> "45m", 120 -> "2h"."""
    hours, mins = divmod(max(0, minutes), 60)
    if hours and mins:
        return f"{hours}h{mins:02d}m"
    if hours:
        return f"{hours}h"
    return f"{mins}m"


def is_control(ch: str) -> bool:
    """A C0 control, DEL or a C1 control: what a terminal reads as part of an escape."""
    code = ord(ch)
    return code < 0x20 or 0x7F <= code <= 0x9F


def control_character(text: str, allowed: str = "\t\n") -> str | None:
    """The first control character of `text` not in `allowed`, as U+XXXX, or None."""
    if text.isprintable():
        return None  # (no control character is printable)
    found = next((ch for ch in text if is_control(ch) and ch not in allowed), None)
    return None if found is None else f"U+{ord(found):04X}"


def without_controls(text: str) -> str:
    """`text` without control characters but tabs and newlines."""
    return "".join(ch for ch in text if ch in "\t\n" or not is_control(ch))
