"""YAML 1.1 conversions (issue 12.6): plain scalars that PyYAML reads as numbers or booleans
where YAML 1.2 would not (`030` octal, `0x1e`, `1:30` in base 60, `3_0`, `yes`/`no`/`on`)
are refused with FILE:LINE:COL saying what to write; an id is never silently trimmed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli

FILE = """syllabus: s
title: T
rounds:
  - {{id: r, name: R}}
resources:
  - id: b
    title: B
    kind: book
    rounds: [r]
    items:
      - {{id: {id}, title: X, minutes: {minutes}, optional: {optional}}}
"""


def validate(tmp_path: Path, **fields: str) -> tuple[int, str]:
    values = {"id": "b/1", "minutes": "30", "optional": "false"} | fields
    path = tmp_path / "s.yaml"
    path.write_text(FILE.format(**values), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    return result.exit_code, result.stderr.replace(str(path), "FILE")


@pytest.mark.parametrize("minutes", ["30", "+30"])
def test_decimal_minutes_read_as_written(tmp_path: Path, minutes: str) -> None:
    code, stderr = validate(tmp_path, minutes=minutes)
    assert code == 0, stderr


@pytest.mark.parametrize("minutes", ["030", "0x1e", "1:30", "3_0", "0b11110"])
def test_numbers_yaml_1_1_reads_otherwise_are_refused(tmp_path: Path, minutes: str) -> None:
    code, stderr = validate(tmp_path, minutes=minutes)
    assert code == 1
    assert stderr == (
        f"FILE:11:38: {minutes!r} is not a plain number: write it in decimal digits, or quote it\n"
    )


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "NO"])
def test_yes_no_on_off_are_refused(tmp_path: Path, word: str) -> None:
    code, stderr = validate(tmp_path, optional=word)
    assert code == 1
    assert f"{word!r} is read as a yes/no value: write true or false, or quote it" in stderr
    assert stderr.startswith("FILE:11:")


@pytest.mark.parametrize("word", ["true", "false", "True", "FALSE"])
def test_true_and_false_are_booleans(tmp_path: Path, word: str) -> None:
    assert validate(tmp_path, optional=word)[0] == 0


@pytest.mark.parametrize("ident", ['"b/1 "', '" b/1"'])
def test_an_id_with_spaces_at_an_end_is_refused_not_trimmed(tmp_path: Path, ident: str) -> None:
    code, stderr = validate(tmp_path, id=ident)
    assert code == 1 and "an id must not begin or end with a space" in stderr


def tags(node: object) -> list[tuple[str, str]]:
    """(tag, text) of every scalar of a node tree, in document order."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if isinstance(node, ScalarNode):
        return [(node.tag, node.value)]
    if isinstance(node, SequenceNode):
        return [t for child in node.value for t in tags(child)]
    assert isinstance(node, MappingNode)
    return [t for key, value in node.value for t in (*tags(key), *tags(value))]


def test_each_plain_scalar_resolved_once_gets_the_tag_libyaml_gives() -> None:
    import yaml

    from planner.core.syllabus.yaml_source import loader_class

    c_loader = getattr(yaml, "CSafeLoader", None)
    if c_loader is None:
        pytest.skip("PyYAML was built without libyaml: the pure-Python loader is used")
    text = "\n".join(
        f"- {{a: 30, b: '30', c: \"30\", d: 30, e: yes, f: 'yes', g: ~, h: '', i: 1.5, j: x{n}}}"
        for n in range(3)
    )
    memo = loader_class()
    assert memo is not c_loader and issubclass(memo, c_loader)
    assert tags(yaml.compose(text, Loader=memo)) == tags(yaml.compose(text, Loader=c_loader))
    found = dict(zip("abcdefghij", tags(yaml.compose(text, Loader=memo))[1::2], strict=False))
    assert found["a"][0].endswith(":int") and found["b"][0].endswith(":str")
    assert found["c"][0].endswith(":str") and found["d"][0].endswith(":int")
