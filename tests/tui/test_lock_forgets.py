"""After lock the app holds none of the journal: no writing screen (its timers stopped), no undo
history, no clipboard, no cached text; copying stays inside the app (no OSC 52 to the system
clipboard); a failed unlock leaves no passphrase in the field; idle time counts suspend
(issue 10)."""

from __future__ import annotations

import gc
import secrets
import weakref

import pytest
from textual.widgets import Input, TextArea

from peerjournal.errors import WrongSecret
from peerjournal.tui.screens.unlock import UnlockScreen
from peerjournal.tui.screens.write import WriteScreen
from tests.tui.pilot_steps import SIZE, app_for, settle, unlock, wait_until

pytestmark = pytest.mark.slow


def holders_of(needle: str) -> list[str]:
    """Kinds of live containers (and strings in them) that still hold `needle`."""
    gc.collect()
    found = []
    for obj in gc.get_objects():
        if isinstance(obj, dict):
            values = list(obj.values()) + list(obj.keys())
        elif isinstance(obj, list | tuple | set | frozenset):
            values = list(obj)
        else:
            continue
        for value in values:
            if isinstance(value, str) and needle in value and value is not needle:
                found.append(f"{type(obj).__name__}: {value[:60]!r}")
    return found


async def test_lock_leaves_no_screen_history_clipboard_or_cached_text(journal_dir):
    canary = "zqlock" + secrets.token_hex(4)
    app = app_for(journal_dir)
    written: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        original = app._driver.write
        app._driver.write = lambda data: (written.append(data), original(data))[1]
        await unlock(pilot)
        await pilot.press("w")
        await pilot.pause()
        write = app.screen
        assert isinstance(write, WriteScreen)
        body = write.query_one("#body", TextArea)
        body.focus()
        body.insert(f"typed {canary} here")
        await pilot.pause()
        body.select_all()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert canary in app.clipboard  # copying works inside the app
        assert not any("\x1b]52" in w for w in written), "copied to the system clipboard"
        screen_ref, area_ref = weakref.ref(write), weakref.ref(body)
        del write, body
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert app.clipboard == ""
        # the event loop drops its stopped timers' handles when they were due (autosave: 3 s)
        await wait_until(pilot, lambda: gc.collect() >= 0 and screen_ref() is None, "free", 6)
        assert screen_ref() is None, "the writing screen outlived the lock"
        assert area_ref() is None, "the editor (and its undo history) outlived the lock"
        assert holders_of(canary) == []


async def test_a_failed_unlock_clears_the_passphrase(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, "not my passphrase", expect_failure=WrongSecret)
        field = app.screen.query_one("#passphrase", Input)
        assert field.value == "" and field.has_focus


async def test_idle_time_counts_suspend_and_a_jump_locks(journal_dir):
    """`time.monotonic` stops while a laptop sleeps: the idle clock must not."""
    now = [1000.0]
    app = app_for(journal_dir, idle_clock=lambda: now[0])
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.autolock_seconds = 300
        now[0] += 10  # ten quiet seconds: still open
        await pilot.pause(1.5)
        assert app.journal is not None
        now[0] += 3600  # the lid was closed for an hour (monotonic did not move)
        await pilot.pause(1.5)
        await settle(pilot)
        assert app.journal is None and isinstance(app.screen, UnlockScreen)


async def test_a_clock_going_backwards_locks(journal_dir):
    now = [5000.0]
    app = app_for(journal_dir, idle_clock=lambda: now[0])
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.autolock_seconds = 300
        now[0] -= 7200  # the wall clock was set back: idle time cannot be trusted
        await pilot.pause(1.5)
        await settle(pilot)
        assert app.journal is None


async def test_the_app_works_as_before_after_a_lock_that_forgot_everything(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        for round_ in range(2):
            await unlock(pilot)
            if round_:  # the draft of the first round is offered back
                await pilot.press("escape")
                await settle(pilot)
            await pilot.press("w")
            await pilot.pause()
            assert isinstance(app.screen, WriteScreen)
            body = app.screen.query_one("#body", TextArea)
            body.insert(f"round {round_}")
            await pilot.pause()
            await pilot.press("ctrl+l")
            await settle(pilot)
            assert isinstance(app.screen, UnlockScreen)
