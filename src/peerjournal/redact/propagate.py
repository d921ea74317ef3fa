"""A name or place found once is hidden wherever else it is written: in the same text, and in
every text of one participant's export.

What was found (not only guessed at: uncertain finds are not carried) is looked for again as
whole words. A found word that is also an ordinary word ("Candy", "Rose") is carried only where
it is written with a capital, so "Candy said" hides "Candy" again but not "candy" in a bowl; a
word that is no ordinary word ("tash", "Nkechi") is carried in any case. The parts of a full
name are carried too ("Marie Tremblay" ... "Tremblay"); a part that is an ordinary word only
where written with a capital, and as "maybe identifying" ("Angel Dominguez" ... "Angel used to
say": most likely her, but "Will Brown" ... "Will you come?" is not), for the participant to
decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from peerjournal.redact.lexicon import fold, lexicon, lower_aligned
from peerjournal.redact.spans import Span
from peerjournal.redact.tagger import SURE
from peerjournal.redact.tokenize import tokenize
from peerjournal.redact.vocab import vocabulary

CARRIED = ("PERSON", "LOCATION")
# The confidence of a full name's part that is an ordinary word: below the tagger's SURE, so
# what it finds is offered as "maybe identifying".
PART_CONFIDENCE = 0.6
_NEVER = (
    "pronoun",
    "title",
    "determiner",
    "joiner",
    "weekday",
    "program",
    "chain",
    "big_place",
    "relation",
)


def _never(key: str, kind: str = "") -> bool:
    """A word that identifies nobody; for a person, a big place or a chain that is also a
    listed name is a name ("ma tante France", "Nurse Desjardins")."""
    lex, vocab = lexicon(), vocabulary()
    classes = vocab.classes_of(key, "mixed")
    if kind == "PERSON" and key in lex.first_names and classes & _STRICT == {"title"}:
        return False  # "Tia" found as a person is Tia wherever she is named (tía is a title)
    if len(key) < 2 or any(c in classes for c in _NEVER if c not in _NAMES_TOO):
        return True
    if kind == "PERSON" and (key in lex.first_names or key in lex.surnames):
        return False
    return key in lex.not_pii or key in lex.big_places or bool(classes & _NAMES_TOO)


def _capital_only(key: str) -> bool:
    """Carried only where written with a capital: an ordinary word, a place, a chain."""
    lex = lexicon()
    return lex.ordinary(key) or key in lex.big_places or key in lex.not_pii


_NAMES_TOO = frozenset({"chain", "big_place"})
_STRICT = frozenset(_NEVER) - _NAMES_TOO
Value = tuple[str, ...]


def key_of(text: str, span) -> Value:
    """The folded words of one span's text (possessive endings and punctuation left out)."""
    keys = (t.key for t in tokenize(text[span.start : span.end]) if t.key != "'s")
    return tuple(k for k in keys if k[0].isalnum())


def values(text: str, spans: Iterable) -> dict[Value, tuple[str, float]]:
    """The folded word sequences of the sure names and places among `spans`, with their kind and
    confidence; a full name also gives its parts that are no ordinary word."""
    out: dict[Value, tuple[str, float]] = {}
    for span in spans:
        kind = str(span.kind)
        if kind not in CARRIED or span.uncertain:
            continue
        keys = key_of(text, span)
        if not keys or all(_never(k, kind) for k in keys):
            continue
        out.setdefault(keys, (kind, span.confidence))
        if kind == "PERSON" and len(keys) > 1:
            for k in keys:
                if len(k) < 3 or _never(k, kind):
                    continue
                ordinary = lexicon().ordinary(k)
                out.setdefault((k,), (kind, PART_CONFIDENCE if ordinary else span.confidence))
    return out


def carry(text: str, found: dict[Value, tuple[str, float]]) -> list[Span]:
    """Every other place in `text` where one of the found values is written (whole words; the
    words of a value may be separated by any spaces)."""
    if not found:
        return []
    lower = fold(text)  # accents do not matter ("Josée", "Josee"): fold keeps offsets when...
    if len(lower) != len(text):  # ...every letter folds to one letter; else plain lower case
        lower = lower_aligned(text)
    n = len(text)
    out: list[Span] = []
    for value, (kind, confidence) in found.items():
        first = value[0]
        ordinary = any(_capital_only(v) for v in value)
        at = lower.find(first)
        while at != -1:
            end = at + len(first)
            if (at == 0 or not _word_char(lower[at - 1])) and (
                end == n or not _word_char(lower[end])
            ):
                end = _rest(lower, end, value[1:])
                if end != -1 and (not ordinary or text[at].isupper()):
                    out.append(Span(at, end, kind, confidence, confidence < SURE))
            at = lower.find(first, at + 1)
    return out


class Index:
    """The found values of a whole export, looked up by the words of each text, so that carrying
    them costs a set intersection per text rather than a search per value."""

    def __init__(self, found: dict[Value, tuple[str, float]]) -> None:
        self.found = found
        self._by_word: dict[str, list[Value]] = {}
        for value in found:
            head = _WORD_RE.findall(value[0])
            if head:
                self._by_word.setdefault(head[0], []).append(value)
        self._heads = frozenset(self._by_word)

    def carry(self, text: str) -> list[Span]:
        words = frozenset(_WORD_RE.findall(fold(text)))
        hits = words & self._heads
        if not hits:
            return []
        chosen = {v: self.found[v] for w in hits for v in self._by_word[w]}
        return carry(text, chosen)


_WORD_RE = re.compile(r"[^\W_]+")


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "-_@"


def _rest(lower: str, end: int, words: Value) -> int:
    """The end of the remaining words of a value right after `end`, or -1."""
    for word in words:
        i = end
        while i < len(lower) and lower[i] in " \t\n":
            i += 1
        if i == end or not lower.startswith(word, i):
            return -1
        end = i + len(word)
        if end < len(lower) and _word_char(lower[end]):
            return -1
    return end
