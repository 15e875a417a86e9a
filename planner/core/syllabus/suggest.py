"""Did-you-mean suggestions for mistyped keys and ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.6
"""How similar (difflib ratio, 0..1) a candidate must be to be suggested."""


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to `word`, or None when nothing is close enough."""
    pool = [c for c in dict.fromkeys(candidates) if c != word]
    if not pool:
        return None
    lowered = word.lower()
    for candidate in pool:
        if candidate.lower() == lowered:
            return candidate
    # Like difflib.get_close_matches, but among equally close candidates the first given
    # (the one written first in the file) wins, rather than the alphabetically last.
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best: str | None = None
    best_score = CUTOFF
    for candidate in pool:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
            continue
        score = matcher.ratio()
        if score > best_score or (best is None and score >= best_score):
            best, best_score = candidate, score
    return best


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """` (did you mean 'x'?)` when there is a close candidate, else an empty string."""
    match = suggest(word, candidates)
    return f" (did you mean {match!r}?)" if match is not None else ""
