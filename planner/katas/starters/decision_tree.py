"""A decision tree classifier with information-gain splits, from scratch with NumPy.

Fill in the functions and the class below, then check them with the command at the top of
this file. The random forest kata builds on this file (it imports DecisionTree from it).
"""

import numpy as np


def entropy(y: np.ndarray) -> float:
    """The entropy of the labels y in bits: -sum(p * log2(p)) over the classes present.
    0.0 for an empty array or a single class."""
    raise NotImplementedError


def information_gain(y: np.ndarray, left: np.ndarray) -> float:
    """entropy(y) minus the size-weighted entropies of y[left] and y[~left].
    left: a boolean mask, shape (n,)."""
    raise NotImplementedError


def best_split(X: np.ndarray, y: np.ndarray) -> tuple[int, float] | None:
    """The (feature, threshold) with the highest information gain, where rows with
    X[:, feature] <= threshold go left. Try every feature and, as thresholds, every value
    that feature takes; never a split that leaves one side empty.
    Ties: the lowest feature, then the lowest threshold. None when no split gains more
    than 1e-12 bits."""
    raise NotImplementedError


class DecisionTree:
    """DecisionTree(max_depth=None, min_samples_split=2)

    fit(X, y) -> self: grow the tree from the root (depth 0) with best_split. A node
        becomes a leaf when it is pure, when it holds fewer than min_samples_split rows,
        when its depth is max_depth (max_depth=1: a single split), or when best_split
        finds nothing. A leaf predicts its most common label (a tie: the smallest).
    predict(X) -> int array, shape (m,).
    """

    def __init__(self, max_depth: int | None = None, min_samples_split: int = 2):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def fit(self, X: np.ndarray, y: np.ndarray) -> "DecisionTree":
        raise NotImplementedError

    def predict(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError
