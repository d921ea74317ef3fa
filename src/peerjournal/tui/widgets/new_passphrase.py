"""Choosing a passphrase: two fields and a strength hint a passphrase."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from peerjournal import rules
from peerjournal.errors import InvalidInput
from peerjournal.i18n import _
from peerjournal.tui.strength import strength


class NewPassphrase(Vertical):
    """`secret()` returns the chosen passphrase as bytes to zero, or raises InvalidInput."""

    DEFAULT_CSS = """
    NewPassphrase { height: auto; }
    NewPassphrase Input { margin-bottom: 1; }
    NewPassphrase .strength { color: $text-muted; height: auto; margin-bottom: 1; }
    NewPassphrase .strength.-weak { color: $text-warning; }
    NewPassphrase .strength.-strong { color: $text-success; }
    """

    def __init__(self, *, label: str = "Passphrase", id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self.label, password=True, id="first")
        yield Static(strength("").hint, classes="strength")
        yield Input(placeholder=_("Type it again"), password=True, id="second")

    @on(Input.Changed, "#first")
    def _hint(self, event: Input.Changed) -> None:
        result = strength(event.value)
        hint = self.query_one(".strength", Static)
        hint.update(result.hint)
        hint.set_class(result.level <= 1 and bool(event.value), "-weak")
        hint.set_class(result.level == 3, "-strong")

    class Edited(Message):
        """Either field changed: an earlier complaint about them may no longer be true."""

    @on(Input.Changed)
    def _edited(self) -> None:
        self.post_message(self.Edited())

    @on(Input.Submitted, "#first")
    def _next(self) -> None:
        self.query_one("#second", Input).focus()

    def secret(self) -> bytearray:
        first = self.query_one("#first", Input).value
        second = self.query_one("#second", Input).value
        rules.new_passphrase(first.encode("utf-8"))
        if first != second:
            raise InvalidInput(_("the two passphrases differ; type the same one twice"))
        return bytearray(first.encode("utf-8"))

    def clear(self) -> None:
        for field in self.query(Input):
            field.value = ""
