"""Logistic regression for binary classification, from scratch with NumPy.

Fill in the functions and the class below, then check them with the command at the top of
this file.
"""

import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-z)) element by element, for any float array z.

    Numerically stable: no overflow warning and no nan, even for z = -1000 or 1000
    (np.exp of a large positive number overflows; branch on the sign of z).
    """
    raise NotImplementedError


def log_loss(y: np.ndarray, p: np.ndarray) -> float:
    """The mean binary cross-entropy -mean(y * log(p) + (1 - y) * log(1 - p)), a float.

    y: 0/1 array, shape (n,); p: probabilities, shape (n,). Clip p to [1e-15, 1 - 1e-15]
    so that a probability of exactly 0 or 1 gives a finite loss.
    """
    raise NotImplementedError


def gradient(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float) -> tuple[np.ndarray, float]:
    """The gradient of log_loss(y, sigmoid(X @ w + b)) with respect to w and to b:
    (dw, shape (d,), and db, a float)."""
    raise NotImplementedError


class LogisticRegression:
    """LogisticRegression(lr=0.1, n_iters=1000)

    fit(X, y) -> self
        Start from weights = zeros(d) and bias = 0.0; run n_iters full-batch gradient
        descent steps on the log loss. Afterwards the model has weights (shape (d,)) and
        bias (a float).
    predict_proba(X) -> float array, shape (m,): the probability of class 1.
    predict(X) -> int array of 0 and 1, shape (m,): 1 where the probability is >= 0.5.
    """

    def __init__(self, lr: float = 0.1, n_iters: int = 1000):
        self.lr = lr
        self.n_iters = n_iters

    def fit(self, X: np.ndarray, y: np.ndarray) -> "LogisticRegression":
        raise NotImplementedError

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def predict(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError
