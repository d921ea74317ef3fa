"""Typed reading of one field of an imported item: the right type, or one clear line.

Other journals' files come from anywhere; a field of the wrong type (`"tags": 5`, `"tags": "abc"`,
which would otherwise become the three tags a, b and c) stops the import with a line naming the
file, the entry and the field, never a TypeError, and never a silent guess.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from peerjournal.errors import InvalidInput
from peerjournal.i18n import _

ENTRY_ID = re.compile(r"\A[0-9a-f]{32}\Z")


class Where:
    """Which file and which entry a field belongs to, for the error line."""

    def __init__(self, source: object, number: int | None = None) -> None:
        self.source, self.number = source, number

    def fail(self, key: str, expected: str) -> InvalidInput:
        if self.number is None:
            text = _("{file}: the field {field!r} should be {expected}")
        else:
            text = _("{file}: entry {n}: the field {field!r} should be {expected}")
        return InvalidInput(
            text.format(file=self.source, n=self.number, field=key, expected=expected)
        )


def text(item: Mapping[str, Any], key: str, where: Where, default: str = "") -> str:
    value = item.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise where.fail(key, _("text"))
    return value


def optional_text(item: Mapping[str, Any], key: str, where: Where) -> str | None:
    return text(item, key, where) if item.get(key) is not None else None


def string_list(item: Mapping[str, Any], key: str, where: Where) -> tuple[str, ...]:
    """A list of strings (a YAML or JSON list); a lone string is refused, not split."""
    value = item.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise where.fail(key, _("a list of words"))
    return tuple(value)


def integer(item: Mapping[str, Any], key: str, where: Where) -> int | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.fail(key, _("a whole number"))
    return value


def boolean(item: Mapping[str, Any], key: str, where: Where) -> bool:
    value = item.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise where.fail(key, _("true or false"))
    return value


def moment(value: Any, key: str, where: Where, naive_is_utc: bool = False) -> datetime:
    """A point in time from ISO text (any offset, 'Z' included) or a parsed YAML date/datetime.

    A time without an offset is the person's local time, unless the format says UTC.
    """
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, date):
        when = datetime.combine(value, time.min)
    elif isinstance(value, str):
        try:
            when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise where.fail(key, _("a date and time like 2026-11-25T21:47:13-05:00")) from None
    else:
        raise where.fail(key, _("a date and time like 2026-11-25T21:47:13-05:00"))
    if when.tzinfo is None:
        return when.replace(tzinfo=UTC) if naive_is_utc else when.astimezone()
    return when


def dumped_entry_fields(item: Mapping[str, Any], where: Where) -> dict[str, Any]:
    """The fields of an entry as `dump` writes them, in JSON and in front matter alike (the id,
    checked, and everything but its times and body, which the two formats keep differently):
    one reading of the dump format for both."""
    entry_id = text(item, "id", where)
    if not ENTRY_ID.match(entry_id):
        raise where.fail("id", _("an entry id (32 hexadecimal digits)"))
    return {
        "id": entry_id,
        "title": text(item, "title", where),
        "tags": string_list(item, "tags", where),
        "mood": integer(item, "mood", where),
        "session_number": integer(item, "session", where),
        "prompt_key": integer(item, "prompt", where),
        "prompt_text": optional_text(item, "prompt_text", where),
        "prompt_set_id": optional_text(item, "prompt_set", where),
        "prompt_set_version": optional_text(item, "prompt_set_version", where),
        "shared": boolean(item, "shared", where),
    }
