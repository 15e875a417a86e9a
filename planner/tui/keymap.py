"""Your own keys: `keys.toml` in planner's config folder maps binding ids to keys.

    # ~/.config/planner/keys.toml
    "today.tick" = "x"
    "app.undo" = "ctrl+z"

Every binding id is listed on the help screen (`?`). The file is read when the app starts.
Every mistake in it is reported, one line each (an unknown id, a key that cannot be bound, two
bindings of one screen on the same key), and the app starts all the same, with the default
keys of the bindings in question; never a traceback.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from planner.core.syllabus.suggest import did_you_mean

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")

NAMED_KEYS = frozenset(
    ["escape", "enter", "tab", "space", "backspace", "insert", "delete"]
    + ["left", "right", "up", "down", "home", "end", "pageup", "pagedown"]
    + [f"f{n}" for n in range(1, 25)]
)


ALL_DEFAULT = "every binding keeps its default keys"
SOME_DEFAULT = "the bindings in question keep their default keys"


def _character_names() -> frozenset[str]:
    from textual.keys import _character_to_key

    return frozenset(_character_to_key(c) for c in string.punctuation)


@dataclass(frozen=True, slots=True)
class Keymap:
    """The bindings to change (id -> keys) and what was wrong in the file."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    """One line each, without the file's name (`lines` has it)."""
    path: Path | None = None

    def lines(self) -> list[str]:
        """The problems, each after the file's name, as the command line prints them."""
        return [f"{self.path}: {problem}" for problem in self.problems]


Scopes = Iterable[tuple[str, Mapping[str, str]]]
"""Per screen: its name and the default keys of every binding active there (binding id, or
action for one without an id, -> keys separated by commas)."""


def load_keymap(path: Path, known_ids: Iterable[str], scopes: Scopes = ()) -> Keymap:
    """The bindings of `path` that can be used, and one line per mistake; nothing when
    there is no such file. A binding whose keys clash with another binding of a screen
    in `scopes` keeps its default keys."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Keymap()
    except (OSError, UnicodeDecodeError) as exc:
        return Keymap(problems=(f"cannot read it ({exc})", ALL_DEFAULT), path=path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Keymap(problems=(f"not valid TOML: {exc}", ALL_DEFAULT), path=path)
    known = sorted(set(known_ids))
    keys: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in data.items():
        problem = _problem(binding_id, value, known)
        if problem is None:
            keys[binding_id] = ",".join(_split(value))
        else:
            problems.append(problem)
    scopes = list(scopes)
    while clashes := _clashes(keys, scopes):  # (a binding back on its default may clash anew)
        for clash, ids in clashes:
            problems.append(clash)
            for binding_id in ids:
                keys.pop(binding_id, None)
    if problems:
        problems.append(SOME_DEFAULT)
    return Keymap(keys, tuple(problems), path)


def _problem(binding_id: str, value: object, known: list[str]) -> str | None:
    if binding_id not in known:
        hint = did_you_mean(binding_id, known)
        return f"unknown binding id {binding_id!r}{hint} (the help screen lists them)"
    if not isinstance(value, str) or not value.strip():
        return f'{binding_id!r} must be a key such as "x", "ctrl+z" or "f5", got {value!r}'
    bad = [k for k in _split(value) if not is_key(k)]
    if bad:
        return (
            f"{binding_id!r}: {bad[0]!r} is not a key (keys look like "
            '"x", "5", "ctrl+z", "f5", "home" or "question_mark")'
        )
    return None


def _split(value: str) -> list[str]:
    return [k.strip() for k in value.split(",")]


def is_key(key: str) -> bool:
    """A key Textual can bind: modifiers, each at most once, then one key."""
    *modifiers, last = key.split("+")
    if len(set(modifiers)) != len(modifiers) or not all(m in MODIFIERS for m in modifiers):
        return False
    if len(last) == 1:
        return last in string.ascii_letters + string.digits  # (T is shift+t, as Textual reads it)
    return last in NAMED_KEYS or last in _character_names()


def _clashes(keys: Mapping[str, str], scopes: Scopes) -> list[tuple[str, set[str]]]:
    """(message, the remapped ids in it) for each key that two bindings of one screen
    would share once `keys` are applied."""
    found: dict[tuple[str, frozenset[str]], str] = {}
    for screen, defaults in scopes:
        on_key: dict[str, set[str]] = {}
        for binding, default in defaults.items():
            for key in _split(keys.get(binding, default)):
                on_key.setdefault(key, set()).add(binding)
        for key, sharing in on_key.items():
            if len(sharing) > 1 and sharing & keys.keys():
                found.setdefault((key, frozenset(sharing)), screen)
    out: list[tuple[str, set[str]]] = []
    for (key, together), screen in found.items():
        names = " and ".join(repr(b) for b in sorted(together))
        out.append((f"{names} share the key {key!r} on {screen}", set(together & keys.keys())))
    return out
