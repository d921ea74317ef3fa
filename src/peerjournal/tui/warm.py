"""Getting the journal screens ready while the unlock screen waits for the passphrase.

Textual parses a screen's stylesheet the first time the screen is shown, and Python imports its
modules then too; both would land between "key derived" and "home shown". Doing them early, once,
keeps that gap short. Nothing here touches journal data.
"""

from __future__ import annotations

import importlib
from contextlib import suppress
from pathlib import Path

from textual.app import App

SCREENS = Path(__file__).parent / "screens"
STYLES = ("home", "write", "settings", "help", "draft_offer", "recovery_code")
MODULES = (
    "peerjournal.tui.opening",
    "peerjournal.tui.screens.home",
    "peerjournal.tui.screens.write",
    "peerjournal.tui.screens.draft_offer",
    "peerjournal.vault.program",
    "peerjournal.promptset",
    "textual.widgets._text_area",
    "textual.widgets._markdown",
)


def import_modules() -> None:
    """Run in a thread worker: imports are safe there and cost the UI nothing."""
    for name in MODULES:
        with suppress(ImportError):
            importlib.import_module(name)


def widget_styles(app: App) -> None:
    """Mount one hidden copy of each widget the journal screens use, then remove it: Textual adds a
    widget class's default styles the first time one mounts, and each addition reparses."""
    from textual.containers import Vertical
    from textual.widgets import Markdown, OptionList, Select, Switch, TextArea

    from peerjournal.tui.editing import markdown_language

    box = Vertical(
        OptionList(),
        TextArea(language=markdown_language()),
        Markdown(),
        Select([("a", 1)]),
        Switch(),
    )
    box.display = False
    box.disabled = True  # never focusable, so the screen's focus stays where it is

    async def mount_and_remove() -> None:
        await app.screen.mount(box)
        await box.remove()

    app.call_later(mount_and_remove)


def load_styles(app: App) -> None:
    """Add every journal screen's .tcss to the app's stylesheet with one reparse."""
    sheet = app.stylesheet
    added = False
    for name in STYLES:
        path = SCREENS / f"{name}.tcss"
        if path.exists() and not sheet.has_source(str(path), ""):
            sheet.read(path)
            added = True
    if added:
        sheet.reparse()
        sheet.update(app)
