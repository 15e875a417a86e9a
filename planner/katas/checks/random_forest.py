"""Random forest: bootstrap samples and the vote against a reference, and the whole forest
against one built here from the attempt's own decision tree with the same seed."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from planner.katas.checks.common import (
    CheckFailed,
    Checks,
    Floats,
    array,
    at_least,
    fitted,
    need,
    same_labels,
)
from planner.katas.checks.decision_tree import data

CHECKS = Checks()


def _vote(predictions: Any) -> Any:
    out = []
    for column in np.asarray(predictions).T:
        values, counts = np.unique(column, return_counts=True)
        out.append(values[counts == counts.max()].min())
    return np.array(out)


def _forest(module: ModuleType, X: Floats, y: Any, **options: Any) -> Any:
    return fitted(need(module, "RandomForest")(**options), X, y)


@CHECKS.add("bootstrap: n rows drawn with replacement by rng.integers")
def bootstrap(module: ModuleType) -> None:
    X, y = data(41, 50)
    got = need(module, "bootstrap_sample")(X, y, np.random.default_rng(5))
    if not isinstance(got, tuple | list) or len(got) != 2:
        raise CheckFailed(f"bootstrap_sample must return (X, y), got {type(got).__name__}")
    indices = np.random.default_rng(5).integers(0, len(X), size=len(X))
    sample_X = array(got[0], "X of the sample", X.shape)
    if not np.array_equal(sample_X, X[indices]):
        raise CheckFailed("X of the sample: not X[rng.integers(0, n, size=n)] (same rng seed)")
    same_labels(got[1], y[indices], "y of the sample")


@CHECKS.add("the vote: the most common label per sample, ties to the smallest")
def vote(module: ModuleType) -> None:
    predictions = np.array([[0, 1, 2, 1, 3], [0, 2, 2, 0, 1], [1, 2, 0, 0, 3], [1, 1, 0, 0, 3]])
    same_labels(
        need(module, "majority_vote")(predictions), _vote(predictions), "majority_vote(predictions)"
    )


@CHECKS.add("n_trees trees, each on its own sample")
def trees(module: ModuleType) -> None:
    X, y = data(42, 80)
    model = _forest(module, X, y, n_trees=7, seed=1)
    forest = getattr(model, "trees", None)
    if forest is None or len(forest) != 7:
        raise CheckFailed(
            f"self.trees: expected 7 trees, got {None if forest is None else len(forest)}"
        )
    outputs = {tuple(np.asarray(tree.predict(X)).tolist()) for tree in forest}
    if len(outputs) == 1:
        raise CheckFailed("all 7 trees predict the same: are they fitted on the same rows?")


@CHECKS.add("matches a forest built from your decision tree with the same seed")
def same_forest(module: ModuleType) -> None:
    X, y = data(43, 80)
    query, _ = data(44, 30)
    tree_class = need(module, "DecisionTree")
    rng = np.random.default_rng(9)
    votes = []
    for _ in range(5):
        indices = rng.integers(0, len(X), size=len(X))
        votes.append(np.asarray(tree_class(max_depth=3).fit(X[indices], y[indices]).predict(query)))
    model = _forest(module, X, y, n_trees=5, max_depth=3, seed=9)
    same_labels(model.predict(query), _vote(np.array(votes)), "predict(X)")
    again = _forest(module, X, y, n_trees=5, max_depth=3, seed=9)
    same_labels(again.predict(query), model.predict(query), "predict(X), fitted again")


@CHECKS.add("on noisy data, more accurate than its trees on average")
def accuracy(module: ModuleType) -> None:
    X, y = data(45, 100, noise=0.25)
    query, truth = data(46, 100, noise=0.0)
    model = _forest(module, X, y, n_trees=11, seed=2)
    forest = float(np.mean(np.asarray(model.predict(query)) == truth))
    each = [float(np.mean(np.asarray(tree.predict(query)) == truth)) for tree in model.trees]
    at_least(forest, float(np.mean(each)), "forest accuracy (the mean of its trees')")
