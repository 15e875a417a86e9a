"""Shell completion of ids (click's own completion; the README says how to turn it on):
items and practice ids from the loaded syllabus, katas, export formats, backups. A
completion never fails loudly: anything that goes wrong completes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import click
from click.shell_completion import CompletionItem

if TYPE_CHECKING:
    from planner.cli.context import Env

Completer = Callable[[click.Context, click.Parameter, str], list[CompletionItem]]

MAX_SHOWN = 200


def _matching(values: Iterable[tuple[str, str]], incomplete: str) -> list[CompletionItem]:
    found = [
        CompletionItem(value, help=help_text or None)
        for value, help_text in values
        if value.startswith(incomplete)
    ]
    return found[:MAX_SHOWN]


def _env(ctx: click.Context) -> Env:
    from planner.cli.context import Env

    return ctx.find_root().ensure_object(Env)


def _syllabus_ids(ctx: click.Context, items: bool, practice: bool) -> list[tuple[str, str]]:
    """Ids of the syllabus the command would load; a data folder without a store is not
    created for it (the bundled syllabus, or --syllabus, is completed then)."""
    from planner.caches.syllabus import load_syllabus_cached
    from planner.paths import bundled_syllabus, database_path

    e = _env(ctx)
    if e.syllabus_files or database_path(e.resolved_data_dir()).exists():
        paths = e.syllabus_paths()
    else:
        paths = [bundled_syllabus()]
    syllabus = load_syllabus_cached(paths, e.resolved_cache_dir())
    found: list[tuple[str, str]] = []
    if items:
        found += [(item.id, item.title) for item in syllabus.items]
    if practice:
        found += [(p.id, p.prompt[:60]) for p in syllabus.practice]
    return found


def _safely(values: Callable[[click.Context], list[tuple[str, str]]]) -> Completer:
    def complete(
        ctx: click.Context, _param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        try:
            return _matching(values(ctx), incomplete)
        except (Exception, SystemExit):  # a completion must never print a traceback
            return []

    return complete


def _katas(_ctx: click.Context) -> list[tuple[str, str]]:
    from planner.katas.catalog import KATAS

    return [(kata.id, kata.title) for kata in KATAS]


def _formats(_ctx: click.Context) -> list[tuple[str, str]]:
    from planner.exports import FORMATS

    return [(name, "") for name in sorted(FORMATS)]


def _backups(ctx: click.Context) -> list[tuple[str, str]]:
    from planner.paths import database_path
    from planner.store import backups

    folder = backups.folder_of(database_path(_env(ctx).resolved_data_dir()))
    return [(path.name, "") for path in sorted(folder.glob("*.db"))]


item_ids = _safely(lambda ctx: _syllabus_ids(ctx, items=True, practice=False))
practice_ids = _safely(lambda ctx: _syllabus_ids(ctx, items=False, practice=True))
any_ids = _safely(lambda ctx: _syllabus_ids(ctx, items=True, practice=True))
kata_ids = _safely(_katas)
export_formats = _safely(_formats)
backup_names = _safely(_backups)
