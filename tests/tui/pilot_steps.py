"""Steps the app tests share: wait for workers, unlock, read what the screen shows."""

from __future__ import annotations

import asyncio
import time

from textual.widgets import Input
from textual.worker import WorkerFailed

from peerjournal.tui.app import PeerJournalApp, make_app
from tests.helpers import FAST_KDF, PASSPHRASE

SIZE = (110, 36)


def app_for(directory, **options) -> PeerJournalApp:
    options.setdefault("kdf", FAST_KDF)
    return make_app(directory, **options)


async def settle(
    pilot, rounds: int = 4, *, expect_failure: type[BaseException] | None = None
) -> None:
    """Let thread workers finish and their results reach the screen.

    A worker that ends in an error fails the test, unless the test expects one: a screen that
    shows an error from its worker (a wrong passphrase, a damaged file) is tested with
    `expect_failure=TheError`, and then every failure seen must be of that kind. (A worker that
    already failed before `settle` is called is not seen here: the test checks what it shows.)
    """
    failures: list[BaseException] = []
    for _ in range(rounds):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerFailed as failed:
            failures.append(failed.error)
            continue  # the other workers still get their rounds
        await pilot.pause()
    await pilot.pause()
    unexpected = [
        f for f in failures if expect_failure is None or not isinstance(f, expect_failure)
    ]
    assert not unexpected, f"a worker failed: {unexpected!r}"


async def wait_until(pilot, condition, what: str, timeout: float = 20.0) -> None:
    """Wait (letting the app run) until `condition()` is true; fail naming `what` after
    `timeout` seconds. For moments a test must catch while a worker is still busy."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.01)


async def type_into(pilot, selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = text
    await pilot.pause()


async def unlock(
    pilot, passphrase: str = PASSPHRASE, *, expect_failure: type[BaseException] | None = None
) -> None:
    await type_into(pilot, "#passphrase", passphrase)
    await pilot.press("enter")
    await settle(pilot, expect_failure=expect_failure)


def visible_text(app) -> str:
    """Everything the terminal shows right now, as plain text (from Textual's own screenshot)."""
    import html
    import re

    svg = app.export_screenshot(title=" ")  # the SVG frame title is not on the screen
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(texts)).replace("\xa0", " ")


def screen_lines(app) -> list[str]:
    """The terminal's rows as the person sees them now (Textual's compositor, no SVG)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]
