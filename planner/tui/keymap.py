"""Your own keys: `keys.toml` in planner's config folder maps binding ids to keys.

    # ~/.config/planner/keys.toml
    "today.tick" = "x"
    "app.undo" = "ctrl+z"

Every binding id is listed on the help screen (`?`). The file is read when the app starts;
a mistake in it is one clear line and exit code 1, never a traceback.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

from planner.core.syllabus.suggest import did_you_mean

KEY_PATTERN = re.compile(r"^[a-z0-9_+]+(,[a-z0-9_+]+)*$")
"""Textual key names (`x`, `ctrl+z`, `f5`, `question_mark`), several separated by commas."""


class KeymapError(Exception):
    """The keymap file cannot be used (message is one line, for the user)."""


def load_keymap(path: Path, known_ids: Iterable[str]) -> dict[str, str]:
    """Binding id -> keys from `path`; {} when there is no such file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise KeymapError(f"{path}: cannot read it ({exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KeymapError(f"{path}: not valid TOML: {exc}") from None
    known = sorted(set(known_ids))
    keymap: dict[str, str] = {}
    for binding_id, keys in data.items():
        if binding_id not in known:
            raise KeymapError(
                f"{path}: unknown binding id {binding_id!r}{did_you_mean(binding_id, known)}"
                " (the help screen lists them)"
            )
        if not isinstance(keys, str) or not KEY_PATTERN.match(keys.strip()):
            raise KeymapError(
                f'{path}: {binding_id!r} must be a key such as "x", "ctrl+z" or "f5" '
                f"(several separated by commas), got {keys!r}"
            )
        keymap[binding_id] = keys.strip()
    return keymap
