"""pydantic validation errors, in the syllabus writer's words, at the YAML node that caused them."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from planner.core.syllabus.model import ID_PATTERN
from planner.core.syllabus.problem import Problem
from planner.core.syllabus.schema import SyllabusFileSchema
from planner.core.syllabus.suggest import did_you_mean
from planner.core.syllabus.yaml_source import Document, at, describe, locate

Loc = tuple[str | int, ...]

_ID_RE = re.compile(ID_PATTERN)
_RANGE_TYPES = frozenset({"greater_than_equal", "less_than_equal", "greater_than", "less_than"})
_INT_TYPES = frozenset({"int_type", "int_parsing", "int_from_float", "int_parsing_size"})
_BOOL_TYPES = frozenset({"bool_type", "bool_parsing"})
_LIST_TYPES = frozenset({"tuple_type", "list_type", "iterable_type"})
_MAPPING_TYPES = frozenset({"model_type", "model_attributes_type", "dict_type"})


def problems_from_validation(document: Document, error: ValidationError) -> list[Problem]:
    """One problem per pydantic error, placed at the node its `loc` points to."""
    return [_problem(document, details) for details in error.errors(include_url=False)]


def _problem(document: Document, details: ErrorDetails) -> Problem:
    loc: Loc = tuple(details["loc"])
    kind = details["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        node = locate(document.root, loc, key=True)
        fields = _fields_of(_model_at(loc[:-1]))
        return at(document.name, node, f"unknown key {key!r}{did_you_mean(key, fields)}")
    if kind == "missing":
        node = locate(document.root, loc[:-1])
        return at(document.name, node, f"missing key {loc[-1]!r}")
    node = locate(document.root, loc)
    return at(document.name, node, _message(loc, details))


def _message(loc: Loc, details: ErrorDetails) -> str:
    kind = details["type"]
    value: Any = details["input"]
    ctx: dict[str, Any] = dict(details.get("ctx") or {})
    what = _what(loc)
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        return _bad_id(value)
    if kind == "string_too_long":
        return f"{what} is too long (at most {ctx.get('max_length')} characters)"
    if kind == "string_too_short":
        return f"{what} must not be empty"
    if kind == "string_type":
        if value is None:
            return f"{what} has no value"
        hint = "; put it in quotes" if not isinstance(value, tuple | dict) else ""
        return f"{what} must be text, got {describe(value)}{hint}"
    if kind in _INT_TYPES:
        return f"{what} must be a whole number, got {describe(value)}"
    if kind in _RANGE_TYPES:
        low, high = _bounds(loc)
        return f"{what} must be between {low} and {high}, got {value}"
    if kind in _BOOL_TYPES:
        return f"{what} must be true or false, got {describe(value)}"
    if kind == "literal_error":
        options = _literal_options(loc)
        hint = did_you_mean(value, options) if isinstance(value, str) else ""
        shown = repr(value) if isinstance(value, str) else describe(value)
        return f"{what} must be one of {', '.join(options)}, got {shown}{hint}"
    if kind == "value_error":
        reason = str(ctx.get("error", details["msg"]))
        return f"{reason}, got {value!r}"
    if kind in _LIST_TYPES:
        if isinstance(value, str):
            return f"{what} must be a list, got {describe(value)}; write [{value}]"
        return f"{what} must be a list, got {describe(value)}"
    if kind == "too_short":
        return f"{what} must not be empty"
    if kind in _MAPPING_TYPES:
        return f"{what} must be a mapping (key: value lines), got {describe(value)}"
    return f"{what}: {details['msg']}"


def _what(loc: Loc) -> str:
    """How a message names the value at `loc`: `minutes`, or `each entry of rounds`."""
    if not loc:
        return "the file"
    last = loc[-1]
    if isinstance(last, int):
        owner = next((step for step in reversed(loc) if isinstance(step, str)), "the list")
        return f"each entry of {owner}"
    return last


def _bad_id(value: Any) -> str:
    rule = "ids use lower-case letters, digits and . _ / -, starting with a letter or digit"
    if not isinstance(value, str):
        return f"bad id {describe(value)}: {rule}"
    if len(value) > 200:
        return "bad id: ids are at most 200 characters"
    candidate = re.sub(r"\s+", "-", value.strip().lower())
    hint = f" (did you mean {candidate!r}?)" if _ID_RE.match(candidate) else ""
    return f"bad id {value!r}: {rule}{hint}"


def _model_at(loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The schema class of the mapping at `loc`, walking from `SyllabusFileSchema`."""
    model: type[BaseModel] | None = SyllabusFileSchema
    for step in loc:
        if model is None:
            return None
        if isinstance(step, int):
            continue
        info = model.model_fields.get(step)
        if info is None:
            return None
        model = next(_models_in(info.annotation), None)
    return model


def _field(loc: Loc) -> tuple[type[BaseModel] | None, str | None]:
    names = [i for i, step in enumerate(loc) if isinstance(step, str)]
    if not names:
        return None, None
    index = names[-1]
    return _model_at(loc[:index]), str(loc[index])


def _fields_of(model: type[BaseModel] | None) -> list[str]:
    return list(model.model_fields) if model is not None else []


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in typing.get_args(annotation):
        yield from _models_in(arg)


def _literal_options(loc: Loc) -> list[str]:
    model, name = _field(loc)
    if model is None or name is None or name not in model.model_fields:
        return []
    return [str(option) for option in _literals_in(model.model_fields[name].annotation)]


def _literals_in(annotation: Any) -> Iterator[Any]:
    if typing.get_origin(annotation) is typing.Literal:
        yield from typing.get_args(annotation)
        return
    for arg in typing.get_args(annotation):
        yield from _literals_in(arg)


def _bounds(loc: Loc) -> tuple[str, str]:
    """The accepted range of a numeric field, from its `ge`/`le` constraints."""
    model, name = _field(loc)
    low: Any = "-inf"
    high: Any = "inf"
    if model is not None and name is not None and name in model.model_fields:
        for constraint in model.model_fields[name].metadata:
            low = getattr(constraint, "ge", low)
            high = getattr(constraint, "le", high)
    return str(low), str(high)
