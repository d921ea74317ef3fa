"""Crashes: SIGKILL at random moments never loses a committed change or breaks the journal.

Each test starts a driver (drivers/stress.py) that works on a journal and reports every commit
on stdout, kills it with SIGKILL after a random delay, then opens the journal, compares it with
what was committed, and runs `peerjournal check`. The random seed is printed on failure; set
PJ_STRESS_SEED to replay a run's kill timings approximately.
"""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest

from peerjournal.vault import keyslots, keystore

from .crash import Round, run_and_kill
from .support import (
    INIT_KDF_ARGS,
    PASSPHRASE,
    Sandbox,
    assert_clean_failure,
    kill_hard,
    make_journal,
    open_journal,
)

pytestmark = pytest.mark.slow

MIN_COMMITTED_OPS = 220
MIN_ROUNDS = 10


def _seal_seconds() -> float:
    """How long one seal takes here. A new seal never goes below the default key derivation
    (a weak slot must not weaken the next one), so a passphrase change or a rekey costs at least
    this, and the kill windows below are scaled by it to land before, during and after each."""
    start = time.perf_counter()
    keyslots.derive(b"timing", b"0" * 16, keyslots.KDF_DEFAULT)
    return time.perf_counter() - start


def _seed() -> int:
    return int(os.environ.get("PJ_STRESS_SEED", random.randrange(1 << 30)))


def _check_passes(sandbox: Sandbox, journal: Path, passphrase_file: Path | None = None) -> None:
    result = sandbox.run("check", journal=journal, passphrase_file=passphrase_file)
    assert result.code == 0, result.describe()
    assert "PROBLEM" not in result.stdout, result.describe()


def _read_state(journal: Path, passphrase: str = PASSPHRASE) -> tuple[dict, dict]:
    """Live entries (id -> tag) and drafts (id -> tag), with each body checked against its tag."""
    with open_journal(journal, passphrase) as j:
        entries = {}
        for entry in j.entries.iter_all():
            tag = entry.title
            assert entry.body.startswith(f"marker {tag} "), (entry.id, entry.body[:40])
            assert entry.tags == (tag,)
            entries[entry.id] = tag
        drafts = {d.id: d.body.split(" ")[1] for d in j.drafts.list()}
    return entries, drafts


def _apply(state: dict, drafts: dict, op: str, ident: str, tag: str) -> None:
    if op in ("add", "edit"):
        state[ident] = tag
    elif op == "delete":
        del state[ident]
    elif op == "draft":
        drafts[ident] = tag


def _reconcile(
    expected: dict, expected_drafts: dict, rnd: Round, actual: dict, actual_drafts: dict, seed: int
) -> None:
    """Actual must equal what was committed, give or take the one operation in flight."""
    for op, ident, tag in rnd.committed:
        _apply(expected, expected_drafts, op, ident, tag)
    note = f"seed={seed} in_flight={rnd.in_flight} last={rnd.committed[-3:]}"
    if rnd.in_flight is not None:
        op, ident, tag = rnd.in_flight
        if op == "add":
            extra = set(actual) - set(expected)
            assert len(extra) <= 1, note
            if extra:
                new_id = extra.pop()
                assert actual[new_id] == tag, note
                expected[new_id] = tag
        elif op == "edit" and actual.get(ident) == tag:
            expected[ident] = tag
        elif op == "delete" and ident not in actual:
            del expected[ident]
        elif op == "draft" and ident in actual_drafts:
            expected_drafts[ident] = tag
    assert actual == expected, f"committed entries differ after the kill; {note}"
    assert actual_drafts == expected_drafts, f"committed drafts differ after the kill; {note}"


