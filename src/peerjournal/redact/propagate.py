"""A name or place found once is hidden wherever else it is written: in the same text, and in
every text of one participant's export.

What was found (not only guessed at: uncertain finds are not carried) is looked for again as
whole words. A found word that is also an ordinary word ("Candy", "Rose") is carried only where
it is written with a capital, so "Candy said" hides "Candy" again but not "candy" in a bowl; a
word that is no ordinary word ("tash", "Nkechi") is carried in any case. The parts of a full
name are carried too ("Marie Tremblay" ... "Tremblay"), unless a part is an ordinary word.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from peerjournal.redact.lexicon import lexicon
from peerjournal.redact.spans import Span
from peerjournal.redact.tokenize import Tok, tokenize
from peerjournal.redact.vocab import vocabulary

CARRIED = ("PERSON", "LOCATION")
_NEVER = ("pronoun", "title", "determiner", "joiner", "weekday", "program", "chain", "relation")


def _ordinary(key: str) -> bool:
    lex = lexicon()
    return key in lex.common_words or key in lex.french_words or key in lex.rare_words


def _never(key: str) -> bool:
    lex, vocab = lexicon(), vocabulary()
    classes = vocab.classes_of(key, "mixed")
    return (
        any(c in classes for c in _NEVER)
        or key in lex.not_pii
        or key in lex.big_places
        or len(key) < 2
    )


Value = tuple[str, ...]


def values(text: str, spans: Iterable[Span]) -> dict[Value, tuple[str, float]]:
    """The folded word sequences of the sure names and places among `spans`, with their kind and
    confidence; a full name also gives its parts that are no ordinary word."""
    out: dict[Value, tuple[str, float]] = {}
    for span in spans:
        kind = str(span.kind)
        if kind not in CARRIED or span.uncertain:
            continue
        keys = tuple(t.key for t in tokenize(text[span.start : span.end]) if t.key != "'s")
        keys = tuple(k for k in keys if k[0].isalnum())
        if not keys or all(_never(k) for k in keys):
            continue
        out.setdefault(keys, (kind, span.confidence))
        if kind == "PERSON" and len(keys) > 1:
            for k in keys:
                if len(k) >= 3 and not _ordinary(k) and not _never(k):
                    out.setdefault((k,), (kind, span.confidence))
    return out


def carry(
    text: str, tokens: Sequence[Tok] | None, found: dict[Value, tuple[str, float]]
) -> list[Span]:
    """Every other place in `text` where one of the found values is written."""
    if not found:
        return []
    tokens = tokens if tokens is not None else tokenize(text)
    by_first: dict[str, list[Value]] = {}
    for value in found:
        by_first.setdefault(value[0], []).append(value)
    for group in by_first.values():
        group.sort(key=len, reverse=True)
    keys = [t.key for t in tokens]
    out: list[Span] = []
    i, n = 0, len(tokens)
    while i < n:
        options = by_first.get(keys[i])
        if not options:
            i += 1
            continue
        for value in options:
            m = len(value)
            if tuple(keys[i : i + m]) != value:
                continue
            words = tokens[i : i + m]
            if any(_ordinary(v) for v in value) and not words[0].text[0].isupper():
                continue
            kind, confidence = found[value]
            out.append(Span(words[0].start, words[-1].end, kind, confidence))
            i += m - 1
            break
        i += 1
    return out
