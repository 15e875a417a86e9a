"""A correct PCA (for the kata tests; not shipped)."""

import numpy as np


class PCA:
    def __init__(self, n_components):
        self.n_components = n_components

    def fit(self, X):
        self.mean = X.mean(axis=0)
        values, vectors = np.linalg.eigh(np.cov((X - self.mean).T))
        order = np.argsort(values)[::-1]
        values, vectors = values[order], vectors[:, order]
        self.components = vectors[:, : self.n_components].T
        self.explained_variance = values[: self.n_components]
        self.explained_variance_ratio = self.explained_variance / values.sum()
        return self

    def transform(self, X):
        return (X - self.mean) @ self.components.T
