"""Peak memory of `peerjournal research merge`: a zip bomb, and a realistic study.

    python benchmarks/bench_merge_memory.py [--participants 40] [--entries 200]

1. A 1 MB export whose bundle expands to 1 GiB (a zip of spaces), sealed to the study key: the
   merge must refuse it after reading at most 32 MB (it read 1 GiB and peaked at 2.1 GB before).
2. A study of N participants with M entries of 300 words each, sealed, signed, merged.

Each merge runs in its own process; peak = its ru_maxrss. Prints one line per case.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "research"))

from merge_samples import KEYS, bundle_of

from peerjournal.export.formats import encode
from peerjournal.export.seal import seal
from peerjournal.export.signing import sign
from peerjournal.research.keys import write_identity_file

PEAK = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "sys.stderr.write(done.stderr[-300:])\n"
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def merge_peak(key: Path, files: list[Path], out: Path) -> tuple[int, float, float]:
    """(exit code, peak MB, seconds) of one merge in a fresh process."""
    command = [sys.executable, "-m", "peerjournal", "research", "merge", "-i", str(key)]
    command += [*map(str, files), "-o", str(out)]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - start
    if done.stderr.strip():
        print("  " + done.stderr.strip().splitlines()[-1])
    code, kib = done.stdout.split()
    return int(code), int(kib) / 1000, seconds


def bomb(path: Path, public: str) -> int:
    raw = path.with_suffix(".zip")
    chunk = b" " * (1 << 20)
    with (
        zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z,
        z.open("peerjournal-bundle.json", "w", force_zip64=True) as member,
    ):
        member.write(b"{")
        for _ in range(1024):
            member.write(chunk)
        member.write(b"}")
    path.write_bytes(seal(raw.read_bytes(), public))
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--entries", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        key = root / "study.key"
        public = write_identity_file(key).public
        size = bomb(root / "bomb.age", public)
        code, peak, seconds = merge_peak(key, [root / "bomb.age"], root / "out-bomb")
        print(
            f"zip bomb: {size / 1e6:.2f} MB file expanding to 1 GiB: exit {code}, "
            f"peak {peak:.0f} MB, {seconds:.2f} s"
        )
        words = " ".join(f"word{n}" for n in range(300))
        files = []
        for p in range(args.participants):
            code_p = f"P-BENCH{p:05d}"
            b = bundle_of(code_p, 1, [words] * args.entries, answers=["fine"] * 5)
            weeks = tuple(
                replace(e, week=f"2026-W{1 + n % 52:02d}", session_number=1 + n % 12)
                for n, e in enumerate(b.entries)
            )
            b = sign(replace(b, entries=weeks), KEYS[code_p])
            path = root / f"{code_p}.jsonl.age"
            path.write_bytes(seal(encode(b, "jsonl"), public))
            files.append(path)
        total = sum(f.stat().st_size for f in files) / 1e6
        code, peak, seconds = merge_peak(key, files, root / "out")
        print(
            f"study: {args.participants} participants x {args.entries} entries of 300 words "
            f"({total:.1f} MB sealed): exit {code}, peak {peak:.0f} MB, {seconds:.2f} s"
        )


if __name__ == "__main__":
    main()