def test_kill_during_writes_edits_deletes_loses_nothing(sandbox: Sandbox) -> None:
    seed = _seed()
    rng = random.Random(seed)
    make_journal(sandbox.journal)
    expected, expected_drafts = _read_state(sandbox.journal)
    committed_total = rounds = 0
    kinds: dict[str, int] = {}
    in_flight = 0
    while (committed_total < MIN_COMMITTED_OPS or rounds < MIN_ROUNDS) and rounds < 80:
        rounds += 1
        rnd = run_and_kill(
            sandbox, rng, "writes", sandbox.journal, PASSPHRASE, rng.randrange(1 << 30), max_s=0.6
        )
        committed_total += len(rnd.committed)
        for op, _, _ in rnd.committed:
            kinds[op] = kinds.get(op, 0) + 1
        actual, actual_drafts = _read_state(sandbox.journal)
        if rnd.in_flight:
            in_flight += 1
        _reconcile(expected, expected_drafts, rnd, actual, actual_drafts, seed)
        _check_passes(sandbox, sandbox.journal)
    assert committed_total >= MIN_COMMITTED_OPS, (seed, rounds, committed_total)
    assert min(kinds.get(k, 0) for k in ("add", "edit", "delete")) >= 20, kinds
    print(f"writes: {rounds} kills, {committed_total} commits {kinds}, {in_flight} mid-operation")


def _opens_with(path: Path, secret: str) -> bool:
    keyfile = keyslots.loads(path.read_bytes())
    found = keyslots.unlock(keyfile, bytearray(secret.encode()), keyslots.PASSPHRASE)
    return bool(found)


def test_kill_during_passphrase_changes_keeps_old_or_new(sandbox: Sandbox) -> None:
    seed = _seed()
    rng = random.Random(seed)
    base = "pass"
    make_journal(sandbox.journal, entries=4, passphrase=f"{base}-0")
    entries_before, _ = _read_entries(sandbox.journal, f"{base}-0")
    current = 0
    changes = 0
    seal = _seal_seconds()
    for _ in range(8):
        rnd = run_and_kill(
            sandbox,
            rng,
            "passwd",
            sandbox.journal,
            base,
            seed,
            str(current),
            min_s=0.1,
            max_s=0.5 + 4 * seal,
        )
        last = int(rnd.committed[-1][1]) if rnd.committed else current
        changes += len(rnd.committed)
        candidates = [last, last + 1] if rnd.in_flight else [last]
        for path in (keystore.key_path(sandbox.journal), keystore.backup_path(sandbox.journal)):
            opens = [n for n in (current, *candidates) if _opens_with(path, f"{base}-{n}")]
            assert opens, f"{path.name} opens with none of {current}..{last + 1}; seed={seed}"
        main_opens = [
            n for n in candidates if _opens_with(keystore.key_path(sandbox.journal), f"{base}-{n}")
        ]
        assert main_opens, f"committed passphrase {last} (or in-flight) does not open; seed={seed}"
        current = main_opens[-1]
        entries_after, _ = _read_entries(sandbox.journal, f"{base}-{current}")
        assert entries_after == entries_before
        pf = sandbox.root / "current-pass"
        pf.write_text(f"{base}-{current}\n")
        _check_passes(sandbox, sandbox.journal, pf)
    assert changes >= 8, changes


def _read_entries(journal: Path, passphrase: str) -> tuple[dict, int]:
    with open_journal(journal, passphrase) as j:
        return {e.id: (e.title, e.body) for e in j.entries.iter_all()}, j.drafts.count()


def test_kill_during_rekey_keeps_every_entry(sandbox: Sandbox) -> None:
    seed = _seed()
    rng = random.Random(seed)
    make_journal(sandbox.journal, entries=30, recovery=True)
    before, _ = _read_entries(sandbox.journal, PASSPHRASE)
    rekeys = 0
    seal = _seal_seconds()
    for _ in range(8):
        rnd = run_and_kill(
            sandbox,
            rng,
            "rekey",
            sandbox.journal,
            PASSPHRASE,
            seed,
            min_s=0.1,
            max_s=0.6 + 6 * seal,
        )
        rekeys += len(rnd.committed)
        after, _ = _read_entries(sandbox.journal, PASSPHRASE)
        assert after == before, f"entries changed after a kill during rekey; seed={seed}"
        _check_passes(sandbox, sandbox.journal)
    assert rekeys >= 3, rekeys


