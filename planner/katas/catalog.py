"""The katas: which coding task each belongs to, its starter file and what its checks cover.

Plain data, cheap to import: listing katas or writing a starter never loads numpy."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Kata:
    id: str
    """The coding task's practice id in the bundled syllabus."""
    title: str
    module: str
    """Name of its starter file (without .py) and of its checks module."""
    checks: str
    """What the checks cover, in one line."""
    needs: tuple[str, ...] = ()
    """Other katas' files (module names) the attempt imports, copied next to it when found."""

    @property
    def file_name(self) -> str:
        return f"{self.module}.py"

    def starter_text(self) -> str:
        """The starter file as shipped (without the header `starters.write_starter` adds)."""
        return (
            resources.files("planner.katas.starters")
            .joinpath(self.file_name)
            .read_text(encoding="utf-8")
        )


KATAS: tuple[Kata, ...] = (
    Kata(
        "code-linear-regression",
        "Linear regression: normal equation and gradient descent",
        "linear_regression",
        "least squares match, a constant feature, more features than rows, gradient descent",
    ),
    Kata(
        "code-logistic-regression",
        "Logistic regression with gradient descent",
        "logistic_regression",
        "stable sigmoid, gradient against finite differences, falling loss, separable data",
    ),
    Kata(
        "code-knn",
        "K-nearest neighbours: classification and regression",
        "knn",
        "against a reference, ties, k larger than the data, the distance metric",
    ),
    Kata(
        "code-kmeans",
        "K-means clustering",
        "kmeans",
        "inertia against a reference run, an empty cluster, convergence, k = 1 and k = n",
    ),
    Kata(
        "code-decision-tree",
        "Decision tree classifier (information gain)",
        "decision_tree",
        "entropy, the best split, the depth limit, a pure node, accuracy",
    ),
    Kata(
        "code-random-forest",
        "Random forest on top of your decision tree",
        "random_forest",
        "bootstrap samples, the vote, seeded results, accuracy against one tree",
        needs=("decision_tree",),
    ),
    Kata(
        "code-naive-bayes",
        "Gaussian naive Bayes",
        "naive_bayes",
        "priors, log-likelihoods against a reference, no underflow, predictions",
    ),
    Kata(
        "code-pca",
        "Principal component analysis",
        "pca",
        "components up to sign, explained variance, centring, the projection",
    ),
    Kata(
        "code-perceptron",
        "The perceptron learning algorithm",
        "perceptron",
        "the update rule, convergence on separable data, the bias, labels",
    ),
    Kata(
        "code-svm",
        "Linear SVM trained on the hinge loss",
        "svm",
        "the hinge-loss gradient, separable data, the margin, labels",
    ),
    Kata(
        "code-top-k-frequent",
        "Top K Frequent Elements (LeetCode 347)",
        "top_k_frequent",
        "against a reference on random inputs, edge cases, a time budget",
    ),
    Kata(
        "code-number-of-islands",
        "Number of Islands (LeetCode 200)",
        "number_of_islands",
        "against a reference on random grids, edge cases, a large grid, a time budget",
    ),
)


def kata_of(kata_id: str) -> Kata | None:
    return next((k for k in KATAS if k.id == kata_id), None)
