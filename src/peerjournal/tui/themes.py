"""Themes offered in settings: Textual's own, plus a high-contrast one."""

from __future__ import annotations

from textual.theme import Theme

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
        "border": "#ffffff",
        "border-blurred": "#bcbcbc",
        "input-selection-background": "#ffff00 40%",
        "footer-key-foreground": "#ffff00",
    },
)

OFFERED = (
    "textual-dark",
    "textual-light",
    "high-contrast",
    "nord",
    "gruvbox",
    "solarized-light",
    "catppuccin-latte",
    "ansi-dark",
)
