"""The consent modal on a real journal: accepting is recorded, declining records nothing."""

from __future__ import annotations

import hashlib

import pyrage
import pytest
from textual.widgets import Static

from peerjournal.export import participant
from peerjournal.journal import Journal
from peerjournal.tui.screens.consent import ConsentScreen
from tests.helpers import pw
from tests.tui.test_export_wizard_support import (
    SIZE,
    Host,
    plain_journal,
    study_journal,
    visible_text,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


@pytest.fixture
def journal(tmp_path, identity):
    journal = study_journal(tmp_path / "j", identity, consent=False, with_items=False)
    yield journal
    journal.close()


async def test_shows_the_study_plainly(journal):
    app = Host(lambda: ConsentScreen(journal))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = visible_text(app)
        assert "Peer journal pilot study" in shown
        assert "research@example.org" in shown
        assert "five years, then deleted" in shown
        assert "may be read by the" in shown


async def test_consent_text_is_what_the_cli_shows_and_what_is_hashed(journal, tmp_path):
    """The text read in the app is the text the CLI prints, and the text whose hash is recorded
    on accepting: plain, never parsed as markup or Markdown."""
    from typer.testing import CliRunner

    from peerjournal.cli.main import app as cli
    from tests.helpers import PASSPHRASE

    _, study = participant.study_of(journal)
    app = Host(lambda: ConsentScreen(journal))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = app.screen.query_one("#consent-text", Static)
        in_app = str(text.content)
        details = [
            str(app.screen.query_one(f"#{name}", Static).content)
            for name in ("study-name", "contact", "retention")
        ]
    journal.close()
    secret = tmp_path / "secret"
    secret.write_text(PASSPHRASE + "\n")
    printed = (
        CliRunner()
        .invoke(
            cli,
            [
                "--journal",
                str(tmp_path / "j"),
                "--passphrase-file",
                str(secret),
                "consent",
                "--accept",
            ],
        )
        .output
    )
    assert "\n" + in_app + "\n" in printed
    assert printed.splitlines()[:3] == details  # the same lines, the same words
    assert in_app == study.consent_text.strip()
    expected = "sha256:" + hashlib.sha256(in_app.encode()).hexdigest()
    assert participant.consent_hash(study) == expected  # what was read is what is hashed
    assert "**research team**" in in_app  # as written: no Markdown rendering, no markup
    reopened = Journal.open(tmp_path / "j", pw())
    try:
        assert participant.has_consented(reopened)  # the same text, the same hash
    finally:
        reopened.close()


async def test_accept_is_recorded(journal):
    app = Host(lambda: ConsentScreen(journal))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not participant.has_consented(journal)
        await pilot.click("#accept")
        await pilot.pause()
        assert app.results == [True]
    assert participant.has_consented(journal)


async def test_accept_key(journal):
    app = Host(lambda: ConsentScreen(journal))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
    assert app.results == [True]
    assert participant.has_consented(journal)


@pytest.mark.parametrize("how", ["button", "escape"])
async def test_not_now_records_nothing(journal, how):
    app = Host(lambda: ConsentScreen(journal))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if how == "button":
            await pilot.click("#not-now")
        else:
            await pilot.press("escape")
        await pilot.pause()
    assert app.results == [False]
    assert not participant.has_consented(journal)


async def test_already_accepted_says_so(journal):
    participant.accept_consent(journal)
    app = Host(lambda: ConsentScreen(journal))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "already accepted" in visible_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [True]


async def test_no_study_is_explained_not_a_traceback(tmp_path):
    journal = plain_journal(tmp_path / "plain")
    app = Host(lambda: ConsentScreen(journal))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "There is no study to share with yet" in visible_text(app)
            await pilot.click("#not-now")
            await pilot.pause()
        assert app.results == [False]
    finally:
        journal.close()


LONG_CONSENT = "\n\n".join(
    f"Paragraph {n}: what the researchers do with what you share, and what they never do."
    for n in range(1, 21)
)


@pytest.mark.parametrize(
    ("size", "rows"), [((80, 24), 12), ((120, 40), 18)], ids=["80x24", "120x40"]
)
async def test_a_long_consent_text_gets_most_of_a_small_screen(tmp_path, identity, size, rows):
    """At 80x24 the consent text has most of the rows (not four), scrolls with a scrollbar in
    sight, and both answers stay on screen; the safety keys stay in the footer."""
    from textual.widgets import Button

    from peerjournal.promptset import parse
    from tests.helpers import FAST_KDF
    from tests.tui.pilot_steps import app_for, screen_lines, settle, unlock
    from tests.tui.test_export_wizard_support import STUDY_SET

    text = STUDY_SET.format(recipient=identity.to_public()).replace(
        "I agree that the entries I choose to share may be read by the **research team**.",
        LONG_CONSENT,
    )
    journal, _ = Journal.create(tmp_path / "long", pw(), kdf=FAST_KDF)
    with journal:
        journal.program.install(parse(text, "pilot.md"))
    app = app_for(tmp_path / "long", warm_up=False)
    async with app.run_test(size=size) as pilot:
        await unlock(pilot)
        app.action_open("consent")
        await settle(pilot)
        assert isinstance(app.screen, ConsentScreen)
        scroll = app.screen.query_one("#text")
        height = size[1]
        assert scroll.content_region.height >= rows, scroll.content_region  # was 4 at 80x24
        assert scroll.max_scroll_y > 0 and scroll.show_vertical_scrollbar
        assert scroll.scrollbar_size_vertical >= 1
        for button in app.screen.query(Button):
            assert app.screen.region.contains_region(button.region), button
            assert button.region.bottom < height  # above the footer
        assert "F12 Hide" in screen_lines(app)[-1]
        scroll.focus()
        await pilot.press("end")
        await pilot.pause()
        assert "Paragraph 20" in "".join(screen_lines(app))
        assert all(app.screen.region.contains_region(b.region) for b in app.screen.query(Button))
