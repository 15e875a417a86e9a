"""Katas: every kata's checks pass on a correct solution (in tests/katas/, not shipped),
fail on every untouched starter, and fail with the right reason on typical wrong
solutions made from the correct ones by one edit each."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.core.syllabus.loading import load_syllabus
from planner.katas.catalog import KATAS, Kata, kata_of
from planner.katas.runner import KataReport, check_names, run_checks
from planner.paths import bundled_syllabus

SOLUTIONS = Path(__file__).parent / "katas"


def _kata(kata_id: str) -> Kata:
    kata = kata_of(kata_id)
    assert kata is not None
    return kata


def _checked(kata: Kata, source: str, folder: Path) -> KataReport:
    attempt = folder / kata.file_name
    attempt.write_text(source, encoding="utf-8")
    for needed in kata.needs:
        (folder / f"{needed}.py").write_text(
            (SOLUTIONS / f"{needed}.py").read_text(encoding="utf-8"), encoding="utf-8"
        )
    return run_checks(kata, attempt)


def _solution(kata: Kata) -> str:
    return (SOLUTIONS / kata.file_name).read_text(encoding="utf-8")


def test_every_coding_task_of_the_bundled_syllabus_has_a_kata() -> None:
    syllabus = load_syllabus([bundled_syllabus()])
    coding = {p.id for p in syllabus.practice if p.kind == "coding"}
    assert {k.id for k in KATAS} == coding
    assert len({k.module for k in KATAS}) == len(KATAS)


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.id)
def test_a_correct_solution_passes_every_check(kata: Kata, tmp_path: Path) -> None:
    report = _checked(kata, _solution(kata), tmp_path)
    failed = [(r.name, r.reason) for r in report.results if not r.passed]
    assert failed == [] and report.problem is None
    assert [r.name for r in report.results] == list(check_names(kata))
    assert len(report.results) >= 4
    assert report.outcome == "solved"


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.id)
def test_an_untouched_starter_fails_every_check(kata: Kata, tmp_path: Path) -> None:
    report = _checked(kata, kata.starter_text(), tmp_path)
    assert [r.name for r in report.results] == list(check_names(kata))
    assert not any(r.passed for r in report.results)
    assert all("NotImplementedError" in r.reason for r in report.results)
    assert report.outcome == "not-solved"


WRONG: list[tuple[str, str, str, str, str, str]] = [
    # kata, what is wrong, text of the correct solution, replaced by, failing check, reason
    (
        "code-kmeans",
        "never updates its centroids",
        "centroids = updated",
        "centroids = centroids",
        "inertia within 1%",
        "inertia: expected",
    ),
    (
        "code-kmeans",
        "never stops early",
        "if shift <= self.tol:",
        "if False:",
        "stops when",
        "n_iter: expected",
    ),
    (
        "code-kmeans",
        "an empty cluster becomes nan",
        "if len(members):",
        "if True:",
        "empty cluster",
        "nan",
    ),
    (
        "code-kmeans",
        "claims one iteration, always runs them all",
        "            self.n_iter += 1\n",
        "            self.n_iter = 1\n",
        "stops when",
        "n_iter: expected",
    ),
    (
        "code-kmeans",
        "starts from random points, not rows of X",
        "init = X[rng.choice(len(X), size=self.k, replace=False)]",
        "init = rng.uniform(X.min(axis=0), X.max(axis=0), size=(self.k, X.shape[1]))",
        "without init",
        "k = n without init",
    ),
    (
        "code-knn",
        "an unstable sort breaks distance ties at random",
        'kind="stable"',
        'kind="quicksort"',
        "a tie in distance",
        "earliest 6",
    ),
    (
        "code-linear-regression",
        "inverts a singular X.T @ X",
        "np.linalg.pinv(with_ones) @ y",
        "np.linalg.inv(with_ones.T @ with_ones) @ with_ones.T @ y",
        "a constant feature",
        "",
    ),
    (
        "code-linear-regression",
        "the gradient's sign flipped",
        "self.weights -= self.lr",
        "self.weights += self.lr",
        "gradient descent reaches",
        "",
    ),
    (
        "code-linear-regression",
        "forgets the bias in gradient descent",
        "self.bias -= self.lr * (2 / n) * error.sum()",
        "pass",
        "gradient descent reaches",
        "expected",
    ),
    (
        "code-logistic-regression",
        "the gradient's sign flipped",
        "return X.T @ error / len(X), float(np.mean(error))",
        "return -X.T @ error / len(X), -float(np.mean(error))",
        "gradient matches finite differences",
        "dw[0]: expected",
    ),
    (
        "code-logistic-regression",
        "a naive sigmoid that overflows",
        "    z = np.asarray(z, dtype=float)\n",
        "    return 1 / (1 + np.exp(-np.asarray(z)))\n",
        "sigmoid: stable",
        "overflows",
    ),
    (
        "code-knn",
        "k off by one",
        "[:, :k]",
        "[:, : k + 1]",
        "classification matches a reference",
        "predict(X)[",
    ),
    (
        "code-knn",
        "ignores the metric",
        'if metric == "manhattan":',
        "if False:",
        "the metric",
        "manhattan",
    ),
    (
        "code-decision-tree",
        "Gini impurity instead of entropy",
        "return float(-(p * np.log2(p)).sum())",
        "return float(1 - (p * p).sum())",
        "entropy in bits",
        "entropy([0, 0, 1, 1]): expected 1",
    ),
    (
        "code-decision-tree",
        "ignores the depth limit",
        "or (self.max_depth is not None and depth >= self.max_depth)",
        "",
        "the depth limit",
        "max_depth=1",
    ),
    (
        "code-random-forest",
        "no bootstrap: every tree on all the rows",
        "    return X[indices], y[indices]",
        "    return X, y",
        "bootstrap",
        "not X[rng.integers",
    ),
    (
        "code-random-forest",
        "the vote takes the first tree",
        "return np.array(out)",
        "return np.asarray(predictions)[0]",
        "the vote",
        "majority_vote(predictions)[",
    ),
    (
        "code-naive-bayes",
        "the sample variance (n - 1)",
        "r.var(axis=0)",
        "r.var(axis=0, ddof=1)",
        "means and variances",
        "variances[0, 0]: expected",
    ),
    (
        "code-naive-bayes",
        "multiplies densities, then takes the log",
        "logs.sum(axis=2)",
        "np.log(np.prod(np.exp(logs), axis=2))",
        "far from every class",
        "nan or inf",
    ),
    (
        "code-pca",
        "without centring",
        "np.cov((X - self.mean).T)",
        "X.T @ X / (len(X) - 1)",
        "components match",
        "|cos|",
    ),
    (
        "code-pca",
        "the eigenvalues not sorted",
        "order = np.argsort(values)[::-1]",
        "order = np.arange(len(values))",
        "components match",
        "",
    ),
    (
        "code-perceptron",
        "the update's sign flipped",
        "update = self.lr * (label - predicted)",
        "update = self.lr * (predicted - label)",
        "the update rule",
        "weights after one epoch",
    ),
    (
        "code-perceptron",
        "never updates the bias",
        "self.bias += update",
        "pass",
        "the update rule",
        "bias after one epoch",
    ),
    (
        "code-svm",
        "the bias gradient's sign flipped",
        "db = y[inside].sum() / len(X)",
        "db = -y[inside].sum() / len(X)",
        "formula",
        "db: expected",
    ),
    (
        "code-svm",
        "no regularisation in the gradient",
        "dw = 2 * lambda_param * w -",
        "dw = 0 * w -",
        "formula",
        "dw[0]: expected",
    ),
    (
        "code-top-k-frequent",
        "ties broken by the larger value",
        "((-c, v) for",
        "((-c, -v) for",
        "random inputs",
        "expected",
    ),
    (
        "code-top-k-frequent",
        "the least frequent",
        "heapq.nsmallest",
        "heapq.nlargest",
        "the examples",
        "expected [1, 2]",
    ),
    (
        "code-number-of-islands",
        "diagonals join islands",
        "((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1))",
        "((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1), (y + 1, x + 1), (y - 1, x - 1))",
        "random grids",
        "expected",
    ),
    (
        "code-number-of-islands",
        "a recursive flood fill",
        "            stack = [(r, c)]\n",
        "            _fill(grid, r, c)\n            stack = []\n",
        "600 x 600",
        "recursion too deep",
    ),
]

RECURSIVE_FILL = """

