"""The headless core: syllabus, plan, progress, schedule, readiness.

No textual, click or sqlite3 here (a test checks).
"""
