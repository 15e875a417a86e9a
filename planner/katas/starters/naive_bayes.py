"""Gaussian naive Bayes, from scratch with NumPy.

Fill in the class below, then check it with the command at the top of this file.
"""

import numpy as np


class GaussianNB:
    """GaussianNB(var_smoothing=1e-9)

    fit(X, y) -> self. X: float array, shape (n, d); y: labels, shape (n,). Afterwards:
        classes: the distinct labels, sorted, shape (c,)
        priors: float array, shape (c,): the share of the rows in each class
        means: float array, shape (c, d): each class's feature means
        variances: float array, shape (c, d): each class's feature variances, dividing by
            the class size (np.var's default), plus var_smoothing (so a constant feature
            does not divide by zero)
    joint_log_likelihood(X) -> float array, shape (m, c):
        log(prior of c) + sum over features of log N(x_j; mean_cj, variance_cj),
        computed in log space: it must stay finite for points far from every class
        (a product of densities underflows to 0 first).
    predict(X) -> array, shape (m,): the class (one of classes) with the highest joint
        log-likelihood.
    """

    def __init__(self, var_smoothing: float = 1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X: np.ndarray, y: np.ndarray) -> "GaussianNB":
        raise NotImplementedError

    def joint_log_likelihood(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def predict(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError
