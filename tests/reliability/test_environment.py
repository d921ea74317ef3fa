"""Hostile environments: a full disk, read-only and forbidden folders, a journal in use, and an
unusable data folder. Each gives one clear error line, and no committed entry is lost.

The suite runs as root in some places (CI containers), where chmod denies nothing; there the
child runs as the `nobody` user instead, so permission checks are real either way.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .support import (
    INIT_KDF_ARGS,
    PASSPHRASE,
    Result,
    Sandbox,
    assert_clean_failure,
    kill_hard,
    make_journal,
    open_journal,
    snapshot,
)

pytestmark = pytest.mark.slow

IS_ROOT = os.geteuid() == 0


def _entries(journal: Path) -> dict[str, str]:
    with open_journal(journal) as j:
        return {e.id: e.body for e in j.entries.iter_all()}


def _check_ok(sandbox: Sandbox, journal: Path) -> None:
    result = sandbox.run("check", journal=journal)
    assert result.code == 0, result.describe()


# -- disk full ------------------------------------------------------------------------------------


def file_size_limit(limit: int) -> Callable[[], None]:
    """`ulimit -f` for the child: writes past `limit` bytes fail with EFBIG (SIGXFSZ ignored)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


BIG = ("a long entry that will not fit " * 20000).encode()


def test_file_size_limit_during_write_saves_nothing_and_loses_nothing(
    sandbox: Sandbox, journal: Path
) -> None:
    before = _entries(journal)
    limit = (journal / "journal.db").stat().st_size + 8192
    result = sandbox.run("write", stdin=BIG, preexec_fn=file_size_limit(limit))
    assert_clean_failure(result, needles=["disk", "nothing was saved"])
    assert _entries(journal) == before
    _check_ok(sandbox, journal)
    assert sandbox.run("write", "--text", "fits now").code == 0


@pytest.mark.parametrize(
    "command",
    [
        ("edit", "{id}"),
        ("passwd", "--new-passphrase-file", "{other}"),
        ("rekey", "--yes"),
        ("recovery-code", "--yes"),
    ],
)
def test_file_size_limit_during_secret_and_edit_commands(
    sandbox: Sandbox, journal: Path, command: tuple[str, ...]
) -> None:
    before = _entries(journal)
    first = next(iter(before))
    args = [a.format(id=first, other=sandbox.other_passphrase_file) for a in command]
    # A limit below the key file's size makes its atomic rewrite fail; the db cannot grow either.
    result = sandbox.run(*args, stdin=BIG, preexec_fn=file_size_limit(300))
    assert_clean_failure(result, needles=["disk"])
    assert _entries(journal) == before  # the old passphrase still opens it, all entries intact
    _check_ok(sandbox, journal)


def test_file_size_limit_during_backup_leaves_no_half_copy(sandbox: Sandbox, journal: Path) -> None:
    target = sandbox.root / "usb" / "copy"
    target.parent.mkdir()
    result = sandbox.run("backup", str(target), preexec_fn=file_size_limit(50_000))
    assert_clean_failure(result, needles=["disk"])
    assert list(target.parent.iterdir()) == [], "a half-written backup was left behind"
    _check_ok(sandbox, journal)


def test_file_size_limit_during_init_leaves_no_half_journal(sandbox: Sandbox) -> None:
    result = sandbox.run("init", *INIT_KDF_ARGS, preexec_fn=file_size_limit(20_000))
    assert_clean_failure(result, needles=["disk"])
    leftover = [p.name for p in sandbox.journal.iterdir()] if sandbox.journal.exists() else []
    assert not {"journal.db", "keyslots.json"} & set(leftover), leftover
    again = sandbox.run("init", *INIT_KDF_ARGS)
    assert again.code == 0, again.describe()


@contextlib.contextmanager
def small_tmpfs(size: str) -> Iterator[Path]:
    where = Path(tempfile.mkdtemp(prefix="pj-tmpfs-"))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
        capture_output=True,
    )
    if done.returncode:
        where.rmdir()
        pytest.skip(
            "cannot mount a tmpfs here (needs root); the file size limit tests cover "
            "the same failure"
        )
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], capture_output=True)
        where.rmdir()


@pytest.mark.slow
def test_a_really_full_disk_keeps_every_committed_entry(sandbox: Sandbox) -> None:
    with small_tmpfs("1m") as disk:
        journal = disk / "journal"
        make_journal(journal, entries=2)
        committed = _entries(journal)
        failure: Result | None = None
        for i in range(40):
            result = sandbox.run(
                "write",
                journal=journal,
                stdin=f"entry {i} ".encode() + os.urandom(60_000).hex().encode(),
            )
            if result.code:
                failure = result
                break
            committed[result.stdout.strip()] = None  # type: ignore[assignment]
        assert failure is not None, "the 1 MiB disk never filled up"
        assert_clean_failure(failure, needles=["disk is full", "nothing was saved"])
        after = _entries(journal)
        assert set(after) == set(committed)
        _check_ok(sandbox, journal)
        listing = sandbox.run("list", "-n", "100", journal=journal)
        assert listing.code == 0, listing.describe()


# -- permissions -----------------------------------------------------------------------------------


SETPRIV = shutil.which("setpriv")
# As root, chmod denies nothing; dropping these capabilities makes the child obey file modes.
DROP_DAC = ("--bounding-set=-dac_override,-dac_read_search,-fowner",)