def _fill(grid, r, c):
    for y, x in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
        if 0 <= y < len(grid) and 0 <= x < len(grid[y]) and grid[y][x] == "1":
            grid[y][x] = "0"
            _fill(grid, y, x)
"""


def test_each_kata_has_at_least_two_wrong_solutions() -> None:
    counts = {k.id: 0 for k in KATAS}
    for kata_id, *_ in WRONG:
        counts[kata_id] += 1
    assert min(counts.values()) >= 2


@pytest.mark.parametrize(
    ("kata_id", "wrong", "old", "new", "check", "reason"), WRONG, ids=[w[1] for w in WRONG]
)
def test_a_wrong_solution_fails_with_the_right_reason(
    kata_id: str, wrong: str, old: str, new: str, check: str, reason: str, tmp_path: Path
) -> None:
    kata = _kata(kata_id)
    source = _solution(kata)
    assert source.count(old) == 1, f"{old!r} is not once in the correct solution"
    source = source.replace(old, new) + (RECURSIVE_FILL if "_fill" in new else "")
    report = _checked(kata, source, tmp_path)
    named = [r for r in report.results if check in r.name]
    assert len(named) == 1, [r.name for r in report.results]
    assert not named[0].passed, f"{wrong}: the check {named[0].name!r} passed"
    assert reason in named[0].reason
    assert report.outcome != "solved"
