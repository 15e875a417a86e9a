"""Top K Frequent Elements: against a reference on random inputs, edge cases, and a time
budget measured against the reference in the same process."""

from __future__ import annotations

import random
import time
from collections import Counter
from types import ModuleType

from planner.katas.checks.common import CheckFailed, Checks, need

CHECKS = Checks()


def reference(nums: list[int], k: int) -> list[int]:
    counts = Counter(nums)
    return sorted(counts, key=lambda value: (-counts[value], value))[:k]


def _call(module: ModuleType, nums: list[int], k: int) -> list[int]:
    given = list(nums)
    got = need(module, "top_k_frequent")(given, k)
    if given != nums:
        raise CheckFailed("top_k_frequent changed its input list")
    if not isinstance(got, list | tuple):
        raise CheckFailed(f"expected a list, got {type(got).__name__}")
    return list(got)


def _expect(module: ModuleType, nums: list[int], k: int) -> None:
    got = _call(module, nums, k)
    want = reference(nums, k)
    if got != want:
        shown = nums if len(nums) <= 12 else f"{len(nums)} values"
        raise CheckFailed(f"top_k_frequent({shown}, {k}): expected {want}, got {got}")


@CHECKS.add("the examples")
def examples(module: ModuleType) -> None:
    _expect(module, [1, 1, 1, 2, 2, 3], 2)
    _expect(module, [1], 1)
    _expect(module, [4, 4, 5, 5, 6], 2)


@CHECKS.add("200 random inputs against a reference (with ties)")
def random_inputs(module: ModuleType) -> None:
    rng = random.Random(91)
    for _ in range(200):
        nums = [rng.randint(-5, 12) for _ in range(rng.randint(1, 40))]
        _expect(module, nums, rng.randint(1, len(set(nums))))


@CHECKS.add("edge cases: k = every distinct value, negatives, one value")
def edges(module: ModuleType) -> None:
    nums = [3, -1, -1, 2, 2, 2, 0]
    _expect(module, nums, len(set(nums)))
    _expect(module, [-7, -7, -8], 1)
    _expect(module, [9] * 50, 1)


@CHECKS.add("a million values within the time budget")
def budget(module: ModuleType) -> None:
    rng = random.Random(92)
    nums = [int(rng.paretovariate(1.2)) for _ in range(1_000_000)]
    start = time.perf_counter()
    want = reference(nums, 10)
    allowed = max(2.0, 10 * (time.perf_counter() - start))
    start = time.perf_counter()
    got = need(module, "top_k_frequent")(nums, 10)
    took = time.perf_counter() - start
    if took > allowed:
        raise CheckFailed(f"took {took:.2f} s on a million values; the budget is {allowed:.2f} s")
    if list(got) != want:
        raise CheckFailed(f"a million values, k = 10: expected {want}, got {list(got)}")
