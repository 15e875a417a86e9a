"""Coding katas: starter files for the syllabus's coding tasks, and checks that run a
person's attempt in a separate, limited process (`runner`), where numpy is loaded
(`checks`, `child`). Nothing here but `checks` and `child` imports numpy."""
