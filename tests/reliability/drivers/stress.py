"""A child process for the crash tests: works on a journal until the test kills it with SIGKILL.

Usage: stress.py MODE JOURNAL_DIR PASSPHRASE SEED [ARGS...]

It prints "R" once the journal is open, then for every operation an intent line
("I <op> <id> <tag>") before it starts and a commit line ("C <op> <id> <tag>") right after the
commit returns, flushing each, so the test knows exactly which operations were committed and
which one at most was in flight when the kill landed.

Modes:
  writes   random adds, edits, deletes and draft saves
  passwd   change the passphrase again and again: PASSPHRASE-0 -> PASSPHRASE-1 -> ...
           (starting number in ARGS[0])
  rekey    replace the data key again and again (same passphrase)
  backup   write backups into ARGS[0]/b0, b1, ...
  hold     open, write one entry and a draft with the canary text ARGS[0], then sleep
  init     create a new journal at JOURNAL_DIR (killed during creation)
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from peerjournal import clock
from peerjournal.journal import Journal, secret_bytes
from peerjournal.model import Draft, NewEntry


def say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def body_for(tag: str, rng: random.Random) -> str:
    # Sometimes long, so that an entry spans several database pages.
    filler = " ".join("lorem" for _ in range(rng.choice((1, 10, 200, 3000))))
    return f"marker {tag} {filler}"


def writes(journal: Journal, rng: random.Random, seed: int) -> None:
    ids = [e.id for e in journal.entries.list()]
    n = 0
    while True:
        n += 1
        tag = f"s{seed}n{n}"
        op = rng.choices(("add", "edit", "delete", "draft"), weights=(5, 3, 2, 1))[0]
        if op in ("edit", "delete") and not ids:
            op = "add"
        if op == "add":
            say("I add -", tag)
            entry = journal.entries.add(NewEntry(body=body_for(tag, rng), title=tag, tags=(tag,)))
            ids.append(entry.id)
            say("C add", entry.id, tag)
        elif op == "edit":
            target = rng.choice(ids)
            say("I edit", target, tag)
            journal.entries.update(target, body=body_for(tag, rng), title=tag, tags=(tag,))
            say("C edit", target, tag)
        elif op == "delete":
            target = rng.choice(ids)
            say("I delete", target, tag)
            journal.entries.delete(target)
            ids.remove(target)
            say("C delete", target, tag)
        else:
            draft = Draft(
                id=journal.drafts.new_id(), updated_at=clock.now(), body=body_for(tag, rng)
            )
            say("I draft", draft.id, tag)
            journal.drafts.save(draft)
            say("C draft", draft.id, tag)


def passwd(journal: Journal, base: str, start: int) -> None:
    n = start
    while True:
        say("I passwd", n + 1, "-")
        journal.change_passphrase(secret_bytes(f"{base}-{n + 1}"))
        n += 1
        say("C passwd", n, "-")


def rekey(journal: Journal, passphrase: str) -> None:
    n = 0
    while True:
        n += 1
        say("I rekey", n, "-")
        code = journal.rekey(secret_bytes(passphrase))
        say("C rekey", n, code or "-")


def backup(journal: Journal, where: Path) -> None:
    n = 0
    while True:
        target = where / f"b{n}"
        say("I backup", target, "-")
        journal.backup(target)
        say("C backup", target, "-")
        n += 1


def hold(journal: Journal, canary: str) -> None:
    entry = journal.entries.add(
        NewEntry(body=f"held open: {canary}", title=f"title {canary}", tags=(canary,))
    )
    journal.drafts.save(
        Draft(
            id=journal.drafts.new_id(),
            updated_at=clock.now(),
            body=f"draft {canary}",
            title=f"draft title {canary}",
            tags=(canary,),
        )
    )
    say("C hold", entry.id, "-")
    time.sleep(600)


def main() -> None:
    mode, directory, passphrase, seed, *rest = sys.argv[1:]
    rng = random.Random(int(seed))
    if mode == "init":  # create a journal; the test kills this in the middle of creation
        from peerjournal.journal import KdfParams

        say("R")
        kdf = KdfParams(memory_kib=19 * 1024, iterations=2, lanes=1)
        Journal.create(Path(directory), secret_bytes(passphrase), kdf=kdf)[0].close()
        say("C init - -")
        time.sleep(600)
    secret = passphrase if mode != "passwd" else f"{passphrase}-{rest[0]}"
    journal = Journal.open(Path(directory), secret_bytes(secret))
    say("R")
    if mode == "writes":
        writes(journal, rng, int(seed))
    elif mode == "passwd":
        passwd(journal, passphrase, int(rest[0]))
    elif mode == "rekey":
        rekey(journal, passphrase)
    elif mode == "backup":
        backup(journal, Path(rest[0]))
    elif mode == "hold":
        hold(journal, rest[0])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
