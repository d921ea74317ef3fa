"""How a domain error or a note reaches the person: one calm sentence, never a traceback."""

from __future__ import annotations

from textual.app import App

from peerjournal.errors import PeerJournalError, WrongPassphrase
from peerjournal.i18n import _


def sentence(message: str) -> str:
    """`"wrong passphrase; nothing was changed"` -> `"Wrong passphrase; nothing was changed."`"""
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message[-1] in ".!?" else message + "."


def describe(error: BaseException | None) -> str:
    """The one line shown for an error from a worker or an action."""
    if isinstance(error, WrongPassphrase):
        return _("That passphrase does not open this journal. Check Caps Lock and try again.")
    if isinstance(error, PeerJournalError):
        return sentence(error.message)
    if isinstance(error, MemoryError):
        return _(
            "Not enough memory to unlock on this device right now. Close other apps and try again."
        )
    return _("Something went wrong and nothing was changed. Try again, or restart the app.")


def say(app: App, message: str, *, warning: bool = False, title: str = "") -> None:
    app.notify(sentence(message), title=title, severity="warning" if warning else "information")


def say_error(app: App, error: BaseException) -> None:
    app.notify(describe(error), severity="error", timeout=8)
