"""What the app's Markdown editors share."""

from __future__ import annotations

from importlib.util import find_spec


def markdown_language() -> str | None:
    """'markdown' when the tree-sitter grammar is installed, else None (plain text editing)."""
    if find_spec("tree_sitter") and find_spec("tree_sitter_markdown"):
        return "markdown"
    return None
