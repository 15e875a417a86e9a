"""The first half of loading syllabus files, without the schema: each file read and parsed
into plain data (`yaml_source`), and the files checked against each other (`crosscheck`).

`planner.core.syllabus.loading` validates what this gives against the schema and builds the
`Syllabus`. The halves are apart so that a second process can do this one, which needs
only the YAML parser, while the first imports the schema's pydantic, and hand the plain
data over (`planner.cli.syllabus_ahead`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.core.syllabus.crosscheck import cross_check
from planner.core.syllabus.problem import Problem
from planner.core.syllabus.yaml_source import (
    Document,
    at,
    decode_file,
    describe,
    parse_text,
    read_file,
)

Source = tuple[str, str | Problem]
"""A file's name, and its text or the problem that stopped it being read."""


@dataclass(slots=True)
class ParsedFiles:
    """Syllabus files read and parsed, not yet validated."""

    names: list[str]
    """Every file given, in order (problems are sorted by it)."""
    documents: list[Document]
    """The files that parsed into a mapping."""
    problems: list[Problem]
    """Found reading and parsing them."""
    complete: bool
    """Every file parsed into a mapping (references between files are checked only then:
    an id may be defined in a file that could not be read)."""
    _between: list[Problem] | None = field(default=None, repr=False)

    def between(self) -> list[Problem]:
        """The problems between and within files that `cross_check` finds (found once)."""
        if self._between is None:
            self._between = cross_check(self.documents, check_references=self.complete)
        return self._between

    def plain(self) -> list[tuple[str, Any]] | None:
        """(name, plain data) of each file when nothing is wrong so far: then only the
        schema can still find a problem. None otherwise."""
        if self.problems or not self.complete or self.between():
            return None
        return [(document.name, document.data) for document in self.documents]


def read_sources(
    paths: Sequence[Path], contents: Mapping[str, bytes] | None = None
) -> list[Source]:
    """Each file's text (or why it cannot be read), the same file given twice (by any
    spelling of its path) once; with `contents` (`str(path)` -> bytes read already), from
    those bytes, the files not read again."""
    sources: list[Source] = []
    seen: set[Path] = set()
    for path in paths:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):
            key = path.absolute()
        if key in seen:
            continue
        seen.add(key)
        name = str(path)
        if contents is not None and name in contents:
            text, problem = decode_file(contents[name], name)
        else:
            text, problem = read_file(path, name)
        sources.append((name, problem if problem is not None else text or ""))
    return sources


def parse_sources(sources: Sequence[Source], *, pure_python: bool = False) -> ParsedFiles:
    """Parse each source into plain data (`pure_python` skips libyaml)."""
    parsed = ParsedFiles([name for name, _ in sources], [], [], complete=True)
    for name, source in sources:
        if isinstance(source, Problem):
            parsed.problems.append(source)
            parsed.complete = False
            continue
        one = parse_text(name, source, pure_python=pure_python)
        parsed.problems.extend(one.problems)
        document = one.document
        if document is None:
            parsed.complete = False
            continue
        if not isinstance(document.data, dict):
            message = (
                "a syllabus file must be a mapping (syllabus: ..., title: ..., ...), "
                f"got {describe(document.data)}"
            )
            parsed.problems.append(at(name, document.root, message))
            parsed.complete = False
            continue
        parsed.documents.append(document)
    return parsed
