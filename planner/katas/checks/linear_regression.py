"""Linear regression: against np.linalg.lstsq with an intercept column."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from planner.katas.checks.common import (
    CheckFailed,
    Checks,
    Floats,
    array,
    close,
    fitted,
    need,
)

CHECKS = Checks()


def _data(seed: int, n: int, d: int, noise: float = 0.1) -> tuple[Floats, Floats, Floats, float]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    w: Floats = rng.normal(size=d) * 2
    b = 1.5
    y: Floats = X @ w + b + rng.normal(scale=noise, size=n)
    return X, y, w, b


def _reference(X: Floats, y: Floats) -> tuple[Floats, float]:
    with_ones = np.hstack([X, np.ones((len(X), 1))])
    solution = np.asarray(np.linalg.lstsq(with_ones, y, rcond=None)[0], dtype=np.float64)
    return solution[:-1], float(solution[-1])


def _normal(module: ModuleType, X: Floats, y: Floats) -> tuple[Floats, float]:
    result: Any = need(module, "fit_normal_equation")(X.copy(), y.copy())
    if not isinstance(result, tuple | list) or len(result) != 2:
        raise CheckFailed(
            f"fit_normal_equation must return (weights, bias), got {type(result).__name__}"
        )
    weights = array(result[0], "weights", (X.shape[1],))
    return weights, float(array(result[1], "bias", ()))


def _trained(module: ModuleType, X: Floats, y: Floats, **options: Any) -> Any:
    return fitted(need(module, "LinearRegression")(**options), X, y)


@CHECKS.add("normal equation: the least-squares weights and bias")
def normal_equation(module: ModuleType) -> None:
    X, y, _, _ = _data(1, 80, 3)
    w, b = _reference(X, y)
    got_w, got_b = _normal(module, X, y)
    close(got_w, w, "weights")
    close(got_b, b, "bias")


@CHECKS.add("normal equation: a constant feature (X.T @ X singular)")
def constant_feature(module: ModuleType) -> None:
    X, y, _, _ = _data(2, 60, 2)
    X = np.hstack([X, np.full((len(X), 1), 3.0)])
    w, b = _reference(X, y)
    got_w, got_b = _normal(module, X, y)
    close(X @ got_w + got_b, X @ w + b, "predictions", rtol=1e-5, atol=1e-5)


@CHECKS.add("normal equation: more features than rows")
def wide(module: ModuleType) -> None:
    X, y, _, _ = _data(3, 6, 10)
    got_w, got_b = _normal(module, X, y)
    close(X @ got_w + got_b, y, "predictions on the training rows (an exact fit)", atol=1e-5)


@CHECKS.add("gradient descent reaches the least-squares answer")
def descent(module: ModuleType) -> None:
    X, y, _, _ = _data(4, 200, 3)
    w, b = _reference(X, y)
    model = _trained(module, X, y, lr=0.05, n_iters=3000)
    close(model.weights, w, "weights", rtol=1e-2, atol=1e-2)
    close(model.bias, b, "bias", rtol=1e-2, atol=1e-2)


@CHECKS.add("gradient descent: the first step from zero")
def first_step(module: ModuleType) -> None:
    X, y, _, _ = _data(5, 50, 2)
    model = _trained(module, X, y, lr=0.1, n_iters=1)
    gradient_w = (2 / len(X)) * X.T @ (-y)
    gradient_b = (2 / len(X)) * np.sum(-y)
    got = np.append(array(model.weights, "weights", (2,)), float(model.bias))
    full = -0.1 * np.append(gradient_w, gradient_b)
    if not (np.allclose(got, full, rtol=1e-6) or np.allclose(got, full / 2, rtol=1e-6)):
        raise CheckFailed(
            f"after one step with lr=0.1: expected {np.round(full, 4)} (or half), "
            f"got {np.round(got, 4)}"
        )


@CHECKS.add("predict: X @ weights + bias, shape (m,)")
def predicts(module: ModuleType) -> None:
    X, y, _, _ = _data(6, 100, 3)
    model = _trained(module, X, y, lr=0.05, n_iters=500)
    weights = array(model.weights, "weights", (3,))
    new = np.random.default_rng(7).normal(size=(9, 3))
    close(model.predict(new), new @ weights + float(model.bias), "predict(X)")
