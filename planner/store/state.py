"""The whole state in and out of the store's tables (`planner export json` / `planner import`).

Both run inside a transaction the `Store` holds; the shape of the document is checked by
`planner.store.schema` before anything is written.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from planner.core.plan import Plan
from planner.core.plan_json import plan_from_json, plan_to_data, plan_to_json
from planner.store.events import dumps, progress_row
from planner.store.schema import STATE_FORMAT, STATE_VERSION, StateFile

TABLES = (
    "plan",
    "progress",
    "marks",
    "notes",
    "reviews",
    "attempts",
    "mocks",
    "events",
    "settings",
)
"""Every table the state covers (all of them)."""


def read_state(conn: sqlite3.Connection) -> dict[str, Any]:
    """Everything, as a JSON-able dict. Raises `PlanError` when the stored
    plan is not valid."""
    plan_row = conn.execute("SELECT json FROM plan WHERE id = 1").fetchone()
    state: dict[str, Any] = {
        "format": STATE_FORMAT,
        "version": STATE_VERSION,
        "plan": None,
        "progress": [
            {"id": row["id"], **(progress_row(row) or {})}
            for row in conn.execute("SELECT * FROM progress ORDER BY id")
        ],
        "marks": [
            {"id": row["id"], "pushed": row["pushed"], "pinned": row["pinned"]}
            for row in conn.execute("SELECT * FROM marks ORDER BY id")
        ],
        "notes": [
            {"id": row["id"], "text": row["text"], "updated": row["updated"]}
            for row in conn.execute("SELECT * FROM notes ORDER BY id")
        ],
        "reviews": [
            {
                "id": row["id"],
                "practice_id": row["practice_id"],
                "rating": row["rating"],
                "at": row["at"],
                "minutes": row["minutes"],
            }
            for row in conn.execute("SELECT * FROM reviews ORDER BY id")
        ],
        "attempts": [
            {
                "id": row["id"],
                "practice_id": row["practice_id"],
                "outcome": row["outcome"],
                "minutes": row["minutes"],
                "at": row["at"],
                "notes": row["notes"],
            }
            for row in conn.execute("SELECT * FROM attempts ORDER BY id")
        ],
        "mocks": [
            {
                "id": row["id"],
                "practice_id": row["practice_id"],
                "scores": json.loads(row["scores"]),
                "minutes": row["minutes"],
                "at": row["at"],
                "notes": row["notes"],
            }
            for row in conn.execute("SELECT * FROM mocks ORDER BY id")
        ],
        "events": [
            {
                "seq": row["seq"],
                "at": row["at"],
                "action": row["action"],
                "payload": json.loads(row["payload"]),
                "undone": bool(row["undone"]),
            }
            for row in conn.execute("SELECT * FROM events ORDER BY seq")
        ],
        "settings": {
            row["key"]: row["value"]
            for row in conn.execute("SELECT * FROM settings ORDER BY key")
            if not row["key"].startswith(PRIVATE_SETTING)
        },
    }
    if plan_row is not None:
        state["plan"] = plan_to_data(plan_from_json(plan_row["json"]))
    return state


PRIVATE_SETTING = "_"
"""Settings whose key starts so are the store's own (how to undo an import): never
exported, never imported."""


def write_state(conn: sqlite3.Connection, state: StateFile, plan: Plan | None) -> None:
    """Replace every table with `state` (already validated, its plan parsed as `plan`)."""
    for table in TABLES:
        conn.execute(f"DELETE FROM {table}")
    if plan is not None:
        conn.execute("INSERT INTO plan (id, json) VALUES (1, ?)", (plan_to_json(plan),))
    conn.executemany(
        "INSERT INTO progress (id, minutes_spent, done, skipped, done_on) VALUES (?, ?, ?, ?, ?)",
        [(p.id, p.minutes_spent, int(p.done), int(p.skipped), p.done_on) for p in state.progress],
    )
    conn.executemany(
        "INSERT INTO marks (id, pushed, pinned) VALUES (?, ?, ?)",
        [(m.id, m.pushed, m.pinned) for m in state.marks],
    )
    conn.executemany(
        "INSERT INTO notes (id, text, updated) VALUES (?, ?, ?)",
        [(n.id, n.text, n.updated) for n in state.notes],
    )
    conn.executemany(
        "INSERT INTO reviews (id, practice_id, rating, at, minutes) VALUES (?, ?, ?, ?, ?)",
        [(r.id, r.practice_id, r.rating, r.at, r.minutes) for r in state.reviews],
    )
    conn.executemany(
        "INSERT INTO attempts (id, practice_id, outcome, minutes, at, notes) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(a.id, a.practice_id, a.outcome, a.minutes, a.at, a.notes) for a in state.attempts],
    )
    conn.executemany(
        "INSERT INTO mocks (id, practice_id, scores, minutes, at, notes) VALUES (?, ?, ?, ?, ?, ?)",
        [(m.id, m.practice_id, dumps(m.scores), m.minutes, m.at, m.notes) for m in state.mocks],
    )
    conn.executemany(
        "INSERT INTO events (seq, at, action, payload, undone) VALUES (?, ?, ?, ?, ?)",
        [(e.seq, e.at, e.action, dumps(e.payload), int(e.undone)) for e in state.events],
    )
    conn.executemany(
        "INSERT INTO settings (key, value) VALUES (?, ?)",
        sorted((k, v) for k, v in state.settings.items() if not k.startswith(PRIVATE_SETTING)),
    )
