"""What SQLCipher's `cipher_memory_security` (on since issue 10) costs: the same work on a keyed
database with the setting off and on, each in a fresh process (the setting is process-wide).

    python benchmarks/bench_memory_security.py [--rows 20000] [--runs 5]

Prints the median and fastest wall time of: insert ROWS rows of 1 KB in one transaction, a full
scan with a LIKE, and 200 point reads, for each setting, and the ratio on/off.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

CHILD = r"""
import json, os, sys, time
import sqlcipher3
setting, rows, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
conn = sqlcipher3.connect(path, isolation_level=None)
conn.execute(f"PRAGMA cipher_memory_security = {setting}")
conn.execute("PRAGMA key = \"x'" + "ab" * 32 + "'\"")
conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
out = {}
started = time.perf_counter()
conn.execute("BEGIN")
conn.executemany("INSERT INTO t (body) VALUES (?)", ((os.urandom(512).hex(),) for _ in range(rows)))
conn.execute("COMMIT")
out["insert"] = time.perf_counter() - started
started = time.perf_counter()
conn.execute("SELECT count(*) FROM t WHERE body LIKE '%abcd%'").fetchone()
out["scan"] = time.perf_counter() - started
started = time.perf_counter()
for i in range(1, 201):
    conn.execute("SELECT body FROM t WHERE id = ?", (i * (rows // 200),)).fetchone()
out["reads"] = time.perf_counter() - started
print(json.dumps(out))
"""


def run(setting: str, rows: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bench.db")
        done = subprocess.run(
            [sys.executable, "-c", CHILD, setting, str(rows), path],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    results: dict[str, list[dict[str, float]]] = {"OFF": [], "ON": []}
    for _ in range(args.runs):  # interleaved, so load changes hit both settings alike
        for setting in results:
            results[setting].append(run(setting, args.rows))
    print(f"rows {args.rows}, runs {args.runs}, load {os.getloadavg()}")
    print("| work | off s (min) | on s (min) | on / off |")
    print("|---|---:|---:|---:|")
    for work in ("insert", "scan", "reads"):
        off = [r[work] for r in results["OFF"]]
        on = [r[work] for r in results["ON"]]
        ratio = statistics.median(on) / statistics.median(off)
        print(
            f"| {work} | {statistics.median(off):.3f} ({min(off):.3f}) "
            f"| {statistics.median(on):.3f} ({min(on):.3f}) | {ratio:.2f}x |"
        )


if __name__ == "__main__":
    main()
