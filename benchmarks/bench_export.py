"""Benchmark: build and write an export of 10,000 shared entries, in every format.

    python benchmarks/bench_export.py [--entries N] [--feedback M] [--seed S]

Bodies are made of journal-like sentences from the redaction dev corpus (../shared/redaction),
so the real redactor has names, phones and places to find; without the corpus a small built-in
text is used. Prints seconds for the build without redaction (the export machinery alone), the
build with it (done once per export) and, per format, encoding, age sealing and the whole export
(build + encode + seal). Target: under 10 s per format on a 2-core machine (issue 6). Nothing is
written to disk.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from peerjournal.export.build import (
    ExportMeta,
    SharedAnswer,
    SharedEntry,
    SharedFeedback,
    build_bundle,
    new_participant_code,
)
from peerjournal.export.formats import FORMAT_NAMES, encode
from peerjournal.export.seal import generate_identity, seal
from peerjournal.export.signing import new_private_key

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "redaction" / "dev_corpus.jsonl"
FALLBACK = [
    "Today at the drop-in, Marie talked about how the clinic staff judged her work.",
    "I called 514-555-0199 to ask about the new hours; nobody answered until Tuesday.",
    "We practised what to say when a nurse asks the wrong questions. I felt stronger.",
    "Solidarity is the word for the group now: we share tips, rides and numbers.",
]
TAGS = ["stigma", "clinic", "group", "confidence", "health", "rights", "friends"]


def corpus_texts() -> list[str]:
    if not CORPUS.exists():
        return FALLBACK
    with CORPUS.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


class NoRedactor:
    """Finds nothing: measures the export machinery alone."""

    def find(self, text: str) -> list[object]:
        return []


def the_redactor() -> tuple[object, object, str]:
    """The real redactor and a fresh Pseudonyms when the redact package has them."""
    try:
        from peerjournal.redact import Pseudonyms, Redactor
    except ImportError:
        return NoRedactor(), None, "NO redactor (peerjournal.redact not available)"
    return Redactor(()), Pseudonyms(), "real redactor"


def make_items(
    n: int, m: int, rng: random.Random
) -> tuple[list[SharedEntry], list[SharedFeedback]]:
    texts = corpus_texts()
    start = datetime(2026, 9, 1, 18, 0, tzinfo=UTC)
    entries = []
    for i in range(n):
        paragraphs = ["\n".join(rng.sample(texts, 2)) for _ in range(rng.randint(1, 3))]
        entries.append(
            SharedEntry(
                source_id=f"e{i}",
                body="\n\n".join(paragraphs),
                created_at=start + timedelta(minutes=17 * i),
                title=f"Entry {i}",
                tags=tuple(rng.sample(TAGS, rng.randint(0, 3))),
                mood=rng.randint(1, 5),
                session_number=i % 12 + 1,
                session_title=f"Session {i % 12 + 1}",
                prompt_text="What stayed with you from today's session?",
            )
        )
    feedback = [
        SharedFeedback(
            f"f{j}",
            start + timedelta(days=j),
            (
                SharedAnswer("useful", "What was useful?", "text", rng.choice(texts)),
                SharedAnswer(
                    "confidence", "How confident do you feel?", "scale", rng.randint(1, 5)
                ),
                SharedAnswer("format", "Which format suits you?", "choice", "small groups"),
            ),
            session_number=j % 12 + 1,
            session_title=f"Session {j % 12 + 1}",
        )
        for j in range(m)
    ]
    return entries, feedback


CPU: list[float] = []


def timed(action):  # type: ignore[no-untyped-def]
    """(result, wall seconds); the CPU seconds of this process are appended to CPU.

    On a shared, busy machine the CPU figure is the fairer one (with --workers 1 it is what the
    wall time would be on an idle machine); worker processes' CPU is not in it.
    """
    began, cpu = time.perf_counter(), time.process_time()
    result = action()
    CPU.append(time.process_time() - cpu)
    return result, time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--feedback", type=int, default=500)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="detection processes (default: automatic; 1 = serial)",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    entries, feedback = make_items(args.entries, args.feedback, rng)
    redactor, pseudonyms, which = the_redactor()
    recipient = generate_identity().public
    meta = ExportMeta(
        study_id="bench",
        prompt_set_id="peer-health",
        prompt_set_version="1.0",
        participant_code=new_participant_code(),
        export_seq=1,
        consent_hash="sha256:bench",
        recipient=recipient,
        signing_key=new_private_key(),  # every export is signed (export/signing.py)
    )
    words = sum(len(e.body.split()) for e in entries)
    print(f"{len(entries)} entries ({words} words), {len(feedback)} feedback forms; {which}")
    _, bare_s = timed(lambda: build_bundle(entries, feedback, meta, NoRedactor(), None, workers=1))
    print(
        f"build without redaction (export machinery alone): {bare_s:6.2f} s (cpu {CPU[-1]:.2f} s)"
    )
    bundle, build_s = timed(
        lambda: build_bundle(entries, feedback, meta, redactor, pseudonyms, workers=args.workers)
    )
    print(
        f"build (redact + coarsen): {build_s:6.2f} s (cpu here {CPU[-1]:.2f} s)  "
        f"kinds: {bundle.manifest.redaction_kinds}"
    )
    worst = 0.0
    for fmt in FORMAT_NAMES:
        data, encode_s = timed(lambda fmt=fmt: encode(bundle, fmt))
        encode_cpu = CPU[-1]
        _, seal_s = timed(lambda data=data: seal(data, recipient))
        total = build_s + encode_s + seal_s
        worst = max(worst, total)
        print(
            f"{fmt:5}: encode {encode_s:5.2f} s (cpu {encode_cpu:.2f}), seal {seal_s:5.2f} s, "
            f"export total {total:6.2f} s  ({len(data) / 1e6:.1f} MB)"
        )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"slowest whole export: {worst:.2f} s (target < 10 s); load average {load:.1f} "
        f"on {os.cpu_count()} cores"
    )
    return 0 if worst < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
