"""The syllabus: rounds, resources, items and practice items, as written in YAML files.

The models mirror CONTRACT.md field for field. They are plain frozen dataclasses, what the
rest of planner works with; files are validated into them by `planner.core.syllabus.schema`
(pydantic, imported only when a file is read rather than restored from the cache).
`SyllabusFile` is one file as written; `Syllabus` is every loaded file merged, with lookups
by id and each item's effective rounds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

ID_PATTERN = r"^[a-z0-9][a-z0-9._/-]*$"
"""A stable identifier: lower-case letters, digits and `._/-`, starting with a letter or digit."""

ResourceKind = Literal["book", "course", "video", "blog", "article", "pdf", "website", "other"]
PracticeKind = Literal["question", "coding", "design"]
Difficulty = Literal["easy", "medium", "hard"]

DEFAULT_PRACTICE_MINUTES: Mapping[str, int] = {"question": 5, "coding": 30, "design": 45}
"""Time for one practice pass when a practice item gives no `minutes`."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Round:
    """A kind of interview round, such as `ml-theory`."""

    id: str
    """Stable id, referenced by resources, items, practice items and interviews."""
    name: str
    """Human name, e.g. "Phone screen (ML fundamentals)"."""
    description: str = ""
    """What the round is like, from the notes."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """One unit of study inside a resource: a chapter, a course week, a blog post."""

    id: str
    title: str
    minutes: int
    """Honest estimate of the study time, 1..6000."""
    rounds: tuple[str, ...] | None = None
    """Rounds this item serves; defaults to the resource's rounds."""
    requires: tuple[str, ...] = ()
    """Items (in any loaded file) that must be finished first."""
    optional: bool = False
    """Optional items are scheduled only where capacity remains."""
    priority: int = 2
    """1 is most important, 3 least."""
    description: str = ""
    url: str | None = None
    """A direct link to this item, if it has its own."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Resource:
    """A book, course, video series, blog, article or PDF."""

    id: str
    title: str
    author: str | None = None
    kind: ResourceKind
    url: str | None = None
    rounds: tuple[str, ...] = ()
    """Default rounds of the resource's items."""
    description: str = ""
    items: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class PracticeItem:
    """A question, coding task or design prompt to practise."""

    id: str
    kind: PracticeKind
    prompt: str
    rounds: tuple[str, ...]
    difficulty: Difficulty | None = None
    minutes: int | None = None
    """Time for one practice pass; defaults by kind (question 5, coding 30, design 45)."""
    learn_from: tuple[str, ...] = ()
    """Items that teach it; it is introduced once they are done."""
    answer: str = ""
    """An outline to compare one's own answer against."""

    @property
    def pass_minutes(self) -> int:
        return self.minutes if self.minutes is not None else DEFAULT_PRACTICE_MINUTES[self.kind]


@dataclass(frozen=True, slots=True, kw_only=True)
class SyllabusFile:
    """One syllabus file as written (validated by `planner.core.syllabus.schema`)."""

    syllabus: str
    """Id of this file."""
    title: str
    rounds: tuple[Round, ...] = ()
    resources: tuple[Resource, ...] = ()
    practice: tuple[PracticeItem, ...] = ()


@dataclass(frozen=True, slots=True)
class StudyItem:
    """An item with what it inherits from its resource resolved."""

    item: Item
    resource: Resource
    rounds: tuple[str, ...]
    """Effective rounds: the item's own, else its resource's."""
    source: str = ""
    """The file it came from."""

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def minutes(self) -> int:
        return self.item.minutes

    @property
    def requires(self) -> tuple[str, ...]:
        return self.item.requires

    @property
    def optional(self) -> bool:
        return self.item.optional

    @property
    def priority(self) -> int:
        return self.item.priority

    @property
    def url(self) -> str | None:
        return self.item.url or self.resource.url


@dataclass(frozen=True)
class Syllabus:
    """Every loaded syllabus file merged. Built by `loading`, immutable after."""

    title: str
    rounds: tuple[Round, ...]
    resources: tuple[Resource, ...]
    items: tuple[StudyItem, ...]
    practice: tuple[PracticeItem, ...]
    files: tuple[str, ...] = ()
    sources: tuple[tuple[str, SyllabusFile], ...] = field(default=(), repr=False, compare=False)
    """Each loaded file as written, with where it came from."""
    digest: str = field(default="", compare=False)
    """Digest of the files' exact bytes when loaded from files (see
    `planner.core.syllabus.codec`); empty for a syllabus made otherwise."""
    _rounds_by_id: dict[str, Round] = field(init=False, repr=False, compare=False)
    _items_by_id: dict[str, StudyItem] = field(init=False, repr=False, compare=False)
    _practice_by_id: dict[str, PracticeItem] = field(init=False, repr=False, compare=False)
    _resources_by_id: dict[str, Resource] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_rounds_by_id", {r.id: r for r in self.rounds})
        object.__setattr__(self, "_items_by_id", {i.id: i for i in self.items})
        object.__setattr__(self, "_practice_by_id", {p.id: p for p in self.practice})
        object.__setattr__(self, "_resources_by_id", {r.id: r for r in self.resources})

    @classmethod
    def from_files(cls, files: Iterable[tuple[str, SyllabusFile]], digest: str = "") -> Syllabus:
        """Merge already validated files (the loader checks ids and references first)."""
        pairs = list(files)
        rounds: list[Round] = []
        resources: list[Resource] = []
        items: list[StudyItem] = []
        practice: list[PracticeItem] = []
        for source, sf in pairs:
            rounds.extend(sf.rounds)
            for resource in sf.resources:
                resources.append(resource)
                for item in resource.items:
                    effective = item.rounds if item.rounds is not None else resource.rounds
                    items.append(StudyItem(item, resource, tuple(effective), source))
            practice.extend(sf.practice)
        title = pairs[0][1].title if pairs else ""
        return cls(
            title=title,
            rounds=tuple(rounds),
            resources=tuple(resources),
            items=tuple(items),
            practice=tuple(practice),
            files=tuple(source for source, _ in pairs),
            sources=tuple(pairs),
            digest=digest,
        )

    def round(self, round_id: str) -> Round | None:
        return self._rounds_by_id.get(round_id)

    def item(self, item_id: str) -> StudyItem | None:
        return self._items_by_id.get(item_id)

    def practice_item(self, practice_id: str) -> PracticeItem | None:
        return self._practice_by_id.get(practice_id)

    def resource(self, resource_id: str) -> Resource | None:
        return self._resources_by_id.get(resource_id)

    @property
    def round_ids(self) -> tuple[str, ...]:
        return tuple(self._rounds_by_id)

    @property
    def all_ids(self) -> tuple[str, ...]:
        """Every item and practice id, for did-you-mean suggestions."""
        return tuple(self._items_by_id) + tuple(self._practice_by_id)

    @property
    def total_minutes(self) -> int:
        return sum(i.minutes for i in self.items)