def run_restricted(box: Sandbox, *args: str, **kw) -> Result:
    """Run the CLI so that file modes bind it (as root: without the capabilities that skip them)."""
    if not IS_ROOT:
        return box.run(*args, **kw)
    if not SETPRIV:
        pytest.skip("running as root without setpriv: chmod cannot deny anything here")
    return box.run(*args, wrapper=(SETPRIV, *DROP_DAC), **kw)


def test_read_only_journal_folder(sandbox: Sandbox) -> None:
    box = sandbox
    make_journal(box.journal, entries=2)
    os.chmod(box.journal, 0o500)
    try:
        before = snapshot(box.journal)
        result = run_restricted(box, "write", "--text", "not possible here")
        line = assert_clean_failure(result)
        assert "read-only" in line or "permission denied" in line, result.describe()
        listing = run_restricted(box, "list")
        if listing.code:
            line = assert_clean_failure(listing)
            assert "read-only" in line or "permission denied" in line, listing.describe()
        assert snapshot(box.journal) == before
    finally:
        os.chmod(box.journal, 0o700)
    assert len(_entries(box.journal)) == 2


def test_journal_folder_without_permission(sandbox: Sandbox) -> None:
    box = sandbox
    make_journal(box.journal, entries=1)
    os.chmod(box.journal, 0o000)
    try:
        before_cmds = [("list",), ("write", "--text", "x"), ("check",), ("init", *INIT_KDF_ARGS)]
        for command in before_cmds:
            result = run_restricted(box, *command)
            line = assert_clean_failure(result)
            words = ("permission denied", "not readable", "exists")
            assert any(w in line for w in words), result.describe()
    finally:
        os.chmod(box.journal, 0o700)
    assert len(_entries(box.journal)) == 1


@pytest.mark.skipif(not IS_ROOT, reason="needs root to mount a read-only bind mount")
def test_read_only_disk(sandbox: Sandbox, journal: Path) -> None:
    ro = sandbox.root / "ro"
    ro.mkdir()
    if subprocess.run(
        ["mount", "--bind", "-o", "ro", str(journal), str(ro)], capture_output=True
    ).returncode:
        pytest.skip("bind mounts are not allowed here")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(ro)], capture_output=True)
        before = snapshot(journal)
        result = sandbox.run("write", "--text", "x", journal=ro)
        line = assert_clean_failure(result)
        assert "read-only" in line or "permission denied" in line, result.describe()
        assert snapshot(journal) == before
    finally:
        subprocess.run(["umount", str(ro)], capture_output=True)


# -- a journal in use ------------------------------------------------------------------------------


IN_USE_COMMANDS = [
    ("list",),
    ("write", "--text", "x"),
    ("check",),
    ("stats",),
    ("rekey", "--yes"),
    ("passwd", "--new-passphrase-file", "{other}"),
    ("backup", "{backup}"),
    ("search", "quiet"),
]


def test_journal_open_in_this_process_is_in_use_for_every_command(
    sandbox: Sandbox, journal: Path
) -> None:
    before = _entries(journal)
    holder = open_journal(journal)
    try:
        snap = snapshot(journal)
        for command in IN_USE_COMMANDS:
            args = [
                a.format(other=sandbox.other_passphrase_file, backup=sandbox.root / "b")
                for a in command
            ]
            result = sandbox.run(*args)
            assert_clean_failure(result, needles=["journal is in use"])
        assert snapshot(journal) == snap
        assert not (sandbox.root / "b").exists()
    finally:
        holder.close()
    assert _entries(journal) == before
    assert sandbox.run("write", "--text", "after the other window closed").code == 0


def test_journal_held_by_another_process_then_killed(sandbox: Sandbox, journal: Path) -> None:
    proc = sandbox.driver("stress.py", "hold", str(journal), PASSPHRASE, "1", "held-text")
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"R"
        assert proc.stdout.readline().startswith(b"C hold")
        result = sandbox.run("write", "--text", "second window")
        assert_clean_failure(result, needles=["journal is in use"])
    finally:
        kill_hard(proc)
    # The lock dies with its process: no stale lock keeps the person out.
    result = sandbox.run("list")
    assert result.code == 0 and "held-text" in result.stdout, result.describe()
    _check_ok(sandbox, journal)


# -- the data and config folders ------------------------------------------------------------------


def test_data_folder_that_is_a_file(sandbox: Sandbox) -> None:
    data_home = sandbox.xdg["XDG_DATA_HOME"]
    shutil.rmtree(data_home)
    data_home.write_text("not a folder")
    for command in (("init", *INIT_KDF_ARGS), ("list",), ("write", "--text", "x")):
        result = sandbox.run(*command, use_default_journal=True)
        line = assert_clean_failure(result)
        assert "folder" in line or "no journal" in line, result.describe()
    assert data_home.read_text() == "not a folder"


def test_unwritable_data_folder(sandbox: Sandbox) -> None:
    box = sandbox
    data_home = box.xdg["XDG_DATA_HOME"]
    os.chmod(data_home, 0o555)
    try:
        result = run_restricted(box, "init", *INIT_KDF_ARGS, use_default_journal=True)
        assert_clean_failure(result, needles=["permission denied"])
        assert list(data_home.iterdir()) == []
    finally:
        os.chmod(data_home, 0o755)


def test_journal_dir_env_pointing_at_a_file(sandbox: Sandbox) -> None:
    target = sandbox.root / "a-file"
    target.write_text("keep me")
    env = sandbox.env(PEERJOURNAL_DIR=str(target))
    for command in (("init", *INIT_KDF_ARGS), ("list",)):
        result = sandbox.run(*command, use_default_journal=True, env=env)
        assert_clean_failure(result)
    assert target.read_text() == "keep me"
