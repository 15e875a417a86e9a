"""Syllabus in: the model, its YAML reading with locations, the schema, the checks across
files, the cache codec, and what the syllabus says of itself (node progress, titles)."""
