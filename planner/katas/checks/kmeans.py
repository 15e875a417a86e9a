"""K-means: against Lloyd's algorithm run here from the same initial centroids."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from planner.katas.checks.common import (
    CheckFailed,
    Checks,
    Floats,
    array,
    blobs,
    close,
    fitted,
    need,
    same_labels,
)

CHECKS = Checks()

CENTRES = np.array([[0.0, 0.0], [6.0, 0.0], [0.0, 6.0], [6.0, 6.0]])


def _data() -> Floats:
    points, _ = blobs(7, CENTRES, 40, spread=1.2)
    return points


def _nearest(points: Floats, centroids: Floats) -> Any:
    return ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)


def _lloyd(points: Floats, init: Floats, max_iters: int = 100, tol: float = 1e-6) -> Any:
    """Reference: centroids, labels, inertia, iterations."""
    centroids = init.copy()
    iterations = 0
    for iterations in range(1, max_iters + 1):  # noqa: B007 - the count is returned
        labels = _nearest(points, centroids)
        moved = centroids.copy()
        for j in range(len(centroids)):
            if np.any(labels == j):
                moved[j] = points[labels == j].mean(axis=0)
        shift = np.sqrt(((moved - centroids) ** 2).sum(axis=1)).max()
        centroids = moved
        if shift <= tol:
            break
    labels = _nearest(points, centroids)
    inertia = float(((points - centroids[labels]) ** 2).sum())
    return centroids, labels, inertia, iterations


def _fitted(module: ModuleType, points: Floats, k: int, init: Floats | None, **options: Any) -> Any:
    model = fitted(need(module, "KMeans")(k, **options), points, init=init)
    for attribute in ("centroids", "labels", "inertia", "n_iter"):
        if not hasattr(model, attribute):
            raise CheckFailed(f"after fit, the model has no {attribute}")
    return model


def _poor_start(points: Floats) -> Floats:
    """Four initial centroids, three of them in one corner: Lloyd's has work to do."""
    return np.array([points[0], points[1], points[2], [3.0, 3.0]])


@CHECKS.add("inertia within 1% of a reference run from the same centroids")
def inertia_matches(module: ModuleType) -> None:
    points = _data()
    init = _poor_start(points)
    _, _, inertia, _ = _lloyd(points, init)
    model = _fitted(module, points, 4, init)
    got = float(array(model.inertia, "inertia", ()))
    if abs(got - inertia) > 0.01 * inertia:
        raise CheckFailed(f"inertia: expected {inertia:.4g} (within 1%), got {got:.4g}")
    array(model.centroids, "centroids", (4, 2))


@CHECKS.add("labels are each point's nearest centroid; predict agrees")
def labels_nearest(module: ModuleType) -> None:
    points = _data()
    model = _fitted(module, points, 4, _poor_start(points))
    centroids = array(model.centroids, "centroids", (4, 2))
    same_labels(model.labels, _nearest(points, centroids), "labels")
    same_labels(model.predict(points), _nearest(points, centroids), "predict(X)")
    inertia = float(((points - centroids[_nearest(points, centroids)]) ** 2).sum())
    close(model.inertia, inertia, "inertia of the returned centroids", rtol=1e-6)


@CHECKS.add("stops when the centroids stop moving")
def stops(module: ModuleType) -> None:
    points = _data()
    init = _poor_start(points)
    final, _, _, iterations = _lloyd(points, init)
    model = _fitted(module, points, 4, init, max_iters=100)
    ran = int(model.n_iter)
    if ran >= 100 or not iterations - 1 <= ran <= iterations + 1:
        raise CheckFailed(
            f"n_iter: expected about {iterations} (the reference converged), got {ran}"
        )
    settled = _fitted(module, points, 4, final, max_iters=100)
    if int(settled.n_iter) > 2:
        raise CheckFailed(
            f"started on converged centroids: expected n_iter 1 or 2, got {int(settled.n_iter)}"
        )


@CHECKS.add("an empty cluster never turns into nan")
def empty_cluster(module: ModuleType) -> None:
    points = _data()
    init = np.array([points[0], points[50], points[100], [500.0, -500.0]])
    model = _fitted(module, points, 4, init)
    centroids = array(model.centroids, "centroids (one started far from every point)", (4, 2))
    start = float(((points - init[_nearest(points, init)]) ** 2).sum())
    got = float(array(model.inertia, "inertia", ()))
    if got > start + 1e-6:
        raise CheckFailed(f"inertia rose from {start:.4g} at the start to {got:.4g}")
    same_labels(model.labels, _nearest(points, centroids), "labels")


@CHECKS.add("k = 1: the centroid is the mean")
def one_cluster(module: ModuleType) -> None:
    points = _data()
    model = _fitted(module, points, 1, points[:1])
    close(model.centroids, points.mean(axis=0, keepdims=True), "centroids")
    expected = float(((points - points.mean(axis=0)) ** 2).sum())
    close(model.inertia, expected, "inertia", rtol=1e-6)


@CHECKS.add("k = n: every point its own cluster, inertia 0")
def every_point(module: ModuleType) -> None:
    points = _data()[:12]
    model = _fitted(module, points, len(points), points)
    close(model.inertia, 0.0, "inertia", rtol=0, atol=1e-9)
    labels = np.asarray(model.labels)
    if sorted(labels.tolist()) != list(range(len(points))):
        raise CheckFailed(f"labels: expected each of 0..{len(points) - 1} once, got {labels}")


@CHECKS.add("without init: k distinct rows of X, the same result for the same seed")
def seeded(module: ModuleType) -> None:
    points = _data()
    first = _fitted(module, points, 4, None, seed=3)
    again = _fitted(module, points, 4, None, seed=3)
    close(again.centroids, array(first.centroids, "centroids", (4, 2)), "centroids, same seed")
    labels = np.asarray(first.labels)
    if len(set(labels.tolist())) != 4:
        raise CheckFailed(f"expected 4 non-empty clusters, got {len(set(labels.tolist()))}")
    few = points[:10]
    every = _fitted(module, few, len(few), None, seed=5)
    got = float(array(every.inertia, "inertia", ()))
    if got > 1e-9:
        raise CheckFailed(
            f"k = n without init: expected inertia 0 (each centroid starts on a row of X), "
            f"got {got:.4g}"
        )
