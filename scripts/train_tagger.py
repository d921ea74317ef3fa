"""Train the person and place tagger (a linear-chain CRF) and write it as package data.

    python scripts/train_tagger.py [--seed 7] [--c1 0.05] [--c2 0.05] [--iterations 150]
                                   [--mask 0.15]

Reads the train splits of tests/redact/corpora/ (*.train.jsonl, made by split_corpora.py),
turns each entry into the windows the tagger sees at run time (peerjournal.redact.features) with
PERSON/LOCATION labels in BIO form, and trains python-crfsuite. The order of the examples is
shuffled with the seed; the trainer itself is deterministic, so the same seed and data give the
same weights. Never reads a dev split or the frozen test corpora.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

import pycrfsuite

from peerjournal.redact.features import Chunk, Featurizer
from peerjournal.redact.tokenize import Tok

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "tests" / "redact" / "corpora"
OUT = ROOT / "src" / "peerjournal" / "redact" / "data" / "tagger.crfsuite"
TAGS = {"PERSON": "PER", "LOCATION": "LOC"}


def labelled_windows(featurizer: Featurizer, row: dict):
    """(features, labels) for each window of one labelled entry, and how many name and place
    tokens of the entry the windows hold (the rest the tagger can never see)."""
    text = row["text"]
    seq = featurizer.sequence(text)
    spans = sorted(
        (s["start"], s["end"], TAGS[s["kind"]]) for s in row["spans"] if s["kind"] in TAGS
    )
    vocab = featurizer.vocab
    gold = [(s["start"], s["end"]) for s in row["spans"]]
    examples, covered = [], 0
    features = iter(featurizer.features(seq))
    for chunk in seq.chunks:
        labels = []
        for tok in chunk.tokens:
            label = "O"
            for start, end, tag in spans:
                if tok.start < end and start < tok.end:
                    label = ("B-" if tok.start <= start else "I-") + tag
                    break
            labels.append(label)
        # one convention for every corpus: a leading article in lower case stays out of the
        # tagged stretch (the detector puts an English "the" back in front of a place); one
        # with a capital in mid-sentence is part of the name ("La Passerelle", "L'Actuel")
        for i, tok in enumerate(chunk.tokens):
            named = tok.text[0].isupper() and not chunk.initial[i]
            if (
                labels[i].startswith("B-")
                and "determiner" in vocab.classes_of(tok.key, "mixed")
                and not named
            ):
                nxt = labels[i + 1] if i + 1 < len(labels) else "O"
                if nxt.startswith("I-"):
                    labels[i] = "O"
                    labels[i + 1] = "B-" + nxt[2:]
        for a, b in chunk.windows:
            labs = labels[a:b]
            if _disputed_town(featurizer, chunk, gold, a, b):
                next(features)
                continue
            if labs and labs[0].startswith("I-"):
                labs[0] = "B-" + labs[0][2:]
            covered += sum(1 for lab in labs if lab != "O")
            examples.append((next(features), labs))
    total = 0
    for start, end, _ in spans:
        total += len(re.findall(r"[^\W_]+", text[start:end]))
    return examples, covered, total


def _disputed_town(
    featurizer: Featurizer, chunk: Chunk, gold: list[tuple[int, int]], a: int, b: int
) -> bool:
    """Whether the window holds a listed small place, capitalised in mid-sentence ("in
    Nanaimo", "back to Whitehorse"), that no gold span of the corpus covers. Writers disagree
    on which towns are big enough to keep (one marks Red Deer, another leaves Whitehorse); the
    redactor's convention is to hide every place smaller than a big city (docs/redaction.md),
    so such a window would teach the tagger the town's own name as "not a place"."""
    lex = featurizer.lex
    for i in range(a, b):
        tok = chunk.tokens[i]
        if not tok.text[:1].isupper() or chunk.initial[i]:
            continue
        listed = tok.key in lex.places_single and tok.key not in lex.big_places
        if listed and not any(start < tok.end and tok.start < end for start, end in gold):
            return True
    return False


class MaskedFeaturizer(Featurizer):
    """The features of the run-time tagger, except that some names of the training data are
    unknown to every list: most names in real journals are in no list, and a tagger trained
    only on listed names learns to trust the lists more than the sentence. Masking a seeded
    share of the name words (only those no dictionary knows) makes it learn the context too."""

    def __init__(self, masked: frozenset[str]) -> None:
        super().__init__()
        self.masked = masked

    def lexical(self, key: str, lang: str) -> tuple[tuple[str, ...], str, bool]:
        if key in self.masked:
            return (), "-", False
        return super().lexical(key, lang)

    def _own_features(self, tok: Tok, lang: str, initial: bool) -> tuple[str, ...]:
        out = super()._own_features(tok, lang, initial)
        return tuple(f for f in out if not f.startswith("w=")) if tok.key in self.masked else out

    def _near_features(self, tok: Tok, lang: str) -> tuple[tuple[str, ...], ...]:
        out = super()._near_features(tok, lang)
        if tok.key not in self.masked:
            return out
        return tuple(tuple(f for f in view if "w=" not in f) for view in out)


def masked_names(
    rows: list[dict], share: float, seed: int, featurizer: Featurizer
) -> frozenset[str]:
    """A seeded share of the words of gold names and places that no dictionary knows."""
    from peerjournal.redact.lexicon import fold

    lex = featurizer.lex
    ordinary = lex.common_words | lex.rare_words | lex.french_words
    words = sorted(
        {
            fold(w)
            for row in rows
            for s in row["spans"]
            if s["kind"] in TAGS
            for w in re.findall(r"[^\W\d_]+", s["value"])
            if len(w) > 2 and fold(w) not in ordinary
        }
    )
    rng = random.Random(seed)
    return frozenset(w for w in words if rng.random() < share)


def training_rows(names: list[str] | None = None) -> list[dict]:
    rows = []
    for path in sorted(CORPORA.glob("*.train.jsonl")):
        if names and path.name.split(".")[0] not in names:
            continue
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--only", nargs="*", help="train on these corpora only (names)")
    ap.add_argument(
        "--mask",
        type=float,
        default=0.15,
        help="share of name words trained as unknown to the lists",
    )
    args = ap.parse_args()
    rows = training_rows(args.only)
    random.Random(args.seed).shuffle(rows)
    featurizer = MaskedFeaturizer(masked_names(rows, args.mask, args.seed, Featurizer()))
    trainer = pycrfsuite.Trainer(verbose=False)
    covered = total = windows = 0
    for row in rows:
        found, c, t = labelled_windows(featurizer, row)
        covered, total = covered + c, total + t
        for feats, labels in found:
            trainer.append(feats, labels)
            windows += 1
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
        }
    )
    began = time.perf_counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    print(
        f"{len(rows)} entries, {windows} windows, {covered}/{total} name and place tokens "
        f"inside windows; trained in {time.perf_counter() - began:.1f}s -> {args.out} "
        f"({args.out.stat().st_size // 1024} KiB)"
    )


if __name__ == "__main__":
    main()
