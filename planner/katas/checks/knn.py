"""KNN: against a reference with the same rules for ties and for k beyond the data."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from planner.katas.checks.common import (
    Checks,
    Floats,
    close,
    fitted,
    need,
    same_labels,
)

CHECKS = Checks()


def _neighbours(train: Floats, query: Floats, k: int, metric: str) -> Any:
    difference = query[:, None, :] - train[None, :, :]
    if metric == "manhattan":
        distances = np.abs(difference).sum(axis=2)
    else:
        distances = np.sqrt((difference**2).sum(axis=2))
    return np.argsort(distances, axis=1, kind="stable")[:, : min(k, len(train))]


def _vote(labels: Any) -> int:
    values, counts = np.unique(labels, return_counts=True)
    return int(values[counts == counts.max()].min())


def _classify(train: Floats, labels: Any, query: Floats, k: int, metric: str = "euclidean") -> Any:
    return np.array([_vote(labels[row]) for row in _neighbours(train, query, k, metric)])


def _model(module: ModuleType, name: str, X: Floats, y: Any, **options: Any) -> Any:
    return fitted(need(module, name)(**options), X, y)


def _data(seed: int) -> tuple[Floats, Any, Floats]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(60, 3))
    y = (X[:, 0] + 0.5 * X[:, 1] > 0).astype(int) + (X[:, 2] > 0.8).astype(int)
    return X, y, rng.normal(size=(40, 3))


@CHECKS.add("classification matches a reference (k = 5)")
def classifies(module: ModuleType) -> None:
    X, y, query = _data(21)
    model = _model(module, "KNNClassifier", X, y, k=5)
    same_labels(model.predict(query), _classify(X, y, query, 5), "predict(X)")


@CHECKS.add("regression: the mean of the k nearest targets")
def regresses(module: ModuleType) -> None:
    X, _, query = _data(22)
    target = X @ np.array([1.0, -2.0, 0.5])
    model = _model(module, "KNNRegressor", X, target, k=4)
    expected = target[_neighbours(X, query, 4, "euclidean")].mean(axis=1)
    close(model.predict(query), expected, "predict(X)")


@CHECKS.add("k = 1 on the training points gives their own labels")
def own_labels(module: ModuleType) -> None:
    X, y, _ = _data(23)
    model = _model(module, "KNNClassifier", X, y, k=1)
    same_labels(model.predict(X), y, "predict(training X)")


@CHECKS.add("k larger than the data: every training point counts")
def large_k(module: ModuleType) -> None:
    X, y, query = _data(24)
    X, y = X[:7], y[:7]
    model = _model(module, "KNNClassifier", X, y, k=50)
    same_labels(model.predict(query[:5]), np.full(5, _vote(y)), "predict(X) with k = 50, n = 7")
    target = np.arange(7.0)
    regressor = _model(module, "KNNRegressor", X, target, k=50)
    close(regressor.predict(query[:5]), np.full(5, 3.0), "KNNRegressor predict(X), k = 50")


@CHECKS.add("a tie in the vote goes to the smallest label")
def vote_tie(module: ModuleType) -> None:
    X = np.array([[1.0, 0.0], [0.0, 1.1], [-1.2, 0.0], [0.0, -1.3], [9.0, 9.0]])
    y = np.array([2, 1, 2, 1, 0])
    model = _model(module, "KNNClassifier", X, y, k=4)
    same_labels(model.predict(np.zeros((1, 2))), np.array([1]), "two votes for 2, two for 1")


@CHECKS.add("a tie in distance goes to the earlier training point")
def distance_tie(module: ModuleType) -> None:
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 5.0]])
    y = np.array([7, 3, 3])
    model = _model(module, "KNNClassifier", X, y, k=1)
    same_labels(model.predict(np.zeros((1, 2))), np.array([7]), "two points at distance 1")
    # many points at a few exact distances: only a stable sort keeps the earliest first
    rng = np.random.default_rng(27)
    axes = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])
    ring = (axes[rng.integers(0, 4, 200)] * rng.integers(1, 4, 200)[:, None]).astype(np.float64)
    labels = rng.integers(0, 6, 200)
    for k in (1, 3, 5):
        model = _model(module, "KNNClassifier", ring, labels, k=k)
        expected = _classify(ring, labels, np.zeros((1, 2)), k)
        same_labels(model.predict(np.zeros((1, 2))), expected, f"200 points at 3 distances, k={k}")
    order = np.arange(200.0)
    regressor = _model(module, "KNNRegressor", ring, order, k=6)
    nearest = _neighbours(ring, np.zeros((1, 2)), 6, "euclidean")
    close(
        regressor.predict(np.zeros((1, 2))),
        order[nearest].mean(axis=1),
        "KNNRegressor, 200 points at 3 distances: the mean of the earliest 6 indices",
    )


@CHECKS.add("the metric: manhattan and euclidean pick different neighbours")
def metric(module: ModuleType) -> None:
    X = np.array([[3.0, 3.0], [5.0, 0.0]])
    y = np.array([0, 1])
    query = np.zeros((1, 2))
    euclidean = _model(module, "KNNClassifier", X, y, k=1, metric="euclidean")
    same_labels(euclidean.predict(query), np.array([0]), "euclidean: (3, 3) is nearer")
    manhattan = _model(module, "KNNClassifier", X, y, k=1, metric="manhattan")
    same_labels(manhattan.predict(query), np.array([1]), "manhattan: (5, 0) is nearer")
