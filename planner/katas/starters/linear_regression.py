"""Linear regression, from scratch with NumPy (no scikit-learn).

Fill in the function and the class below, then check them with the command at the top of
this file.
"""

import numpy as np


def fit_normal_equation(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Least squares in closed form: the weights w, shape (d,), and the bias b (a float)
    that minimise ||X @ w + b - y||^2.

    X: float array, shape (n, d); y: float array, shape (n,).
    When the answer is not unique (a constant feature, collinear features, more features
    than rows) return any minimiser, without nan or inf: the pseudo-inverse or
    np.linalg.lstsq handle it, a plain inverse of X.T @ X does not.
    """
    raise NotImplementedError


class LinearRegression:
    """Linear regression trained with batch gradient descent on the mean squared error.

    LinearRegression(lr=0.01, n_iters=1000)

    fit(X, y) -> self
        Start from weights = zeros(d) and bias = 0.0; run n_iters full-batch steps of
        w -= lr * dL/dw and b -= lr * dL/db with L = mean((X @ w + b - y) ** 2)
        (or half of it: either gradient scale is accepted).
        Afterwards the model has weights (float array, shape (d,)) and bias (float).

    predict(X) -> float array, shape (m,): X @ weights + bias.
    """

    def __init__(self, lr: float = 0.01, n_iters: int = 1000):
        self.lr = lr
        self.n_iters = n_iters

    def fit(self, X: np.ndarray, y: np.ndarray) -> "LinearRegression":
        raise NotImplementedError

    def predict(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError
