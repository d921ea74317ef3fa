"""High contrast: where the focus is must be plain to see (issue 12)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import Button, Input, TextArea

import peerjournal.tui.app as app_module
from peerjournal.tui.themes import HIGH_CONTRAST


def luminance(color: Color) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio between two colours."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class Fields(App[None]):
    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))

    def compose(self) -> ComposeResult:
        yield TextArea("one", id="first")
        yield TextArea("two", id="second")
        yield Input("three", id="third")
        yield Button("Save", id="save")

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self.theme = HIGH_CONTRAST.name


async def test_a_focused_field_stands_out_from_a_blurred_one():
    app = Fields()
    async with app.run_test(size=(60, 20)) as pilot:
        for focused, blurred in (("#first", "#second"), ("#third", "#first")):
            app.query_one(focused).focus()
            await pilot.pause()
            on = app.query_one(focused).styles.border_top[1]
            off = app.query_one(blurred).styles.border_top[1]
            assert contrast(on, off) >= 3.0, (focused, on, off)


async def test_a_focused_button_is_drawn_differently():
    app = Fields()
    async with app.run_test(size=(60, 20)) as pilot:
        button = app.query_one("#save", Button)
        before = button.rich_style
        button.focus()
        await pilot.pause()
        assert button.rich_style != before
        assert button.rich_style.reverse or button.rich_style.bold
