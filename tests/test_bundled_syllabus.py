"""The bundled syllabus: everything the notes name is in it, it loads, and its budgets fit.

The notes' questions, coding tasks and design prompts are kept in
`tests/fixtures/notes_practice.txt`; each must be a practice item of the right kind. The
minute budgets are checked against the realistic plan the scheduler tests use: a phone
screen (phone-screen + dsa-coding) two weeks out and an onsite (ml-coding, ml-theory,
ml-design) six weeks out, at 90 minutes a weekday and 240 on Saturdays.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from planner.core.syllabus.loading import load_syllabus
from planner.core.syllabus.model import PracticeItem, StudyItem, Syllabus
from planner.paths import bundled_syllabus

FIXTURE = Path(__file__).parent / "fixtures" / "notes_practice.txt"
NOTES = Path(__file__).resolve().parents[2] / "shared" / "seed" / "ml-interview-notes.txt"

ROUNDS = ("phone-screen", "ml-coding", "ml-theory", "ml-design", "dsa-coding")
EARLY_ROUNDS = frozenset({"phone-screen", "dsa-coding"})
"""Rounds of the phone screen, the first interview of the realistic plan."""
EARLY_BUDGET = 850
"""Required minutes (study + one practice pass) due before the phone screen."""
TOTAL_BUDGET = 3000
"""Required minutes (study + one practice pass) in the whole syllabus."""

# Words of a coding/design line that say nothing about which task it is.
FILLER = frozenset({"how", "do", "you", "the", "a", "an", "at", "of", "in", "to", "code", "design"})


@dataclass(frozen=True)
class NotesLine:
    kind: str
    text: str
    difficult: bool


def squash(text: str) -> str:
    """Lower-case letters and digits only: punctuation, quotes, dashes and spaces dropped."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if ch.isascii() and ch.isalnum())


def read_fixture(path: Path = FIXTURE) -> list[NotesLine]:
    lines: list[NotesLine] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, _, text = raw.partition(" | ")
        text = text.strip()
        difficult = text.startswith("[Difficult]")
        text = text.removeprefix("[Difficult]").strip().rstrip(">").strip()
        lines.append(NotesLine(kind.strip(), text, difficult))
    return lines


def matches(line: NotesLine, item: PracticeItem) -> bool:
    """Whether `item` is the practice item for the notes' `line`.

    A question must contain the notes' question word for word (case, punctuation and
    spacing aside). Coding tasks and design prompts are terse in the notes ("code Kmeans",
    "How do you restaurant recommendations doordash"), so every meaningful word of the
    line must appear in the prompt.
    """
    if item.kind != line.kind:
        return False
    prompt = squash(item.prompt)
    if line.kind == "question":
        return squash(line.text) in prompt
    words = [w for w in re.findall(r"[^\W_]+", line.text.lower()) if w not in FILLER]
    return bool(words) and all(squash(w) in prompt for w in words)


def missing_practice(practice: Sequence[PracticeItem], lines: Iterable[NotesLine]) -> list[str]:
    """The notes' lines that no practice item of the right kind covers."""
    return [line.text for line in lines if not any(matches(line, p) for p in practice)]


def practice_for(syllabus: Syllabus, line: NotesLine) -> list[PracticeItem]:
    return [p for p in syllabus.practice if matches(line, p)]


@pytest.fixture(scope="module")
def syllabus() -> Syllabus:
    return load_syllabus([bundled_syllabus()])


@pytest.fixture(scope="module")
def notes_lines() -> list[NotesLine]:
    return read_fixture()


def required(syllabus: Syllabus) -> list[StudyItem]:
    return [i for i in syllabus.items if not i.optional]


def with_prerequisites(syllabus: Syllabus, ids: Iterable[str]) -> set[str]:
    """The items and everything they transitively require."""
    out: set[str] = set()
    stack = list(ids)
    while stack:
        item_id = stack.pop()
        if item_id in out:
            continue
        out.add(item_id)
        item = syllabus.item(item_id)
        assert item is not None, item_id
        stack.extend(item.requires)
    return out


def early_item_ids(syllabus: Syllabus) -> set[str]:
    """Required items due before the phone screen, with their prerequisites."""
    seeds = [i.id for i in required(syllabus) if EARLY_ROUNDS & set(i.rounds)]
    return with_prerequisites(syllabus, seeds)


