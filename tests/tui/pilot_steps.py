"""Steps the app tests share: wait for workers, unlock, read what the screen shows."""

from __future__ import annotations

import contextlib

from textual.widgets import Input
from textual.worker import WorkerFailed

from peerjournal.tui.app import PeerJournalApp, make_app
from tests.helpers import FAST_KDF, PASSPHRASE

SIZE = (110, 36)


def app_for(directory, **options) -> PeerJournalApp:
    options.setdefault("kdf", FAST_KDF)
    return make_app(directory, **options)


async def settle(pilot, rounds: int = 4) -> None:
    """Let thread workers finish and their results reach the screen.

    A worker that ends in an error is part of the design (the screen shows the error from the
    worker's state change), so its failure is not the test's: the test checks what is shown.
    """
    for _ in range(rounds):
        with contextlib.suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def type_into(pilot, selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = text
    await pilot.pause()


async def unlock(pilot, passphrase: str = PASSPHRASE) -> None:
    await type_into(pilot, "#passphrase", passphrase)
    await pilot.press("enter")
    await settle(pilot)


def visible_text(app) -> str:
    """Everything the terminal shows right now, as plain text (from Textual's own screenshot)."""
    import html
    import re

    svg = app.export_screenshot(title=" ")  # the SVG frame title is not on the screen
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(texts)).replace("\xa0", " ")
