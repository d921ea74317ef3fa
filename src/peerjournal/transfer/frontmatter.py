"""YAML front matter of Markdown notes: `---`, YAML, `---`, then the body as written.

Parsed with PyYAML's safe loader (no Python objects, no tags), so block lists (`tags:` then
`  - health`), quoted strings, dates and times with UTC offsets all mean what YAML says they
mean. The body is everything after the closing line, byte for byte.
"""

from __future__ import annotations

from typing import Any

import yaml

from peerjournal.errors import InvalidInput
from peerjournal.i18n import _

OPEN = "---\n"
CLOSINGS = ("\n---\n", "\n...\n")


def split(text: str, source: object) -> tuple[dict[str, Any], str]:
    """(front matter as a dict, body); ({}, text) when the note has no front matter."""
    if not text.startswith(OPEN):
        return {}, text
    ends = [(text.find(c, len(OPEN) - 1), c) for c in CLOSINGS]
    found = [(at, c) for at, c in ends if at >= 0]
    if not found and text.rstrip("\n").endswith("\n---"):
        found = [(text.rstrip("\n").rfind("\n---"), "\n---")]
    if not found:
        return {}, text
    at, closing = min(found)
    raw, body = text[len(OPEN) : at + 1], text[at + len(closing) :]
    try:
        meta = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f"{source}:{line + 2}" if line is not None else str(source)
        raise InvalidInput(
            _("{where}: the front matter is not valid YAML").format(where=where)
        ) from None
    if not isinstance(meta, dict):
        raise InvalidInput(
            _("{where}: the front matter is not a list of `key: value` lines").format(where=source)
        )
    return {str(k).lower(): v for k, v in meta.items()}, body
