"""A dump that fails half way leaves nothing: no half plaintext copy, no empty folder."""

from __future__ import annotations

import resource
import signal

from peerjournal.model import NewEntry
from tests.reliability.support import Sandbox, assert_clean_failure, make_journal, open_journal


def _file_size_limit(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_dump_that_fails_half_way_leaves_no_folder_and_no_plaintext(tmp_path):
    sandbox = Sandbox.make(tmp_path)
    make_journal(sandbox.journal, entries=5)
    with open_journal(sandbox.journal) as journal:
        journal.entries.add(NewEntry(body="a very long entry " * 20_000))
    target = sandbox.root / "my-copy"
    for fmt in ("md", "json"):
        result = sandbox.run(
            "dump", str(target), "--format", fmt, "--yes", preexec_fn=_file_size_limit(100_000)
        )
        assert_clean_failure(result, needles=["disk"], notes=True)
        assert not target.exists(), sorted(p.name for p in target.iterdir())
    done = sandbox.run("dump", str(target), "--yes")
    assert done.code == 0, done.describe()
    assert len(list(target.iterdir())) == 6


def test_a_failed_dump_into_an_empty_folder_keeps_the_folder_but_nothing_in_it(tmp_path):
    sandbox = Sandbox.make(tmp_path)
    make_journal(sandbox.journal, entries=2)
    with open_journal(sandbox.journal) as journal:
        journal.entries.add(NewEntry(body="a very long entry " * 20_000))
    target = sandbox.root / "stick-folder"
    target.mkdir()
    result = sandbox.run("dump", str(target), "--yes", preexec_fn=_file_size_limit(100_000))
    assert_clean_failure(result, needles=["disk"], notes=True)
    assert target.is_dir() and list(target.iterdir()) == []
