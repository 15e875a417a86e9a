"""A correct perceptron (for the kata tests; not shipped)."""

import numpy as np


class Perceptron:
    def __init__(self, lr=0.1, n_epochs=100):
        self.lr = lr
        self.n_epochs = n_epochs

    def fit(self, X, y):
        self.weights = np.zeros(X.shape[1])
        self.bias = 0.0
        self.epochs = 0
        for _ in range(self.n_epochs):
            self.epochs += 1
            mistakes = 0
            for row, label in zip(X, y, strict=True):
                predicted = 1 if self.weights @ row + self.bias >= 0 else 0
                update = self.lr * (label - predicted)
                if update:
                    mistakes += 1
                    self.weights += update * row
                    self.bias += update
            if mistakes == 0:
                break
        return self

    def predict(self, X):
        return (X @ self.weights + self.bias >= 0).astype(int)
