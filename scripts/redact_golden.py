"""Golden check for redactor speed work: the spans on every text must stay exactly the same.

    python scripts/redact_golden.py record [--out FILE]   # write the baseline hash
    python scripts/redact_golden.py check  [--out FILE]   # compare; print the first differing text

Why: speeding the redactor up must not change what it finds. This runs `Redactor().find` over
every text of the labelled train and dev splits (tests/redact/corpora/*.train.jsonl and
*.dev.jsonl) and over the text benchmarks/bench_redact.py generates (its terms, its seed), and
hashes every span (offsets, kind, confidence, uncertain). `record` keeps the hash of each text
as well, so `check` can name the first text whose spans changed, and print both span lists.

The frozen test split (frozen_*) is never read: any path matching it is refused. Another
engineer's rule change legitimately changes spans: record a new baseline from main's code after
each rebase, before changing anything.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from peerjournal.redact import Redactor, Span, Term

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "tests" / "redact" / "corpora"
DEFAULT_OUT = ROOT / ".redact_golden.json"
BENCH_MB = 1.0
BENCH_SEED = 7


def _refuse_frozen(path: Path) -> Path:
    """Stop before reading the frozen test split (never read, never tuned on)."""
    if path.name.startswith("frozen_") or "frozen_" in str(path):
        sys.exit(f"refused: {path} is (or may be) the frozen test split")
    return path


def corpus_texts() -> Iterator[tuple[str, str]]:
    """(id, text) for every text of the train and dev splits, in a fixed order."""
    paths = sorted(CORPORA.glob("*.train.jsonl")) + sorted(CORPORA.glob("*.dev.jsonl"))
    for path in paths:
        _refuse_frozen(path)
        for n, line in enumerate(path.read_text("utf-8").splitlines()):
            if line.strip():
                row = json.loads(line)
                yield f"{path.name}:{row.get('id', n)}", row["text"]


def bench_texts() -> Iterator[tuple[str, str]]:
    """The benchmark's generated entries (the same generator, terms and seed)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_redact  # (a script beside the benchmarks, not a package)

    text = bench_redact.generate(int(BENCH_MB * 1_000_000), random.Random(BENCH_SEED))
    for n, entry in enumerate(text.split("\n\n")):
        yield f"bench:{n}", entry


def describe(spans: list[Span]) -> str:
    """Every field of every span, exactly (floats by repr)."""
    return ";".join(
        f"{s.start},{s.end},{s.kind},{s.confidence!r},{int(s.uncertain)}" for s in spans
    )


def digests() -> tuple[dict[str, str], dict[str, str]]:
    """The hash of each text's spans, and each text with its spans (to show a difference)."""
    plain = Redactor()
    bench = Redactor(terms=[Term("Candy"), Term("Golden Lotus Spa", "LOCATION")])
    out: dict[str, str] = {}
    texts: dict[str, str] = {}
    for redactor, source in ((plain, corpus_texts()), (bench, bench_texts())):
        for key, text in source:
            spans = describe(redactor.find(text))
            out[key] = hashlib.sha256(spans.encode()).hexdigest()
            texts[key] = f"text: {text!r}\n  spans now: {spans}"
    return out, texts


def total(per_text: dict[str, str]) -> str:
    """One hash over all texts, in order."""
    return hashlib.sha256("\n".join(f"{k} {v}" for k, v in per_text.items()).encode()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("record", "check"))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the baseline is kept")
    args = ap.parse_args()
    _refuse_frozen(args.out)
    per_text, texts = digests()
    if args.action == "record":
        args.out.write_text(json.dumps({"total": total(per_text), "texts": per_text}), "utf-8")
        print(f"recorded {len(per_text)} texts: {total(per_text)}")
        return
    base = json.loads(args.out.read_text("utf-8"))
    if base["total"] == total(per_text):
        print(f"same: {len(per_text)} texts, {total(per_text)}")
        return
    for key, digest in per_text.items():
        if base["texts"].get(key) != digest:
            print(f"DIFFERENT: first at {key}\n  {texts[key]}")
            break
    else:
        print("DIFFERENT: the set of texts changed")
    sys.exit(1)


if __name__ == "__main__":
    main()
