"""Checks across every loaded file: unique ids, known references, no `requires` cycles,
and every item serving at least one round.

They read the plain data leniently (skipping what is malformed, which validation reports),
so one file's type error does not hide another file's duplicate id.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from planner.core.syllabus.problem import Problem
from planner.core.syllabus.suggest import did_you_mean
from planner.core.syllabus.yaml_source import Document, at, locate

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class _Entry:
    """A round, resource, item or practice item as written, with where it was written."""

    document: Document
    loc: Loc
    kind: str
    id: str
    data: dict[str, Any]
    resource: dict[str, Any] | None = None

    def at(self, message: str, *steps: str | int, key: bool = False) -> Problem:
        node = locate(self.document.root, self.loc + steps, key=key)
        return at(self.document.name, node, message)


def cross_check(documents: Sequence[Document], *, check_references: bool = True) -> list[Problem]:
    """Problems between and within files. References are checked only when every file
    loaded (`check_references`): an id may be defined in a file that could not be read."""
    entries = [entry for document in documents for entry in _entries(document)]
    problems = _duplicate_syllabus_ids(documents)
    problems += _duplicate_ids(entries)
    firsts = _first_by_id(entries)
    if check_references:
        problems += _unknown_references(entries, firsts)
    problems += _missing_rounds(entries)
    problems += _cycles(entries, firsts)
    return problems


def _dicts(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, tuple):
        for index, entry in enumerate(value):
            if isinstance(entry, dict):
                yield index, entry


def _entries(document: Document) -> Iterator[_Entry]:
    data = document.data
    if not isinstance(data, dict):
        return
    sections = (("rounds", "round"), ("resources", "resource"), ("practice", "practice"))
    for section, kind in sections:
        for index, entry in _dicts(data.get(section)):
            loc: Loc = (section, index)
            if isinstance(entry.get("id"), str):
                yield _Entry(document, loc, kind, entry["id"], entry)
            if kind != "resource":
                continue
            for item_index, item in _dicts(entry.get("items")):
                if isinstance(item.get("id"), str):
                    item_loc: Loc = (*loc, "items", item_index)
                    yield _Entry(document, item_loc, "item", item["id"], item, entry)


def _namespace(kind: str) -> str:
    # Rounds have their own ids; resources, items and practice items share one namespace
    # because progress, notes and reviews are all keyed by these ids.
    return "round" if kind == "round" else "entry"


def _duplicate_ids(entries: Sequence[_Entry]) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[tuple[str, str], _Entry] = {}
    for entry in entries:
        key = (_namespace(entry.kind), entry.id)
        earlier = first.get(key)
        if earlier is None:
            first[key] = entry
            continue
        place = earlier.at("", "id").place
        problems.append(entry.at(f"duplicate id {entry.id!r} (first defined at {place})", "id"))
    return problems


def _duplicate_syllabus_ids(documents: Sequence[Document]) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, Problem] = {}
    for document in documents:
        value = document.data.get("syllabus") if isinstance(document.data, dict) else None
        if not isinstance(value, str):
            continue
        here = at(document.name, locate(document.root, ("syllabus",)), "")
        earlier = first.get(value)
        if earlier is None:
            first[value] = here
            continue
        message = f"duplicate syllabus id {value!r} (first defined at {earlier.place})"
        problems.append(Problem(here.file, here.line, here.col, message))
    return problems


def _first_by_id(entries: Sequence[_Entry]) -> dict[tuple[str, str], _Entry]:
    firsts: dict[tuple[str, str], _Entry] = {}
    for entry in entries:
        firsts.setdefault((_namespace(entry.kind), entry.id), entry)
    return firsts


def _strings(value: Any) -> Iterator[tuple[int, str]]:
    if isinstance(value, tuple):
        for index, entry in enumerate(value):
            if isinstance(entry, str):
                yield index, entry


def _unknown_references(
    entries: Sequence[_Entry], firsts: dict[tuple[str, str], _Entry]
) -> list[Problem]:
    round_ids = [entry_id for (space, entry_id) in firsts if space == "round"]
    known_rounds = set(round_ids)
    item_ids = [e.id for e in firsts.values() if e.kind == "item"]
    problems: list[Problem] = []
    for entry in entries:
        if entry.kind == "round":
            continue
        for index, ref in _strings(entry.data.get("rounds")):
            if ref not in known_rounds:
                message = f"unknown round {ref!r}{did_you_mean(ref, round_ids)}"
                problems.append(entry.at(message, "rounds", index))
        field = {"item": "requires", "practice": "learn_from"}.get(entry.kind)
        if field is None:
            continue
        for index, ref in _strings(entry.data.get(field)):
            target = firsts.get(("entry", ref))
            if target is not None and target.kind == "item":
                continue
            if target is None:
                message = f"unknown item {ref!r}{did_you_mean(ref, item_ids)}"
            elif target.kind == "resource":
                message = f"unknown item {ref!r}: it is a resource; name its items"
            else:
                message = f"unknown item {ref!r}: it is a practice item, not a study item"
            problems.append(entry.at(message, field, index))
    return problems


def _missing_rounds(entries: Sequence[_Entry]) -> list[Problem]:
    problems: list[Problem] = []
    for entry in entries:
        if entry.kind != "item" or entry.resource is None:
            continue
        own = entry.data.get("rounds")
        message = f"item {entry.id!r} has no rounds: give it rounds or give its resource rounds"
        if isinstance(own, tuple) and not own:
            problems.append(entry.at(message, "rounds"))
        elif own is None:
            inherited = entry.resource.get("rounds")
            if inherited is None or (isinstance(inherited, tuple) and not inherited):
                problems.append(entry.at(message))
    return problems


def _cycles(entries: Sequence[_Entry], firsts: dict[tuple[str, str], _Entry]) -> list[Problem]:
    """One problem per distinct cycle found, at the `requires` entry that starts it."""
    items = [e for e in entries if e.kind == "item" and firsts.get(("entry", e.id)) is e]
    order = {entry.id: n for n, entry in enumerate(items)}
    edges: dict[str, dict[str, int]] = {}
    for entry in items:
        targets: dict[str, int] = {}
        for index, ref in _strings(entry.data.get("requires")):
            if ref in order:
                targets.setdefault(ref, index)
        edges[entry.id] = targets
    by_id = {entry.id: entry for entry in items}
    problems: list[Problem] = []
    reported: set[tuple[str, ...]] = set()
    done: set[str] = set()
    for start in order:
        if start in done:
            continue
        path = [start]
        on_path = {start: 0}
        stack = [iter(edges[start])]
        while stack:
            target = next(stack[-1], None)
            if target is None:
                stack.pop()
                finished = path.pop()
                done.add(finished)
                del on_path[finished]
                continue
            if target in on_path:
                cycle = path[on_path[target] :]
                first = min(range(len(cycle)), key=lambda i: order[cycle[i]])
                cycle = cycle[first:] + cycle[:first]
                if tuple(cycle) not in reported:
                    reported.add(tuple(cycle))
                    shown = " -> ".join([*cycle, cycle[0]])
                    head = by_id[cycle[0]]
                    nxt = cycle[1] if len(cycle) > 1 else cycle[0]
                    index = edges[cycle[0]][nxt]
                    problems.append(head.at(f"requires cycle: {shown}", "requires", index))
            elif target not in done:
                on_path[target] = len(path)
                path.append(target)
                stack.append(iter(edges[target]))
    return problems
