"""Score the redactor in-process on labelled corpora, like ../shared/redaction/score.py.

    python scripts/eval_redactor.py CORPUS... [--misses N] [--leaks]

Per corpus: recall per kind (a gold span is caught when every letter and digit is covered) and
precision (share of redacted letters and digits that were PII); --misses prints missed spans
and wrongly hidden words for the corpora given. For dev splits only: never the frozen tests.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from peerjournal.redact import Redactor


def score(redactor: Redactor, path: Path, show: int = 0) -> tuple[dict, float]:
    caught, total = collections.Counter(), collections.Counter()
    inside = predicted = 0
    misses, wrong = [], collections.Counter()
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        covered = [False] * len(text)
        spans = redactor.find(text)
        for s in spans:
            covered[s.start : s.end] = [True] * (s.end - s.start)
        gold = [False] * len(text)
        for g in row["spans"]:
            total[g["kind"]] += 1
            gold[g["start"] : g["end"]] = [True] * (g["end"] - g["start"])
            letters = [i for i in range(g["start"], g["end"]) if text[i].isalnum()]
            ok = all(covered[i] for i in letters)
            caught[g["kind"]] += ok
            if not ok:
                a, b = max(0, g["start"] - 30), g["end"] + 30
                misses.append((g["kind"], g["value"], text[a:b].replace("\n", " ")))
        for s in spans:
            letters = [i for i in range(s.start, s.end) if text[i].isalnum()]
            bad = [i for i in letters if not gold[i]]
            if bad:
                wrong[(s.kind, text[s.start : s.end], s.uncertain)] += 1
        for i, c in enumerate(text):
            if covered[i] and c.isalnum():
                predicted += 1
                inside += gold[i]
    recall = {k: (caught[k], total[k]) for k in sorted(total)}
    if show:
        for kind, value, ctx in misses[:show]:
            print(f"   missed {kind:8} {value!r:28} … {ctx}")
        for (kind, value, unsure), n in wrong.most_common(show):
            print(f"   hidden {kind:8} {value!r:28} x{n}{' (maybe)' if unsure else ''}")
    return recall, inside / max(1, predicted)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="+", type=Path)
    ap.add_argument("--misses", type=int, default=0)
    args = ap.parse_args()
    redactor = Redactor()
    for path in args.corpora:
        if path.name.startswith("frozen"):
            raise SystemExit("the frozen test corpora are scored with score.py only")
        recall, precision = score(redactor, path, args.misses)
        cells = " ".join(f"{k[:3]} {c / t:.3f}({t})" for k, (c, t) in recall.items())
        print(f"{path.name:24} P {precision:.3f} | {cells}")


if __name__ == "__main__":
    main()
