"""File creation where hard links, permissions or signals are missing, on a real journal.

The FAT tests (test_fat.py) show the same on a real FAT file system; these run everywhere and
take away one platform feature at a time (os.link, a working chmod) to name the code that copes.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pyrage
import pytest

from peerjournal.errors import RefuseOverwrite
from peerjournal.export import participant
from peerjournal.model import NewEntry
from peerjournal.promptset import parse
from peerjournal.vault import files
from tests.helpers import STUDY_SET, make_participant


@pytest.fixture
def no_links(monkeypatch):
    """A file system without hard links, as FAT32 and exFAT are: link() fails with EPERM."""

    def refuse(src, dst, *args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted", str(src))

    monkeypatch.setattr(os, "link", refuse, raising=False)


@pytest.fixture
def participant_journal(tmp_path):
    identity = pyrage.x25519.Identity.generate()
    study_set = parse(STUDY_SET.format(recipient=identity.to_public()), "pilot.md")
    journal = make_participant(tmp_path / "journal", study_set)
    entry = journal.entries.add(NewEntry(body="A good session about rights."))
    journal.entries.set_shared(entry.id, True)
    yield journal
    journal.close()


def test_publish_new_without_hard_links_takes_the_name_and_never_replaces(tmp_path, no_links):
    partial, target = tmp_path / ".out.partial", tmp_path / "out"
    partial.write_bytes(b"whole file")
    files.publish_new(partial, target)
    assert target.read_bytes() == b"whole file"
    assert not partial.exists()
    partial.write_bytes(b"second")
    with pytest.raises(FileExistsError):
        files.publish_new(partial, target)
    assert target.read_bytes() == b"whole file"


def test_publish_new_without_os_link_at_all(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "link", raising=False)
    partial, target = tmp_path / ".out.partial", tmp_path / "out"
    partial.write_bytes(b"data")
    files.publish_new(partial, target)
    assert target.read_bytes() == b"data"


def test_publish_new_does_not_follow_a_planted_link(tmp_path, no_links):
    if not files.NOFOLLOW:
        pytest.skip("this platform has no O_NOFOLLOW")
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep me")
    (tmp_path / "out").symlink_to(victim)
    partial = tmp_path / ".out.partial"
    partial.write_bytes(b"export")
    with pytest.raises(FileExistsError):
        files.publish_new(partial, tmp_path / "out")
    assert victim.read_bytes() == b"keep me"


def test_export_without_hard_links_writes_and_numbers_in_order(
    participant_journal, tmp_path, no_links
):
    out = tmp_path / "exports"
    out.mkdir()
    first = participant.write(participant_journal, participant.prepare(participant_journal), out)
    second = participant.write(participant_journal, participant.prepare(participant_journal), out)
    assert first.name.endswith("-1.jsonl.age") and second.name.endswith("-2.jsonl.age")
    assert sorted(p.name for p in out.iterdir()) == sorted([first.name, second.name])


def test_a_failed_export_gives_its_number_back(participant_journal, tmp_path, no_links):
    missing = tmp_path / "no-such-folder" / "export.age"
    with pytest.raises(OSError):
        participant.write(participant_journal, participant.prepare(participant_journal), missing)
    taken = tmp_path / "taken.age"
    taken.write_bytes(b"someone else's file")
    with pytest.raises(RefuseOverwrite):
        participant.write(participant_journal, participant.prepare(participant_journal), taken)
    assert taken.read_bytes() == b"someone else's file"
    done = participant.write(
        participant_journal, participant.prepare(participant_journal), tmp_path
    )
    assert done.name.endswith("-1.jsonl.age"), done.name
    assert len(participant_journal.sharing.log()) == 1


HOLD = """
import os, sys, time
from pathlib import Path
from peerjournal.vault import lock
fd = os.open(sys.argv[1], os.O_RDWR)
assert lock.try_lock(fd)
print("held", flush=True)
time.sleep(60)
"""


def test_stale_partials_go_and_a_live_writers_partial_stays(participant_journal, tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    dead = out / ".study-export-x-9.jsonl.age.pj-partial-00112233445566ff"
    dead.write_bytes(b"half of a dead writer's export")
    live = out / ".study-export-y-3.jsonl.age.pj-partial-a0b1c2d3e4f50617"
    live.write_bytes(b"a live writer's export")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(live)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        done = participant.write(participant_journal, participant.prepare(participant_journal), out)
        names = sorted(p.name for p in out.iterdir())
        assert names == sorted([done.name, live.name]), names
    finally:
        holder.kill()
        holder.wait()
    participant.write(participant_journal, participant.prepare(participant_journal), out)
    assert not live.exists(), "the partial of a writer that died stays"


def test_make_private_dir_says_when_permissions_are_not_kept(tmp_path, monkeypatch):
    assert files.make_private_dir(tmp_path / "kept") is True

    def no_chmod(path, mode, *args, **kwargs):
        raise OSError(errno.ENOSYS, "Function not implemented", str(path))

    monkeypatch.setattr(os, "chmod", no_chmod)
    assert files.make_private_dir(tmp_path / "fat") is False
    assert (tmp_path / "fat").is_dir()


def test_make_private_dir_still_refuses_a_folder_that_is_not_ours(tmp_path, monkeypatch):
    """EPERM on a folder owned by someone else is a real refusal, not a stick without modes."""
    folder = tmp_path / "theirs"
    folder.mkdir()

    def not_owner(path, mode, *args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted", str(path))

    monkeypatch.setattr(os, "chmod", not_owner)
    monkeypatch.setattr(os, "geteuid", lambda: folder.stat().st_uid + 1, raising=False)
    with pytest.raises(PermissionError):
        files.make_private_dir(folder)


def test_an_export_refused_at_review_does_not_use_up_a_number(tmp_path):
    """`export --review` answered "no" (no terminal, no --yes) writes nothing and keeps the
    number for the export that is really written next."""
    from typer.testing import CliRunner

    from peerjournal.cli.main import app
    from tests.helpers import PASSPHRASE

    identity = pyrage.x25519.Identity.generate()
    study_set = parse(STUDY_SET.format(recipient=identity.to_public()), "pilot.md")
    journal = make_participant(tmp_path / "journal", study_set)
    with journal:
        entry = journal.entries.add(NewEntry(body="Shared after a review."))
        journal.entries.set_shared(entry.id, True)
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE + "\n")
    base = ["--journal", str(tmp_path / "journal"), "--passphrase-file", str(passfile)]
    out = tmp_path / "out"
    out.mkdir()
    refused = CliRunner().invoke(app, [*base, "export", "--review", "-o", str(out)])
    assert refused.exit_code != 0 and list(out.iterdir()) == []
    done = CliRunner().invoke(app, [*base, "export", "-o", str(out)])
    assert done.exit_code == 0, done.stderr
    assert [p.name.endswith("-1.jsonl.age") for p in out.iterdir()] == [True]


def test_export_never_deletes_or_follows_what_it_did_not_create(participant_journal, tmp_path):
    """The partial had a predictable name (`.NAME.partial-PID`) and every unlocked file named
    `.*.partial-*` in the folder was removed. Now the name is random, made by exclusive create
    without following links, and only this code's own dead partials are cleared."""
    out = tmp_path / "exports"
    out.mkdir()
    theirs = out / ".thesis.pdf.partial-3"  # another program's download in progress
    theirs.write_bytes(b"not ours")
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep me")
    target = out / "export.jsonl.age"
    planted = out / f".{target.name}.partial-{os.getpid()}"  # the old, predictable name
    planted.symlink_to(victim)
    done = participant.write(participant_journal, participant.prepare(participant_journal), target)
    assert done == target and target.stat().st_size > 0
    assert theirs.read_bytes() == b"not ours", "a file the export did not make was deleted"
    assert planted.is_symlink() and victim.read_bytes() == b"keep me"
    left = sorted(p.name for p in out.iterdir())
    assert left == sorted([target.name, theirs.name, planted.name]), left
