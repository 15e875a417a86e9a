"""What every kata's checks share: the registry, the failure, and comparisons whose
reasons say what was expected and what came back."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt

Check = Callable[[ModuleType], None]
Floats = npt.NDArray[np.float64]


class CheckFailed(Exception):
    """The attempt gave a wrong answer; the message says how, in one line."""


class Checks:
    """The ordered checks of one kata."""

    def __init__(self) -> None:
        self.items: list[tuple[str, Check]] = []

    def add(self, name: str) -> Callable[[Check], Check]:
        def register(check: Check) -> Check:
            self.items.append((name, check))
            return check

        return register


def need(module: ModuleType, name: str) -> Any:
    """The function or class `name` of the attempt."""
    found = getattr(module, name, None)
    if found is None:
        raise CheckFailed(f"your file defines no {name}")
    return found


def fitted(model: Any, *data: Any, **options: Any) -> Any:
    """`model` fitted on copies of `data` and of the array `options` (so that the attempt
    cannot change the checker's arrays); a failure when fit does not return the model."""

    def copy(value: Any) -> Any:
        return value.copy() if isinstance(value, np.ndarray) else value

    copies = [copy(d) for d in data]
    if model.fit(*copies, **{name: copy(v) for name, v in options.items()}) is not model:
        raise CheckFailed("fit must return self (the model)")
    return model


def numeric_gradient(
    loss: Callable[[Floats, float], float], w: Floats, b: float, h: float
) -> tuple[Floats, float]:
    """Central differences of `loss(w, b)` with respect to each weight and to the bias."""
    dw = np.array([(loss(w + h * e, b) - loss(w - h * e, b)) / (2 * h) for e in np.eye(len(w))])
    return dw, (loss(w, b + h) - loss(w, b - h)) / (2 * h)


def number(value: Any) -> str:
    if isinstance(value, float | np.floating):
        return f"{float(value):.6g}"
    return repr(value) if not isinstance(value, np.generic) else repr(value.item())


def array(value: Any, what: str, shape: tuple[int, ...] | None = None) -> Floats:
    """`value` as a float array of `shape` (-1 for any length), or a failure saying why not."""
    if value is None:
        raise CheckFailed(f"{what}: got None (missing a return?)")
    try:
        result = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise CheckFailed(f"{what}: not numbers ({type(value).__name__}: {exc})") from None
    if shape is not None and (
        result.ndim != len(shape)
        or any(want not in (-1, got) for want, got in zip(shape, result.shape, strict=False))
    ):
        wanted = "(" + ", ".join("n" if s == -1 else str(s) for s in shape)
        wanted += ",)" if len(shape) == 1 else ")"
        raise CheckFailed(f"{what}: expected shape {wanted}, got {result.shape}")
    if not np.all(np.isfinite(result)):
        raise CheckFailed(f"{what}: holds nan or inf")
    return result


def close(got: Any, expected: Any, what: str, rtol: float = 1e-6, atol: float = 1e-6) -> None:
    """`got` equals `expected` to a tolerance; else a failure naming the first difference."""
    want = np.asarray(expected, dtype=np.float64)
    have = array(got, what, want.shape)
    bad = ~np.isclose(have, want, rtol=rtol, atol=atol)
    if not bad.any():
        return
    where = tuple(int(i) for i in np.argwhere(bad)[0]) if want.ndim else ()
    label = what + ("[" + ", ".join(map(str, where)) + "]" if where else "")
    tolerance = f"tolerance {atol:g}" if rtol == 0 else f"tolerance {rtol:g} relative"
    raise CheckFailed(
        f"{label}: expected {number(want[where])}, got {number(have[where])} ({tolerance})"
    )


def same_labels(got: Any, expected: Any, what: str) -> None:
    """Label arrays equal element by element; else the first difference and how many."""
    want = np.asarray(expected)
    try:
        have = np.asarray(got)
    except (TypeError, ValueError):
        raise CheckFailed(f"{what}: not an array ({type(got).__name__})") from None
    if have.shape != want.shape:
        raise CheckFailed(f"{what}: expected shape {want.shape}, got {have.shape}")
    wrong = np.flatnonzero(have.ravel() != want.ravel())
    if wrong.size:
        i = int(wrong[0])
        raise CheckFailed(
            f"{what}[{i}]: expected {number(want.ravel()[i])}, got {number(have.ravel()[i])} "
            f"({wrong.size} of {want.size} differ)"
        )


def at_least(value: float, floor: float, what: str) -> None:
    if not value >= floor:
        raise CheckFailed(f"{what}: expected at least {floor:.4g}, got {value:.4g}")


def blobs(
    seed: int, centres: Floats, per: int, spread: float = 0.5
) -> tuple[Floats, npt.NDArray[np.int64]]:
    """Gaussian blobs around `centres`: points and the index of each one's centre."""
    rng = np.random.default_rng(seed)
    labels = np.repeat(np.arange(len(centres)), per)
    points = centres[labels] + rng.normal(scale=spread, size=(len(labels), centres.shape[1]))
    order = rng.permutation(len(labels))
    return points[order], labels[order]
