"""Logistic regression: the gradient against finite differences, the loss falling, data
that a line separates, and logits that would overflow a naive sigmoid."""

from __future__ import annotations

import warnings
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


def _reference_loss(X: Floats, y: Floats, w: Floats, b: float) -> float:
    z = X @ w + b
    # log(1 + exp(-z)) for y = 1 and log(1 + exp(z)) for y = 0, without overflow
    return float(np.mean(np.logaddexp(0.0, -z) * y + np.logaddexp(0.0, z) * (1 - y)))


def _data(seed: int, n: int = 200, separable: bool = False) -> tuple[Floats, Floats]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    score = 1.5 * X[:, 0] - 2.0 * X[:, 1] + 0.3
    if separable:
        keep = np.abs(score) > 0.5
        X, score = X[keep], score[keep]
        return X, (score > 0).astype(float)
    noisy = score + rng.normal(scale=1.0, size=len(score))
    return X, (noisy > 0).astype(float)


def _trained(module: ModuleType, X: Floats, y: Floats, **options: Any) -> Any:
    return fitted(need(module, "LogisticRegression")(**options), X, y)


@CHECKS.add("sigmoid: stable for large logits (no overflow, no nan)")
def stable_sigmoid(module: ModuleType) -> None:
    z = np.array([-1000.0, -40.0, -1.0, 0.0, 2.0, 40.0, 1000.0])
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise"):
        warnings.simplefilter("error", RuntimeWarning)
        try:
            got = need(module, "sigmoid")(z.copy())
        except (FloatingPointError, RuntimeWarning) as exc:
            raise CheckFailed(f"sigmoid overflows for |z| = 1000 ({exc})") from None
    small = np.exp(-np.abs(z))
    expected = np.where(z >= 0, 1 / (1 + small), small / (1 + small))
    close(got, expected, "sigmoid(z)", rtol=1e-9, atol=1e-12)


@CHECKS.add("log loss: the mean cross-entropy, finite at p = 0 and 1")
def loss(module: ModuleType) -> None:
    y = np.array([1.0, 0.0, 1.0, 0.0, 1.0])
    p = np.array([0.9, 0.2, 0.6, 0.4, 0.99])
    expected = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    close(need(module, "log_loss")(y, p.copy()), expected, "log_loss", rtol=1e-9)
    edge = need(module, "log_loss")(np.array([1.0, 0.0]), np.array([0.0, 1.0]))
    value = float(array(edge, "log_loss with p = 0 for y = 1", ()))
    at_least(value, 20.0, "log_loss with confident wrong answers (clipped, finite)")


@CHECKS.add("gradient matches finite differences of the loss")
def gradient_check(module: ModuleType) -> None:
    X, y = _data(11, 60)
    w, b, h = np.array([0.4, -0.7]), 0.2, 1e-6
    result = need(module, "gradient")(X.copy(), y.copy(), w.copy(), b)
    if not isinstance(result, tuple | list) or len(result) != 2:
        raise CheckFailed(f"gradient must return (dw, db), got {type(result).__name__}")
    numeric_w, numeric_b = numeric_gradient(lambda w_, b_: _reference_loss(X, y, w_, b_), w, b, h)
    close(result[0], numeric_w, "dw", rtol=1e-4, atol=1e-6)
    close(result[1], numeric_b, "db", rtol=1e-4, atol=1e-6)


@CHECKS.add("the loss falls as training goes on")
def loss_falls(module: ModuleType) -> None:
    X, y = _data(12)
    losses = []
    for iterations in (1, 20, 300):
        model = _trained(module, X, y, lr=0.1, n_iters=iterations)
        weights = array(model.weights, "weights", (2,))
        losses.append(_reference_loss(X, y, weights, float(model.bias)))
    if not losses[0] > losses[1] > losses[2]:
        shown = ", ".join(f"{value:.4f}" for value in losses)
        raise CheckFailed(f"log loss after 1, 20, 300 steps: expected falling, got {shown}")


@CHECKS.add("separable data: at least 97% accuracy, probabilities in [0, 1]")
def separable(module: ModuleType) -> None:
    X, y = _data(13, 300, separable=True)
    model = _trained(module, X, y, lr=0.5, n_iters=2000)
    proba = array(model.predict_proba(X), "predict_proba(X)", (len(X),))
    if proba.min() < 0 or proba.max() > 1:
        raise CheckFailed(f"predict_proba: expected values in [0, 1], got {proba.min():.3g}..")
    predicted = np.asarray(model.predict(X))
    same_labels(predicted, (proba >= 0.5).astype(int), "predict(X) (proba >= 0.5)")
    at_least(float(np.mean(predicted == y)), 0.97, "training accuracy")


@CHECKS.add("no overflow when the logits are huge")
def huge_logits(module: ModuleType) -> None:
    X, y = _data(14, 100, separable=True)
    model = _trained(module, X * 1000.0, y, lr=0.5, n_iters=50)
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise"):
        warnings.simplefilter("error", RuntimeWarning)
        try:
            proba = model.predict_proba(X * 1000.0)
        except (FloatingPointError, RuntimeWarning) as exc:
            raise CheckFailed(f"predict_proba overflows on inputs x 1000 ({exc})") from None
    array(proba, "predict_proba on inputs x 1000", (len(X),))
