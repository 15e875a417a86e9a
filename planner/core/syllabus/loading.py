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
from planner.core.syllabus.crosscheck import cross_check
from planner.core.syllabus.model import Syllabus, SyllabusFile
from planner.core.syllabus.problem import Problem, SyllabusError
from planner.core.syllabus.schema import validate_file
from planner.core.syllabus.schema_errors import problems_from_validation
from planner.core.syllabus.suggest import suggest
from planner.core.syllabus.yaml_source import (
    Document,
    at,
    check_text_size,
    describe,
    parse_text,
    read_file,
)

__all__ = [
    "Problem",
    "SyllabusError",
    "load_syllabus",
    "load_syllabus_texts",
    "suggest",
]

_Source = tuple[str, str | Problem]


def load_syllabus(paths: Sequence[Path]) -> Syllabus:
    """Load and merge syllabus files; raise `SyllabusError` with every problem found."""
    sources: list[_Source] = []
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
        text, problem = read_file(path, name)
        sources.append((name, problem if problem is not None else text or ""))
    return _load(sources, pure_python=False)


def load_syllabus_texts(
    sources: Sequence[tuple[str, str]], *, pure_python: bool = False
) -> Syllabus:
    """Like `load_syllabus`, for (name, YAML text) pairs; `pure_python` skips libyaml."""
    checked: list[_Source] = []
    for name, text in sources:
        problem = check_text_size(name, text)
        checked.append((name, problem if problem is not None else text))
    return _load(checked, pure_python=pure_python)


def _load(sources: Sequence[_Source], *, pure_python: bool) -> Syllabus:
    with collector_paused():
        return _load_all(sources, pure_python=pure_python)


def _load_all(sources: Sequence[_Source], *, pure_python: bool) -> Syllabus:
    problems: list[Problem] = []
    loaded: list[tuple[Document, SyllabusFile | None]] = []
    complete = True
    for name, source in sources:
        if isinstance(source, Problem):
            problems.append(source)
            complete = False
            continue
        parsed = parse_text(name, source, pure_python=pure_python)
        problems.extend(parsed.problems)
        document = parsed.document
        if document is None:
            complete = False
            continue
        if not isinstance(document.data, dict):
            message = (
                "a syllabus file must be a mapping (syllabus: ..., title: ..., ...), "
                f"got {describe(document.data)}"
            )
            problems.append(at(name, document.root, message))
            complete = False
            continue
        model: SyllabusFile | None = None
        try:
            model = validate_file(document.data)
        except ValidationError as exc:
            problems.extend(problems_from_validation(document, exc))
        loaded.append((document, model))
    problems.extend(cross_check([doc for doc, _ in loaded], check_references=complete))
    if problems:
        raise SyllabusError(_sorted(problems, [name for name, _ in sources]))
    files = [(doc.name, model) for doc, model in loaded if model is not None]
    return Syllabus.from_files(files)


def _sorted(problems: Sequence[Problem], names: Sequence[str]) -> list[Problem]:
    order: dict[str, int] = {}
    for name in names:
        order.setdefault(name, len(order))
    unique = set(problems)
    return sorted(unique, key=lambda p: (order.get(p.file, len(order)), p.line, p.col, p.message))
