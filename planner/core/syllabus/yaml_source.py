"""Reading a syllabus file into plain data while keeping every value's line and column.

Only safe loading. The text is composed into a node tree by libyaml (`yaml.CSafeLoader`)
when it is available, else by PyYAML's pure-Python `SafeLoader`; both give marks. The node
tree is then turned into plain dicts, tuples (YAML lists) and scalars here, rather than by
PyYAML's constructor, which lets the loader:

- report duplicate keys inside one mapping (PyYAML silently keeps the last one);
- refuse alias bombs: a document may use at most `MAX_ALIASES` aliases, and together they
  may add at most `MAX_ALIAS_NODES` nodes to the document once expanded (so that nested
  aliases cannot blow up exponentially); recursive aliases are refused outright;
- refuse tags other than YAML's plain scalars, lists and mappings (no `!!python/...`,
  `!!binary`, `!!set`, custom tags).

Mapping keys are always kept as the text written (`1: x` gives the key "1"), so an odd key
is reported as an unknown key rather than crashing anything. Merge keys (`<<: *defaults`)
work as in PyYAML: keys written in the mapping win over merged ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from planner.core.syllabus.problem import Problem

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Files larger than this are refused before they are parsed."""
MAX_ALIASES = 100
"""Most aliases (`*name`) one document may use."""
MAX_ALIAS_NODES = 10_000
"""Most nodes all aliases of one document may add once expanded."""
MAX_DEPTH = 64
"""Deepest nesting of lists and mappings accepted."""

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_SEQ = _TAG + "seq"
_MAP = _TAG + "map"
_MERGE = _TAG + "merge"
_SCALAR_TAGS = frozenset(_TAG + t for t in ("null", "bool", "int", "float", "timestamp"))

_YAML12 = {
    _TAG + "bool": re.compile(r"true|True|TRUE|false|False|FALSE"),
    _TAG + "int": re.compile(r"[-+]?(0|[1-9][0-9]*)"),
    _TAG + "float": re.compile(
        r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
    ),
}
"""The plain scalars YAML 1.2 reads as booleans and numbers. YAML 1.1 (PyYAML) also reads
`yes`/`no`/`on`/`off` as booleans and `030` (octal), `0x1e`, `1:30` (base 60) and `3_0` as
numbers: those are refused, saying what to write, rather than read as something else."""


def yaml11_only(node: ScalarNode) -> str | None:
    """What to write instead of a plain scalar that YAML 1.1 reads differently from 1.2, or
    None when both read it alike."""
    pattern = _YAML12.get(node.tag)
    if pattern is None or node.style not in (None, "") or pattern.fullmatch(node.value):
        return None
    if node.tag == _TAG + "bool":
        return f"{node.value!r} is read as a yes/no value: write true or false, or quote it"
    return f"{node.value!r} is not a plain number: write it in decimal digits, or quote it"


_CONSTRUCTOR = SafeConstructor()


@dataclass(frozen=True)
class Document:
    """One parsed file: its name, the composed node tree (for marks) and the plain data."""

    name: str
    root: Node
    data: Any


@dataclass
class Parsed:
    """What parsing one text gave: the document when usable, and the problems found."""

    document: Document | None
    problems: list[Problem] = field(default_factory=list)


def loader_class(pure_python: bool = False) -> type[yaml.SafeLoader]:
    """libyaml's safe loader when available (and not refused), else PyYAML's own."""
    if not pure_python and _MemoCLoader is not None:
        return _MemoCLoader
    return yaml.SafeLoader


