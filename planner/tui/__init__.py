"""The full-screen Textual app: screens over the workspace, nothing clever."""
