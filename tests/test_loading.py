"""The syllabus loader: every bad input gives the exact `FILE:LINE:COL: message`, all at once."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from planner.core.syllabus.loading import (
    Problem,
    SyllabusError,
    load_syllabus,
    load_syllabus_texts,
    suggest,
)
from planner.core.syllabus.yaml_source import MAX_FILE_BYTES

BASE = """\
syllabus: base
title: Base syllabus
rounds:
  - id: ml-theory
    name: ML theory
  - id: phone-screen
    name: Phone screen
resources:
  - id: book
    title: The book
    kind: book
    url: https://example.org/book
    rounds: [ml-theory]
    items:
      - id: book/ch1
        title: Chapter 1
        minutes: 60
      - id: book/ch2
        title: Chapter 2
        minutes: 90
        requires: [book/ch1]
        rounds: [ml-theory, phone-screen]
practice:
  - id: q-why
    kind: question
    prompt: Why does it work?
    rounds: [ml-theory]
    learn_from: [book/ch1]
"""


def doc(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def errors(*sources: tuple[str, str], pure_python: bool = False) -> list[str]:
    """The printed problems of loading `sources`; fails the test if they load."""
    with pytest.raises(SyllabusError) as caught:
        load_syllabus_texts(list(sources), pure_python=pure_python)
    assert str(caught.value) == "\n".join(str(p) for p in caught.value.problems)
    return [str(p) for p in caught.value.problems]


def test_a_good_file_loads_with_effective_rounds() -> None:
    syllabus = load_syllabus_texts([("base.yaml", BASE)])
    assert syllabus.title == "Base syllabus"
    assert [r.id for r in syllabus.rounds] == ["ml-theory", "phone-screen"]
    ch1, ch2 = syllabus.items
    assert ch1.rounds == ("ml-theory",)  # inherited from the resource
    assert ch2.rounds == ("ml-theory", "phone-screen")  # its own
    assert ch2.requires == ("book/ch1",)
    assert ch1.source == "base.yaml"
    assert syllabus.practice_item("q-why") is not None
    assert syllabus.total_minutes == 150


def test_pure_python_loader_gives_the_same_syllabus() -> None:
    fast = load_syllabus_texts([("base.yaml", BASE)])
    slow = load_syllabus_texts([("base.yaml", BASE)], pure_python=True)
    assert fast.items == slow.items
    assert fast.practice == slow.practice


def test_files_reference_each_other_and_merge_in_order() -> None:
    extra = doc("""
        syllabus: extra
        title: Extra
        resources:
          - id: blog
            title: A blog
            kind: blog
            items:
              - id: blog/post
                title: A post
                minutes: 15
                rounds: [phone-screen]
                requires: [book/ch2]
        practice:
          - id: q-post
            kind: design
            prompt: Design it
            rounds: [phone-screen]
            learn_from: [blog/post, book/ch1]
        """)
    syllabus = load_syllabus_texts([("base.yaml", BASE), ("extra.yaml", extra)])
    assert [i.id for i in syllabus.items] == ["book/ch1", "book/ch2", "blog/post"]
    assert syllabus.item("blog/post") is not None
    assert syllabus.files == ("base.yaml", "extra.yaml")
    assert syllabus.title == "Base syllabus"


def test_anchors_and_merge_keys_are_allowed_in_moderation() -> None:
    text = BASE.replace(
        "    rounds: [ml-theory]\n    items:", "    rounds: &theory [ml-theory]\n    items:"
    )
    text = text.replace(
        "    rounds: [ml-theory]\n    learn_from", "    rounds: *theory\n    learn_from"
    )
    syllabus = load_syllabus_texts([("base.yaml", text)])
    assert syllabus.practice[0].rounds == ("ml-theory",)
    merged = doc("""
        syllabus: merged
        title: Merged
        rounds:
          - &r {id: r1, name: Round one}
        resources:
          - id: res
            title: Res
            kind: pdf
            rounds: [r1]
            items:
              - &base {id: res/a, title: A, minutes: 10, priority: 1}
              - <<: *base
                id: res/b
        """)
    items = load_syllabus_texts([("m.yaml", merged)]).items
    assert [(i.id, i.minutes, i.priority) for i in items] == [("res/a", 10, 1), ("res/b", 10, 1)]


# Each case: one bad input, and every problem it must give, exactly.
BAD_INPUTS: list[tuple[str, str, list[str]]] = [
    (
        "yaml-syntax",
        "syllabus: x\ntitle: [a, b\nrounds: []\n",
        [
            "f.yaml:3:7: YAML syntax error: did not find expected ',' or ']'"
            " (while parsing a flow sequence at line 2, column 8)"
        ],
    ),
    (
        "tab-indentation",
        "syllabus: x\ntitle: t\nrounds:\n\t- id: a\n",
        [
            "f.yaml:4:1: YAML syntax error: found character that cannot start any token"
            " (while scanning for the next token at line 4, column 1)"
        ],
    ),
    ("empty-file", "", ["f.yaml:1:1: file is empty"]),
    ("only-comments", "# nothing here\n\n", ["f.yaml:1:1: file is empty"]),
    (
        "top-level-list",
        "- syllabus: x\n",
        [
            "f.yaml:1:1: a syllabus file must be a mapping (syllabus: ..., title: ..., ...),"
            " got a list"
        ],
    ),
    (
        "top-level-text",
        "just some words\n",
        [
            "f.yaml:1:1: a syllabus file must be a mapping (syllabus: ..., title: ..., ...),"
            " got the text 'just some words'"
        ],
    ),
    (
        "two-documents",
        "syllabus: x\ntitle: t\n---\nsyllabus: y\n",
        [
            "f.yaml:3:1: YAML syntax error: expected a single document in the stream,"
            " but found another document"
        ],
    ),
    (
        "unknown-key-with-suggestion",
        BASE.replace("        minutes: 60\n", "        minuets: 60\n"),
        [
            "f.yaml:15:9: missing key 'minutes'",
            "f.yaml:17:9: unknown key 'minuets' (did you mean 'minutes'?)",
        ],
    ),
    (
        "unknown-top-level-key",
        BASE + "zebra: 1\n",
        ["f.yaml:29:1: unknown key 'zebra'"],
    ),
    (
        "missing-title",
        BASE.replace("title: Base syllabus\n", ""),
        ["f.yaml:1:1: missing key 'title'"],
    ),
    (
        "null-title",
        BASE.replace("title: Base syllabus\n", "title:\n"),
        ["f.yaml:2:7: title has no value"],
    ),
    (
        "minutes-not-a-number",
        BASE.replace("minutes: 60", "minutes: an hour"),
        ["f.yaml:17:18: minutes must be a whole number, got the text 'an hour'"],
    ),
    (
        "minutes-fractional",
        BASE.replace("minutes: 60", "minutes: 60.5"),
        ["f.yaml:17:18: minutes must be a whole number, got the number 60.5"],
    ),
    (
        "minutes-a-boolean",
        BASE.replace("minutes: 60", "minutes: true"),
        ["f.yaml:17:18: minutes must be a whole number, got true"],
    ),
    (
        "minutes-quoted",
        BASE.replace("minutes: 60", 'minutes: "60"'),
        ["f.yaml:17:18: minutes must be a whole number, got the text '60'"],
    ),
    (
        "optional-a-number",
        BASE.replace("        minutes: 60\n", "        minutes: 60\n        optional: 1\n"),
        ["f.yaml:18:19: optional must be true or false, got the number 1"],
    ),
    (
        "rounds-not-a-list",
        BASE.replace("    rounds: [ml-theory]\n    items", "    rounds: ml-theory\n    items"),
        ["f.yaml:13:13: rounds must be a list, got the text 'ml-theory'; write [ml-theory]"],
    ),
    (
        "title-a-number",
        BASE.replace("title: The book", "title: 1984"),
        ["f.yaml:10:12: title must be text, got the number 1984; put it in quotes"],
    ),
    (
        "optional-not-a-bool",
        BASE.replace("        minutes: 60\n", "        minutes: 60\n        optional: perhaps\n"),
        ["f.yaml:18:19: optional must be true or false, got the text 'perhaps'"],
    ),
    (
        "item-not-a-mapping",
        BASE.replace(
            "      - id: book/ch1\n        title: Chapter 1\n        minutes: 60\n",
            "      - book/ch1\n",
        ),
        [
            "f.yaml:15:9: each entry of items must be a mapping (key: value lines),"
            " got the text 'book/ch1'",
            # The reference to the item that is no longer one:
            "f.yaml:19:20: unknown item 'book/ch1' (did you mean 'book/ch2'?)",
            "f.yaml:26:18: unknown item 'book/ch1' (did you mean 'book/ch2'?)",
        ],
    ),
    (
        "resource-kind-typo",
        BASE.replace("kind: book", "kind: boook"),
        [
            "f.yaml:11:11: kind must be one of book, course, video, blog, article, pdf, website,"
            " other, got 'boook' (did you mean 'book'?)"
        ],
    ),
    (
        "bad-id-shape",
        BASE.replace("id: book/ch2", "id: Book Ch2").replace(
            "[book/ch1]\n        rounds", "[book/ch1]\n        rounds"
        ),
        [
            "f.yaml:18:13: bad id 'Book Ch2': ids use lower-case letters, digits and . _ / -,"
            " starting with a letter or digit (did you mean 'book-ch2'?)"
        ],
    ),
    (
        "bad-id-in-reference-list",
        BASE.replace("rounds: [ml-theory, phone-screen]", "rounds: [ml-theory, Phone_Screen]"),
        [
            "f.yaml:22:29: bad id 'Phone_Screen': ids use lower-case letters, digits and . _ / -,"
            " starting with a letter or digit (did you mean 'phone_screen'?)",
            "f.yaml:22:29: unknown round 'Phone_Screen' (did you mean 'phone-screen'?)",
        ],
    ),
    (
        "duplicate-key",
        BASE.replace("        minutes: 90\n", "        minutes: 90\n        minutes: 30\n"),
        ["f.yaml:21:9: duplicate key 'minutes' (first defined at f.yaml:20:9)"],
    ),
    (
        "duplicate-top-level-key",
        BASE.replace("title: Base syllabus\n", "title: Base syllabus\ntitle: Again\n"),
        ["f.yaml:3:1: duplicate key 'title' (first defined at f.yaml:2:1)"],
    ),
    (
        "duplicate-id-in-one-file",
        BASE.replace("id: q-why", "id: book/ch2"),
        ["f.yaml:24:9: duplicate id 'book/ch2' (first defined at f.yaml:18:13)"],
    ),
    (
        "duplicate-round-id",
        BASE.replace("id: phone-screen", "id: ml-theory"),
        [
            "f.yaml:6:9: duplicate id 'ml-theory' (first defined at f.yaml:4:9)",
            "f.yaml:22:29: unknown round 'phone-screen'",
        ],
    ),
    (
        "unknown-round",
        BASE.replace("rounds: [ml-theory]\n    learn_from", "rounds: [ml-theroy]\n    learn_from"),
        ["f.yaml:27:14: unknown round 'ml-theroy' (did you mean 'ml-theory'?)"],
    ),
    (
        "unknown-requires",
        BASE.replace("requires: [book/ch1]", "requires: [book/ch0]"),
        ["f.yaml:21:20: unknown item 'book/ch0' (did you mean 'book/ch1'?)"],
    ),
    (
        "unknown-learn-from-without-suggestion",
        BASE.replace("learn_from: [book/ch1]", "learn_from: [zzz]"),
        ["f.yaml:28:18: unknown item 'zzz'"],
    ),
    (
        "learn-from-names-a-resource",
        BASE.replace("learn_from: [book/ch1]", "learn_from: [book]"),
        ["f.yaml:28:18: unknown item 'book': it is a resource; name its items"],
    ),
    (
        "requires-names-a-practice-item",
        BASE.replace("requires: [book/ch1]", "requires: [q-why]"),
        ["f.yaml:21:20: unknown item 'q-why': it is a practice item, not a study item"],
    ),
    (
        "requires-cycle",
        BASE.replace(
            "        minutes: 60\n", "        minutes: 60\n        requires: [book/ch2]\n"
        ),
        ["f.yaml:18:20: requires cycle: book/ch1 -> book/ch2 -> book/ch1"],
    ),
    (
        "requires-itself",
        BASE.replace("requires: [book/ch1]", "requires: [book/ch1, book/ch2]"),
        ["f.yaml:21:30: requires cycle: book/ch2 -> book/ch2"],
    ),
    (
        "minutes-zero",
        BASE.replace("minutes: 60", "minutes: 0"),
        ["f.yaml:17:18: minutes must be between 1 and 6000, got 0"],
    ),
    (
        "minutes-too-many",
        BASE.replace("minutes: 90", "minutes: 6001"),
        ["f.yaml:20:18: minutes must be between 1 and 6000, got 6001"],
    ),
    (
        "practice-minutes-and-priority-out-of-range",
        BASE.replace("    kind: question\n", "    kind: question\n    minutes: 601\n").replace(
            "        minutes: 60\n", "        minutes: 60\n        priority: 4\n"
        ),
        [
            "f.yaml:18:19: priority must be between 1 and 3, got 4",
            "f.yaml:27:14: minutes must be between 1 and 600, got 601",
        ],
    ),
    (
        "ftp-url",
        BASE.replace("url: https://example.org/book", "url: ftp://example.org/book"),
        ["f.yaml:12:10: url must start with http:// or https://, got 'ftp://example.org/book'"],
    ),
    (
        "javascript-url-on-an-item",
        BASE.replace(
            "        minutes: 60\n", "        minutes: 60\n        url: javascript:alert(1)\n"
        ),
        ["f.yaml:18:14: url must start with http:// or https://, got 'javascript:alert(1)'"],
    ),
    (
        "item-without-rounds",
        BASE.replace("    rounds: [ml-theory]\n    items", "    items"),
        ["f.yaml:14:9: item 'book/ch1' has no rounds: give it rounds or give its resource rounds"],
    ),
    (
        "item-with-empty-rounds",
        BASE.replace("rounds: [ml-theory, phone-screen]", "rounds: []"),
        ["f.yaml:22:17: item 'book/ch2' has no rounds: give it rounds or give its resource rounds"],
    ),
    (
        "practice-with-empty-rounds",
        BASE.replace("rounds: [ml-theory]\n    learn_from", "rounds: []\n    learn_from"),
        ["f.yaml:27:13: rounds must not be empty"],
    ),
    (
        "empty-prompt",
        BASE.replace("prompt: Why does it work?", 'prompt: "  "'),
        ["f.yaml:26:13: prompt must not be empty"],
    ),
    (
        "python-tag",
        BASE.replace("title: Base syllabus", "title: !!python/object/apply:os.system [ls]"),
        ["f.yaml:2:8: unsupported tag '!!python/object/apply:os.system' on a list"],
    ),
    (
        "custom-tag",
        BASE.replace("title: Base syllabus", "title: !secret Base"),
        ["f.yaml:2:8: unsupported tag '!secret' on a value"],
    ),
    (
        "impossible-date",
        BASE.replace("title: Base syllabus", "title: 2026-02-30"),
        ["f.yaml:2:8: cannot read value '2026-02-30'"],
    ),
    (
        "control-character",
        BASE.replace("title: Base syllabus", "title: Base\x07syllabus"),
        ["f.yaml:2:12: character U+0007 is not allowed in YAML"],
    ),
    (
        "recursive-alias",
        "syllabus: x\ntitle: t\nrounds: &r [*r]\n",
        ["f.yaml:3:13: recursive alias (an anchor used inside itself)"],
    ),
    (
        "billion-laughs",
        doc("""
            syllabus: x
            title: t
            a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
            """),
        ["f.yaml:7:8: aliases expand to too many nodes (the limit is 10,000)"],
    ),
    (
        "too-many-aliases",
        "syllabus: x\ntitle: &t t\nrounds:\n" + "".join(f"  - *t # {n}\n" for n in range(1, 102)),
        ["f.yaml:104:5: too many aliases (the limit is 100)"],
    ),
    (
        "merge-of-a-list-of-text",
        "syllabus: x\ntitle: t\nrounds:\n  - <<: [a, b]\n    id: r\n",
        ["f.yaml:4:9: a merge (<<) takes a mapping or a list of mappings"],
    ),
    (
        "complex-key",
        "syllabus: x\ntitle: t\n? [a, b]\n: c\n",
        ["f.yaml:3:3: a key must be plain text, not a list"],
    ),
    (
        "numeric-key",
        BASE.replace("        minutes: 60\n", "        minutes: 60\n        1: one\n"),
        ["f.yaml:18:9: unknown key '1'"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(text, expected) for _, text, expected in BAD_INPUTS],
    ids=[name for name, _, _ in BAD_INPUTS],
)
def test_bad_input_is_reported_exactly(text: str, expected: list[str]) -> None:
    assert errors(("f.yaml", text)) == expected


# Syntax errors are worded by the parser; everything after parsing must not depend on it.
_PARSER_WORDED = {"yaml-syntax", "tab-indentation", "two-documents", "control-character"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [(text, expected) for name, text, expected in BAD_INPUTS if name not in _PARSER_WORDED],
    ids=[name for name, _, _ in BAD_INPUTS if name not in _PARSER_WORDED],
)
def test_pure_python_loader_reports_the_same(text: str, expected: list[str]) -> None:
    assert errors(("f.yaml", text), pure_python=True) == expected


def test_pure_python_loader_places_syntax_errors_too() -> None:
    problems = errors(("f.yaml", "syllabus: x\ntitle: [a, b\nrounds: []\n"), pure_python=True)
    assert problems == [
        "f.yaml:3:7: YAML syntax error: expected ',' or ']', but got ':'"
        " (while parsing a flow sequence at line 2, column 8)"
    ]
    control = errors(("f.yaml", "title: x\x07y\n"), pure_python=True)
    assert control == ["f.yaml:1:9: character U+0007 is not allowed in YAML"]


def test_duplicate_ids_across_files_name_both_places() -> None:
    other = doc("""
        syllabus: other
        title: Other
        resources:
          - id: videos
            title: Videos
            kind: video
            rounds: [ml-theory]
            items:
              - id: book/ch1
                title: Not the book
                minutes: 5
        """)
    assert errors(("base.yaml", BASE), ("other.yaml", other)) == [
        "other.yaml:9:13: duplicate id 'book/ch1' (first defined at base.yaml:15:13)"
    ]


def test_the_same_syllabus_id_twice_is_refused() -> None:
    other = "syllabus: base\ntitle: Other\n"
    assert errors(("base.yaml", BASE), ("other.yaml", other)) == [
        "other.yaml:1:11: duplicate syllabus id 'base' (first defined at base.yaml:1:11)"
    ]


def test_every_problem_of_every_file_is_reported_sorted() -> None:
    first = BASE.replace("minutes: 90", "minutes: -1").replace("kind: book", "kind: tome")
    second = doc("""
        syllabus: second
        title: Second
        practice:
          - id: q-two
            kind: coding
            prompt: Write it
            rounds: [phone-screen, dsa]
            learn_from: [book/ch3]
            difficulty: brutal
        """)
    broken = "syllabus: [\n"
    assert errors(("b.yaml", first), ("a.yaml", second), ("c.yaml", broken)) == [
        "b.yaml:11:11: kind must be one of book, course, video, blog, article, pdf, website,"
        " other, got 'tome'",
        "b.yaml:20:18: minutes must be between 1 and 6000, got -1",
        "a.yaml:9:17: difficulty must be one of easy, medium, hard, got 'brutal'",
        "c.yaml:2:1: YAML syntax error: did not find expected node content"
        " (while parsing a flow node at line 2, column 1)",
    ]


def test_references_are_checked_when_every_file_loaded() -> None:
    second = doc("""
        syllabus: second
        title: Second
        practice:
          - id: q-two
            kind: coding
            prompt: Write it
            rounds: [phone-screen, dsa]
            learn_from: [book/ch3]
        """)
    assert errors(("b.yaml", BASE), ("a.yaml", second)) == [
        "a.yaml:7:28: unknown round 'dsa'",
        "a.yaml:8:18: unknown item 'book/ch3' (did you mean 'book/ch1'?)",
    ]


def test_a_longer_cycle_is_printed_whole_once() -> None:
    text = doc("""
        syllabus: c
        title: Cycles
        rounds: [{id: r, name: R}]
        resources:
          - id: res
            title: Res
            kind: course
            rounds: [r]
            items:
              - {id: a, title: A, minutes: 5, requires: [c]}
              - {id: b, title: B, minutes: 5, requires: [a]}
              - {id: c, title: C, minutes: 5, requires: [b]}
              - {id: d, title: D, minutes: 5, requires: [a, c]}
        """)
    assert errors(("c.yaml", text)) == ["c.yaml:10:50: requires cycle: a -> c -> b -> a"]


def test_a_long_requires_chain_loads() -> None:
    lines = ["      - {id: i0, title: T, minutes: 1}\n"]
    lines += [
        f"      - {{id: i{n}, title: T, minutes: 1, requires: [i{n - 1}]}}\n"
        for n in range(1, 3000)
    ]
    items = "".join(lines)
    text = (
        "syllabus: chain\ntitle: Chain\nrounds: [{id: r, name: R}]\n"
        "resources:\n  - id: res\n    title: Res\n    kind: other\n    rounds: [r]\n    items:\n"
        + items
    )
    assert len(load_syllabus_texts([("chain.yaml", text)]).items) == 3000


def test_deep_nesting_is_refused() -> None:
    text = "syllabus: x\ntitle: t\nrounds: " + "[" * 80 + "]" * 80 + "\n"
    assert errors(("f.yaml", text)) == ["f.yaml:3:73: nested too deeply (limit 64 levels)"]


def test_text_over_five_megabytes_is_refused_before_parsing() -> None:
    text = "syllabus: [" + "a" * MAX_FILE_BYTES  # would be a syntax error if parsed
    assert errors(("big.yaml", text)) == [
        "big.yaml:1:1: file is too large (5.0 MB; the limit is 5.0 MB)"
    ]


def test_problem_prints_file_line_column_message() -> None:
    problem = Problem("a.yaml", 3, 7, "unknown key 'x'")
    assert str(problem) == "a.yaml:3:7: unknown key 'x'"
    assert problem.place == "a.yaml:3:7"


def test_suggest_finds_close_words_only() -> None:
    assert suggest("minuets", ["minutes", "title"]) == "minutes"
    assert suggest("ML-Theory", ["ml-theory", "ml-design"]) == "ml-theory"
    assert suggest("zzz", ["minutes", "title"]) is None
    assert suggest("title", ["title"]) is None
    assert suggest("x", []) is None


# Files on disk.


def test_load_syllabus_reads_files(tmp_path: Path) -> None:
    path = tmp_path / "base.yaml"
    path.write_text(BASE, encoding="utf-8")
    syllabus = load_syllabus([path])
    assert syllabus.files == (str(path),)
    assert len(syllabus.items) == 2


def test_the_same_file_twice_is_loaded_once(tmp_path: Path) -> None:
    path = tmp_path / "base.yaml"
    path.write_text(BASE, encoding="utf-8")
    syllabus = load_syllabus([path, tmp_path / "." / "base.yaml"])
    assert syllabus.files == (str(path),)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode())
    assert load_syllabus([path]).title == "Base syllabus"


def _file_errors(paths: list[Path]) -> list[str]:
    with pytest.raises(SyllabusError) as caught:
        load_syllabus(paths)
    return [str(p) for p in caught.value.problems]


def test_missing_file_and_folder_are_reported(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    assert _file_errors([missing, tmp_path]) == [
        f"{missing}:1:1: cannot read file: No such file or directory",
        f"{tmp_path}:1:1: cannot read file: it is a folder",
    ]


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "locked.yaml"
    path.write_text(BASE, encoding="utf-8")
    path.chmod(0)
    try:
        if path.open("rb"):  # running as root: permissions do not apply
            pytest.skip("file permissions are not enforced for this user")
    except PermissionError:
        pass
    try:
        assert _file_errors([path]) == [f"{path}:1:1: cannot read file: Permission denied"]
    finally:
        path.chmod(0o600)


def test_file_over_five_megabytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"syllabus: [\n" + b"#" * (6 * 1024 * 1024))
    assert _file_errors([path]) == [f"{path}:1:1: file is too large (6.0 MB; the limit is 5.0 MB)"]


def test_file_that_is_not_utf8_is_placed(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("syllabus: x\ntitle: Café\n".encode("latin-1"))
    assert _file_errors([path]) == [f"{path}:2:11: file is not UTF-8 text (byte 0xe9)"]


def test_problems_in_files_come_in_the_order_given(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(BASE, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("syllabus: bad\ntitle: Bad\nrounds: [{id: x, name: X, nmae: Y}]\n", "utf-8")
    assert _file_errors([bad, good, tmp_path / "gone.yaml"]) == [
        f"{bad}:3:27: unknown key 'nmae' (did you mean 'name'?)",
        f"{tmp_path / 'gone.yaml'}:1:1: cannot read file: No such file or directory",
    ]


def test_a_path_through_a_file_is_reported(tmp_path: Path) -> None:
    plain = tmp_path / "plain.yaml"
    plain.write_text(BASE, encoding="utf-8")
    inside = plain / "inner.yaml"
    assert _file_errors([inside]) == [f"{inside}:1:1: cannot read file: Not a directory"]


@pytest.mark.parametrize("was_on", [True, False])
def test_loading_leaves_the_cycle_collector_as_it_found_it(tmp_path: Path, was_on: bool) -> None:
    import gc

    from planner.core.syllabus.loading import load_syllabus
    from planner.core.syllabus.problem import SyllabusError
    from planner.paths import bundled_syllabus

    bad = tmp_path / "bad.yaml"
    bad.write_text("syllabus: [unclosed\n", encoding="utf-8")
    try:
        gc.enable() if was_on else gc.disable()
        load_syllabus([bundled_syllabus()])
        assert gc.isenabled() == was_on
        with pytest.raises(SyllabusError):
            load_syllabus([bad])
        assert gc.isenabled() == was_on  # (paused while loading, also when it fails)
    finally:
        gc.enable()
