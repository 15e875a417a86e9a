"""A correct linear regression (for the kata tests; not shipped)."""

import numpy as np


def fit_normal_equation(X, y):
    with_ones = np.hstack([X, np.ones((len(X), 1))])
    solution = np.linalg.pinv(with_ones) @ y
    return solution[:-1], float(solution[-1])


class LinearRegression:
    def __init__(self, lr=0.01, n_iters=1000):
        self.lr = lr
        self.n_iters = n_iters

    def fit(self, X, y):
        n, d = X.shape
        self.weights = np.zeros(d)
        self.bias = 0.0
        for _ in range(self.n_iters):
            error = X @ self.weights + self.bias - y
            self.weights -= self.lr * (2 / n) * X.T @ error
            self.bias -= self.lr * (2 / n) * error.sum()
        return self

    def predict(self, X):
        return X @ self.weights + self.bias