def _memo_c_loader() -> type[yaml.SafeLoader] | None:
    """libyaml's safe loader, resolving each distinct plain scalar once.

    libyaml composes the tree, but asks PyYAML's resolver (Python, regular expressions)
    for the tag of every node. A safe loader has no path resolvers, so the tag of a plain
    scalar depends on its text alone, and every other node gets its kind's default tag:
    the same tags, found once per distinct text (a syllabus repeats minutes, ids and
    round names thousands of times)."""
    c_loader: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)
    if c_loader is None or c_loader.yaml_path_resolvers:
        return c_loader

    class MemoCLoader(c_loader):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self._plain_tags: dict[str, str] = {}

        def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is not ScalarNode:
                return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]
            if not implicit[0]:
                return self.DEFAULT_SCALAR_TAG  # type: ignore[no-any-return]
            tag = self._plain_tags.get(value)
            if tag is None:
                tag = self._plain_tags[value] = super().resolve(kind, value, implicit)
            return tag

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            return None  # (no path resolvers: nothing to follow)

        def ascend_resolver(self) -> None:
            return None

    return MemoCLoader


_MemoCLoader = _memo_c_loader()


def at(name: str, node: Node, message: str) -> Problem:
    """A problem at the start of `node`."""
    mark = node.start_mark
    return Problem(name, mark.line + 1, mark.column + 1, message)


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _too_large(name: str, size: int | None) -> Problem:
    limit = _size_text(MAX_FILE_BYTES)
    shown = f"{_size_text(size)}; " if size is not None else ""
    return Problem(name, 1, 1, f"file is too large ({shown}the limit is {limit})")


def read_file(path: Path, name: str) -> tuple[str | None, Problem | None]:
    """The text of `path`, or the problem that stopped it being read (size checked first)."""
    try:
        if path.is_dir():
            return None, Problem(name, 1, 1, "cannot read file: it is a folder")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, _too_large(name, size)
        with path.open("rb") as handle:
            # Read one byte past the limit: special files (pipes, /dev/zero) report size 0.
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return None, Problem(name, 1, 1, f"cannot read file: {reason}")
    return decode_file(raw, name)


def decode_file(raw: bytes, name: str) -> tuple[str | None, Problem | None]:
    """The text of a file's bytes `raw`, or the problem with them (too large, not UTF-8)."""
    if len(raw) > MAX_FILE_BYTES:
        return None, _too_large(name, None)
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        bad = raw[exc.start]
        return None, Problem(name, line, col, f"file is not UTF-8 text (byte 0x{bad:02x})")


def check_text_size(name: str, text: str) -> Problem | None:
    """The size problem of a text given directly, if it is over the limit."""
    if len(text) * 4 <= MAX_FILE_BYTES:
        return None
    size = len(text.encode("utf-8"))
    return _too_large(name, size) if size > MAX_FILE_BYTES else None


def _offset_position(text: str, offset: int, in_bytes: bool) -> tuple[int, int]:
    """1-based line and column of a character offset (or a UTF-8 byte offset) into `text`."""
    if in_bytes:
        offset = len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _syntax_problem(name: str, exc: yaml.MarkedYAMLError) -> Problem:
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    message = f"YAML syntax error: {problem}"
    if exc.context and problem.startswith("but "):
        # "expected a single document in the stream" / "but found another document"
        message = f"YAML syntax error: {exc.context}, {problem}"
    elif exc.context and exc.context_mark is not None:
        cm = exc.context_mark
        message += f" ({exc.context} at line {cm.line + 1}, column {cm.column + 1})"
    if mark is None:
        return Problem(name, 1, 1, message)
    return Problem(name, mark.line + 1, mark.column + 1, message)


