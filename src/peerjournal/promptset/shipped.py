"""The prompt sets that ship with peerjournal, found with importlib.resources.

The Markdown files live in the repository's top-level `prompts/` folder, where facilitators find
them; `prompts` inside this package is a link to that folder, so wheels and plain `pip install`s
carry the files as package data of `peerjournal.promptset.prompts`.
"""

from __future__ import annotations

import functools
from importlib import resources
from importlib.resources.abc import Traversable

from peerjournal.errors import NotFound
from peerjournal.i18n import _, pgettext
from peerjournal.promptset.model import PromptSet
from peerjournal.promptset.parse import parse

PACKAGE = "peerjournal.promptset.prompts"
DEFAULT_LANGUAGE = "en"


def shipped_files() -> list[Traversable]:
    """The shipped Markdown files, sorted by name."""
    try:
        root = resources.files(PACKAGE)
    except ModuleNotFoundError:
        return []
    return sorted((f for f in root.iterdir() if f.name.endswith(".md")), key=lambda f: f.name)


@functools.cache
def _load_all() -> tuple[PromptSet, ...]:
    return tuple(parse(f.read_text(encoding="utf-8"), f"shipped:{f.name}") for f in shipped_files())


def shipped_sets() -> list[PromptSet]:
    """Every shipped set, each language its own entry, sorted by id then language."""
    return sorted(_load_all(), key=lambda s: (s.id, s.language))


def same_language(wanted: str, language: str) -> bool:
    """`fr` matches `fr-CA` either way round; case is ignored."""
    a, b = wanted.casefold(), language.casefold()
    return a == b or a.split("-")[0] == b.split("-")[0]


def find_shipped(set_id: str, language: str | None = None) -> PromptSet:
    """The shipped set `set_id` in `language` (default: English, else the first translation)."""
    matches = [s for s in shipped_sets() if s.id == set_id]
    if not matches:
        known = ", ".join(sorted({s.id for s in shipped_sets()})) or pgettext("prompt sets", "none")
        raise NotFound(
            _("no shipped prompt set {set}; shipped sets: {known}").format(
                set=repr(set_id), known=known
            )
        )
    wanted = language or DEFAULT_LANGUAGE
    exact = [s for s in matches if s.language.casefold() == wanted.casefold()]
    close = [s for s in matches if same_language(wanted, s.language)]
    if exact or close:
        return (exact or close)[0]
    if language is None:
        return matches[0]
    have = ", ".join(s.language for s in matches)
    raise NotFound(
        _("prompt set {set} is not shipped in {language}; it is in: {have}").format(
            set=repr(set_id), language=repr(language), have=have
        )
    )
