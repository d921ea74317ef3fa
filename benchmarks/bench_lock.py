#!/usr/bin/env python3
"""Peak memory of `peerjournal list -n 10` (default Argon2id) with and without the `filelock`
package imported first: why vault/lock.py uses flock/msvcrt itself (the budget is 100 MB).

    pip install filelock      # only for this comparison; peerjournal does not depend on it
    python benchmarks/bench_lock.py [--runs 5]

Prints the median peak (VmHWM, Linux only) of each variant in MB (10^6 bytes).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import atexit, sys
if sys.argv[1] == "filelock":
    import filelock
    filelock.FileLock(sys.argv[2] + ".probe.lock", timeout=0).acquire()
def report():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("PEAK_KB=" + line.split()[1] + "\\n")
atexit.register(report)
from peerjournal.cli.main import run
run(sys.argv[3:])
"""


def peak_mb(variant: str, journal: Path, passfile: Path) -> float:
    args = ["--journal", str(journal), "--passphrase-file", str(passfile), "list", "-n", "10"]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, variant, str(journal), *args], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return int(done.stderr.split("PEAK_KB=")[1].split()[0]) * 1024 / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    from peerjournal.journal import KDF_DEFAULT, Journal, secret_bytes

    with tempfile.TemporaryDirectory() as tmp:
        journal, passfile = Path(tmp) / "journal", Path(tmp) / "pass"
        Journal.create(journal, secret_bytes("benchmark passphrase"), kdf=KDF_DEFAULT)[0].close()
        passfile.write_text("benchmark passphrase\n")
        variants = ["stdlib"] + (["filelock"] if importlib.util.find_spec("filelock") else [])
        for variant in variants:
            peaks = [peak_mb(variant, journal, passfile) for _ in range(runs)]
            print(f"{variant:9} median peak {statistics.median(peaks):.1f} MB ({runs} runs)")
        if len(variants) == 1:
            print("filelock is not installed: pip install filelock to compare")


if __name__ == "__main__":
    main()
