"""Sharing belongs to a study (issue 10): after switching to study B, B's export holds nothing
shared with study A; going back to A finds A's shares again; a journal upgraded from schema 6
keeps what it shared, for the study it followed."""

from __future__ import annotations

import pyrage
import pytest

from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from peerjournal.promptset import parse
from peerjournal.vault import schema
from tests.helpers import FAST_KDF, STUDY_SET, pw

RECIPIENT = pyrage.x25519.Identity.generate().to_public()


def study_set(study_id: str, set_id: str) -> str:
    text = STUDY_SET.format(recipient=RECIPIENT)
    return text.replace("- id: pilot-2026", f"- id: {study_id}").replace(
        "- id: pilot-program", f"- id: {set_id}"
    )


@pytest.fixture
def journal(tmp_path):
    journal, _ = Journal.create(tmp_path / "j", pw(), kdf=FAST_KDF)
    yield journal
    journal.close()


def shared_bodies(journal: Journal) -> set[str]:
    return {e.body for e in journal.entries.shared()}


def test_a_new_study_starts_with_nothing_shared_and_the_old_one_keeps_its_shares(journal):
    set_a = parse(study_set("study-a", "set-a"), "a.md")
    set_b = parse(study_set("study-b", "set-b"), "b.md")
    journal.program.install(set_a)
    journal.entries.add(NewEntry(body="for study A", shared=True, session_number=1))
    journal.entries.add(NewEntry(body="private", shared=False))
    journal.program.save_feedback(1, {"takeaway": "A's form"}, shared=True)
    assert shared_bodies(journal) == {"for study A"}

    journal.program.install(set_b)
    assert shared_bodies(journal) == set()
    assert journal.program.shared_feedback() == []
    assert not any(e.shared for e in journal.entries.list())
    late = journal.entries.add(NewEntry(body="for study B", shared=True))
    assert shared_bodies(journal) == {"for study B"}

    journal.program.install(set_a)
    assert shared_bodies(journal) == {"for study A"}
    assert len(journal.program.shared_feedback()) == 1
    journal.entries.delete(late.id)
    journal.program.install(set_b)
    assert shared_bodies(journal) == set()


def test_a_journal_upgraded_from_schema_6_keeps_its_shares_for_the_study_it_follows(tmp_path):
    directory = tmp_path / "old"
    journal, _ = Journal.create(directory, pw(), kdf=FAST_KDF)
    journal.program.install(parse(study_set("study-a", "set-a"), "a.md"))
    journal.entries.add(NewEntry(body="shared before the upgrade", shared=True))
    conn = journal._vault.db.conn
    for statement in (  # take schema 7 away again: a journal as schema 6 left it
        "DROP TABLE shares",
        "DELETE FROM meta WHERE key = 'sharing_study'",
        "PRAGMA user_version = 6",
    ):
        conn.execute(statement)
    for name in ("entries", "feedback"):
        for event in ("insert", "update", "delete"):
            conn.execute(f"DROP TRIGGER {name}_share_{event}")
    journal.close()
    with Journal.open(directory, pw()) as reopened:
        assert schema.version_of(reopened._vault.db.conn) == schema.LATEST
        assert shared_bodies(reopened) == {"shared before the upgrade"}
        reopened.program.install(parse(study_set("study-b", "set-b"), "b.md"))
        assert shared_bodies(reopened) == set()
        reopened.program.install(parse(study_set("study-a", "set-a"), "a.md"))
        assert shared_bodies(reopened) == {"shared before the upgrade"}
