"""The store's event log: what each event's payload holds, how `undo` puts back the state an
event replaced, and the work log (minutes per day) read from the live events.

Payloads are JSON written by the store, but an imported state file can carry hand-edited
ones: nothing here may crash on a malformed payload (`describe` falls back to the action;
`reverse` raises KeyError/TypeError/ValueError, which the store reports in one line).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from planner.core.plan_json import plan_from_data, plan_to_json
from planner.core.progress import WorkEntry, WorkKind

UNDOABLE = frozenset(
    {
        "done",
        "undone",
        "minutes",
        "skip",
        "drop",
        "push",
        "pin",
        "unpin",
        "note",
        "review",
        "attempt",
        "mock",
        "plan",
    }
)
"""Actions `undo` reverses. `setting` (theme...) and `undo` itself are history only."""

EMPTY_PROGRESS: Mapping[str, Any] = {
    "minutes_spent": 0,
    "done": False,
    "skipped": False,
    "done_on": None,
}
"""The progress row of an item nothing was recorded for."""


def dumps(value: Any) -> str:
    """Compact, key-sorted JSON: how payloads and mock scores are stored."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the append-only event log."""

    seq: int
    at: dt.datetime
    action: str
    """e.g. "done", "minutes", "undone", "skip", "drop", "push", "pin", "unpin", "note", "review",
    "attempt", "mock", "plan", "setting", "undo"."""
    payload: dict[str, Any]
    undone: bool = False

    def describe(self, name: Callable[[str], str] = str, day: Callable[[str], str] = str) -> str:
        """One line for people: what this action did (the bare action when the payload is
        not what the store writes); `name` turns an item or practice id into what is shown
        and `day` an ISO date (both as stored by default, as the command line prints them)."""
        try:
            return _describe(self.action, self.payload, name, day)
        except (AttributeError, TypeError, ValueError):
            return self.action


def _describe(
    action: str, p: Mapping[str, Any], name: Callable[[str], str], day: Callable[[str], str]
) -> str:
    ident = name(str(p.get("id") or p.get("practice_id") or ""))
    match action:
        case "done":
            return f"done {ident} ({p.get('minutes', 0)} min on {day(str(p.get('on')))})"
        case "undone":
            return f"not done {ident}"
        case "import":
            source = f" of {p['source']}" if p.get("source") else ""
            return f"the import{source} (the state before it is back)"
        case "minutes":
            return f"{int(p.get('minutes', 0)):+d} min on {ident} ({day(str(p.get('on')))})"
        case "skip":
            return f"skipped {ident}" if p.get("skipped") else f"unskipped {ident}"
        case "drop":
            ids = [str(i) for i in p.get("ids") or ()]
            shown = ", ".join(name(i) for i in ids[:2]) + (" and more" if len(ids) > 2 else "")
            return f"dropped {len(ids)} item{'' if len(ids) == 1 else 's'}: {shown}"
        case "push":
            return f"pushed {ident} to {day(str(p.get('to')))} or later"
        case "pin":
            return f"pinned {ident} to {day(str(p.get('on')))}"
        case "unpin":
            return f"unpinned {ident}"
        case "note":
            return f"note on {ident}"
        case "review":
            return f"review of {ident}: {p.get('rating')}"
        case "attempt":
            return f"attempt at {ident}: {p.get('outcome')}"
        case "mock":
            return f"mock round of {ident}"
        case "plan":
            count = len((p.get("plan") or {}).get("interviews", ()))
            return f"plan with {count} interview{'s' if count != 1 else ''}"
        case "setting":
            return f"setting {p.get('key')} = {p.get('value')}"
        case "undo":
            return f"undo of #{p.get('of')} ({p.get('summary', '')})"
        case _:
            return action


def event_from_row(row: sqlite3.Row) -> Event:
    return Event(
        seq=int(row["seq"]),
        at=dt.datetime.fromisoformat(row["at"]),
        action=str(row["action"]),
        payload=json.loads(row["payload"]),
        undone=bool(row["undone"]),
    )


def progress_row(row: sqlite3.Row | None) -> dict[str, Any] | None:
    """A `progress` row as the state an event's `before` records."""
    if row is None:
        return None
    return {
        "minutes_spent": int(row["minutes_spent"]),
        "done": bool(row["done"]),
        "skipped": bool(row["skipped"]),
        "done_on": row["done_on"],
    }


def put_progress(conn: sqlite3.Connection, item_id: str, state: Mapping[str, Any]) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO progress (id, minutes_spent, done, skipped, done_on) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            item_id,
            int(state["minutes_spent"]),
            int(bool(state["done"])),
            int(bool(state["skipped"])),
            state["done_on"],
        ),
    )


