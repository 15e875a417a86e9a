"""Practice on top: FSRS reviews, drills and mock rounds, and readiness per round."""