def early_minutes(syllabus: Syllabus) -> int:
    early = early_item_ids(syllabus)
    study = sum(i.minutes for i in syllabus.items if i.id in early)
    drills = sum(p.pass_minutes for p in syllabus.practice if EARLY_ROUNDS & set(p.rounds))
    return study + drills


def total_required_minutes(syllabus: Syllabus) -> int:
    return sum(i.minutes for i in required(syllabus)) + sum(
        p.pass_minutes for p in syllabus.practice
    )


def capacity(start: dt.date, interview: dt.date) -> int:
    """Minutes from `start` to the day before the mock day (the day before the interview)."""
    per_weekday = (90, 90, 90, 90, 90, 240, 0)
    total, day = 0, start
    while day < interview - dt.timedelta(days=1):
        total += per_weekday[day.weekday()]
        day += dt.timedelta(days=1)
    return total


# ---------------------------------------------------------------- loading and structure


def test_bundled_file_loads_through_the_real_loader(syllabus: Syllabus) -> None:
    assert bundled_syllabus().name == "ml-interviews.yaml"
    assert syllabus.title == "ML interview preparation"
    assert len(syllabus.items) >= 60
    assert len(syllabus.practice) >= 25


def test_all_five_rounds_exist_with_descriptions_from_the_notes(syllabus: Syllabus) -> None:
    assert set(syllabus.round_ids) == set(ROUNDS)
    descriptions = {r.id: r.description.lower() for r in syllabus.rounds}
    assert "leetcode" in descriptions["phone-screen"]
    assert "10-15 minutes" in descriptions["phone-screen"]
    for algorithm in ("linear regression", "knn", "k-means"):
        assert algorithm in descriptions["ml-coding"]
    assert "45-minute" in descriptions["ml-theory"]
    assert "derivation" in descriptions["ml-theory"]
    assert "recommendation" in descriptions["ml-design"]
    assert "company" in descriptions["ml-design"]
    assert "leetcode" in descriptions["dsa-coding"]


def test_every_round_has_required_study_and_practice(syllabus: Syllabus) -> None:
    for round_id in ROUNDS:
        assert any(round_id in i.rounds for i in required(syllabus)), round_id
        assert any(round_id in p.rounds for p in syllabus.practice), round_id


def test_item_ids_are_prefixed_by_their_resource(syllabus: Syllabus) -> None:
    for item in syllabus.items:
        assert item.id.startswith(item.resource.id + "/"), item.id


def test_practice_ids_say_their_kind(syllabus: Syllabus) -> None:
    prefix = {"question": "q-", "coding": "code-", "design": "design-"}
    for p in syllabus.practice:
        assert p.id.startswith(prefix[p.kind]), p.id


def test_required_items_never_wait_on_optional_ones(syllabus: Syllabus) -> None:
    for item in required(syllabus):
        for dep in item.requires:
            prerequisite = syllabus.item(dep)
            assert prerequisite is not None and not prerequisite.optional, (item.id, dep)


# ---------------------------------------------------------------- the notes' practice


def test_fixture_holds_every_kind_of_practice_from_the_notes(notes_lines: list[NotesLine]) -> None:
    kinds = [line.kind for line in notes_lines]
    assert kinds.count("question") == 14
    assert kinds.count("coding") == 3
    assert kinds.count("design") == 3
    assert sum(line.difficult for line in notes_lines) == 4


@pytest.mark.skipif(not NOTES.is_file(), reason="the seed notes are outside this checkout")
def test_fixture_lines_are_the_notes_own_words(notes_lines: list[NotesLine]) -> None:
    notes = NOTES.read_text(encoding="utf-8")
    squashed_notes = squash(notes)
    for line in notes_lines:
        text = line.text.removeprefix("code ") if line.kind == "coding" else line.text
        assert squash(text) in squashed_notes, line.text
    # And the other way round: every bullet of the notes is in the fixture, except the
    # two that are not questions (a pointer to a list and a sub-heading).
    not_questions = ("I've compiled a set", "Nuanced derivation-based questions")
    fixture_text = {squash(line.text) for line in notes_lines}
    for raw in notes.splitlines():
        bullet = raw.strip()
        if not bullet.startswith("- ") or bullet[2:].startswith(not_questions):
            continue
        text = bullet[2:].removeprefix("[Difficult]").strip().rstrip(">").strip()
        assert squash(text) in fixture_text, bullet
    for quoted in re.findall(r"“([^”]+)”", notes):
        if quoted != "minus":
            assert squash(quoted) in fixture_text, quoted


def test_every_notes_question_task_and_prompt_is_a_practice_item(
    syllabus: Syllabus, notes_lines: list[NotesLine]
) -> None:
    assert missing_practice(syllabus.practice, notes_lines) == []


def test_each_notes_line_has_its_own_practice_item(
    syllabus: Syllabus, notes_lines: list[NotesLine]
) -> None:
    chosen = [tuple(p.id for p in practice_for(syllabus, line)) for line in notes_lines]
    assert all(len(ids) == 1 for ids in chosen), chosen
    assert len({ids[0] for ids in chosen}) == len(notes_lines)


def test_a_missing_question_is_reported(syllabus: Syllabus, notes_lines: list[NotesLine]) -> None:
    line = next(x for x in notes_lines if x.text.startswith("Explain the bias-variance"))
    without = [p for p in syllabus.practice if not matches(line, p)]
    assert missing_practice(without, notes_lines) == [line.text]


def test_a_practice_item_of_the_wrong_kind_does_not_count(syllabus: Syllabus) -> None:
    kmeans = NotesLine("coding", "code Kmeans", difficult=False)
    as_question = [replace(p, kind="question") for p in practice_for(syllabus, kmeans)]
    assert as_question
    assert missing_practice(as_question, [kmeans]) == ["code Kmeans"]


def test_a_reworded_question_does_not_count() -> None:
    line = NotesLine("question", "How does the loss curve for Cross entropy look?", False)
    near = PracticeItem(
        id="q-near", kind="question", prompt="How does the MSE loss curve look?", rounds=("x",)
    )
    assert missing_practice([near], [line]) == [line.text]


def test_difficult_questions_are_hard(syllabus: Syllabus, notes_lines: list[NotesLine]) -> None:
    for line in notes_lines:
        if line.difficult:
            (item,) = practice_for(syllabus, line)
            assert item.difficulty == "hard", item.id


def test_phone_screen_questions_serve_the_phone_screen(
    syllabus: Syllabus, notes_lines: list[NotesLine]
) -> None:
    phone = notes_lines[:8]
    assert phone[0].text == "Explain overfitting and regularization"
    for line in phone:
        (item,) = practice_for(syllabus, line)
        assert "phone-screen" in item.rounds, item.id
    for line in notes_lines[8:]:
        (item,) = practice_for(syllabus, line)
        assert "phone-screen" not in item.rounds, item.id


def test_every_practice_item_has_an_answer_outline_and_a_teacher(syllabus: Syllabus) -> None:
    for p in syllabus.practice:
        outline = [line for line in p.answer.splitlines() if line.strip()]
        assert len(outline) >= 4, p.id
        assert p.learn_from, p.id
        assert p.difficulty is not None, p.id
        assert p.minutes is not None, p.id
        for item_id in p.learn_from:
            item = syllabus.item(item_id)
            assert item is not None, (p.id, item_id)
            # An optional item may never be scheduled, and the question waits for it.
            assert not item.optional, (p.id, item_id)


def test_phone_screen_practice_is_taught_before_the_phone_screen(syllabus: Syllabus) -> None:
    early = early_item_ids(syllabus)
    for p in syllabus.practice:
        if EARLY_ROUNDS & set(p.rounds):
            assert set(p.learn_from) <= early, p.id


def test_coding_tasks_cover_the_from_scratch_lessons(syllabus: Syllabus) -> None:
    coding = [p for p in syllabus.practice if p.kind == "coding"]
    prompts = " ".join(p.prompt.lower() for p in coding)
    for name in (
        "linear regression",
        "knn",
        "k-means",
        "logistic regression",
        "decision tree",
        "random forest",
        "naive bayes",
        "pca",
        "perceptron",
        "svm",
    ):
        assert name in prompts, name
    logistic = next(p for p in coding if "logistic regression" in p.prompt.lower())
    assert "gradient descent" in logistic.prompt.lower()
    lessons = syllabus.resource("assemblyai-mlfs")
    assert lessons is not None
    taught = {i for p in coding for i in p.learn_from}
    assert {i.id for i in lessons.items} <= taught


def test_design_prompts_name_the_companies(syllabus: Syllabus) -> None:
    design = {p.id: p.prompt.lower() for p in syllabus.practice if p.kind == "design"}
    assert "youtube" in design["design-youtube-recs"]
    assert "doordash" in design["design-doordash-restaurant-recs"]
    assert "pinterest" in design["design-pinterest-related-pins"]
    for p in syllabus.practice:
        if p.kind == "design":
            assert "ml-system-design-interview/ch01" in p.learn_from, p.id


# ---------------------------------------------------------------- the named resources


def titles(syllabus: Syllabus, resource_id: str) -> list[str]:
    resource = syllabus.resource(resource_id)
    assert resource is not None, resource_id
    return [i.title for i in resource.items]


def test_hundred_page_book_by_its_eleven_chapters(syllabus: Syllabus) -> None:
    book = syllabus.resource("hundred-page-ml")
    assert book is not None and book.author == "Andriy Burkov" and book.kind == "book"
    expected = [
        "Introduction",
        "Notation and Definitions",
        "Fundamental Algorithms",
        "Anatomy of a Learning Algorithm",
        "Basic Practice",
        "Neural Networks and Deep Learning",
        "Problems and Solutions",
        "Advanced Practice",
        "Unsupervised Learning",
        "Other Forms of Learning",
        "Conclusion",
    ]
    assert [t.split(": ", 1)[1] for t in titles(syllabus, "hundred-page-ml")] == expected
    ids = [i.id for i in book.items]
    assert ids == [f"hundred-page-ml/ch{n:02d}" for n in range(1, 12)]
    for later, earlier in (("ch03", "ch02"), ("ch04", "ch03"), ("ch05", "ch04"), ("ch06", "ch04")):
        item = syllabus.item(f"hundred-page-ml/{later}")
        assert item is not None and f"hundred-page-ml/{earlier}" in item.requires


def test_ml_specialization_by_course_and_week(syllabus: Syllabus) -> None:
    course = syllabus.resource("ml-specialization")
    assert course is not None and course.author is not None and "Andrew Ng" in course.author
    assert course.url == "https://www.deeplearning.ai/courses/machine-learning-specialization/"
    weeks = titles(syllabus, "ml-specialization")
    for week in (
        "Introduction to Machine Learning",
        "Regression with multiple input variables",
        "Classification",
        "Neural Networks",
        "Neural network training",
        "Advice for applying machine learning",
        "Decision trees",
        "Unsupervised learning",
        "Recommender systems",
        "Reinforcement learning",
    ):
        assert any(t.endswith(week) for t in weeks), week
    assert len(weeks) == 10
    items = {i.id: i for i in course.items}
    for later, earlier in (("c1-w2", "c1-w1"), ("c1-w3", "c1-w2"), ("c2-w2", "c2-w1")):
        assert f"ml-specialization/{earlier}" in items[f"ml-specialization/{later}"].requires
    # About 90 hours in all: optional depth, not the required core.
    assert sum(i.minutes for i in course.items) >= 80 * 60
    assert all(i.optional for i in course.items)


def test_gradient_descent_article(syllabus: Syllabus) -> None:
    article = syllabus.resource("gd-visual")
    assert article is not None and article.kind == "article"
    assert article.url is not None and article.url.startswith("https://towardsdatascience.com/")
    for name in ("Momentum", "AdaGrad", "RMSProp", "Adam"):
        assert name in article.title


def test_ml_from_scratch_lessons_one_per_algorithm(syllabus: Syllabus) -> None:
    lessons = syllabus.resource("assemblyai-mlfs")
    assert lessons is not None and lessons.author is not None and "AssemblyAI" in lessons.author
    names = " ".join(titles(syllabus, "assemblyai-mlfs"))
    for algorithm in (
        "KNN",
        "Linear Regression",
        "Logistic Regression",
        "Decision Trees",
        "Random Forest",
        "Naive Bayes",
        "PCA",
        "Perceptron",
        "SVM",
        "K-Means",
    ):
        assert f"implement {algorithm} " in names, algorithm
    kmeans = syllabus.item("assemblyai-mlfs/kmeans")
    assert kmeans is not None and kmeans.url is not None and "6UF5Ysk_2gk" in kmeans.url
    extra = " ".join(titles(syllabus, "python-engineer-mlfs"))
    assert "AdaBoost" in extra and "LDA" in extra


def test_theory_list_recsys_notes_and_educative(syllabus: Syllabus) -> None:
    assert len(titles(syllabus, "theory-list")) >= 8
    assert len(titles(syllabus, "recsys-notes")) >= 4
    recsys = syllabus.resource("recsys-notes")
    assert recsys is not None and recsys.kind == "pdf"
    educative = syllabus.resource("educative-ml-design")
    assert educative is not None and educative.url is not None
    assert "educative.io" in educative.url
    assert len(educative.items) >= 6


def test_fennel_posts_one_item_each(syllabus: Syllabus) -> None:
    blog = syllabus.resource("fennel-recsys")
    assert blog is not None and blog.kind == "blog"
    assert blog.url == "https://fennel.ai/blog/tag/real-world-recommendation-system/"
    assert len(blog.items) >= 3
    assert any("Real World Recommendation System" in i.title for i in blog.items)


def test_design_book_chapters_need_the_framework_first(syllabus: Syllabus) -> None:
    book = syllabus.resource("ml-system-design-interview")
    assert book is not None and book.author == "Ali Aminian and Alex Xu"
    assert len(book.items) == 11
    framework = "ml-system-design-interview/ch01"
    assert book.items[0].id == framework
    for chapter in book.items[1:]:
        assert framework in chapter.requires, chapter.id
    chapters = " ".join(titles(syllabus, "ml-system-design-interview"))
    for case in ("Video Recommendation System", "Similar Listings", "Personalized News Feed"):
        assert case in chapters


def test_timed_leetcode_sets_for_the_coding_question(syllabus: Syllabus) -> None:
    sets = syllabus.resource("leetcode-timed")
    assert sets is not None and set(sets.rounds) == {"dsa-coding"}
    topics = " ".join(titles(syllabus, "leetcode-timed")).lower()
    for topic in ("hashing", "two pointers", "sliding window", "graphs", "heaps", "dynamic"):
        assert topic in topics, topic


def test_urls_are_https_links(syllabus: Syllabus) -> None:
    for resource in syllabus.resources:
        if resource.url is not None:
            assert resource.url.startswith("https://"), resource.id
    for item in syllabus.items:
        if item.item.url is not None:
            assert item.item.url.startswith("https://"), item.id


# ---------------------------------------------------------------- minute budgets


def test_the_realistic_plan_has_room_for_the_budgets() -> None:
    start = dt.date(2026, 11, 25)
    phone, onsite = dt.date(2026, 12, 9), dt.date(2027, 1, 6)
    assert capacity(start, phone) == 1290
    assert capacity(start, onsite) > TOTAL_BUDGET


def test_required_work_before_the_phone_screen_fits(syllabus: Syllabus) -> None:
    minutes = early_minutes(syllabus)
    assert 500 <= minutes <= EARLY_BUDGET, minutes


def test_required_work_in_all_fits(syllabus: Syllabus) -> None:
    minutes = total_required_minutes(syllabus)
    assert 2000 <= minutes <= TOTAL_BUDGET, minutes
    optional = sum(i.minutes for i in syllabus.items if i.optional)
    assert optional >= 90 * 60, "the optional depth (ML Specialization, other chapters) is kept"


def test_estimates_are_honest(syllabus: Syllabus) -> None:
    for item in syllabus.items:
        if item.resource.kind == "book":
            assert item.minutes >= 25, item.id
        if item.resource.id == "ml-specialization":
            assert item.minutes >= 6 * 60, item.id
    assert sum(i.minutes for i in syllabus.items) >= 130 * 60


def test_planner_validate_accepts_the_bundled_file() -> None:
    from click.testing import CliRunner

    from planner.cli import cli

    result = CliRunner().invoke(cli, ["validate", str(bundled_syllabus())])
    assert result.exit_code == 0, result.output
    assert "5 rounds, 11 resources, 77 items, 32 practice items" in result.output
