"""What the export steps look like, with fixed content (snapshots), in English and in French, on
an 80x24 terminal (a drop-in centre's) and at 120x40. The frozen clock (tests/conftest.py) keeps
the weeks shown the same whenever the suite runs."""

from __future__ import annotations

import pyrage
import pytest

from peerjournal import i18n
from peerjournal.tui.screens.export_wizard import ExportWizardScreen
from tests.tui.pilot_steps import settle
from tests.tui.test_export_wizard_support import Host, study_journal

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _same_home(monkeypatch):
    """The folder field starts at the home folder: the same one on every machine."""
    monkeypatch.setenv("HOME", "/home/participant")


def _snap(snap_compare, tmp_path, language: str, size: str, step: int) -> bool:
    i18n.set_language(language)
    journal = study_journal(tmp_path / "j", pyrage.x25519.Identity.generate())
    app = Host(lambda: ExportWizardScreen(journal))

    async def go(pilot) -> None:
        await settle(pilot)
        if step >= 2:
            app.screen.query_one("#to-review").press()
            await settle(pilot)
        if step >= 3:
            app.screen.query_one("#to-write").press()
            await settle(pilot)

    try:
        return snap_compare(app, terminal_size=SIZES[size], run_before=go)
    finally:
        journal.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_review_step(snap_compare, tmp_path, language, size):
    assert _snap(snap_compare, tmp_path, language, size, step=2)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_items_step_small(snap_compare, tmp_path, language):
    assert _snap(snap_compare, tmp_path, language, "80x24", step=1)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_write_step_small(snap_compare, tmp_path, language):
    assert _snap(snap_compare, tmp_path, language, "80x24", step=3)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_items_step_large(snap_compare, tmp_path, language):
    assert _snap(snap_compare, tmp_path, language, "120x40", step=1)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_write_step_large(snap_compare, tmp_path, language):
    assert _snap(snap_compare, tmp_path, language, "120x40", step=3)
