"""Stopping sharing through the domain API and the CLI: after a withdrawal nothing stays marked
shared without the person knowing, and an export of nothing is never asked about as if it sent
something (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from peerjournal.errors import NothingShared
from peerjournal.export import participant, sharing
from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from tests.helpers import PASSPHRASE, make_participant, pw


@pytest.fixture
def journal(tmp_path, study_set):
    journal = make_participant(tmp_path / "j", study_set)
    journal.entries.add(NewEntry(body="Met Candy at the clinic.", shared=True))
    journal.entries.add(NewEntry(body="Only for me."))
    journal.program.save_feedback(1, {"takeaway": "Solidarity."}, shared=True)
    yield journal
    if journal.is_open:
        journal.close()


def cli(journal_dir: Path, *args: str, input: str | None = None):
    from peerjournal.cli.main import app

    secret = journal_dir.parent / "secret"
    secret.write_text(PASSPHRASE + "\n")
    base = ["--journal", str(journal_dir), "--passphrase-file", str(secret)]
    return CliRunner().invoke(app, [*base, *args], input=input, catch_exceptions=False)


def test_stop_sharing_everything_counts_and_keeps_the_items(journal):
    assert sharing.still_shared(journal) == sharing.Unshared(1, 1)
    done = sharing.stop_sharing_everything(journal)
    assert (done.entries, done.forms, done.total) == (1, 1, 2)
    assert sharing.still_shared(journal).total == 0
    assert len(journal.entries.list()) == 2 and journal.program.feedback(1) is not None


def test_stop_sharing_one_item_of_each_kind(journal):
    entry = journal.entries.shared()[0]
    form = journal.program.shared_feedback()[0]
    sharing.stop_sharing(journal, sharing.ItemKind.ENTRY, entry.id)
    assert journal.entries.shared() == [] and len(journal.program.shared_feedback()) == 1
    sharing.stop_sharing(journal, sharing.ItemKind.FEEDBACK, form.id)
    assert journal.program.shared_feedback() == []


def test_withdrawn_since_until_the_next_export(journal, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    study = participant.study_or_none(journal)
    assert sharing.withdrawn_since(journal, study.id) is None
    participant.write(journal, participant.prepare(journal, withdraw=True), out)
    assert sharing.withdrawn_since(journal, study.id) is not None
    participant.write(journal, participant.prepare(journal), out)
    assert sharing.withdrawn_since(journal, study.id) is None


def test_nothing_shared_and_never_exported_is_refused_before_a_number_is_taken(journal):
    sharing.stop_sharing_everything(journal)
    with pytest.raises(NothingShared):
        participant.prepare(journal)
    assert journal.sharing.log() == []
    prepared = participant.prepare(journal, withdraw=True)  # leaving always works
    assert prepared.bundle.manifest.export_seq == 1  # no number was used up above


def test_cli_withdraw_stops_sharing_and_says_so(journal, tmp_path):
    directory = journal.directory
    journal.close()
    out = tmp_path / "out"
    out.mkdir()
    result = cli(directory, "withdraw", "--yes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "Stopped sharing 2 items; they stay in your journal." in result.stdout
    with Journal.open(directory, pw()) as again:
        assert sharing.still_shared(again).total == 0
        assert len(again.entries.list()) == 2


def test_cli_withdraw_can_keep_items_shared_and_says_what_that_means(journal, tmp_path):
    directory = journal.directory
    journal.close()
    out = tmp_path / "out"
    out.mkdir()
    result = cli(directory, "withdraw", "--yes", "--keep-shared", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "2 items are still marked shared: a new export would send them again." in result.stdout
    with Journal.open(directory, pw()) as again:
        assert sharing.still_shared(again).total == 2


def test_cli_review_never_asks_send_exactly_this_of_nothing(journal, tmp_path):
    directory = journal.directory
    out = tmp_path / "out"
    out.mkdir()
    participant.write(journal, participant.prepare(journal), out)  # something was sent before
    sharing.stop_sharing_everything(journal)
    journal.close()
    result = cli(directory, "export", "--review", "--yes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "Send exactly this?" not in result.stdout + result.stderr
    with Journal.open(directory, pw()) as again:
        assert again.sharing.log()[-1].item_count == 0


def test_cli_export_of_nothing_ever_shared_is_one_clear_line(tmp_path, study_set):
    journal = make_participant(tmp_path / "j", study_set)
    directory = journal.directory
    journal.close()
    result = cli(directory, "export", "--review", "--yes", "-o", str(tmp_path))
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "peerjournal: error: nothing is shared yet, so there is nothing to export; mark the "
        "entries and feedback you want to share first"
    ]
    assert "Send exactly this?" not in result.stdout
