"""Withdrawing in the app, on a real journal following a study set with a real age key: the file
the researchers get, then the offer to stop sharing and what the screen says was done."""

from __future__ import annotations

import json

import pyrage
import pytest

from peerjournal.export import sharing
from peerjournal.tui.screens.withdraw import WithdrawScreen
from tests.tui.pilot_steps import settle
from tests.tui.test_export_wizard_support import (
    Host,
    decrypt,
    plain_journal,
    study_journal,
    visible_text,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def identity():
    return pyrage.x25519.Identity.generate()


async def _withdraw(pilot, folder) -> None:
    screen = pilot.app.screen
    screen.query_one("#folder").value = str(folder)
    await pilot.click("#withdraw")
    await pilot.pause()
    await pilot.click("#confirm")  # the question before anything is written
    await settle(pilot)


async def test_withdrawing_writes_the_file_then_offers_to_stop_sharing(tmp_path, identity):
    journal = study_journal(tmp_path / "j", identity)
    out = tmp_path / "out"
    out.mkdir()
    try:
        app = Host(lambda: WithdrawScreen(journal))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await _withdraw(pilot, out)
            screen = pilot.app.screen
            (written,) = out.iterdir()
            assert screen.written == written
            lines = [json.loads(x) for x in decrypt(written, identity).splitlines()]
            assert lines[0]["withdrawn"] is True
            assert [x["type"] for x in lines[1:]] == ["codebook"]  # no entry goes with it
            shown = " ".join(visible_text(pilot.app).split())
            assert "3 items are still marked shared" in shown
            assert sharing.still_shared(journal).total == 3  # nothing unshared without a yes
            assert pilot.app.focused is screen.query_one("#unshare")
            await pilot.press("enter")
            await pilot.pause()
            shown = " ".join(visible_text(pilot.app).split())
            assert "Stopped sharing 3 items; they stay in your journal." in shown
            assert str(written) in visible_text(pilot.app).replace("\n", "")
        assert sharing.still_shared(journal).total == 0
        assert len(journal.entries.list()) == 3  # the entries themselves stay
        assert journal.settings.load().export_folder == str(out)
    finally:
        journal.close()


async def test_keeping_them_shared_says_what_that_means(tmp_path, identity):
    journal = study_journal(tmp_path / "j", identity)
    try:
        async with Host(lambda: WithdrawScreen(journal)).run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await _withdraw(pilot, tmp_path)
            await pilot.click("#keep")
            await pilot.pause()
            shown = " ".join(visible_text(pilot.app).split())
            assert "3 items stay marked shared: a new export would send them again." in shown
        assert sharing.still_shared(journal).total == 3
    finally:
        journal.close()


async def test_not_now_writes_nothing(tmp_path, identity):
    journal = study_journal(tmp_path / "j", identity)
    out = tmp_path / "out"
    out.mkdir()
    try:
        app = Host(lambda: WithdrawScreen(journal))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            pilot.app.screen.query_one("#folder").value = str(out)
            await pilot.click("#withdraw")
            await pilot.pause()
            await pilot.click("#cancel")  # the question's "Not now"
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert app.results == [None]
        assert list(out.iterdir()) == []
        assert sharing.still_shared(journal).total == 3
    finally:
        journal.close()


async def test_without_a_study_it_says_there_is_nothing_to_withdraw_from(tmp_path):
    journal = plain_journal(tmp_path / "j")
    try:
        async with Host(lambda: WithdrawScreen(journal)).run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert "nothing to withdraw from" in visible_text(pilot.app)
    finally:
        journal.close()


async def test_the_palette_opens_it(journal_dir):
    from tests.tui.pilot_steps import app_for, unlock

    app = app_for(journal_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"withdraw")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, WithdrawScreen)
        assert "nothing to withdraw from" in visible_text(pilot.app)
