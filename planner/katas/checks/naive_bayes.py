"""Gaussian naive Bayes: the fitted parameters and the joint log-likelihood against a
reference, labels that are not 0..c-1, and points far from every class."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from planner.katas.checks.common import (
    Checks,
    Floats,
    array,
    close,
    fitted,
    need,
    same_labels,
)

CHECKS = Checks()
SMOOTHING = 1e-9


def _data(seed: int) -> tuple[Floats, Any]:
    rng = np.random.default_rng(seed)
    labels = np.array([3, 7, 9])
    y = labels[rng.integers(0, 3, size=150)]
    centres = {3: [0.0, 0.0, 1.0], 7: [2.0, -1.0, 0.0], 9: [-1.0, 2.5, 2.0]}
    spread = {3: [1.0, 0.5, 2.0], 7: [0.7, 1.2, 0.4], 9: [1.5, 0.8, 1.0]}
    X = np.array([rng.normal(centres[label], spread[label]) for label in y])
    return X, y


def _parameters(X: Floats, y: Any) -> tuple[Any, Floats, Floats, Floats]:
    classes = np.unique(y)
    priors = np.array([np.mean(y == c) for c in classes])
    means = np.array([X[y == c].mean(axis=0) for c in classes])
    variances = np.array([X[y == c].var(axis=0) for c in classes]) + SMOOTHING
    return classes, priors, means, variances


def _joint(X: Floats, y: Any, query: Floats) -> Floats:
    _, priors, means, variances = _parameters(X, y)
    squared = (query[:, None, :] - means[None]) ** 2 / variances[None]
    logs = -0.5 * (np.log(2 * np.pi * variances)[None] + squared)
    result: Floats = np.log(priors)[None] + logs.sum(axis=2)
    return result


def _model(module: ModuleType, X: Floats, y: Any) -> Any:
    return fitted(need(module, "GaussianNB")(var_smoothing=SMOOTHING), X, y)


@CHECKS.add("classes sorted and their priors")
def priors(module: ModuleType) -> None:
    X, y = _data(51)
    model = _model(module, X, y)
    classes, expected, _, _ = _parameters(X, y)
    same_labels(model.classes, classes, "classes")
    close(model.priors, expected, "priors", rtol=1e-9)


@CHECKS.add("means and variances per class (divided by the class size)")
def moments(module: ModuleType) -> None:
    X, y = _data(52)
    model = _model(module, X, y)
    _, _, means, variances = _parameters(X, y)
    close(model.means, means, "means", rtol=1e-9)
    close(model.variances, variances, "variances", rtol=1e-6)


@CHECKS.add("joint log-likelihood against a reference")
def joint(module: ModuleType) -> None:
    X, y = _data(53)
    query, _ = _data(54)
    model = _model(module, X, y)
    close(
        model.joint_log_likelihood(query[:20]),
        _joint(X, y, query[:20]),
        "joint_log_likelihood(X)",
        rtol=1e-6,
        atol=1e-6,
    )


@CHECKS.add("predict: the class with the highest log-likelihood")
def predicts(module: ModuleType) -> None:
    X, y = _data(55)
    query, _ = _data(56)
    model = _model(module, X, y)
    classes = np.unique(y)
    same_labels(model.predict(query), classes[_joint(X, y, query).argmax(axis=1)], "predict(X)")


@CHECKS.add("far from every class: finite log-likelihoods, no underflow")
def far_away(module: ModuleType) -> None:
    X, y = _data(57)
    query = np.array([[40.0, 40.0, 40.0], [-60.0, 0.0, 0.0]])
    model = _model(module, X, y)
    got = array(model.joint_log_likelihood(query), "joint_log_likelihood of far points", (2, 3))
    close(got, _joint(X, y, query), "joint_log_likelihood of far points", rtol=1e-6)
    classes = np.unique(y)
    same_labels(
        model.predict(query), classes[_joint(X, y, query).argmax(axis=1)], "predict(far points)"
    )


@CHECKS.add("a feature constant within a class stays finite")
def constant(module: ModuleType) -> None:
    X, y = _data(58)
    X[y == 7, 1] = 2.0
    model = _model(module, X, y)
    array(model.joint_log_likelihood(X[:10]), "joint_log_likelihood(X)", (10, 3))
