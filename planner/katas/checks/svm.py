"""Linear SVM: the hinge-loss gradient against its formula and finite differences, training
against a reference run, and the margin on separable data."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from planner.katas.checks.common import (
    CheckFailed,
    Checks,
    Floats,
    array,
    at_least,
    close,
    fitted,
    need,
    numeric_gradient,
    same_labels,
)

CHECKS = Checks()
LAMBDA = 0.01


def _objective(X: Floats, y: Floats, w: Floats, b: float) -> float:
    return float(LAMBDA * w @ w + np.mean(np.maximum(0.0, 1 - y * (X @ w - b))))


def _gradient(X: Floats, y: Floats, w: Floats, b: float) -> tuple[Floats, float]:
    inside = y * (X @ w - b) < 1
    dw = 2 * LAMBDA * w - (y[inside, None] * X[inside]).sum(axis=0) / len(X)
    return dw, float(y[inside].sum() / len(X))


def _train(X: Floats, y: Floats, lr: float, steps: int) -> tuple[Floats, float]:
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(steps):
        dw, db = _gradient(X, y, w, b)
        w, b = w - lr * dw, b - lr * db
    return w, b


def _separable(seed: int, n: int = 150) -> tuple[Floats, Floats]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2)) * 2
    score = X[:, 0] + X[:, 1] - 1.0
    keep = np.abs(score) > 1.0
    return X[keep], np.where(score[keep] > 0, 1.0, -1.0)


def _user_gradient(module: ModuleType, X: Floats, y: Floats, w: Floats, b: float) -> Any:
    result = need(module, "hinge_gradient")(X.copy(), y.copy(), w.copy(), b, LAMBDA)
    if not isinstance(result, tuple | list) or len(result) != 2:
        raise CheckFailed(f"hinge_gradient must return (dw, db), got {type(result).__name__}")
    return result


def _fitted(module: ModuleType, X: Floats, y: Floats, **options: Any) -> Any:
    return fitted(need(module, "LinearSVM")(lambda_param=LAMBDA, **options), X, y)


@CHECKS.add("hinge-loss gradient against its formula")
def formula(module: ModuleType) -> None:
    X, y = _separable(81)
    w, b = np.array([0.3, 0.2]), 0.1
    dw, db = _gradient(X, y, w, b)
    got = _user_gradient(module, X, y, w, b)
    close(got[0], dw, "dw", rtol=1e-9, atol=1e-12)
    close(got[1], db, "db", rtol=1e-9, atol=1e-12)


@CHECKS.add("gradient matches finite differences of the objective")
def finite_differences(module: ModuleType) -> None:
    X, y = _separable(82)
    w, b, h = np.array([0.37, 0.21]), 0.13, 1e-7
    numeric_w, numeric_b = numeric_gradient(lambda w_, b_: _objective(X, y, w_, b_), w, b, h)
    got = _user_gradient(module, X, y, w, b)
    close(got[0], numeric_w, "dw", rtol=1e-4, atol=1e-6)
    close(got[1], numeric_b, "db", rtol=1e-4, atol=1e-6)


@CHECKS.add("training: weights and bias match a reference run")
def training(module: ModuleType) -> None:
    X, y = _separable(83)
    w, b = _train(X, y, 0.01, 300)
    model = _fitted(module, X, y, lr=0.01, n_iters=300)
    close(model.weights, w, "weights after 300 steps", rtol=1e-6, atol=1e-9)
    close(model.bias, b, "bias after 300 steps", rtol=1e-6, atol=1e-9)


@CHECKS.add("separable data: every point on its side, and a margin")
def margin(module: ModuleType) -> None:
    X, y = _separable(84)
    model = _fitted(module, X, y, lr=0.05, n_iters=2000)
    weights = array(model.weights, "weights", (2,))
    distances = y * (X @ weights - float(model.bias))
    at_least(float(np.mean(distances > 0)), 1.0, "share of training points on their side")
    reference_w, reference_b = _train(X, y, 0.05, 2000)
    best = float(np.min(y * (X @ reference_w - reference_b)) / np.linalg.norm(reference_w))
    got = float(np.min(distances) / np.linalg.norm(weights))
    at_least(got, 0.9 * best, "geometric margin (90% of the reference's)")


@CHECKS.add("predict returns -1 and +1")
def labels(module: ModuleType) -> None:
    X, y = _separable(85)
    model = _fitted(module, X, y, lr=0.05, n_iters=500)
    weights = array(model.weights, "weights", (2,))
    query = np.vstack([X[:20], np.zeros((1, 2))])
    expected = np.where(query @ weights - float(model.bias) >= 0, 1, -1)
    same_labels(model.predict(query), expected, "predict(X)")
