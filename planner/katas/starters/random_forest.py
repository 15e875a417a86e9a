"""A random forest classifier on top of your decision tree, from scratch with NumPy.

This file imports DecisionTree from decision_tree.py in the same folder (the decision
tree kata: `planner kata code-decision-tree`); the check copies it along. Fill in the
functions and the class below, then check them with the command at the top of this file.
"""

import numpy as np
from decision_tree import DecisionTree  # noqa: F401 - your own tree, from decision_tree.py


def bootstrap_sample(
    X: np.ndarray, y: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """n rows drawn with replacement: the indices are rng.integers(0, n, size=n) (exactly
    this call, so that a seed gives the same forest), returned as (X[indices], y[indices])."""
    raise NotImplementedError


def majority_vote(predictions: np.ndarray) -> np.ndarray:
    """predictions: int array, shape (n_trees, m), one row per tree. Returns shape (m,):
    the most common label of each column; a tie goes to the smallest label."""
    raise NotImplementedError


class RandomForest:
    """RandomForest(n_trees=10, max_depth=None, seed=0)

    fit(X, y) -> self: rng = np.random.default_rng(seed); then for each of the n_trees
        trees, in order: a bootstrap_sample(X, y, rng) and a DecisionTree(max_depth)
        fitted on it. Keep the fitted trees, in order, in self.trees.
    predict(X) -> int array, shape (m,): the majority_vote of the trees' predictions.
    """

    def __init__(self, n_trees: int = 10, max_depth: int | None = None, seed: int = 0):
        self.n_trees = n_trees
        self.max_depth = max_depth
        self.seed = seed

    def fit(self, X: np.ndarray, y: np.ndarray) -> "RandomForest":
        raise NotImplementedError

    def predict(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError
