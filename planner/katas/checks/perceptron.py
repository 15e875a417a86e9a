"""Perceptron: the update rule step by step against a reference, convergence and early
stopping on separable data, and a boundary away from the origin (the bias)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from planner.katas.checks.common import (
    CheckFailed,
    Checks,
    Floats,
    at_least,
    close,
    fitted,
    need,
    same_labels,
)

CHECKS = Checks()


def _reference(X: Floats, y: Any, lr: float, epochs: int) -> tuple[Floats, float, int]:
    weights, bias = np.zeros(X.shape[1]), 0.0
    ran = 0
    for ran in range(1, epochs + 1):  # noqa: B007 - the count is returned
        mistakes = 0
        for row, label in zip(X, y, strict=True):
            update = lr * (label - (1 if weights @ row + bias >= 0 else 0))
            if update:
                mistakes += 1
                weights = weights + update * row
                bias += update
        if mistakes == 0:
            break
    return weights, float(bias), ran


def _separable(seed: int, n: int = 120, offset: float = 0.0) -> tuple[Floats, Any]:
    rng = np.random.default_rng(seed)
    X = rng.uniform(-3, 3, size=(n, 2)) + offset
    score = X[:, 0] - 0.5 * X[:, 1] - offset * 0.5
    keep = np.abs(score) > 0.3
    return X[keep], (score[keep] > 0).astype(int)


def _fitted(module: ModuleType, X: Floats, y: Any, **options: Any) -> Any:
    return fitted(need(module, "Perceptron")(**options), X, y)


@CHECKS.add("the update rule: one epoch on five points")
def update_rule(module: ModuleType) -> None:
    X = np.array([[1.0, 2.0], [-1.0, 0.5], [2.0, -1.0], [0.0, -2.0], [-2.0, 1.0]])
    y = np.array([1, 0, 1, 0, 0])
    weights, bias, _ = _reference(X, y, 0.5, 1)
    model = _fitted(module, X, y, lr=0.5, n_epochs=1)
    close(model.weights, weights, "weights after one epoch (lr 0.5)", rtol=1e-9)
    close(model.bias, bias, "bias after one epoch (lr 0.5)", rtol=1e-9)


@CHECKS.add("converges on separable data: no training mistakes")
def converges(module: ModuleType) -> None:
    X, y = _separable(71)
    model = _fitted(module, X, y, lr=0.1, n_epochs=1000)
    at_least(float(np.mean(np.asarray(model.predict(X)) == y)), 1.0, "training accuracy")


@CHECKS.add("stops after an epoch without mistakes")
def stops(module: ModuleType) -> None:
    X, y = _separable(72)
    _, _, epochs = _reference(X, y, 0.1, 1000)
    model = _fitted(module, X, y, lr=0.1, n_epochs=1000)
    ran = getattr(model, "epochs", None)
    if ran is None or int(ran) != epochs:
        raise CheckFailed(f"epochs: expected {epochs} (the first without a mistake), got {ran}")


@CHECKS.add("the bias: a boundary far from the origin")
def bias(module: ModuleType) -> None:
    X, y = _separable(73, offset=8.0)
    model = _fitted(module, X, y, lr=0.1, n_epochs=5000)
    weights, expected_bias, _ = _reference(X, y, 0.1, 5000)
    close(model.bias, expected_bias, "bias", rtol=1e-6)
    close(model.weights, weights, "weights", rtol=1e-6)


@CHECKS.add("predict returns 0 and 1")
def labels(module: ModuleType) -> None:
    X, y = _separable(74)
    model = _fitted(module, X, y, lr=0.1, n_epochs=1000)
    query, _ = _separable(75, 40)
    weights, bias_value, _ = _reference(X, y, 0.1, 1000)
    same_labels(model.predict(query), (query @ weights + bias_value >= 0).astype(int), "predict(X)")
