"""Key labels in the chosen language.

Textual reads a binding's description and tooltip from `BINDINGS`, which are fixed when a class is
defined, before anyone has chosen a language. So `BINDINGS` hold English strings marked with `N_`,
and every screen of the app shows them through `TranslatedBindings`, which translates the active
bindings each time Textual asks for them (footer, key panel, help, palette). Switching the
language then relabels every key at the next refresh, with no screen rebuilt.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from textual.binding import ActiveBinding, Binding

from peerjournal.i18n import _, current_language


@lru_cache(maxsize=512)
def _translated(binding: Binding, language: str) -> Binding:
    """`binding` with its labels in `language` (cached: Textual asks on every refresh)."""
    del language  # part of the cache key only: `_` already answers in the current language
    return replace(
        binding,
        description=_(binding.description) if binding.description else "",
        tooltip=_(binding.tooltip) if binding.tooltip else "",
    )


def translate_active(active: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    language = current_language()
    return {
        key: item._replace(
            binding=_translated(item.binding, language),
            tooltip=_(item.tooltip) if item.tooltip else item.tooltip,
        )
        for key, item in active.items()
    }


class TranslatedBindings:
    """Mix into every Screen of the app, before `Screen`: its keys are labelled in the language
    chosen now, not the one in force when the class was defined."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_active(super().active_bindings)  # type: ignore[misc]
