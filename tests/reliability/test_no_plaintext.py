"""No plaintext: canary text written into entries, titles, tags and drafts never appears in any
byte of any file under the journal folder, the temp folder, HOME and its XDG folders, or a
backup, neither while the journal is open (with its -wal and -shm files) nor after a scripted run
of every command and a killed writer.

A positive control proves the scan can see: the same canary is found in the plaintext `dump`
(which is plaintext on purpose, and written outside the scanned folders).

The journal is also read the way someone who unlocks it could (tests/decrypted.py): every table,
FTS5's shadow tables included, and every decrypted page of the database file and its WAL. Words
that were deleted or overwritten (an entry, its title and tag, an edited text and title, a removed
tag, an overwritten feedback answer, a removed term) are in none of them, in the journal or in its
backup, while the words still in use are found there.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

import pytest

from tests.decrypted import data_key, words_in_pages, words_in_tables

from .support import (
    INIT_KDF_ARGS,
    OTHER_PASSPHRASE,
    PASSPHRASE,
    Sandbox,
    find_canary,
    kill_hard,
    study_prompt_set,
)

pytestmark = pytest.mark.slow
SYSTEM_TEMPS = [Path("/tmp"), Path("/var/tmp"), Path("/dev/shm")]


def _canaries() -> dict[str, str]:
    """Distinct canaries, so a leak says which field leaked. Lowercase: tags are folded."""
    token = secrets.token_hex(4)
    return {
        field: f"zq{field}canary{token}"
        for field in ("body", "title", "tag", "draft", "edit", "term", "held")
    }


def _gone_canaries() -> dict[str, str]:
    """Words written and then deleted or overwritten. A random start: FTS5 stores a term after the
    prefix it shares with the one before it (tests/decrypted.py looks for the tail)."""
    return {
        field: f"{secrets.token_hex(3)}{field}gone{secrets.token_hex(3)}"
        for field in ("body", "title", "tag", "oldbody", "oldtitle", "oldtag", "answer", "term")
    }


def _scan_decrypted(directory: Path, passphrase: str, gone: dict, kept: dict) -> None:
    """No word of `gone` in any table or decrypted page of the journal at `directory`; every word
    of `kept` found in both (the scans can see)."""
    from peerjournal.journal import Journal, secret_bytes

    with Journal.open(directory, secret_bytes(passphrase)) as journal:
        tables = words_in_tables(journal._vault.db.conn, [*gone.values(), *kept.values()])
    pages = words_in_pages(
        directory, data_key(directory, passphrase), [*gone.values(), *kept.values()]
    )
    for scan, hits in (("tables", tables), ("pages", pages)):
        left = {name: hits[word] for name, word in gone.items() if word in hits}
        assert not left, f"deleted or overwritten words still in the decrypted {scan}: {left}"
        unseen = [name for name, word in kept.items() if word not in hits]
        assert not unseen, f"the decrypted {scan} scan cannot see {unseen}"


def _scan(sandbox: Sandbox, canaries: dict[str, str], extra: list[Path], since: float) -> None:
    roots = [*sandbox.scan_roots(), *extra]
    hits = {name: find_canary(roots, value) for name, value in canaries.items()}
    new_system_files = [
        p
        for temp in SYSTEM_TEMPS
        if temp.is_dir()
        for p in temp.iterdir()
        if p.is_file() and not p.is_symlink() and p.stat().st_mtime >= since
    ]
    hits["system-temp"] = [
        hit for value in canaries.values() for hit in find_canary(new_system_files, value)
    ]
    leaks = {name: found for name, found in hits.items() if found}
    assert not leaks, f"plaintext found on disk: {leaks}"


def test_no_canary_on_disk_during_and_after_every_command(sandbox: Sandbox) -> None:
    since = time.time() - 1
    c = _canaries()
    outside = sandbox.root / "outside"  # where plaintext lives on purpose (inputs, dump)
    outside.mkdir()
    run = sandbox.run

    def ok(*args: str, stdin: bytes | None = None, **kw) -> str:
        result = run(*args, stdin=stdin, **kw)
        assert result.code == 0, result.describe()
        for value in c.values():  # nothing about content on stderr either (e.g. in a log line)
            assert value not in result.stderr, result.describe()
        return result.stdout

    ok("init", *INIT_KDF_ARGS, "--recovery-code")
    body = f"Today at the drop-in: {c['body']} and more.\n".encode()
    entry_id = ok(
        "write", "--title", f"about {c['title']}", "--tag", c["tag"], "--mood", "3", stdin=body
    ).strip()
    ok("write", "--text", f"second {c['body']}", "--share")
    ok("list")
    ok("list", "--json", "--tag", c["tag"])
    ok("show", entry_id)
    ok("show", entry_id, "--json")
    assert c["body"] in ok("search", c["body"])
    ok("search", c["body"], "--json")
    ok("edit", entry_id, "--title", f"edited {c['title']}", stdin=f"edited {c['edit']}\n".encode())
    ok("tag", entry_id, f"{c['tag']}x")
    ok("share", entry_id)
    ok("unshare", entry_id)
    # Written, then deleted or overwritten: none of it may stay readable in the journal.
    g = _gone_canaries()
    gone_id = ok("write", "--title", g["title"], "--tag", g["tag"], stdin=g["body"].encode())
    ok("delete", "--yes", gone_id.strip())
    old_id = ok(
        "write", "--title", g["oldtitle"], "--tag", g["oldtag"], stdin=g["oldbody"].encode()
    ).strip()
    ok("edit", old_id, "--title", f"new {c['title']}", stdin=f"new {c['edit']}\n".encode())
    ok("tag", old_id, "--remove", g["oldtag"])
    ok("terms", "add", g["term"])
    ok("terms", "remove", g["term"])
    ok("stats")
    ok("stats", "--json")
    ok("check")
    ok("terms", "add", c["term"])
    ok("terms", "list")
    ok("redact", stdin=f"call {c['term']} at 555-0100\n".encode())
    prompt_set = study_prompt_set(sandbox, sandbox.root / "outside")
    ok("prompts", "validate", str(prompt_set), passphrase_file="")
    ok("prompts", "install", str(prompt_set))
    ok("sessions")
    ok("attend", "1")
    ok("write", "--session", "1", "--prompt", "1", "--share", "--text", f"answer {c['body']}")
    ok("feedback", "1", "--answer", f"suggestions=first {g['answer']}")
    ok(
        "feedback",
        "1",
        "--answer",
        f"suggestions=more {c['body']}",
        "--answer",
        "useful=4",
        "--answer",
        "pace=About right",
    )
    ok("feedback", "1", "--show")
    ok("share-feedback", "1")
    ok("unshare-feedback", "1")
    ok("share-feedback", "1")
    ok("sessions", "--json")
    ok("prompts", "preview", str(prompt_set), passphrase_file="")
    ok("consent", "--accept")
    (sandbox.root / "export-out").mkdir()
    ok("export", "--yes", "-o", str(sandbox.root / "export-out"))
    ok("export", "--yes", "--format", "csv", "-o", str(sandbox.root / "export-out"))
    ok("exports")
    ok("exports", "--json")
    jrnl = outside / "jrnl.json"
    jrnl.write_text(
        '{"tags": {}, "entries": [{"date": "2026-01-02", "time": "09:00", "title": "imported", '
        f'"body": "imported {c["body"]}", "tags": [], "starred": false}}]}}'
    )
    ok("import", str(jrnl))
    ok("backup", str(sandbox.root / "backup"))
    ok("passwd", "--new-passphrase-file", str(sandbox.other_passphrase_file))
    sandbox.passphrase_file.write_text(sandbox.other_passphrase_file.read_text())
    ok("recovery-code", "--yes")
    ok("rekey", "--yes")
    ok("dump", "--yes", str(outside / "dump"))
    ok("withdraw", "--yes", "-o", str(sandbox.root / "export-out"))
    assert len(list((sandbox.root / "export-out").iterdir())) >= 3  # two exports, a withdrawal
    scanned_extra = [sandbox.root / "backup", sandbox.root / "export-out"]
    _scan(sandbox, c, scanned_extra, since)
    kept = {name: c[name] for name in ("body", "title", "tag", "edit", "term")}
    _scan_decrypted(sandbox.journal, OTHER_PASSPHRASE, g, kept)
    _scan_decrypted(sandbox.root / "backup", PASSPHRASE, g, kept)

    # During use: a process holds the journal open with an entry and a draft in the WAL.
    proc = sandbox.driver(
        "stress.py",
        "hold",
        str(sandbox.journal),
        sandbox.other_passphrase_file.read_text().strip(),
        "1",
        c["held"],
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"R"
        assert proc.stdout.readline().startswith(b"C hold")
        wal = sandbox.journal / "journal.db-wal"
        assert wal.exists() and wal.stat().st_size > 0, "expected an open WAL to scan"
        _scan(sandbox, c, scanned_extra, since)
    finally:
        kill_hard(proc)  # the killed one: no checkpoint, no cleanup
    _scan(sandbox, c, scanned_extra, since)
    listing = ok("list", "-n", "100")
    assert c["held"] in listing  # the held entry survived the kill...
    _scan(sandbox, c, scanned_extra, since)  # ...and still only inside the encrypted journal

    # Positive control: the scanner finds the canaries where plaintext is meant to be.
    assert find_canary([outside / "dump"], c["body"]), "the scan cannot see plaintext"
    assert find_canary([outside / "dump"], c["title"]) and find_canary([outside / "dump"], c["tag"])


def test_scanner_sees_utf16_and_case_variants(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"xx" + "ZQCANARYX".encode("utf-16-le") + b"yy")
    (tmp_path / "b").write_bytes(os.urandom(64) + b"zqcanaryx")
    assert len(find_canary([tmp_path], "zqcanaryx")) == 2
    assert find_canary([tmp_path], "absent-canary") == []
