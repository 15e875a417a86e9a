"""A syllabus from plain data that was parsed and checked across files elsewhere (by
`planner.core.syllabus.parsing`, in a second process): only the schema is left to check.
Without the YAML parser, which the process that gets the data never needs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from planner.core.syllabus.collector import collector_paused
from planner.core.syllabus.model import Syllabus, SyllabusFile
from planner.core.syllabus.schema import SyllabusFileSchema, validate_file


def build_validator() -> None:
    """Build the file schema's validator now rather than on the first `validate_file` (it
    is built on first use, so that importing the schema costs little): for a process that
    is waiting anyway, before the data comes."""
    SyllabusFileSchema.model_rebuild(force=True)


def from_plain(files: Sequence[tuple[str, Any]]) -> Syllabus | None:
    """The merged syllabus of (name, plain data) pairs that `ParsedFiles.plain` gave, or
    None when the schema finds a problem (loading the files says where it is)."""
    with collector_paused():
        models: list[tuple[str, SyllabusFile]] = []
        for name, data in files:
            try:
                models.append((name, validate_file(data)))
            except ValidationError:
                return None
        return Syllabus.from_files(models)
