"""Safety keys in a modal's footer.

Textual's key dispatch still runs the app's priority bindings (quick hide, lock, quit) while a
modal screen is on top, but a modal's `active_bindings`, which every footer shows, stop at the
modal, so the footer of a dialog lost the quick-hide key and Quit. A dialog that mixes in
`SafetyKeysShown` lists them again (the same bindings, so the same keys work).
"""

from __future__ import annotations

from textual.binding import ActiveBinding

from peerjournal.tui.widgets.key_footer import ESSENTIAL_IDS


class SafetyKeysShown:
    """Mix into a ModalScreen, before it: its footer shows the app's essential keys too."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active = dict(super().active_bindings)  # type: ignore[misc]
        app = self.app  # type: ignore[attr-defined]
        for key, binding in app._bindings:
            if binding.id in ESSENTIAL_IDS and key not in active:
                state = app._check_action_state(binding.action, app)
                if state is not False:
                    active[key] = ActiveBinding(app, binding, bool(state), binding.tooltip)
        return active
