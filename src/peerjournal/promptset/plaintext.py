"""Refuse what a prompt set could use to act on the screen or the terminal instead of being read.

A prompt set comes from someone else (a facilitator, a download, a file passed around). Its words
reach the screen in the TUI and the terminal in the CLI, so a file must not be able to carry:

- control and format characters (Unicode Cc and Cf, other than newline and tab): an escape
  sequence can hide a clause of the consent text (`ESC[8m`), rename the terminal (OSC), or reorder
  what is read (bidirectional overrides); these are refused anywhere in the file, comments too;
- Textual or Rich markup (`[b]`, `[@click=app.screenshot()]`, `[/]`): the app renders every
  string from a set as plain text, and the check refuses markup as well, so a set that would act
  or lose words somewhere else is caught at `prompts validate`;
- HTML tags, outside the `<!-- comments -->` that are a facilitator's notes.

The zero-width joiner and non-joiner (U+200D, U+200C) are format characters that emoji sequences
and several scripts (Persian, Indic) need; they hide nothing and move nothing, so they are kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from peerjournal.i18n import N_, _
from peerjournal.promptset.problems import Problems

ALLOWED = frozenset("\n\t\u200c\u200d")
MARKUP = re.compile(r"\\\[|\[\s*(?:[^\W\d]|[#/@$])[^\[\]\n]*\]")
HTML_TAG = re.compile(r"<(?!age1[0-9a-z]+>)(?:/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|!|\?)")
CONTROL_HINT = N_(
    "remove it: invisible characters can hide or change what participants read; "
    "retype the line if you cannot see it"
)
MARKUP_HINT = N_(
    "square brackets around a word are read as screen formatting or actions; "
    "use round brackets instead"
)
HTML_HINT = N_("write plain text; keep notes to yourself in <!-- comments --> on their own lines")


def is_hidden(char: str) -> bool:
    """True for a control or format character (Cc, Cf) a prompt set may not hold."""
    return char not in ALLOWED and unicodedata.category(char) in ("Cc", "Cf")


def first_hidden(text: str) -> str | None:
    """The first control or format character in `text`, or None."""
    return next((c for c in text if is_hidden(c)), None)


def visible(text: str) -> str:
    """`text` with every control or format character replaced by U+FFFD, so that nothing shown
    (or hashed as shown) can act on a terminal. A validated set holds none, so this changes
    nothing for it; it guards text that reached a journal before these checks."""
    if first_hidden(text) is None:
        return text
    return "".join("\ufffd" if is_hidden(c) else c for c in text)


def has_markup(line: str) -> bool:
    """True when Textual or Rich could read part of `line` as markup: a bracketed run starting
    (after any spaces) with a letter, `_`, `#`, `/`, `@` or `$` (both parsers' tags), or an
    escaped bracket. The check is a little wider than either parser, so nothing they would act
    on gets through; the tests hold it against both."""
    return "[" in line and MARKUP.search(line) is not None


def check(lines: list[str], comment_lines: Iterable[int], problems: Problems) -> None:
    """Report every line (1-based) holding hidden characters, markup, or HTML outside comments."""
    comments = set(comment_lines)
    for number, line in enumerate(lines, start=1):
        hidden = first_hidden(line)
        if hidden is not None:
            problems.report(
                number,
                _("an invisible control character U+{code} ({name})").format(
                    code=f"{ord(hidden):04X}", name=unicodedata.name(hidden, "control")
                ),
                _(CONTROL_HINT),
            )
        if number in comments:
            continue
        if has_markup(line):
            problems.report(number, _("screen markup in square brackets"), _(MARKUP_HINT))
        if HTML_TAG.search(line):
            problems.report(number, _("HTML in the text"), _(HTML_HINT))
