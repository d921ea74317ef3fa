"""French typography on screen: a line never breaks at a no-break space.

Textual wraps text at anything Python's `\\s` matches, and that includes the no-break spaces French
puts before a colon and inside guillemets (docs/i18n.md): a line could end with « and the next
start with : or ». `keep_no_break_spaces` makes the wrapping treat U+00A0 and U+202F as part of
the word beside them, as a browser or a word processor does: Textual's own (`textual._wrap`, for
text areas) and Rich's (`rich._wrap`, which Textual's Content uses), both as of Textual 8.2.
"""

from __future__ import annotations

import re

NO_BREAK = "\u00a0\u202f"
_SPACE = rf"[^\S{NO_BREAK}]"  # a space a line may break at
_WORD = rf"[\S{NO_BREAK}]"  # a character of a word, no-break spaces included
CHUNK = re.compile(rf"{_WORD}+{_SPACE}*|{_SPACE}+")  # textual._wrap.re_chunk, minus no-break
WORD = re.compile(rf"{_SPACE}*{_WORD}+{_SPACE}*")  # rich._wrap.re_word, minus no-break


def keep_no_break_spaces() -> None:
    """Have Textual wrap only at breaking spaces (called once, when the app is imported)."""
    from rich import _wrap as rich_wrap
    from textual import _wrap as textual_wrap

    textual_wrap.re_chunk = CHUNK
    rich_wrap.re_word = WORD
