"""Loading syllabus files: every problem of every file, as `FILE:LINE:COL: message`, at once.

Each file is read (missing, unreadable, non-UTF-8 and over-5-MB files are problems; the size
is checked before anything is parsed), composed with libyaml when available (safe loading
only), turned into plain data with duplicate keys and alias bombs caught (see
`planner.core.syllabus.yaml_source`), validated against the file schema
(`planner.core.syllabus.schema`) with each error placed at the YAML node that caused it,
and finally checked across files (unique ids, known references, `requires` without
cycles, every item serving a round). Only when nothing is wrong is the merged `Syllabus`
built.

Problems are sorted by file (in the order given), line and column. The same file given
twice (by any spelling of its path) is loaded once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from planner.core.syllabus.collector import collector_paused
from planner.core.syllabus.model import Syllabus, SyllabusFile
from planner.core.syllabus.parsing import ParsedFiles, Source, parse_sources, read_sources
from planner.core.syllabus.problem import Problem, SyllabusError
from planner.core.syllabus.schema import validate_file
from planner.core.syllabus.schema_errors import problems_from_validation
from planner.core.syllabus.suggest import suggest
from planner.core.syllabus.yaml_source import check_text_size

__all__ = [
    "Problem",
    "SyllabusError",
    "load_syllabus",
    "load_syllabus_texts",
    "suggest",
]


def load_syllabus(paths: Sequence[Path]) -> Syllabus:
    """Load and merge syllabus files; raise `SyllabusError` with every problem found."""
    return _load(read_sources(paths), pure_python=False)


def load_syllabus_texts(
    sources: Sequence[tuple[str, str]], *, pure_python: bool = False
) -> Syllabus:
    """Like `load_syllabus`, for (name, YAML text) pairs; `pure_python` skips libyaml."""
    checked: list[Source] = []
    for name, text in sources:
        problem = check_text_size(name, text)
        checked.append((name, problem if problem is not None else text))
    return _load(checked, pure_python=pure_python)


def _load(sources: Sequence[Source], *, pure_python: bool) -> Syllabus:
    with collector_paused():
        return validated(parse_sources(sources, pure_python=pure_python))


def validated(parsed: ParsedFiles) -> Syllabus:
    """The merged syllabus of files parsed by `parse_sources`, each validated against the
    file schema; raises `SyllabusError` with every problem of every file."""
    problems = list(parsed.problems)
    files: list[tuple[str, SyllabusFile]] = []
    for document in parsed.documents:
        try:
            files.append((document.name, validate_file(document.data)))
        except ValidationError as exc:
            problems.extend(problems_from_validation(document, exc))
    problems.extend(parsed.between())
    if problems:
        raise SyllabusError(_sorted(problems, parsed.names))
    return Syllabus.from_files(files)


def _sorted(problems: Sequence[Problem], names: Sequence[str]) -> list[Problem]:
    order: dict[str, int] = {}
    for name in names:
        order.setdefault(name, len(order))
    unique = set(problems)
    return sorted(unique, key=lambda p: (order.get(p.file, len(order)), p.line, p.col, p.message))
