"""A correct KNN (for the kata tests; not shipped)."""

import numpy as np


def _nearest(train, query, k, metric):
    difference = query[:, None, :] - train[None, :, :]
    if metric == "manhattan":
        distances = np.abs(difference).sum(axis=2)
    else:
        distances = np.sqrt((difference**2).sum(axis=2))
    return np.argsort(distances, axis=1, kind="stable")[:, :k]


class KNNClassifier:
    def __init__(self, k=3, metric="euclidean"):
        self.k = k
        self.metric = metric

    def fit(self, X, y):
        self.X, self.y = np.asarray(X, dtype=float), np.asarray(y)
        return self

    def predict(self, X):
        out = []
        for row in _nearest(self.X, np.asarray(X, dtype=float), self.k, self.metric):
            values, counts = np.unique(self.y[row], return_counts=True)
            out.append(values[counts == counts.max()].min())
        return np.array(out)


class KNNRegressor(KNNClassifier):
    def predict(self, X):
        rows = _nearest(self.X, np.asarray(X, dtype=float), self.k, self.metric)
        return self.y[rows].mean(axis=1)
