"""The syllabus file format as pydantic models: what a file must look like, checked field by
field, and turned into the plain models of `planner.core.syllabus.model` once it passes.

Only reading a file needs this module (and pydantic); a syllabus restored from the cache of
validated syllabi never imports it. Each schema class lists the same fields, in the same
order and with the same defaults, as its plain model (a test holds them together).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from planner.core.labels import control_character
from planner.core.syllabus.model import (
    ID_PATTERN,
    Difficulty,
    Item,
    PracticeItem,
    PracticeKind,
    Resource,
    ResourceKind,
    Round,
    SyllabusFile,
)


def _no_edge_space(value: object) -> object:
    if isinstance(value, str) and value != value.strip():
        raise ValueError("an id must not begin or end with a space")
    return value


Id = Annotated[
    str, BeforeValidator(_no_edge_space), StringConstraints(pattern=ID_PATTERN, max_length=200)
]


def _plain_text(value: str) -> str:
    found = control_character(value)
    if found is not None:
        raise ValueError(f"control character {found} (text must not hold terminal controls)")
    return value


Text = Annotated[str, AfterValidator(_plain_text)]
"""Text shown to the person: tabs and newlines, never another control character."""


def _http_url(value: str | None) -> str | None:
    if value is None:
        return None
    found = control_character(value, allowed="")
    if found is not None:
        raise ValueError(f"url must not contain the control character {found}")
    lowered = value.lower()
    if not (lowered.startswith("http://") or lowered.startswith("https://")) or len(value) < 10:
        raise ValueError("url must start with http:// or https://")
    if any(ch.isspace() for ch in value):
        raise ValueError("url must not contain spaces")
    return value


HttpUrl = Annotated[str | None, AfterValidator(_http_url)]


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )

    def field_values(self) -> dict[str, Any]:
        """The validated values, nested schemas still as schemas."""
        return {name: getattr(self, name) for name in type(self).model_fields}


class RoundSchema(_Strict):
    id: Id
    name: Text = Field(min_length=1)
    description: Text = ""

    def to_model(self) -> Round:
        return Round(**self.field_values())


class ItemSchema(_Strict):
    id: Id
    title: Text = Field(min_length=1)
    minutes: int = Field(ge=1, le=6000)
    rounds: tuple[Id, ...] | None = None
    requires: tuple[Id, ...] = ()
    optional: bool = False
    priority: int = Field(default=2, ge=1, le=3)
    description: Text = ""
    url: HttpUrl = None

    def to_model(self) -> Item:
        return Item(**self.field_values())


class ResourceSchema(_Strict):
    id: Id
    title: Text = Field(min_length=1)
    author: Text | None = None
    kind: ResourceKind
    url: HttpUrl = None
    rounds: tuple[Id, ...] = ()
    description: Text = ""
    items: tuple[ItemSchema, ...] = ()

    def to_model(self) -> Resource:
        return Resource(**{**self.field_values(), "items": tuple(i.to_model() for i in self.items)})


class PracticeItemSchema(_Strict):
    id: Id
    kind: PracticeKind
    prompt: Text = Field(min_length=1)
    rounds: tuple[Id, ...] = Field(min_length=1)
    difficulty: Difficulty | None = None
    minutes: int | None = Field(default=None, ge=1, le=600)
    learn_from: tuple[Id, ...] = ()
    answer: Text = ""

    def to_model(self) -> PracticeItem:
        return PracticeItem(**self.field_values())


class SyllabusFileSchema(_Strict):
    syllabus: Id
    title: Text = Field(min_length=1)
    rounds: tuple[RoundSchema, ...] = ()
    resources: tuple[ResourceSchema, ...] = ()
    practice: tuple[PracticeItemSchema, ...] = ()

    def to_model(self) -> SyllabusFile:
        return SyllabusFile(
            syllabus=self.syllabus,
            title=self.title,
            rounds=tuple(r.to_model() for r in self.rounds),
            resources=tuple(r.to_model() for r in self.resources),
            practice=tuple(p.to_model() for p in self.practice),
        )


SCHEMAS: dict[type[Any], type[_Strict]] = {
    Round: RoundSchema,
    Item: ItemSchema,
    Resource: ResourceSchema,
    PracticeItem: PracticeItemSchema,
    SyllabusFile: SyllabusFileSchema,
}
"""Each plain model and the schema that validates it."""


def validate_file(data: Any, *, strict: bool = True) -> SyllabusFile:
    """One file's data, checked; raises pydantic's `ValidationError`.

    Strict for YAML (lists arrive as tuples): `minutes: true` or `optional: 1` are mistakes,
    not numbers or flags. `strict=False` takes Python data as written in tests (lists).
    """
    return SyllabusFileSchema.model_validate(data, strict=strict).to_model()
