"""Which language an entry is written in: English, French, or both ("mixed").

A light scorer: it counts the little words of each language (the vocabulary's
`language_marker` class) among the entry's words. No model and no download; it only has to
tell which vocabulary and which of the tagger's language features apply.
"""

from __future__ import annotations

from collections.abc import Sequence

from peerjournal.redact.tokenize import Tok, tokenize
from peerjournal.redact.vocab import vocabulary

LANGS = ("en", "fr", "mixed")
MIXED_SHARE = 0.25  # each language holds at least this share of the markers: mixed


def detect_tokens(tokens: Sequence[Tok]) -> str:
    vocab = vocabulary()
    en = fr = 0
    for tok in tokens:
        found = vocab._single.get(tok.key)
        if found is None:
            continue
        en += "language_marker" in found[0]
        fr += "language_marker" in found[1]
    total = en + fr
    if total == 0:
        return "en"
    share = fr / total
    if share < MIXED_SHARE:
        return "en"
    if share > 1 - MIXED_SHARE:
        return "fr"
    return "mixed"


def detect(text: str) -> str:
    """'en', 'fr' or 'mixed' for one entry (English when nothing tells)."""
    return detect_tokens(tokenize(text))
