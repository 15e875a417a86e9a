"""A correct decision tree (for the kata tests; not shipped)."""

import numpy as np


def entropy(y):
    if len(y) == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    p = counts / len(y)
    return float(-(p * np.log2(p)).sum())


def information_gain(y, left):
    n = len(y)
    weighted = left.sum() / n * entropy(y[left]) + (~left).sum() / n * entropy(y[~left])
    return entropy(y) - weighted


def best_split(X, y):
    best = None
    for feature in range(X.shape[1]):
        for threshold in np.unique(X[:, feature]):
            left = X[:, feature] <= threshold
            if left.all() or not left.any():
                continue
            gain = information_gain(y, left)
            if gain > 1e-12 and (best is None or gain > best[0] + 1e-12):
                best = (gain, feature, float(threshold))
    return None if best is None else (best[1], best[2])


def _majority(y):
    values, counts = np.unique(y, return_counts=True)
    return values[counts == counts.max()].min()


class DecisionTree:
    def __init__(self, max_depth=None, min_samples_split=2):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def _grow(self, X, y, depth):
        if (
            len(np.unique(y)) == 1
            or len(y) < self.min_samples_split
            or (self.max_depth is not None and depth >= self.max_depth)
        ):
            return _majority(y)
        split = best_split(X, y)
        if split is None:
            return _majority(y)
        feature, threshold = split
        left = X[:, feature] <= threshold
        return (
            feature,
            threshold,
            self._grow(X[left], y[left], depth + 1),
            self._grow(X[~left], y[~left], depth + 1),
        )

    def fit(self, X, y):
        self.root = self._grow(np.asarray(X, dtype=float), np.asarray(y), 0)
        return self

    def predict(self, X):
        out = []
        for row in np.asarray(X, dtype=float):
            node = self.root
            while isinstance(node, tuple):
                feature, threshold, left, right = node
                node = left if row[feature] <= threshold else right
            out.append(node)
        return np.array(out)
