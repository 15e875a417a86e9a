"""planner: a day-by-day interview-preparation plan in the terminal."""

__version__ = "0.1.0"
