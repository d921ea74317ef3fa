"""The footer every screen of the app uses: the keys that keep a person safe never scroll away.

Textual's `Footer` lays every key out in one row and lets what does not fit run off the right
edge, so at 80 columns Lock, Help and the quick-hide key were lost. `KeyFooter` puts the keys that
must always be visible (quick hide, quit, lock, help, the command palette) in a group docked on
the right, and gives the screen's own keys the room that is left; those that do not fit are still
listed by F1 and the palette. Below `COMPACT_BELOW` columns it uses Textual's compact style.

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

from peerjournal.i18n import N_, _

# The binding ids (PeerJournalApp.BINDINGS) kept on screen at any width, in the order shown.
ESSENTIAL_IDS = ("quick_hide", "lock", "help", "quit")
COMPACT_BELOW = 110  # columns
FUNCTION_KEY = re.compile(r"^f\d{1,2}$")  # shown as on the keyboard: F12
# Textual names its palette key "palette"; ours says what it opens.
PALETTE_LABEL = N_("Commands")


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
        (never a label cut in the middle). F1 and the palette still list every key."""
        found = self.query("#essential")
        if not self.is_attached or not found:
            return  # not composed yet: the bindings were not ready
        essential = found.first()
        room = self.size.width - max(
            essential.outer_size.width,
            sum(self._width(key) for key in essential.query(FooterKey).results(FooterKey)) + 1,
        )
        for key in self.query_children(FooterKey).results(FooterKey):
            width = self._width(key)
            key.display = width <= room
            room -= width if key.display else room  # once one is left out, so are the rest

    @staticmethod
    def _width(key: FooterKey) -> int:
        return key.render().cell_len + key.styles.margin.width

    def _key(self, binding: Binding, enabled: bool, tooltip: str, classes: str = "") -> FooterKey:
        display = self.app.get_key_display(binding)
        return FooterKey(
            binding.key,
            display.upper() if FUNCTION_KEY.match(display) else display,
            binding.description,
            binding.action,
            disabled=not enabled,
            tooltip=tooltip or binding.tooltip,
            classes=classes,
        ).data_bind(compact=Footer.compact)

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
            shown = [essential[name] for name in order if name in essential]
            for index, (binding, enabled, tooltip) in enumerate(shown):
                yield self._key(binding, enabled, tooltip, "-first" if index == 0 else "")
