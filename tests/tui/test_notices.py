"""Notices never cover what they talk about (issue 12): at 80x24 and 120x40 a notice takes its own
rows above the footer and the screen gives way to it, so the saved entry, the list an entry was
deleted from, the review's list of hidden parts, the export's folder field and every button stay
in sight beside the notice, never under it."""

from __future__ import annotations

import pyrage
import pytest
from textual.geometry import Region
from textual.widgets import Button, Input, OptionList, TextArea
from textual.widgets._toast import Toast, ToastRack

from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from peerjournal.tui.widgets.entry_list import EntryList
from peerjournal.tui.widgets.key_footer import KeyFooter
from tests.helpers import pw
from tests.tui.pilot_steps import app_for, settle, unlock
from tests.tui.test_export_wizard_support import study_journal

pytestmark = pytest.mark.slow

SIZES = [(80, 24), (120, 40)]
LONG_TIMEOUT = 120.0  # a loaded machine must not let a notice time out before it is checked


def notices_app(directory):
    app = app_for(directory, warm_up=False)
    app.NOTIFICATION_TIMEOUT = LONG_TIMEOUT
    return app


def notice_region(app) -> tuple[ToastRack, Region]:
    """The notices on screen and the part of the terminal they take."""
    rack = app.screen.query_one(ToastRack)
    toasts = [toast.region for toast in rack.query(Toast)]
    assert toasts and all(r.height > 0 for r in toasts), "no notice is on screen"
    return rack, Region.from_union(toasts)


def assert_nothing_under_the_notice(app, *must_see) -> None:
    """No widget of the screen is drawn where the notice is; each of `must_see` (and the focused
    widget) is on screen, wholly inside the terminal."""
    rack, notice = notice_region(app)
    shown = app.screen._compositor.visible_widgets
    for widget, (region, clip) in shown.items():
        if rack in widget.ancestors_with_self or widget in rack.ancestors_with_self:
            continue  # the notice itself, and the screen it is on
        seen = region.intersection(clip)
        assert not seen.overlaps(notice), f"{widget!r} at {seen} is under the notice {notice}"
    footer = app.screen.query(KeyFooter)
    if footer:
        assert not footer.first().region.overlaps(notice)
    screen = app.screen.region
    for widget in (*must_see, app.focused):
        if widget is None:
            continue
        assert widget in shown, f"{widget!r} is not on screen beside the notice"
        region, clip = shown[widget]
        assert screen.contains_region(region.intersection(clip)), widget


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_saved_and_deleted_notices_leave_the_lists_in_sight(journal_dir, size):
    with Journal.open(journal_dir, pw()) as journal:
        for n in range(12):
            journal.entries.add(NewEntry(body=f"An older entry, number {n}."))
    app = notices_app(journal_dir)
    async with app.run_test(size=size, notifications=True) as pilot:
        await unlock(pilot)
        await pilot.press("w")
        await settle(pilot)
        app.screen.query_one("#body", TextArea).insert("Today I went to the clinic.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Saved." in [n.message for n in app._notifications]
        recent = app.screen.query_one("#recent", OptionList)
        assert_nothing_under_the_notice(app, recent)

        app.clear_notifications()
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one("#confirm", Button).press()
        await settle(pilot)
        assert any("Ctrl+Z" in n.message for n in app._notifications)
        assert_nothing_under_the_notice(app, app.screen.query_one(EntryList))


@pytest.fixture(scope="module")
def identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_sharing_notices_leave_the_review_and_the_folder_field_in_sight(
    tmp_path, identity, size
):
    directory = tmp_path / "j"
    study_journal(directory, identity).close()
    app = notices_app(directory)
    async with app.run_test(size=size, notifications=True) as pilot:
        await unlock(pilot)
        await pilot.press("x")
        await settle(pilot)
        app.screen.query_one("#to-review", Button).press()
        await settle(pilot)
        listing = app.screen.query_one("#redactions", OptionList)
        listing.focus()
        await pilot.press("s")  # show the highlighted part as written: a notice says so
        await settle(pilot)
        assert any("as you wrote it" in n.message for n in app._notifications)
        assert_nothing_under_the_notice(
            app,
            listing,
            app.screen.query_one("#redacted-scroll"),
            app.screen.query_one("#to-write"),
        )

        app.clear_notifications()
        app.screen.query_one("#to-write", Button).press()
        await settle(pilot)
        folder = app.screen.query_one("#folder", Input)
        folder.value = str(tmp_path / "no-stick-here")
        app.screen.query_one("#write", Button).press()
        await settle(pilot)
        assert any("no such folder" in n.message for n in app._notifications)
        assert_nothing_under_the_notice(app, folder, app.screen.query_one("#write"))


async def test_a_quick_run_of_notices_keeps_only_the_newest_two(journal_dir):
    """Six steps in a row, each with its notice: the status line holds the newest two, and the
    Recent list keeps its rows (stacked notices had filled the screen at 80x24)."""
    app = notices_app(journal_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await unlock(pilot)
        for n in range(6):
            app.notify(f"Step {n} done.")
        await settle(pilot)
        assert [n.message for n in app._notifications] == ["Step 4 done.", "Step 5 done."]
        _rack, notice = notice_region(app)
        assert notice.height == 2
        assert_nothing_under_the_notice(app, app.screen.query_one("#recent"))