def parse_text(name: str, text: str, *, pure_python: bool = False) -> Parsed:
    """Compose and build one text; syntax errors, alias bombs and bad tags are problems."""
    cls = loader_class(pure_python)
    is_c_loader = cls is not yaml.SafeLoader
    try:
        loader = cls(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        return Parsed(None, [_syntax_problem(name, exc)])
    except yaml.reader.ReaderError as exc:
        line, col = _offset_position(text, exc.position, in_bytes=is_c_loader)
        message = f"character U+{exc.character:04X} is not allowed in YAML"
        return Parsed(None, [Problem(name, line, col, message)])
    except yaml.YAMLError as exc:
        return Parsed(None, [Problem(name, 1, 1, f"YAML syntax error: {exc}")])
    except RecursionError:
        return Parsed(None, [Problem(name, 1, 1, f"nested too deeply (limit {MAX_DEPTH} levels)")])
    if root is None or (isinstance(root, ScalarNode) and root.tag == _TAG + "null"):
        return Parsed(None, [Problem(name, 1, 1, "file is empty")])
    builder = _Builder(name)
    try:
        data = builder.build(root, 0)
    except _AliasRefused as refused:
        line, col = _alias_position(text, cls, refused.alias_number)
        return Parsed(None, [*builder.problems, Problem(name, line, col, refused.message)])
    except _TooDeep as deep:
        return Parsed(None, [*builder.problems, at(name, deep.node, deep.message)])
    document = None if builder.fatal else Document(name, root, data)
    return Parsed(document, builder.problems)


def _alias_position(text: str, cls: type[yaml.SafeLoader], alias_number: int) -> tuple[int, int]:
    """Where the `alias_number`-th alias event of `text` is (the node tree does not keep it)."""
    seen = 0
    for event in yaml.parse(text, Loader=cls):
        if isinstance(event, yaml.AliasEvent):
            seen += 1
            mark = event.start_mark
            if seen == alias_number and mark is not None:
                return mark.line + 1, mark.column + 1
    return 1, 1


class _AliasRefused(Exception):
    def __init__(self, alias_number: int, message: str) -> None:
        super().__init__(message)
        self.alias_number = alias_number
        self.message = message


class _TooDeep(Exception):
    def __init__(self, node: Node) -> None:
        self.message = f"nested too deeply (limit {MAX_DEPTH} levels)"
        super().__init__(self.message)
        self.node = node


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return "a value"


class _Builder:
    """Turns a node tree into plain data, in document order, counting aliases as it goes.

    A node met a second time is an alias: the composer hands out a fresh node for every
    node written, and shares one only for `*name`. Walking in document order, the n-th
    shared node met is the n-th alias in the text, which is how its mark is found again.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.fatal = False
        self._built: dict[int, Any] = {}
        self._sizes: dict[int, int] = {}
        self._open: set[int] = set()
        self._aliases = 0
        self._alias_nodes = 0

    def build(self, node: Node, depth: int) -> Any:
        key = id(node)
        if key in self._built:
            return self._alias(key)
        if isinstance(node, ScalarNode):
            # A scalar cannot contain itself, so it skips the recursion bookkeeping.
            value: Any = node.value if node.tag == _STR else self._scalar(node)
            self._built[key] = value
            return value
        if key in self._open:
            self._aliases += 1
            raise _AliasRefused(self._aliases, "recursive alias (an anchor used inside itself)")
        if depth > MAX_DEPTH:
            raise _TooDeep(node)
        self._open.add(key)
        if isinstance(node, SequenceNode):
            value, size = self._sequence(node, depth)
        elif isinstance(node, MappingNode):
            value, size = self._mapping(node, depth)
        else:  # pragma: no cover - the composer makes only scalars, sequences and mappings
            value, size = None, 1
        self._open.discard(key)
        self._built[key] = value
        self._sizes[key] = size
        return value

    def _alias(self, key: int) -> Any:
        self._aliases += 1
        self._alias_nodes += self._sizes.get(key, 1)
        if self._aliases > MAX_ALIASES:
            raise _AliasRefused(self._aliases, f"too many aliases (the limit is {MAX_ALIASES})")
        if self._alias_nodes > MAX_ALIAS_NODES:
            raise _AliasRefused(
                self._aliases,
                f"aliases expand to too many nodes (the limit is {MAX_ALIAS_NODES:,})",
            )
        return self._built[key]

    def _size(self, node: Node) -> int:
        return self._sizes.get(id(node), 1)

    def _bad_tag(self, node: Node) -> None:
        self.fatal = True
        tag = "!!" + node.tag.removeprefix(_TAG) if node.tag.startswith(_TAG) else node.tag
        self.problems.append(at(self.name, node, f"unsupported tag {tag!r} on {_kind(node)}"))

    def _scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            self._bad_tag(node)
            return None
        other = yaml11_only(node)
        if other is not None:
            self.fatal = True
            self.problems.append(at(self.name, node, other))
            return None
        try:
            return SafeConstructor.yaml_constructors[tag](_CONSTRUCTOR, node)
        except (ValueError, OverflowError, yaml.YAMLError):
            self.fatal = True
            self.problems.append(at(self.name, node, f"cannot read value {node.value!r}"))
            return None

    def _sequence(self, node: SequenceNode, depth: int) -> tuple[tuple[Any, ...], int]:
        if node.tag != _SEQ:
            self._bad_tag(node)
        items = tuple([self.build(child, depth + 1) for child in node.value])
        sizes = self._sizes
        return items, 1 + sum(sizes.get(id(child), 1) for child in node.value)

    def _mapping(self, node: MappingNode, depth: int) -> tuple[dict[str, Any], int]:
        if node.tag != _MAP:
            self._bad_tag(node)
        written: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        merged: dict[str, Any] = {}
        size = 1
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag == _MERGE:
                value = self.build(value_node, depth + 1)
                size += 1 + self._size(value_node)
                self._merge(merged, value_node, value)
                continue
            value = self.build(value_node, depth + 1)
            size += 1 + self._size(value_node)
            if not isinstance(key_node, ScalarNode):
                self.fatal = True
                self.problems.append(
                    at(self.name, key_node, f"a key must be plain text, not {_kind(key_node)}")
                )
                continue
            key = key_node.value
            first = first_seen.get(key)
            if first is not None:
                place = at(self.name, first, "").place
                self.problems.append(
                    at(self.name, key_node, f"duplicate key {key!r} (first defined at {place})")
                )
            else:
                first_seen[key] = key_node
            written[key] = value
        if not merged:
            return written, size
        merged.update(written)
        return merged, size

    def _merge(self, merged: dict[str, Any], node: Node, value: Any) -> None:
        sources: Sequence[Any] = value if isinstance(value, tuple) else (value,)
        if not all(isinstance(source, dict) for source in sources):
            self.fatal = True
            message = "a merge (<<) takes a mapping or a list of mappings"
            self.problems.append(at(self.name, node, message))
            return
        # Earlier mappings of a merge list win, as in PyYAML.
        for source in reversed(sources):
            merged.update(source)


def locate(node: Node, loc: Sequence[str | int], *, key: bool = False) -> Node:
    """The node a validation error's `loc` points at, or the nearest enclosing one.

    With `key`, the last step names a mapping key and the key's own node is returned.
    """
    current = node
    for index, step in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(current, MappingNode) and isinstance(step, str):
            found = _find_key(current, step)
            if found is None:
                return current
            key_node, value_node = found
            if last and key:
                return key_node
            current = value_node
        elif isinstance(current, SequenceNode) and isinstance(step, int):
            if not 0 <= step < len(current.value):
                return current
            current = current.value[step]
        else:
            return current
    return current


def _find_key(mapping: MappingNode, name: str) -> tuple[Node, Node] | None:
    merges: list[Node] = []
    # The last of duplicate keys is the one in effect.
    for key_node, value_node in reversed(mapping.value):
        if not isinstance(key_node, ScalarNode):
            continue
        if key_node.tag == _MERGE:
            merges.insert(0, value_node)
        elif key_node.value == name:
            return key_node, value_node
    for merge in merges:
        sources = merge.value if isinstance(merge, SequenceNode) else [merge]
        for source in sources:
            if isinstance(source, MappingNode):
                found = _find_key(source, name)
                if found is not None:
                    return found
    return None


def describe(value: Any) -> str:
    """A short description of a plain YAML value, for messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, tuple | list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
