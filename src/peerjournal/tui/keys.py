"""Which keys can be the quick-hide key: ones that never get in the way of typing or of the app."""

from __future__ import annotations

import re

from peerjournal.errors import InvalidInput

DEFAULT_HIDE_KEY = "f12"
RESERVED_KEYS = {
    "f1": "help",
    "f2": "the writing preview",
    "ctrl+l": "locking",
    "ctrl+q": "quitting",
    "ctrl+s": "saving an entry",
    "ctrl+p": "the command palette",
    "ctrl+c": "copying",
    "ctrl+v": "pasting",
    "ctrl+x": "cutting",
    "ctrl+z": "undo",
    "ctrl+y": "redo",
    "ctrl+r": "recovery",
    "ctrl+a": "editing",
    "ctrl+e": "editing",
    "ctrl+k": "editing",
    "ctrl+u": "editing",
    "ctrl+w": "editing",
    "ctrl+d": "editing",
    # terminals send these for Tab, Enter and Backspace
    "ctrl+i": "Tab",
    "ctrl+j": "Enter",
    "ctrl+m": "Enter",
    "ctrl+h": "Backspace",
}
HIDE_KEY = re.compile(r"^(f([1-9]|1[0-9]|2[0-4])|ctrl\+[a-z0-9])$")


def check_hide_key(raw: str) -> str:
    """A usable quick-hide key in Textual's spelling, or InvalidInput saying why not."""
    key = raw.strip().lower().replace(" ", "").replace("control+", "ctrl+")
    if not HIDE_KEY.match(key):
        raise InvalidInput(
            "choose a function key (F3 to F24) or Ctrl with a letter, written like f12 or ctrl+g"
        )
    if key in RESERVED_KEYS:
        raise InvalidInput(f"{key} is already used for {RESERVED_KEYS[key]}; choose another key")
    return key


def usable_hide_key(stored: str) -> str:
    """The stored key if it is usable, else the default (a bad key must never eat typing)."""
    try:
        return check_hide_key(stored)
    except InvalidInput:
        return DEFAULT_HIDE_KEY
