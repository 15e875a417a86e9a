"""A problem found in a syllabus file, with the place it was found."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One error in one file, at a 1-based line and column."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"

    @property
    def place(self) -> str:
        """`FILE:LINE:COL`, for messages that point back at another place."""
        return f"{self.file}:{self.line}:{self.col}"


class SyllabusError(Exception):
    """Raised by the loader with every problem of every file, sorted by file, line, column."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