def test_kill_during_backup_leaves_journal_and_finished_backups_whole(sandbox: Sandbox) -> None:
    seed = _seed()
    rng = random.Random(seed)
    make_journal(sandbox.journal, entries=40)
    before, _ = _read_entries(sandbox.journal, PASSPHRASE)
    backups = 0
    for n in range(5):
        where = sandbox.root / f"backups{n}"
        where.mkdir()
        rnd = run_and_kill(
            sandbox,
            rng,
            "backup",
            sandbox.journal,
            PASSPHRASE,
            seed,
            str(where),
            min_s=0.1,
            max_s=0.5,
        )
        backups += len(rnd.committed)
        assert _read_entries(sandbox.journal, PASSPHRASE)[0] == before
        _check_passes(sandbox, sandbox.journal)
        finished = [Path(ident) for _, ident, _ in rnd.committed]
        maybe = [Path(rnd.in_flight[1])] if rnd.in_flight else []
        # The last finished backup and the interrupted one are the interesting ones.
        for target in finished[-2:] + [t for t in maybe if t.exists()]:
            assert _read_entries(target, PASSPHRASE)[0] == before, (target, seed)
            _check_passes(sandbox, target)
        for target in [t for t in maybe if not t.exists()]:
            # Backing up to the same place again finishes the job and clears the half copy.
            again = sandbox.run("backup", str(target))
            assert again.code == 0, again.describe()
            assert _read_entries(target, PASSPHRASE)[0] == before
            leftovers = [p.name for p in where.iterdir() if "partial-" in p.name]
            assert not any(name.startswith(f".{target.name}.") for name in leftovers), leftovers
    assert backups >= 2, backups


def test_kill_during_import_is_all_or_nothing(sandbox: Sandbox) -> None:
    """Thousands of entries come in one transaction: a kill leaves all of them or none."""
    seed = _seed()
    rng = random.Random(seed)
    make_journal(sandbox.journal, entries=2)
    count = 20_000
    source = sandbox.root / "jrnl.json"
    source.write_text(
        json.dumps(
            {
                "tags": {},
                "entries": [
                    {
                        "date": f"2025-01-{i % 28 + 1:02d}",
                        "time": "09:00",
                        "title": f"imported {i}",
                        "body": f"imported body {i} " + "word " * 40,
                        "tags": [],
                        "starred": False,
                    }
                    for i in range(count)
                ],
            }
        )
    )
    seen = set()
    for _ in range(4):
        proc = sandbox.start("import", str(source))
        time.sleep(rng.uniform(0.3, 2.0))
        finished = proc.poll() is not None
        kill_hard(proc)
        with open_journal(sandbox.journal) as j:
            total = j.entries.count()
        imported = total - 2
        assert imported % count == 0, f"a partial import of {imported % count} entries; seed={seed}"
        seen.add("done" if finished else "killed")
        _check_passes(sandbox, sandbox.journal)
    assert "killed" in seen


def test_kill_during_init_leaves_a_journal_or_room_for_a_new_one(sandbox: Sandbox) -> None:
    """A creation cut short must not leave a folder that neither opens nor lets `init` retry."""
    seed = _seed()
    rng = random.Random(seed)
    outcomes = {"finished": 0, "cut short": 0}
    for n in range(6):
        target = sandbox.root / f"new{n}"
        rnd = run_and_kill(sandbox, rng, "init", target, PASSPHRASE, seed, max_s=0.25)
        listing = sandbox.run("list", journal=target)
        if rnd.committed or listing.code == 0:
            assert listing.code == 0, listing.describe()
            outcomes["finished"] += 1
            continue
        outcomes["cut short"] += 1
        assert_clean_failure(listing, needles=["no journal", "peerjournal init"])
        again = sandbox.run("init", *INIT_KDF_ARGS, journal=target)
        assert again.code == 0, f"init cannot start again after a kill; seed={seed}\n" + (
            again.describe()
        )
        assert sandbox.run("write", "--text", "works", journal=target).code == 0
    print(f"init kills: {outcomes}")
