"""Damage: truncated, bit-flipped and zero-filled files, missing or foreign key files.

Each case damages a copy of a journal, runs real commands in a subprocess, and demands one
clear line on stderr that names the problem and the way out (a backup), a non-zero exit, no
traceback, and not one byte of the journal folder changed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .support import Sandbox, assert_clean_failure, make_journal, snapshot

pytestmark = pytest.mark.slow

PAGE = 4096


def truncate_to(size: int) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        data = path.read_bytes()
        path.write_bytes(data[:size])

    return damage


def truncate_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def truncate_pages(path: Path) -> None:
    """Cut whole pages off the end: the size still looks like a database."""
    data = path.read_bytes()
    pages = len(data) // PAGE
    path.write_bytes(data[: (pages // 3) * PAGE])


def flip_bit(offset: int, bit: int = 0) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        at = offset if offset >= 0 else len(data) + offset
        data[at] ^= 1 << bit
        path.write_bytes(bytes(data))

    return damage


def zero_range(start: int, length: int | None) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        end = len(data) if length is None else start + length
        data[start:end] = bytes(end - start)
        path.write_bytes(bytes(data))

    return damage


def empty(path: Path) -> None:
    path.write_bytes(b"")


def flip_in_json_value(key: str) -> Callable[[Path], None]:
    """Flip a bit inside a base64 value of the first slot, keeping the JSON parseable."""

    def damage(path: Path) -> None:
        text = path.read_text()
        at = text.index(f'"{key}": "') + len(key) + 6
        swapped = "B" if text[at] != "B" else "C"
        path.write_text(text[:at] + swapped + text[at + 1 :])

    return damage


DB_DAMAGE = {
    "db-empty": empty,
    "db-100-bytes": truncate_to(100),
    "db-half": truncate_half,
    "db-odd-size": truncate_to(PAGE * 3 + 17),
    "db-whole-pages-cut": truncate_pages,
    "db-zero-filled": zero_range(0, None),
    "db-first-page-zeroed": zero_range(0, PAGE),
    "db-salt-bit-flipped": flip_bit(3),
    "db-first-page-bit-flipped": flip_bit(200, 5),
    "db-page-two-bit-flipped": flip_bit(PAGE + 100, 2),
}


# Damage that leaves every page `list` reads whole: only there may a reading command still work.
READABLE = {"db-page-two-bit-flipped"}


@pytest.mark.parametrize("damage", DB_DAMAGE.values(), ids=DB_DAMAGE.keys())
def test_damaged_database_fails_clearly_and_changes_nothing(
    sandbox: Sandbox, journal: Path, damage: Callable[[Path], None], request: pytest.FixtureRequest
) -> None:
    damage(journal / "journal.db")
    before = snapshot(journal)
    for command in (("check",), ("write", "--text", "one more"), ("list",)):
        result = sandbox.run(*command)
        assert snapshot(journal) == before, f"{command} changed the damaged journal"
        if result.code == 0:
            # Only reading may go on, and only while it never reads the damaged page (here: the
            # second page, a part of the tree `list` does not need); `check` and `write` found it.
            assert command == ("list",) and request.node.callspec.id in READABLE, result.describe()
            continue
        line = assert_clean_failure(result)
        if command[0] != "check":
            assert "damaged" in line and "backup" in line, result.describe()
        else:
            assert "backup" in line, result.describe()


def _journal_with_free_pages(sandbox: Sandbox) -> Path:
    """A journal whose file has many pages, so damage can land away from the first page."""
    directory = sandbox.root / "big"
    make_journal(directory, entries=200)
    return directory


@pytest.mark.parametrize("where", ["middle", "last"])
@pytest.mark.parametrize("how", ["bit-flip", "zero-page"])
def test_damage_inside_the_database_is_found_by_check(
    sandbox: Sandbox, where: str, how: str
) -> None:
    directory = _journal_with_free_pages(sandbox)
    db = directory / "journal.db"
    pages = db.stat().st_size // PAGE
    page = pages // 2 if where == "middle" else pages - 1
    (flip_bit(page * PAGE + 1000, 3) if how == "bit-flip" else zero_range(page * PAGE, PAGE))(db)
    before = snapshot(directory)
    result = sandbox.run("check", journal=directory)
    line = assert_clean_failure(result, needles=["backup"])
    assert "problem" in line
    assert "PROBLEM" in result.stdout, result.describe()
    listing = sandbox.run("list", "-n", "1000", journal=directory)
    if listing.code:
        assert_clean_failure(listing, needles=["damaged", "backup"])
    search = sandbox.run("search", "quiet", "-n", "1000", journal=directory)
    if search.code:
        assert_clean_failure(search, needles=["damaged", "backup"])
    assert snapshot(directory) == before


KEY_DAMAGE = {
    "key-empty": empty,
    "key-truncated": truncate_half,
    "key-zero-filled": zero_range(0, None),
    "key-not-json": flip_bit(0, 1),
    "key-sealed-bit-flipped": flip_in_json_value("sealed"),
    "key-salt-bit-flipped": flip_in_json_value("salt"),
    "key-nonce-bit-flipped": flip_in_json_value("nonce"),
}


@pytest.mark.parametrize("damage", KEY_DAMAGE.values(), ids=KEY_DAMAGE.keys())
def test_damaged_key_file_and_backup_fail_clearly(
    sandbox: Sandbox, journal: Path, damage: Callable[[Path], None]
) -> None:
    damage(journal / "keyslots.json")
    damage(journal / "keyslots.json.bak")
    before = snapshot(journal)
    for command in (
        ("list",),
        ("write", "--text", "x"),
        ("passwd", "--new-passphrase-file", str(sandbox.other_passphrase_file)),
    ):
        result = sandbox.run(*command)
        line = assert_clean_failure(result)
        if "sealed" in result.args or "bit-flipped" in str(damage):
            pass
        assert "key file" in line or "passphrase" in line, result.describe()
        assert snapshot(journal) == before


@pytest.mark.parametrize("damage", KEY_DAMAGE.values(), ids=KEY_DAMAGE.keys())
def test_damaged_key_file_opens_with_its_backup_and_keeps_both(
    sandbox: Sandbox, journal: Path, damage: Callable[[Path], None]
) -> None:
    damage(journal / "keyslots.json")
    damaged = (journal / "keyslots.json").read_bytes()
    good_backup = (journal / "keyslots.json.bak").read_bytes()
    result = sandbox.run("list")
    assert result.code == 0, result.describe()
    assert "day 0" in result.stdout
    assert len(result.stderr_lines) == 1 and "backup" in result.stderr, result.describe()
    assert (journal / "keyslots.json.bak").read_bytes() == good_backup, "the good backup was lost"
    assert (journal / "keyslots.json").read_bytes() == damaged
    again = sandbox.run("list")
    assert again.code == 0, again.describe()
    check = sandbox.run("check")
    assert_clean_failure(check, needles=["backup"], notes=True)
    assert "keyslots.json" in check.stdout


def test_missing_key_file_without_backup(sandbox: Sandbox, journal: Path) -> None:
    (journal / "keyslots.json").unlink()
    (journal / "keyslots.json.bak").unlink()
    before = snapshot(journal)
    for command in (("list",), ("write", "--text", "x"), ("check",), ("rekey", "--yes")):
        result = sandbox.run(*command)
        assert_clean_failure(result, needles=["key file is missing", "backup"])
    assert snapshot(journal) == before


def test_missing_key_file_with_backup_opens_and_says_so(sandbox: Sandbox, journal: Path) -> None:
    (journal / "keyslots.json").unlink()
    backup = (journal / "keyslots.json.bak").read_bytes()
    result = sandbox.run("list")
    assert result.code == 0, result.describe()
    assert len(result.stderr_lines) == 1 and "keyslots.json.bak" in result.stderr
    assert (journal / "keyslots.json.bak").read_bytes() == backup


def test_missing_database(sandbox: Sandbox, journal: Path) -> None:
    (journal / "journal.db").unlink()
    before = snapshot(journal)
    for command in (("list",), ("write", "--text", "x"), ("check",)):
        result = sandbox.run(*command)
        assert_clean_failure(result, needles=["database is missing", "backup"])
    assert snapshot(journal) == before


def test_key_file_from_another_journal(sandbox: Sandbox, journal: Path) -> None:
    other = sandbox.root / "other"
    make_journal(other, entries=1)
    for name in ("keyslots.json", "keyslots.json.bak"):
        shutil.copy(other / name, journal / name)
    before = snapshot(journal)
    for command in (("list",), ("write", "--text", "x"), ("check",)):
        result = sandbox.run(*command)
        assert_clean_failure(result, needles=["another journal", "backup"])
    assert snapshot(journal) == before
