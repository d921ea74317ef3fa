"""The person and place tagger: a linear-chain CRF (python-crfsuite) over `features`.

The weights ship with the package (`data/tagger.crfsuite`, trained by scripts/train_tagger.py);
nothing is downloaded. The model loads once per process, on first use, and is never pickled
(a Redactor sent to worker processes loads it again there). Only the redactor imports this
module: `list`, `search` and `write` never do.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence as Seq
from dataclasses import dataclass, field
from importlib import resources

import pycrfsuite

from peerjournal.redact.features import Featurizer, Sequence, Window
from peerjournal.redact.tokenize import Tok

MODEL = "tagger.crfsuite"
KINDS = {"PER": "PERSON", "LOC": "LOCATION"}
# A token the tagger labels O is still offered for review when the tagger gives a name or a
# place at least this probability (the participant decides; hidden until they say otherwise).
MAYBE = 0.25
# A span the tagger labels with less than this probability is marked uncertain.
SURE = 0.8
# Distinct windows whose labels are kept (a few MB at most).
WINDOW_CACHE = 20_000

_lock = threading.Lock()
_local = threading.local()
_featurizer: Featurizer | None = None
_model_path: str | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """One stretch the tagger labels: token indices [first, last] of one chunk's tokens, kind,
    probability, and whether it is only "maybe" (`uncertain`)."""

    first: int
    last: int
    kind: str
    confidence: float
    uncertain: bool
    tokens: list[Tok] = field(default_factory=list, compare=False, repr=False)
    candidate: list[bool] = field(default_factory=list, compare=False, repr=False)
    initial: list[bool] = field(default_factory=list, compare=False, repr=False)


def _tagger() -> pycrfsuite.Tagger:
    """A Tagger per thread (crfsuite taggers keep state while they tag)."""
    global _model_path
    tagger = getattr(_local, "tagger", None)
    if tagger is None:
        with _lock:
            if _model_path is None:
                ref = resources.files("peerjournal.redact.data").joinpath(MODEL)
                with resources.as_file(ref) as path:
                    _model_path = str(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(_model_path)
        _local.tagger = tagger
    return tagger


def use(path: str) -> None:
    """Tag with the model at `path` from now on (for the training and tuning scripts)."""
    global _model_path
    with _lock:
        _model_path = path
    _local.__dict__.clear()


def featurizer() -> Featurizer:
    global _featurizer
    if _featurizer is None:
        with _lock:
            if _featurizer is None:
                _featurizer = Featurizer()
    return _featurizer


def load() -> None:
    """Load the model and the lists now (not in the middle of the first text)."""
    featurizer()
    _tagger()


def tag(seq: Sequence) -> list[Found]:
    """Names and places in one entry, with the tagger's probability for each."""
    if not seq.chunks:
        return []
    found: list[Found] = []
    for w in featurizer().windows(seq):
        chunk = w.chunk
        for f in _labelled(seq.lang, w):
            found.append(
                Found(
                    w.start + f.first,
                    w.start + f.last,
                    f.kind,
                    f.confidence,
                    f.uncertain,
                    chunk.tokens,
                    chunk.candidate,
                    chunk.initial,
                )
            )
    return found


def _labelled(lang: str, w: Window) -> list[Found]:
    """The stretches of one window (offsets from its start), labelled once per distinct window
    (`Featurizer.windows`: one key, the same features, the same labels); journals repeat their
    phrases ("told Mom", "at the drop-in"), and features are built only for a new window."""
    cache = _window_cache()
    found = cache.get(w.key)
    if found is None:
        tagger = _tagger()
        feats = featurizer().window_features(lang, w)
        found = _spans(tagger, tagger.tag(feats), 0, w.chunk.candidate[w.start : w.end])
        if len(cache) >= WINDOW_CACHE:
            cache.clear()
        cache[w.key] = found
    return found


def _window_cache() -> dict[tuple[object, ...], list[Found]]:
    """Per thread, like the Tagger it caches (and emptied when `use` changes the model)."""
    cache = getattr(_local, "windows", None)
    if cache is None:
        cache = _local.windows = {}
    return cache


def _spans(
    tagger: pycrfsuite.Tagger, labels: list[str], offset: int, candidate: Seq[bool]
) -> list[Found]:
    out: list[Found] = []
    start, kind, probs = -1, "", []  # type: ignore[var-annotated]  # typed by the redactor rebuild

    def close(end: int) -> None:
        if start >= 0:
            p = min(probs)
            out.append(Found(offset + start, offset + end, KINDS[kind], p, p < SURE))

    for i, label in enumerate(labels):
        if label == "O":
            close(i - 1)
            start, kind, probs = -1, "", []
            maybe = _maybe(tagger, i) if candidate[offset + i] else None
            if maybe is not None:
                k, p = maybe
                out.append(Found(offset + i, offset + i, KINDS[k], p, True))
            continue
        head, tail = label.split("-", 1)
        if head == "B" or tail != kind:
            close(i - 1)
            start, kind, probs = i, tail, []
        probs.append(_marginal(tagger, label, i))
    close(len(labels) - 1)
    return _join_maybes(out)


def _marginal(tagger: pycrfsuite.Tagger, label: str, i: int) -> float:
    try:
        return tagger.marginal(label, i)
    except ValueError:  # a label the model never saw
        return 0.0


def _maybe(tagger: pycrfsuite.Tagger, i: int) -> tuple[str, float] | None:
    per = _marginal(tagger, "B-PER", i) + _marginal(tagger, "I-PER", i)
    loc = _marginal(tagger, "B-LOC", i) + _marginal(tagger, "I-LOC", i)
    if per + loc < MAYBE:
        return None
    return ("PER", per + loc) if per >= loc else ("LOC", per + loc)


def _join_maybes(found: list[Found]) -> list[Found]:
    """Neighbouring uncertain tokens of one kind are one uncertain span."""
    out: list[Found] = []
    for f in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.uncertain
            and f.uncertain
            and last.kind == f.kind
            and f.first == last.last + 1
        ):
            out[-1] = Found(last.first, f.last, f.kind, min(last.confidence, f.confidence), True)
        else:
            out.append(f)
    return out
