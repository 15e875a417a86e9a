"""The perceptron learning algorithm, from scratch with NumPy.

Fill in the class below, then check it with the command at the top of this file.
"""

import numpy as np


class Perceptron:
    """Perceptron(lr=0.1, n_epochs=100)

    fit(X, y) -> self. X: float array, shape (n, d); y: labels 0 or 1, shape (n,).
        Start from weights = zeros(d) and bias = 0.0. Each epoch visits the rows in order:
        prediction = 1 if weights @ x + bias >= 0 else 0;
        update = lr * (y - prediction); weights += update * x; bias += update.
        Stop after an epoch without a single mistake, or after n_epochs epochs.
        Afterwards the model has weights (shape (d,)), bias (a float) and epochs (an int:
        how many epochs ran).
    predict(X) -> int array of 0 and 1, shape (m,).
    """

    def __init__(self, lr: float = 0.1, n_epochs: int = 100):
        self.lr = lr
        self.n_epochs = n_epochs

    def fit(self, X: np.ndarray, y: np.ndarray) -> "Perceptron":
        raise NotImplementedError

    def predict(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError
