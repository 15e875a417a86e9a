"""Property tests of the loader: it never crashes, and its positions point at the mistake."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.syllabus.loading import SyllabusError, load_syllabus_texts
from planner.core.syllabus.schema import ItemSchema, ResourceSchema
from tests.test_loading import BASE

FUZZ = settings(max_examples=150, deadline=None)

yaml_ish = st.text(
    alphabet=st.sampled_from(
        list(string.ascii_letters + string.digits + " :-[]{},&*!#|>'\"\n\t<?%@`é")
    ),
    max_size=200,
)


@FUZZ
@given(yaml_ish)
def test_any_text_loads_or_gives_placed_problems(text: str) -> None:
    try:
        load_syllabus_texts([("fuzz.yaml", text)])
    except SyllabusError as exc:
        assert exc.problems
        lines = text.count("\n") + 1
        for problem in exc.problems:
            assert problem.file == "fuzz.yaml"
            assert 1 <= problem.line <= lines + 1
            assert problem.col >= 1
            assert problem.message


@FUZZ
@given(st.integers(min_value=0, max_value=len(BASE) - 1), st.sampled_from("x:[]-&*\n "))
def test_one_character_changed_in_a_good_file_never_crashes(index: int, char: str) -> None:
    text = BASE[:index] + char + BASE[index + 1 :]
    try:
        syllabus = load_syllabus_texts([("f.yaml", text)])
    except SyllabusError as exc:
        assert all(str(p).startswith("f.yaml:") for p in exc.problems)
    else:
        assert syllabus.title


_ITEM_KEYS = sorted(set(ItemSchema.model_fields) | set(ResourceSchema.model_fields))


@FUZZ
@given(st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=12))
def test_a_mistyped_item_key_is_named_at_its_own_line(key: str) -> None:
    if key in _ITEM_KEYS:
        return
    text = BASE.replace(
        "        title: Chapter 2\n", f"        title: Chapter 2\n        {key}: 1\n"
    )
    try:
        load_syllabus_texts([("f.yaml", text)])
    except SyllabusError as exc:
        problems = [str(p) for p in exc.problems]
        assert len(problems) == 1
        assert problems[0].startswith(f"f.yaml:20:9: unknown key {key!r}")
    else:
        raise AssertionError("an unknown key was accepted")
