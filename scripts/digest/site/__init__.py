"""Render the data model as Markdown pages. Knows nothing of mkdocs."""
