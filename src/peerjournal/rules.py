"""What the journal accepts as a title, tag, body or mood, checked once for every face."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from peerjournal.errors import InvalidInput
from peerjournal.i18n import _, format_number

MAX_BODY_CHARS = 1_000_000
MAX_TITLE_CHARS = 300
MAX_TAG_CHARS = 64
MAX_TAGS = 50


def _has_controls(text: str, allow_newlines: bool) -> bool:
    allowed = {"\n", "\t", "\r"} if allow_newlines else set()
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


def body(text: str) -> str:
    """A body as written, with Windows newlines made plain; control characters refused."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _has_controls(text, allow_newlines=True):
        raise InvalidInput(_("the text holds control characters; remove them and try again"))
    if len(text) > MAX_BODY_CHARS:
        raise InvalidInput(
            _("the text is too long (more than {count} characters)").format(
                count=format_number(MAX_BODY_CHARS)
            )
        )
    return text


def title(text: str) -> str:
    text = " ".join(text.split())
    if _has_controls(text, allow_newlines=False):
        raise InvalidInput(_("the title holds control characters"))
    if len(text) > MAX_TITLE_CHARS:
        raise InvalidInput(
            _("the title is too long (at most {count} characters)").format(count=MAX_TITLE_CHARS)
        )
    return text


def tags(values: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, without a leading '#', de-duplicated case-insensitively, in given order."""
    seen: dict[str, str] = {}
    for raw in values:
        for part in raw.split(","):
            tag = " ".join(part.strip().lstrip("#").split())
            if not tag:
                continue
            if _has_controls(tag, allow_newlines=False):
                raise InvalidInput(_("a tag holds control characters"))
            if len(tag) > MAX_TAG_CHARS:
                raise InvalidInput(
                    _("a tag is too long (at most {count} characters)").format(count=MAX_TAG_CHARS)
                )
            seen.setdefault(tag.casefold(), tag)
    if len(seen) > MAX_TAGS:
        raise InvalidInput(_("too many tags (at most {count})").format(count=MAX_TAGS))
    return tuple(seen.values())


def mood(value: int | None) -> int | None:
    if value is not None and not 1 <= value <= 5:
        raise InvalidInput(_("mood must be a whole number from 1 to 5"))
    return value


MIN_PASSPHRASE_CHARS = 8


def new_passphrase(secret: bytes | bytearray) -> None:
    """Refuse a new passphrase shorter than the minimum, for every face (CLI `init`/`passwd`, the
    app's first run and Settings): one rule, so no face lets a weaker one through."""
    from peerjournal.i18n import ngettext

    if len(bytes(secret).decode("utf-8", errors="replace")) < MIN_PASSPHRASE_CHARS:
        raise InvalidInput(
            ngettext(
                "the passphrase needs at least {count} character; nothing was changed",
                "the passphrase needs at least {count} characters; nothing was changed",
                MIN_PASSPHRASE_CHARS,
            ).format(count=MIN_PASSPHRASE_CHARS)
        )
