"""What forgetting costs: delete, edit and draft autosave with FTS5 secure-delete and the WAL
scrub (checkpoint TRUNCATE after each), against the same operations without them.

    python benchmarks/bench_scrub.py                # 1,000 and 10,000 entries, 30 runs each
    python benchmarks/bench_scrub.py --sizes 1000 --runs 10

Prints milliseconds (median, and 90th percentile) per operation. "without" turns FTS5's
secure-delete off in the same journal and skips the scrub, to show what the guarantee adds.
Nothing is written to RESULTS.md: copy the figures there by hand with the machine they came from.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from peerjournal import clock
from peerjournal.journal import Journal, KdfParams
from peerjournal.model import Draft, NewEntry

FAST_KDF = KdfParams(memory_kib=19 * 1024, iterations=2, lanes=1)
WORDS = ("outreach", "clinic", "naloxone", "rights", "drop-in", "shift", "safety", "rent")


def body(i: int) -> str:
    return " ".join(WORDS[(i * 7 + k) % len(WORDS)] + str(k % 13) for k in range(150))


def timed(fn, runs: int) -> tuple[float, float]:
    samples = []
    for n in range(runs):
        start = time.perf_counter()
        fn(n)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9) - 1]


def measure(size: int, runs: int, forgetting: bool) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        journal, _ = Journal.create(Path(tmp) / "j", bytearray(b"bench"), kdf=FAST_KDF)
        db = journal._vault.db
        journal.entries.add_many(NewEntry(body=body(i), title=f"day {i}") for i in range(size))
        if not forgetting:
            db.conn.execute(
                "INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 0)"
            )
            db.scrub = lambda: True  # the commit only, no checkpoint
        ids = [e.id for e in journal.entries.list(limit=runs * 2)]
        draft_id = journal.drafts.new_id()
        journal.drafts.save(Draft(id=draft_id, updated_at=clock.now(), body="start"))
        figures = {
            "delete an entry": timed(lambda n: journal.entries.delete(ids[n]), runs),
            "edit an entry": timed(
                lambda n: journal.entries.update(ids[runs + n], body=body(n + 7)), runs
            ),
            "autosave a draft": timed(
                lambda n: journal.drafts.save(
                    Draft(id=draft_id, updated_at=clock.now(), body=body(n)[: 200 + 40 * n])
                ),
                runs,
            ),
        }
        journal.close()
        return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        with_it = measure(size, args.runs, forgetting=True)
        without = measure(size, args.runs, forgetting=False)
        print(f"{size:,} entries (ms, median / p90)        forgetting     without")
        for name in with_it:
            (a, a90), (b, b90) = with_it[name], without[name]
            print(f"  {name:<34} {a:6.1f} / {a90:6.1f}  {b:6.1f} / {b90:6.1f}")


if __name__ == "__main__":
    main()
