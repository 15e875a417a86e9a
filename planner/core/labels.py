"""Human labels for figures: how a number of minutes reads on every screen and export."""

from __future__ import annotations


def format_minutes(minutes: int) -> str:
    """90 -> "1h30m", 45 -> "45m", 120 -> "2h"."""
    hours, mins = divmod(max(0, minutes), 60)
    if hours and mins:
        return f"{hours}h{mins:02d}m"
    if hours:
        return f"{hours}h"
    return f"{mins}m"
