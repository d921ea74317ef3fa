"""F1: what this screen is for, what the focused field does, and every key that works here."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Markdown

from peerjournal.i18n import N_, _
from peerjournal.tui import text
from peerjournal.tui.modal_keys import SafetyKeysShown
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter


def keys_table(screen: Screen) -> str:
    """The bindings active on `screen`, as a Markdown table (key, what it does)."""
    rows, seen = [], set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.show or not binding.description or binding.action in seen:
            continue
        seen.add(binding.action)
        key = screen.app.get_key_display(binding)
        what = _(binding.tooltip or binding.description)
        rows.append(f"| **{key}** | {what} |")
    head = "| {key} | {what} |\n|---|---|\n".format(key=_("Key"), what=_("What it does"))
    return head + "\n".join(rows)


def help_text(screen: Screen, focused: Widget | None) -> str:
    parts = []
    screen_help = getattr(screen, "HELP", None)
    field_help = getattr(focused, "HELP", None) if focused is not None else None
    # The headings are translated outside the f-strings: Babel's extraction does not look inside.
    if screen_help:
        parts.append("## " + _("This screen") + "\n\n" + _(screen_help))
    if field_help and field_help != screen_help:
        parts.append("## " + _("This field") + "\n\n" + _(field_help))
    settings = getattr(screen.app, "settings", None)
    hide = settings.quick_hide_key.upper() if settings else "F12"
    parts.append(_(text.HELP_GENERAL).format(hide=hide))
    parts.append("## " + _("Keys here") + "\n\n" + keys_table(screen))
    return "\n\n".join(parts)


class HelpScreen(TranslatedBindings, SafetyKeysShown, ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1", "close", N_("Close"), id="help.close", tooltip=N_("Close help")),
    ]

    def __init__(self, screen: Screen, focused: Widget | None) -> None:
        super().__init__()
        self._text = help_text(screen, focused)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            with VerticalScroll():
                yield Markdown(self._text)
            yield Button(_("Close"), id="close")
        yield KeyFooter()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss()
