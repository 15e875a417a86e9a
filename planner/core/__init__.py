"""The headless core: syllabus, plan, progress, schedule, readiness. No textual, click or sqlite3."""
