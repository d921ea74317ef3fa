"""What the review step looks like, with fixed content (snapshot)."""

from __future__ import annotations

import pyrage

from peerjournal.tui.screens.export_wizard import ExportWizardScreen
from tests.tui.pilot_steps import settle
from tests.tui.test_export_wizard_support import SIZE, Host, study_journal


def test_review_step(snap_compare, tmp_path):
    journal = study_journal(tmp_path / "j", pyrage.x25519.Identity.generate())
    app = Host(lambda: ExportWizardScreen(journal))

    async def to_review(pilot) -> None:
        await settle(pilot)
        app.screen.query_one("#to-review").press()
        await settle(pilot)

    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=to_review)
    finally:
        journal.close()
