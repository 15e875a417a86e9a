"""Where planner keeps things. Functions only: nothing touches the disk at import time."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "planner"
DATA_DIR_ENV = "PLANNER_DATA_DIR"
CACHE_DIR_ENV = "PLANNER_CACHE_DIR"
BUNDLED_SYLLABUS_NAME = "ml-interviews.yaml"


def default_data_dir() -> Path:
    """The folder of the store: `PLANNER_DATA_DIR`, else the platform's user data folder."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The platform's user config folder (`keys.toml` lives there)."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def keymap_path() -> Path:
    """`keys.toml`: the person's own keys (binding id -> keys)."""
    return config_dir() / "keys.toml"


def cache_dir() -> Path:
    """Where validated syllabi and schedules are kept: `PLANNER_CACHE_DIR`, else the
    platform's user cache folder."""
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def bundled_syllabus_dir() -> Path:
    """The folder of the bundled syllabus, in an installed wheel or in a source checkout."""
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "_syllabus"
    if installed.is_dir():
        return installed
    return package_dir.parent / "syllabus"


def bundled_syllabus() -> Path:
    """The bundled ML-interview syllabus file."""
    return bundled_syllabus_dir() / BUNDLED_SYLLABUS_NAME


def database_path(data_dir: Path) -> Path:
    return data_dir / "planner.db"