def put_marks(conn: sqlite3.Connection, any_id: str, marks: Mapping[str, Any] | None) -> None:
    """Set the push/pin of `any_id`; no marks at all removes its row."""
    if marks is None or (marks["pushed"] is None and marks["pinned"] is None):
        conn.execute("DELETE FROM marks WHERE id = ?", (any_id,))
    else:
        conn.execute(
            "INSERT OR REPLACE INTO marks (id, pushed, pinned) VALUES (?, ?, ?)",
            (any_id, marks["pushed"], marks["pinned"]),
        )


def reverse(conn: sqlite3.Connection, event: Event) -> None:
    """Put back the state `event` replaced (it is the latest live action, so that state is
    exactly what its payload recorded)."""
    p = event.payload
    match event.action:
        case "done" | "undone" | "minutes" | "skip":
            if p["before"] is None:
                conn.execute("DELETE FROM progress WHERE id = ?", (p["id"],))
            else:
                put_progress(conn, p["id"], p["before"])
        case "drop":
            for item_id in p["ids"]:
                before = p["before"][item_id]
                if before is None:
                    conn.execute("DELETE FROM progress WHERE id = ?", (item_id,))
                else:
                    put_progress(conn, item_id, before)
        case "push" | "pin" | "unpin":
            put_marks(conn, p["id"], p["before"])
        case "note":
            before = p["before"]
            if before is None:
                conn.execute("DELETE FROM notes WHERE id = ?", (p["id"],))
            else:
                conn.execute(
                    "INSERT OR REPLACE INTO notes (id, text, updated) VALUES (?, ?, ?)",
                    (p["id"], before["text"], before["updated"]),
                )
        case "review":
            conn.execute("DELETE FROM reviews WHERE id = ?", (int(p["row"]),))
        case "attempt":
            conn.execute("DELETE FROM attempts WHERE id = ?", (int(p["row"]),))
        case "mock":
            conn.execute("DELETE FROM mocks WHERE id = ?", (int(p["row"]),))
        case "plan":
            if p["before"] is None:
                conn.execute("DELETE FROM plan WHERE id = 1")
            else:
                text = plan_to_json(plan_from_data(p["before"]))
                conn.execute("INSERT OR REPLACE INTO plan (id, json) VALUES (1, ?)", (text,))
        case _:
            raise ValueError(f"unknown action {event.action!r}")


WORK_ACTIONS: Mapping[str, WorkKind] = {
    "done": "study",
    "undone": "study",
    "minutes": "study",
    "review": "review",
    "attempt": "coding",
    "mock": "mock",
}
"""Actions that record time spent, and the kind of work each one is."""


def _take_back(
    buckets: dict[tuple[dt.date, str, WorkKind], int],
    own: tuple[dt.date, str, WorkKind],
    owed: int,
) -> None:
    """Take `owed` minutes of work back: from the day of `own` first, then the latest days."""
    others = (k for k in buckets if k[1:] == own[1:] and k != own)
    for key in ([own] if own in buckets else []) + sorted(others, reverse=True):
        taken = min(owed, buckets[key])
        buckets[key] -= taken
        owed -= taken
        if owed <= 0:
            break


def work_log(events: Iterable[tuple[str, dict[str, Any]]]) -> tuple[WorkEntry, ...]:
    """Minutes per day per id from the live events; a negative correction takes minutes
    back from its own day first (an untick: the day of the tick), then the latest days."""
    buckets: dict[tuple[dt.date, str, WorkKind], int] = {}
    for action, p in events:
        kind = WORK_ACTIONS[action]
        try:
            if action in ("done", "minutes"):
                ident, on = str(p["id"]), dt.date.fromisoformat(p["on"])
            elif action == "undone":
                for back in p.get("taken") or ():
                    day = dt.date.fromisoformat(back["on"])
                    _take_back(buckets, (day, str(p["id"]), kind), int(back["minutes"]))
                continue
            else:
                ident, on = str(p["practice_id"]), dt.datetime.fromisoformat(p["at"]).date()
                if action == "review" and p.get("kind") == "drill":
                    kind = "drill"
            minutes = int(p.get("minutes") or 0)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # a hand-edited record without a usable day: not work we can place
        if minutes > 0:
            key = (on, ident, kind)
            buckets[key] = buckets.get(key, 0) + minutes
        elif minutes < 0:
            _take_back(buckets, (on, ident, kind), -minutes)
    return tuple(
        WorkEntry(on=on, id=ident, minutes=minutes, kind=kind)
        for (on, ident, kind), minutes in sorted(buckets.items())
        if minutes > 0
    )
