"""Number of Islands: against a reference on random grids, edge cases, a large all-land
grid, and a time budget measured against the reference in the same process."""

from __future__ import annotations

import numbers
import random
import time
from collections import deque
from types import ModuleType

from planner.katas.checks.common import CheckFailed, Checks, need

CHECKS = Checks()
Grid = list[list[str]]


def reference(grid: Grid) -> int:
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    seen = [[False] * cols for _ in range(rows)]
    count = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] != "1" or seen[r][c]:
                continue
            count += 1
            seen[r][c] = True
            queue = deque([(r, c)])
            while queue:
                y, x = queue.popleft()
                for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                    inside = 0 <= ny < rows and 0 <= nx < cols
                    if inside and grid[ny][nx] == "1" and not seen[ny][nx]:
                        seen[ny][nx] = True
                        queue.append((ny, nx))
    return count


def _copy(grid: Grid) -> Grid:
    return [list(row) for row in grid]


def _shown(grid: Grid) -> str:
    if len(grid) <= 4 and all(len(row) <= 6 for row in grid):
        return repr(["".join(row) for row in grid])
    return f"a {len(grid)} x {len(grid[0]) if grid else 0} grid"


def _expect(module: ModuleType, grid: Grid) -> None:
    got = need(module, "num_islands")(_copy(grid))
    want = reference(grid)
    if not isinstance(got, numbers.Integral) or isinstance(got, bool):
        raise CheckFailed(f"expected an int, got {type(got).__name__}")
    got = int(got)
    if got != want:
        raise CheckFailed(f"num_islands({_shown(grid)}): expected {want}, got {got}")


def _grid(rng: random.Random, rows: int, cols: int, land: float) -> Grid:
    return [["1" if rng.random() < land else "0" for _ in range(cols)] for _ in range(rows)]


@CHECKS.add("the examples")
def examples(module: ModuleType) -> None:
    _expect(module, [list("11110"), list("11010"), list("11000"), list("00000")])
    _expect(module, [list("11000"), list("11000"), list("00100"), list("00011")])


@CHECKS.add("300 random grids against a reference")
def random_grids(module: ModuleType) -> None:
    rng = random.Random(101)
    for _ in range(300):
        _expect(module, _grid(rng, rng.randint(1, 14), rng.randint(1, 14), rng.random()))


@CHECKS.add("edge cases: empty, all water, all land, one row, one column")
def edges(module: ModuleType) -> None:
    grids: tuple[Grid, ...] = (
        [],
        [[]],
        [list("000")] * 3,
        [list("111")] * 3,
        [list("10101")],
        [["1"], ["0"], ["1"], ["1"]],
    )
    for grid in grids:
        _expect(module, [list(row) for row in grid])


@CHECKS.add("diagonal neighbours are separate islands")
def diagonal(module: ModuleType) -> None:
    _expect(module, [list("101"), list("010"), list("101")])


@CHECKS.add("600 x 600, all land, within the time budget")
def large(module: ModuleType) -> None:
    land = [["1"] * 600 for _ in range(600)]
    rng = random.Random(102)
    mixed = _grid(rng, 600, 600, 0.55)
    start = time.perf_counter()
    wants = (reference(land), reference(mixed))
    allowed = max(2.0, 10 * (time.perf_counter() - start))
    start = time.perf_counter()
    gots = (need(module, "num_islands")(_copy(land)), need(module, "num_islands")(_copy(mixed)))
    took = time.perf_counter() - start
    if gots != wants:
        raise CheckFailed(f"two 600 x 600 grids: expected {wants} islands, got {gots}")
    if took > allowed:
        raise CheckFailed(
            f"took {took:.2f} s on two 600 x 600 grids; the budget is {allowed:.2f} s"
        )
