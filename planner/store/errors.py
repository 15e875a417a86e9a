"""Errors meant for the person, not for a traceback: their message is one line."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be opened or used (message is one line, for the user)."""


class StoredPlanError(StoreError):
    """The stored plan cannot be read (a newer or hand-edited one): `planner init` replaces
    it."""


class DamagedStoreError(StoreError):
    """The database file is damaged: nothing is written to it (`planner backup restore`)."""
