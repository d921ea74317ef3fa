"""Recall and precision floors on labelled texts, scored like the project's corpus scorer.

heldout.jsonl and heldout_b.jsonl are written by hand for this test (tests/redact/
heldout_source.txt, heldout_b_source.txt) with names, places and phrasings of their own.
corpora/shared_dev.jsonl is a copy of the team's dev corpus (../shared/redaction/), kept here so
the suite runs on a bare clone.
"""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest

from peerjournal.redact import Redactor

HERE = Path(__file__).parent
DEV = HERE / "corpora" / "shared_dev.jsonl"
STRICT = ("PHONE", "EMAIL", "URL", "HANDLE", "POSTAL", "ID", "ADDRESS", "DATE")


def score(path: Path) -> tuple[dict[str, float], float]:
    """Per-kind recall (every letter and digit of a gold span covered) and letter precision."""
    redactor = Redactor()
    caught, total = collections.Counter(), collections.Counter()
    inside = predicted = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row["text"]
        covered = [False] * len(text)
        for span in redactor.find(text):
            covered[span.start : span.end] = [True] * (span.end - span.start)
        gold = [False] * len(text)
        for g in row["spans"]:
            total[g["kind"]] += 1
            gold[g["start"] : g["end"]] = [True] * (g["end"] - g["start"])
            letters = [i for i in range(g["start"], g["end"]) if text[i].isalnum()]
            caught[g["kind"]] += all(covered[i] for i in letters)
        for i, c in enumerate(text):
            if covered[i] and c.isalnum():
                predicted += 1
                inside += gold[i]
    return {k: caught[k] / total[k] for k in total}, inside / max(1, predicted)


@pytest.mark.parametrize(
    "path",
    [
        HERE / "heldout.jsonl",
        HERE / "heldout_b.jsonl",
        DEV,
    ],
    ids=["heldout", "heldout_b", "dev"],
)
def test_floors(path):
    recall, precision = score(path)
    assert precision >= 0.85
    assert {k: r for k, r in recall.items() if k in STRICT and r < 0.99} == {}
    assert recall.get("PERSON", 1.0) >= 0.95
    assert recall.get("LOCATION", 1.0) >= 0.85
