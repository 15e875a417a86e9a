"""A correct Gaussian naive Bayes (for the kata tests; not shipped)."""

import numpy as np


class GaussianNB:
    def __init__(self, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        self.classes = np.unique(y)
        rows = [X[y == c] for c in self.classes]
        self.priors = np.array([len(r) / len(X) for r in rows])
        self.means = np.array([r.mean(axis=0) for r in rows])
        self.variances = np.array([r.var(axis=0) for r in rows]) + self.var_smoothing
        return self

    def joint_log_likelihood(self, X):
        squared = (X[:, None, :] - self.means[None]) ** 2 / self.variances[None]
        logs = -0.5 * (np.log(2 * np.pi * self.variances)[None] + squared)
        return np.log(self.priors)[None] + logs.sum(axis=2)

    def predict(self, X):
        return self.classes[self.joint_log_likelihood(X).argmax(axis=1)]
