"""The store underneath: one SQLite database (schema, migrations, the event log, state files
in and out), returning core objects. `store.Store` is the way in."""
