"""Decision tree: entropy, gain and the best split against a reference, then whole trees
against a reference tree grown by the same rules."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from planner.katas.checks.common import (
    CheckFailed,
    Checks,
    Floats,
    close,
    fitted,
    need,
    same_labels,
)

CHECKS = Checks()


def _entropy(y: Any) -> float:
    if len(y) == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    p = counts / len(y)
    bits: float = -(p * np.log2(p)).sum()
    return float(bits)


def _same_split(got: Any, want: tuple[int, float]) -> bool:
    if not isinstance(got, tuple | list) or len(got) != 2:
        return False
    try:
        return int(got[0]) == want[0] and abs(float(got[1]) - want[1]) <= 1e-9
    except (TypeError, ValueError):
        return False


def _gain(y: Any, left: Any) -> float:
    share = float(left.sum()) / len(y)
    return _entropy(y) - share * _entropy(y[left]) - (1 - share) * _entropy(y[~left])


def _best(X: Floats, y: Any) -> tuple[int, float] | None:
    best: tuple[float, int, float] | None = None
    for feature in range(X.shape[1]):
        for threshold in np.unique(X[:, feature]):
            left = X[:, feature] <= threshold
            if left.all() or not left.any():
                continue
            gain = _gain(y, left)
            if gain > 1e-12 and (best is None or gain > best[0] + 1e-12):
                best = (gain, feature, float(threshold))
    return None if best is None else (best[1], best[2])


def _majority(y: Any) -> int:
    values, counts = np.unique(y, return_counts=True)
    return int(values[counts == counts.max()].min())


def _grow(X: Floats, y: Any, depth: int, max_depth: int | None) -> Any:
    if len(np.unique(y)) == 1 or len(y) < 2 or (max_depth is not None and depth >= max_depth):
        return _majority(y)
    split = _best(X, y)
    if split is None:
        return _majority(y)
    feature, threshold = split
    left = X[:, feature] <= threshold
    return (
        feature,
        threshold,
        _grow(X[left], y[left], depth + 1, max_depth),
        _grow(X[~left], y[~left], depth + 1, max_depth),
    )


def _predict(node: Any, row: Floats) -> int:
    while isinstance(node, tuple):
        feature, threshold, left, right = node
        node = left if row[feature] <= threshold else right
    return int(node)


def reference_tree(X: Floats, y: Any, max_depth: int | None = None) -> Any:
    return _grow(X, y, 0, max_depth)


def reference_predict(tree: Any, X: Floats) -> Any:
    return np.array([_predict(tree, row) for row in X])


def data(seed: int, n: int = 120, noise: float = 0.1) -> tuple[Floats, Any]:
    rng = np.random.default_rng(seed)
    X = np.round(rng.normal(size=(n, 3)), 2)
    y = ((X[:, 0] > 0.2).astype(int) + (X[:, 1] * X[:, 2] > 0).astype(int)) % 3
    flip = rng.random(n) < noise
    y[flip] = rng.integers(0, 3, size=int(flip.sum()))
    return X, y


def _tree(module: ModuleType, X: Floats, y: Any, **options: Any) -> Any:
    return fitted(need(module, "DecisionTree")(**options), X, y)


@CHECKS.add("entropy in bits")
def entropy(module: ModuleType) -> None:
    function = need(module, "entropy")
    for labels in ([0, 0, 1, 1], [3, 3, 3], [0, 1, 2, 3], [1, 1, 1, 0], []):
        y = np.array(labels, dtype=int)
        close(function(y), _entropy(y), f"entropy({labels})", rtol=1e-9, atol=1e-9)


@CHECKS.add("information gain of a split")
def gain(module: ModuleType) -> None:
    function = need(module, "information_gain")
    y = np.array([0, 0, 1, 1, 1, 2])
    for mask in ([1, 1, 0, 0, 0, 0], [1, 0, 1, 0, 1, 0], [0, 0, 0, 0, 0, 1]):
        left = np.array(mask, dtype=bool)
        close(function(y, left), _gain(y, left), f"information_gain(y, {mask})", rtol=1e-9)


@CHECKS.add("the best split, as the reference chooses it")
def best_split(module: ModuleType) -> None:
    function = need(module, "best_split")
    for seed in (31, 32, 33):
        X, y = data(seed, 60)
        got = function(X.copy(), y.copy())
        want = _best(X, y)
        if want is None or not _same_split(got, want):
            raise CheckFailed(f"best_split: expected (feature, threshold) {want}, got {got}")


@CHECKS.add("ties and nothing to split: lowest feature; None")
def split_edges(module: ModuleType) -> None:
    function = need(module, "best_split")
    X = np.array([[0.0, 0.0], [0.0, 0.0], [1.0, 1.0], [1.0, 1.0]])
    y = np.array([0, 0, 1, 1])
    got = function(X, y)
    if got is None or (int(got[0]), float(got[1])) != (0, 0.0):
        raise CheckFailed(f"two features split equally well: expected (0, 0.0), got {got}")
    for what, X_same, y_same in (
        ("a pure node", X, np.array([1, 1, 1, 1])),
        ("identical rows", np.ones((4, 2)), y),
    ):
        if function(X_same, y_same) is not None:
            raise CheckFailed(f"{what}: expected None, got {function(X_same, y_same)}")


@CHECKS.add("the depth limit: max_depth 1 and 2 match the reference")
def depth_limit(module: ModuleType) -> None:
    X, y = data(34)
    query, _ = data(35, 40)
    for depth in (1, 2):
        model = _tree(module, X, y, max_depth=depth)
        expected = reference_predict(reference_tree(X, y, depth), query)
        same_labels(model.predict(query), expected, f"predict(X) with max_depth={depth}")


@CHECKS.add("a pure node is a leaf")
def pure(module: ModuleType) -> None:
    X, _ = data(36, 20)
    model = _tree(module, X, np.full(20, 4))
    same_labels(model.predict(X), np.full(20, 4), "every label 4: predict(X)")


@CHECKS.add("grown in full: fits the training data, matches the reference")
def full_tree(module: ModuleType) -> None:
    X, y = data(37, 100, noise=0.0)
    model = _tree(module, X, y)
    same_labels(model.predict(X), y, "predict(training X)")
    query, _ = data(38, 40)
    same_labels(
        model.predict(query), reference_predict(reference_tree(X, y), query), "predict(new X)"
    )
