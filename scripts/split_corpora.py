"""Copy the labelled corpora into tests/redact/corpora/ and split each into train and dev.

    python scripts/split_corpora.py [--seed 11] [NAME=PATH ...]

Each NAME=PATH copies a corpus (JSON lines: id, text, spans) to tests/redact/corpora/NAME.jsonl
first; then every corpus listed in SPLIT is split by a seeded hash of each entry's id (70% train,
30% dev), so the split is the same on every machine and does not move when a corpus grows.
The frozen test corpora (frozen_*.jsonl) are never split, read or trained on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "tests" / "redact" / "corpora"
SPLIT = (
    "shared_dev",
    "heldout",
    "heldout_b",
    "en_a",
    "en_b",
    "fr_a",
    "fr_b",
    "en_c",
    "fr_c",
    "en_d",
    "en_e",
    "en_f",
    "fr_d",
    "fr_e",
    "fr_f",
    "fr_g",
    "en_g",
    "fr_h",
    "en_h",
    "fr_i",
    "en_i",
    "fr_j",
    "en_j",
    "fr_k",
    "en_k",
    "fr_l",
    "en_l",
    "en_m",
    "fr_m",
    "fr_n",
    "en_n",
    "fr_o",
    "fr_p",
    "fr_q",
    "en_o",
    "fr_r",
    "en_p",
)
TRAIN_SHARE = 0.7


def is_train(seed: int, entry_id: str) -> bool:
    digest = hashlib.sha256(f"{seed}:{entry_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < TRAIN_SHARE


def check(row: dict) -> None:
    for s in row["spans"]:
        if row["text"][s["start"] : s["end"]] != s["value"]:
            raise SystemExit(f"{row['id']}: span {s} does not match its text")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("copy", nargs="*", help="NAME=PATH: copy this corpus in first")
    args = ap.parse_args()
    for spec in args.copy:
        name, path = spec.split("=", 1)
        shutil.copyfile(path, HERE / f"{name}.jsonl")
    for name in SPLIT:
        source = HERE / f"{name}.jsonl"
        if not source.exists():
            continue
        rows = [json.loads(line) for line in source.read_text("utf-8").splitlines() if line]
        for row in rows:
            check(row)
        train = [r for r in rows if is_train(args.seed, r["id"])]
        dev = [r for r in rows if not is_train(args.seed, r["id"])]
        for part, chosen in (("train", train), ("dev", dev)):
            lines = [json.dumps(r, ensure_ascii=False) for r in chosen]
            (HERE / f"{name}.{part}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        print(f"{name}: {len(train)} train, {len(dev)} dev")


if __name__ == "__main__":
    main()
