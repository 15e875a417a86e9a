"""The folders say how it works, and the imports follow them: no module of `planner/` takes
part in an import cycle (imports inside functions and for type checking included)."""

from __future__ import annotations

from pathlib import Path

import grimp

import planner

WINGS = ("syllabus", "schedule", "practice")


def import_cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """The strongly connected groups of more than one module, and modules importing
    themselves (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cycles: list[list[str]] = []

    def imported_by(module: str) -> list[str]:
        return sorted(graph.find_modules_directly_imported_by(module) & modules)

    for root in sorted(modules):
        if root in index:
            continue
        work = [(root, iter(imported_by(root)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(imported_by(child))))
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1 or module in imported_by(module):
                    cycles.append(sorted(group))
    return cycles


def test_no_module_of_planner_is_in_an_import_cycle() -> None:
    graph = grimp.build_graph("planner", exclude_type_checking_imports=False)
    modules = {m for m in graph.modules if m == "planner" or m.startswith("planner.")}
    assert len(modules) > 90  # the whole package was read
    assert import_cycles(graph, modules) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for module in ("p", "p.a", "p.b", "p.c", "p.d"):
        graph.add_module(module)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    graph.add_import(importer="p.c", imported="p.a")
    graph.add_import(importer="p.d", imported="p.d")
    graph.add_import(importer="p.d", imported="p.a")
    assert import_cycles(graph, set(graph.modules)) == [["p.a", "p.b", "p.c"], ["p.d"]]


def test_the_core_is_three_wings_and_a_few_shared_modules() -> None:
    core = Path(planner.__file__).parent / "core"
    for wing in WINGS:
        assert (core / wing / "__init__.py").is_file()
    own = sorted(p.stem for p in core.glob("*.py") if p.stem != "__init__")
    assert len(own) <= 7, own
    packages = sorted(p.name for p in core.iterdir() if (p / "__init__.py").is_file())
    assert packages == sorted(WINGS)


def test_the_store_and_the_caches_are_packages() -> None:
    root = Path(planner.__file__).parent
    assert {p.stem for p in (root / "store").glob("*.py")} >= {
        "store",
        "state",
        "schema",
        "events",
        "migrations",
    }
    assert {p.stem for p in (root / "caches").glob("*.py")} >= {"syllabus", "schedule"}
    loose = {p.stem for p in root.glob("*.py")}
    assert not loose & {"store", "store_state", "migrations", "cached_schedule", "errors"}
