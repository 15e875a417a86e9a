"""PCA: against the eigen-decomposition of np.cov, components compared up to sign, on data
far from the origin (so that centring matters)."""

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


def _data(seed: int, n: int = 200) -> Floats:
    rng = np.random.default_rng(seed)
    mixing = np.array(
        [[3.0, 0.0, 0.0, 0.0], [1.0, 1.5, 0.0, 0.0], [0.5, -0.4, 0.6, 0.0], [0.0, 0.2, 0.1, 0.2]]
    )
    result: Floats = rng.normal(size=(n, 4)) @ mixing + np.array([100.0, -50.0, 20.0, 7.0])
    return result


def _reference(X: Floats) -> tuple[Floats, Floats]:
    values, vectors = np.linalg.eigh(np.cov(X.T))
    order = np.argsort(values)[::-1]
    return values[order], vectors[:, order].T


def _fitted(module: ModuleType, X: Floats, k: int) -> Any:
    return fitted(need(module, "PCA")(k), X)


def _components(model: Any, k: int, d: int) -> Floats:
    return array(getattr(model, "components", None), "components", (k, d))


@CHECKS.add("the mean of each feature")
def mean(module: ModuleType) -> None:
    X = _data(61)
    close(_fitted(module, X, 2).mean, X.mean(axis=0), "mean", rtol=1e-9)


@CHECKS.add("components match the reference up to sign")
def components(module: ModuleType) -> None:
    X = _data(62)
    _, vectors = _reference(X)
    got = _components(_fitted(module, X, 3), 3, 4)
    close(np.linalg.norm(got, axis=1), np.ones(3), "length of each component", rtol=1e-6)
    close(
        np.abs((got * vectors[:3]).sum(axis=1)),
        np.ones(3),
        "|cos| between each component and the reference's",
        rtol=1e-5,
    )


@CHECKS.add("explained variance and its ratio")
def variance(module: ModuleType) -> None:
    X = _data(63)
    values, _ = _reference(X)
    model = _fitted(module, X, 2)
    close(model.explained_variance, values[:2], "explained_variance", rtol=1e-6)
    close(
        model.explained_variance_ratio,
        values[:2] / values.sum(),
        "explained_variance_ratio",
        rtol=1e-6,
    )


@CHECKS.add("largest eigenvalue first")
def ordered(module: ModuleType) -> None:
    X = _data(64)
    got = array(_fitted(module, X, 4).explained_variance, "explained_variance", (4,))
    if not np.all(np.diff(got) <= 1e-12):
        raise CheckFailed(f"explained_variance: expected decreasing, got {np.round(got, 4)}")


@CHECKS.add("transform: the centred data projected on the components")
def transform(module: ModuleType) -> None:
    X = _data(65)
    query = _data(66, 30)
    model = _fitted(module, X, 2)
    got_components = _components(model, 2, 4)
    expected = (query - X.mean(axis=0)) @ got_components.T
    close(model.transform(query.copy()), expected, "transform(X)", rtol=1e-6, atol=1e-6)
