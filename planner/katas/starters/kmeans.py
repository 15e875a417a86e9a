"""K-means clustering, from scratch with NumPy (no scikit-learn).

Fill in the class below, then check it with the command at the top of this file.
"""

import numpy as np


class KMeans:
    """K-means clustering with Lloyd's algorithm.

    KMeans(k, max_iters=100, tol=1e-6, seed=0)

    fit(X, init=None) -> self
        X: float array, shape (n, d).
        init: optional float array, shape (k, d): the starting centroids. When None,
            start from k distinct rows of X chosen with np.random.default_rng(seed)
            (the same seed gives the same result).
        Repeat: assign every point to its nearest centroid (Euclidean distance; a tie
        goes to the lower index), then move each centroid to the mean of its points.
        A centroid left without points must not become nan: keep it where it is, or
        re-seed it on the point farthest from its own centroid.
        Stop when no centroid moved more than tol in an iteration, or after max_iters.
        Afterwards the model has:
            centroids: float array, shape (k, d)
            labels: int array, shape (n,): each point's nearest centroid
            inertia: float: the sum of squared distances of the points to their centroid
            n_iter: int: how many assign-and-update iterations ran

    predict(X) -> int array, shape (m,): the index of each row's nearest centroid.
    """

    def __init__(self, k: int, max_iters: int = 100, tol: float = 1e-6, seed: int = 0):
        self.k = k
        self.max_iters = max_iters
        self.tol = tol
        self.seed = seed

    def fit(self, X: np.ndarray, init: np.ndarray | None = None) -> "KMeans":
        raise NotImplementedError

    def predict(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError
