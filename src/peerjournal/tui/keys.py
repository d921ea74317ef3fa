"""Which keys can be the quick-hide key: ones that never get in the way of typing or of the app."""

from __future__ import annotations

import re

from peerjournal.errors import InvalidInput
from peerjournal.i18n import N_, _

DEFAULT_HIDE_KEY = "f12"
# Translators: what a key already does, shown as "{key} is already used for {use}".
RESERVED_KEYS = {
    "f1": N_("help"),
    "f2": N_("the writing preview"),
    "ctrl+l": N_("locking"),
    "ctrl+q": N_("quitting"),
    "ctrl+s": N_("saving an entry"),
    "ctrl+p": N_("the command palette"),
    "ctrl+c": N_("copying"),
    "ctrl+v": N_("pasting"),
    "ctrl+x": N_("cutting"),
    "ctrl+z": N_("undo"),
    "ctrl+y": N_("redo"),
    "ctrl+r": N_("recovery"),
    "ctrl+a": N_("editing"),
    "ctrl+e": N_("editing"),
    "ctrl+k": N_("editing"),
    "ctrl+u": N_("editing"),
    "ctrl+w": N_("editing"),
    "ctrl+d": N_("editing"),
    # terminals send these for Tab, Enter and Backspace
    "ctrl+i": N_("Tab"),
    "ctrl+j": N_("Enter"),
    "ctrl+m": N_("Enter"),
    "ctrl+h": N_("Backspace"),
}
HIDE_KEY = re.compile(r"^(f([1-9]|1[0-9]|2[0-4])|ctrl\+[a-z0-9])$")


def check_hide_key(raw: str) -> str:
    """A usable quick-hide key in Textual's spelling, or InvalidInput saying why not."""
    key = raw.strip().lower().replace(" ", "").replace("control+", "ctrl+")
    if not HIDE_KEY.match(key):
        raise InvalidInput(
            _("choose a function key (F3 to F24) or Ctrl with a letter, written like f12 or ctrl+g")
        )
    if key in RESERVED_KEYS:
        raise InvalidInput(
            _("{key} is already used for {use}; choose another key").format(
                key=key, use=_(RESERVED_KEYS[key])
            )
        )
    return key


def usable_hide_key(stored: str) -> str:
    """The stored key if it is usable, else the default (a bad key must never eat typing)."""
    try:
        return check_hide_key(stored)
    except InvalidInput:
        return DEFAULT_HIDE_KEY
