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


def test_switching_study_says_that_nothing_is_shared_with_the_new_one(tmp_path):
    from typer.testing import CliRunner

    from peerjournal.cli.main import app
    from tests.helpers import FAST_KDF_ARGS, PASSPHRASE

    secret = tmp_path / "secret"
    secret.write_text(PASSPHRASE + "\n")
    files = {}
    for key in ("a", "b"):
        text = study_set(f"study-{key}", f"set-{key}").replace(
            "- name: Peer journal pilot study", f"- name: Study {key.upper()}"
        )
        files[key] = tmp_path / f"{key}.md"
        files[key].write_text(text, encoding="utf-8")
    base = ["--journal", str(tmp_path / "j"), "--passphrase-file", str(secret)]
    runner = CliRunner()
    assert runner.invoke(app, [*base, "init", "--no-recovery-code", *FAST_KDF_ARGS]).exit_code == 0
    first = runner.invoke(app, [*base, "prompts", "install", str(files["a"])])
    assert "Nothing is shared with the study Study A" in first.output, first.output
    second = runner.invoke(app, [*base, "prompts", "install", str(files["b"])])
    assert second.exit_code == 0, second.output
    assert "Nothing is shared with the study Study B" in second.output
    assert "with Study A stays for that study only" in second.output
    again = runner.invoke(app, [*base, "prompts", "install", str(files["b"])])
    assert "Nothing is shared" not in again.output
