"""PERSON and LOCATION: the sequence tagger's finds, cleaned at the edges and carried through.

The tagger (`redact.tagger`, a CRF over `redact.features`) labels names and places; this module
turns its labels into spans: a title, an article or a possessive ending stays outside ("Officer
[Brady]", "the [Cobalt]", "[Candy]'s"), a stretch made only of words that identify nobody
(chains, big cities, weekdays, program words) is dropped, and what was found is hidden again
wherever else the text writes it (`redact.propagate`).
"""

from __future__ import annotations

from peerjournal.redact import propagate, tagger
from peerjournal.redact.detectors.context import Text
from peerjournal.redact.spans import Span
from peerjournal.redact.tokenize import Tok
from peerjournal.redact.vocab import vocabulary

_EDGE = ("determiner", "title", "pronoun")


def _edges(tokens: list[Tok], first: int, last: int, lang: str) -> tuple[int, int] | None:
    vocab = vocabulary()
    while first <= last and (
        not tokens[first].text[0].isalnum()
        or (
            any(c in vocab.classes_of(tokens[first].key, lang) for c in _EDGE)
            and first < last
        )
    ):
        first += 1
    while last >= first and (not tokens[last].text[0].isalnum() or tokens[last].key == "'s"):
        last -= 1
    return (first, last) if first <= last else None


def find(t: Text) -> list[Span]:
    """Names and places, each with the tagger's confidence."""
    feat = tagger.featurizer()
    seq = feat.sequence(t.text, t.lang, t.lower_words)
    spans: list[Span] = []
    for f in tagger.tag(seq):
        tokens = f.tokens
        edges = _edges(tokens, f.first, f.last, seq.lang)
        if edges is None:
            continue
        a, b = edges
        if all(feat.lexical(tok.key, seq.lang)[2] for tok in tokens[a : b + 1]):
            continue  # only words that identify nobody
        start = tokens[a].start
        if f.kind == "LOCATION" and a > 0 and tokens[a - 1].key == "the":
            start = tokens[a - 1].start  # "the Empress Grill": the article names the place too
        spans.append(Span(start, tokens[b].end, f.kind, round(f.confidence, 3), f.uncertain))
    found = propagate.values(t.text, spans)
    spans += propagate.carry(t.text, found)
    return spans
