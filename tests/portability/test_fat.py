"""The journal on a real FAT32 or exFAT stick, through the real CLI in a child process.

What a participant does with a stick at a drop-in centre: init, write, list, check, back up,
export, dump, import, and a program killed (SIGKILL) while it writes. No hard links and no
permissions there: each command works, says once that the stick keeps no permissions, and never
leaves half a file.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyrage
import pytest

from tests.reliability.support import (
    INIT_KDF_ARGS,
    Sandbox,
    open_journal,
    study_prompt_set,
)

# Whole-app Pilot runs or real FUSE mounts: seconds each (the quick run stays quick).
pytestmark = pytest.mark.slow

NOTE = "cannot keep file permissions"


def notes(result) -> list[str]:
    return [line for line in result.stderr_lines if line.startswith("peerjournal: note: ")]


def ok(result):
    assert result.code == 0, result.describe()
    return result


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    return Sandbox.make(tmp_path / "box")


@pytest.fixture
def on_stick(sandbox: Sandbox, stick: Path) -> Path:
    """A new journal on the stick, made with `peerjournal init`."""
    journal = stick / "journal"
    made = ok(sandbox.run("init", *INIT_KDF_ARGS, journal=journal))
    said = notes(made)
    assert len(said) == 1 and NOTE in said[0], made.describe()
    assert "encryption still protects" in said[0]
    return journal


def _no_partials(folder: Path) -> None:
    leftovers = [p.name for p in folder.rglob("*") if "partial-" in p.name or ".tmp-" in p.name]
    assert leftovers == [], leftovers


def test_init_write_list_check(sandbox: Sandbox, on_stick: Path):
    for n in range(3):
        ok(
            sandbox.run(
                "write",
                "--title",
                f"day {n}",
                stdin=f"Entry {n} on a stick.".encode(),
                journal=on_stick,
            )
        )
    listed = ok(sandbox.run("list", journal=on_stick))
    assert all(f"day {n}" in listed.stdout for n in range(3)), listed.describe()
    assert notes(listed) == []  # opening says nothing: the note belongs to what makes files
    checked = ok(sandbox.run("check", journal=on_stick))
    assert "PROBLEM" not in checked.stdout
    assert f"permissions: this folder is on a file system that {NOTE}" in checked.stdout
    assert not any(p.name.endswith("-shm") for p in on_stick.iterdir())
    _no_partials(on_stick.parent)


def test_backup_onto_the_stick_and_off_it(sandbox: Sandbox, on_stick: Path, stick: Path):
    ok(sandbox.run("write", stdin=b"Worth keeping twice.", journal=on_stick))
    local = sandbox.root / "computer-copy"
    off = ok(sandbox.run("backup", str(local), journal=on_stick))
    assert notes(off) == []  # the copy on the computer's disk keeps its permissions
    ok(sandbox.run("check", journal=local))
    onto = stick / "backups" / "copy"
    onto.parent.mkdir()  # backup writes into a folder that exists, never creates its parents
    result = sandbox.run("backup", str(onto), journal=on_stick)
    if result.code and "lost the copy when its folder was renamed" in result.stderr:
        # fusefat's own fault (sticks.py): said in one line, nothing claimed, nothing left.
        assert len(result.stderr_lines) == 1, result.describe()
        assert not onto.exists()
    else:
        ok(result)
        said = notes(result)
        assert len(said) == 1 and NOTE in said[0], result.describe()
        checked = ok(sandbox.run("check", journal=onto))
        assert "PROBLEM" not in checked.stdout
        with open_journal(onto) as copy:
            assert [e.body for e in copy.entries.iter_all()] == ["Worth keeping twice."]
    _no_partials(stick)
    with open_journal(on_stick) as journal:
        assert journal.entries.count() == 1


def test_export_twice_onto_the_stick(sandbox: Sandbox, on_stick: Path, stick: Path):
    prompt_set = study_prompt_set(sandbox, sandbox.root)
    ok(sandbox.run("prompts", "install", str(prompt_set), journal=on_stick))
    ok(sandbox.run("consent", "--accept", journal=on_stick))
    entry = ok(sandbox.run("write", stdin=b"What I learned today.", journal=on_stick)).stdout
    ok(sandbox.run("share", entry.strip(), journal=on_stick))
    out = stick / "exports"
    out.mkdir()
    for n in (1, 2):
        ok(sandbox.run("export", "-o", str(out), journal=on_stick))
        names = sorted(p.name for p in out.iterdir())  # names hold a random part: by number
        numbers = sorted(int(name.removesuffix(".jsonl.age").rsplit("-", 1)[1]) for name in names)
        assert numbers == list(range(1, n + 1)), names
    identity = pyrage.x25519.Identity.from_str(
        next(
            line
            for line in (sandbox.root / "study-identity.txt").read_text().splitlines()
            if line.startswith("AGE-SECRET-KEY-")
        )
    )
    for path in out.iterdir():
        assert b"What I learned today." in pyrage.decrypt(path.read_bytes(), [identity])
    taken = ok(sandbox.run("exports", "--json", journal=on_stick)).stdout
    assert taken.count('"format"') == 2
    _no_partials(stick)


def test_dump_onto_the_stick_warns_about_plaintext(sandbox: Sandbox, on_stick: Path, stick: Path):
    ok(sandbox.run("write", "--title", "mine", stdin=b"Only for me.", journal=on_stick))
    target = stick / "my-copy"
    dumped = ok(sandbox.run("dump", str(target), "--yes", journal=on_stick))
    stick_notes = [n for n in notes(dumped) if NOTE in n]
    assert len(stick_notes) == 1 and "unencrypted" in stick_notes[0], dumped.describe()
    [md] = list(target.iterdir())
    assert "Only for me." in md.read_text()
    refused = sandbox.run("dump", str(target), "--yes", journal=on_stick)
    assert refused.code != 0 and "not empty" in refused.stderr


def test_import_a_folder_from_the_stick(sandbox: Sandbox, on_stick: Path, stick: Path):
    notes_folder = stick / "old-notes"
    notes_folder.mkdir()
    for n in range(4):
        (notes_folder / f"2026-03-0{n + 1}.md").write_text(f"# Note {n}\n\nText {n}.\n")
    imported = ok(sandbox.run("import", str(notes_folder), journal=on_stick))
    assert "imported 4 entries" in imported.stdout
    with open_journal(on_stick) as journal:
        assert journal.entries.count() == 4
    ok(sandbox.run("check", journal=on_stick))


def _start_write(sandbox: Sandbox, journal: Path, body: bytes) -> subprocess.Popen:
    cli = [
        sys.executable,
        "-m",
        "peerjournal",
        "--journal",
        str(journal),
        "--passphrase-file",
        str(sandbox.passphrase_file),
        "write",
        "--title",
        "killed",
    ]
    proc = subprocess.Popen(
        cli,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=sandbox.env(),
        cwd=sandbox.root,
    )
    assert proc.stdin is not None
    proc.stdin.write(body)
    proc.stdin.close()
    return proc


@pytest.mark.slow
def test_kill_during_write_leaves_a_journal_that_opens_and_checks(sandbox: Sandbox, on_stick: Path):
    """SIGKILL at random moments of `peerjournal write`: every write that returned is kept,
    and the journal opens and passes `check` afterwards, with no -shm file to go stale."""
    seed = int(os.environ.get("PJ_STRESS_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    finished = 0
    for n in range(8):
        body = (f"round {n} " + "lorem " * rng.choice((10, 3000, 30000))).encode()
        proc = _start_write(sandbox, on_stick, body)
        time.sleep(rng.uniform(0.05, 0.6))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        out, err = proc.stdout.read(), proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
        if proc.returncode == 0:
            finished += 1
        else:
            assert proc.returncode == -signal.SIGKILL, (seed, proc.returncode, err)
        checked = sandbox.run("check", journal=on_stick)
        assert checked.code == 0 and "PROBLEM" not in checked.stdout, (seed, checked.describe())
        del out
    with open_journal(on_stick) as journal:
        kept = journal.entries.count()
    assert kept >= finished, (seed, kept, finished)
    assert ok(sandbox.run("write", stdin=b"after the kills", journal=on_stick))
