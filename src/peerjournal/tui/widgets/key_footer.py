"""The footer every screen of the app uses: the keys that keep a person safe never scroll away.

Textual's `Footer` lays every key out in one row and lets what does not fit run off the right
edge, so at 80 columns Lock, Help and the quick-hide key were lost. `KeyFooter` puts the keys that
must always be visible (quick hide, quit, lock, help, the command palette) in a group docked on
the right, and gives the screen's own keys the room that is left, in the order the screen lists
them (most important first); those that do not fit are still listed by F1 and the palette. When
shorter labels (`short_label`) let more keys fit, they are used. Below `COMPACT_BELOW` columns it
uses Textual's compact style.

Use it instead of `Footer` on every screen: `yield KeyFooter()`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from peerjournal.i18n import N_, _, pgettext

# The binding ids (PeerJournalApp.BINDINGS) kept on screen at any width, in the order shown.
ESSENTIAL_IDS = ("quick_hide", "lock", "help", "quit")
COMPACT_BELOW = 110  # columns
FUNCTION_KEY = re.compile(r"^f\d{1,2}$")  # shown as on the keyboard: F12
# Textual names its palette key "palette"; ours says what it opens.
PALETTE_LABEL = N_("Commands")


def short_label(binding_id: str) -> str | None:
    """A shorter footer label for a key (by binding id, "palette" for the palette), used only
    when it lets more of the screen's keys fit: French needs them at 80 columns."""
    if binding_id == "palette":
        return pgettext("short footer label", "Commands")
    if binding_id == "home.feedback":
        return pgettext("short footer label", "Feedback")
    if binding_id == "feedback.save":
        return pgettext("short footer label", "Save answers")
    if binding_id == "entry.share":
        return pgettext("short footer label", "Share / unshare")
    return None


class KeyFooter(Footer):
    """A footer whose essential keys are always on screen, whatever the width of the terminal."""

    DEFAULT_CSS = """
    KeyFooter {
        HorizontalGroup#essential {
            dock: right;
            width: auto;
            height: 1;
            background: $footer-background;
        }
        HorizontalGroup#essential FooterKey.-first {
            border-left: vkey $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, show_command_palette=False)

    def on_resize(self, event: Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW
        self.call_after_refresh(self._fit)

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Show the screen's keys that fit beside the essential ones, whole; hide the rest
        (never a label cut in the middle). The screen's keys are listed most important first;
        shorter labels are used when they let more keys fit. F1 and the palette still list
        every key."""
        found = self.query("#essential")
        if not self.is_attached or not found:
            return  # not composed yet: the bindings were not ready
        essential = list(found.first().query(FooterKey).results(FooterKey))
        screen_keys = list(self.query_children(FooterKey).results(FooterKey))
        every = essential + screen_keys
        self._label(every, short=False)
        shown = self._fitting(essential, screen_keys)
        if any(self._short(key) for key in every):
            self._label(every, short=True)
            if self._fitting(essential, screen_keys) <= shown:
                self._label(every, short=False)
                self._fitting(essential, screen_keys)
        for key in every:
            key.refresh(layout=True)

    def _fitting(self, essential: list[FooterKey], screen_keys: list[FooterKey]) -> int:
        """Show as many of `screen_keys`, in order, as fit; returns how many."""
        room = self.size.width - sum(self._width(key) for key in essential) - 1  # its border
        shown = 0
        for key in screen_keys:
            width = self._width(key)
            key.display = width <= room
            room -= width if key.display else room  # once one is left out, so are the rest
            shown += key.display
        return shown

    @staticmethod
    def _short(key: FooterKey) -> str | None:
        return getattr(key, "short_description", None)

    def _label(self, keys: list[FooterKey], *, short: bool) -> None:
        for key in keys:
            full = getattr(key, "full_description", key.description)
            key.description = (self._short(key) or full) if short else full

    @staticmethod
    def _width(key: FooterKey) -> int:
        return key.render().cell_len + key.styles.margin.width

    def _key(
        self, binding: Binding, enabled: bool, tooltip: str, classes: str = "", name: str = ""
    ) -> FooterKey:
        display = self.app.get_key_display(binding)
        key = FooterKey(
            binding.key,
            display.upper() if FUNCTION_KEY.match(display) else display,
            binding.description,
            binding.action,
            disabled=not enabled,
            tooltip=tooltip or binding.tooltip,
            classes=classes,
        ).data_bind(compact=Footer.compact)
        key.full_description = binding.description  # type: ignore[attr-defined]
        short = short_label(name or binding.id or "")
        key.short_description = short if short != binding.description else None  # type: ignore[attr-defined]
        return key

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        essential: dict[str, tuple[Binding, bool, str]] = {}
        seen: set[str] = set()
        palette_key = self.app.COMMAND_PALETTE_BINDING
        for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items():
            if binding.id in ESSENTIAL_IDS:
                essential.setdefault(binding.id, (binding, enabled, tooltip))
            elif key == palette_key:
                binding = replace(binding, description=_(PALETTE_LABEL))
                essential.setdefault("palette", (binding, enabled, tooltip))
            elif binding.show and binding.action not in seen:
                seen.add(binding.action)
                yield self._key(binding, enabled, tooltip)
        with HorizontalGroup(id="essential"):
            order = [*ESSENTIAL_IDS[:3], "palette", ESSENTIAL_IDS[3]]
            shown = [(name, *essential[name]) for name in order if name in essential]
            for index, (name, binding, enabled, tooltip) in enumerate(shown):
                yield self._key(binding, enabled, tooltip, "-first" if index == 0 else "", name)
