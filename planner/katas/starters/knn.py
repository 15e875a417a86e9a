"""K-nearest neighbours, classification and regression, from scratch with NumPy.

Fill in the classes below, then check them with the command at the top of this file.
"""

import numpy as np


class KNNClassifier:
    """KNNClassifier(k=3, metric="euclidean")

    metric: "euclidean" (sqrt of the sum of squared differences) or "manhattan" (the sum
    of absolute differences).

    fit(X, y) -> self: keep the training data. X: float array, shape (n, d); y: int labels,
        shape (n,).
    predict(X) -> int array, shape (m,): for each row, the most common label among its k
        nearest training points.
        - k larger than the training set: use every training point.
        - A tie in distance: the training point that comes first in X counts as nearer
          (a stable sort: np.argsort(distances, kind="stable")).
        - A tie in the vote: the smallest of the tied labels.
    """

    def __init__(self, k: int = 3, metric: str = "euclidean"):
        self.k = k
        self.metric = metric

    def fit(self, X: np.ndarray, y: np.ndarray) -> "KNNClassifier":
        raise NotImplementedError

    def predict(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError


class KNNRegressor:
    """KNNRegressor(k=3, metric="euclidean"): the same neighbours as KNNClassifier (same
    metric, same tie rule for distances, all points when k is larger than the data), but
    predict(X) returns the mean of the k nearest targets: a float array, shape (m,)."""

    def __init__(self, k: int = 3, metric: str = "euclidean"):
        self.k = k
        self.metric = metric

    def fit(self, X: np.ndarray, y: np.ndarray) -> "KNNRegressor":
        raise NotImplementedError

    def predict(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError
