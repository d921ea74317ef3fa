"""An export's number is taken for good before its file is written, so a failure after the file
is on disk (a crash, a full disk, a kill before the export log is written) can leave a gap in the
numbers but never two different files with one number (which `research merge` refuses).

The failure is injected deterministically where it hurts most: the file is linked into place, and
the export log write fails (a temporary trigger makes the real INSERT abort, as a crash would leave
it: the log row never committed)."""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest

from peerjournal.export import participant
from peerjournal.model import NewEntry
from peerjournal.research.merge import merge_bundles, open_export
from tests.helpers import make_participant

FAIL_THE_LOG = (
    "CREATE TEMP TRIGGER fail_export_log BEFORE INSERT ON main.export_log "
    "BEGIN SELECT RAISE(ABORT, 'injected: the export log write failed'); END"
)


@pytest.mark.slow
def test_a_failure_after_the_file_is_written_leaves_a_gap_not_a_duplicate_number(
    tmp_path: Path, study_set, study_identity: pyrage.x25519.Identity
):
    journal = make_participant(tmp_path / "journal", study_set)
    out = tmp_path / "outbox"
    out.mkdir()
    try:
        journal.entries.add(NewEntry(body="what the group meant to me", shared=True))
        conn = journal._vault.db.conn
        conn.execute(FAIL_THE_LOG)
        with pytest.raises(Exception, match="injected"):
            participant.write(journal, participant.prepare(journal), out)
        first = sorted(out.iterdir())
        assert len(first) == 1, "the file is written before the log: the window under test"
        assert journal.sharing.log() == [], "the failed export was logged anyway"
        conn.execute("DROP TRIGGER temp.fail_export_log")
        participant.write(journal, participant.prepare(journal), out)
    finally:
        journal.close()
    files = sorted(out.iterdir())
    bundles = [open_export(f.read_bytes(), [study_identity], f.name) for f in files]
    numbers = sorted(b.manifest.export_seq for b in bundles)
    assert len(files) == 2 and numbers[0] < numbers[1], numbers
    merged = merge_bundles(bundles)  # refuses two files with one number
    assert merged.superseded == 1 and merged.participants[0].manifest.export_seq == numbers[1]
