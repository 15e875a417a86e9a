"""Principal component analysis, from scratch with NumPy.

Fill in the class below, then check it with the command at the top of this file.
"""

import numpy as np


class PCA:
    """PCA(n_components)

    fit(X) -> self. X: float array, shape (n, d). Afterwards:
        mean: float array, shape (d,): the mean of each feature
        components: float array, shape (n_components, d): unit-length eigenvectors of the
            covariance matrix of the centred data (divided by n - 1, as np.cov does), one
            per row, largest eigenvalue first (an eigenvector's sign is free)
        explained_variance: float array, shape (n_components,): their eigenvalues
        explained_variance_ratio: float array, shape (n_components,): each eigenvalue over
            the sum of all d eigenvalues
    transform(X) -> float array, shape (m, n_components): X centred with the mean learnt
        in fit, projected on the components.
    """

    def __init__(self, n_components: int):
        self.n_components = n_components

    def fit(self, X: np.ndarray) -> "PCA":
        raise NotImplementedError

    def transform(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError
