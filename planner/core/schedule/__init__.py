"""Schedule out: capacity, the work still to do, placement into days, feasibility and its
fixes, `schedule()` and the types it returns, their codec, and the agenda a screen shows."""
