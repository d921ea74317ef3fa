"""Themes offered in settings: Textual's own, plus a high-contrast one."""

from __future__ import annotations

from textual.theme import Theme

from peerjournal.i18n import N_, _

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffaf00",
    error="#ff5f5f",
    success="#00ff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1c1c1c",
    boost="#303030",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        # Focus must be unmistakable: a focused field's border is yellow, a blurred one grey
        # (white against light grey was hard to tell apart), and a focused button is reversed.
        "border": "#ffff00",
        "border-blurred": "#767676",
        "button-focus-text-style": "bold reverse",
        "input-selection-background": "#ffff00 40%",
        "footer-key-foreground": "#ffff00",
    },
)

# Textual's internal theme names, with the names a person reads in Settings.
THEME_LABELS = {
    "textual-dark": N_("Dark"),
    "textual-light": N_("Light"),
    "high-contrast": N_("High contrast (yellow on black)"),
    "nord": N_("Nord (cool blue)"),
    "gruvbox": N_("Warm dark (Gruvbox)"),
    "solarized-light": N_("Soft light (Solarized)"),
    "catppuccin-latte": N_("Pastel light (Catppuccin)"),
    "ansi-dark": N_("The terminal's own colours"),
}
OFFERED = tuple(THEME_LABELS)


def theme_label(name: str) -> str:
    return _(THEME_LABELS[name]) if name in THEME_LABELS else name
