"""A linear support vector machine trained on the hinge loss, from scratch with NumPy.

Fill in the function and the class below, then check them with the command at the top of
this file.
"""

import numpy as np


def hinge_gradient(
    X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, lambda_param: float
) -> tuple[np.ndarray, float]:
    """The (sub)gradient of the objective
        J(w, b) = lambda_param * ||w||^2 + mean(max(0, 1 - y * (X @ w - b)))
    with respect to w (shape (d,)) and b (a float). y: labels -1 or +1, shape (n,).
    A point exactly on the margin (y * (x @ w - b) == 1) counts as outside it."""
    raise NotImplementedError


class LinearSVM:
    """LinearSVM(lr=0.001, lambda_param=0.01, n_iters=1000)

    fit(X, y) -> self. y: labels -1 or +1. Start from weights = zeros(d), bias = 0.0;
        run n_iters full-batch steps: weights -= lr * dw, bias -= lr * db with
        (dw, db) = hinge_gradient(...). Afterwards the model has weights and bias.
    predict(X) -> int array of -1 and +1, shape (m,): the sign of X @ weights - bias
        (+1 where it is 0).
    """

    def __init__(self, lr: float = 0.001, lambda_param: float = 0.01, n_iters: int = 1000):
        self.lr = lr
        self.lambda_param = lambda_param
        self.n_iters = n_iters

    def fit(self, X: np.ndarray, y: np.ndarray) -> "LinearSVM":
        raise NotImplementedError

    def predict(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError
