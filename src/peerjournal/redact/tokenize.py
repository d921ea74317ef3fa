"""Words of a text for the person and place tagger, with their offsets.

One tokenizer serves the tagger, its training script and the vocabulary's phrases, so a phrase
("m'a dit", "corner of") is split the same way wherever it is looked for:
- a word is letters and digits with inner apostrophes and hyphens ("Jean-Marc", "don't");
- a French elided article or pronoun is its own token ("l'" "atelier", "m'" "a" "dit");
- a possessive ending is its own token ("Candy" "'s");
- any other non-space character is a token of its own (".", ",", "&", "/", "@").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from peerjournal.redact.lexicon import fold

_WORD = r"[^\W_]+(?:['’\-][^\W_]+)*"
TOKEN_RE = re.compile(rf"{_WORD}|\S")
# Elided French words that stand before a vowel or h: l'atelier, d'Youville, qu'elle, m'a.
_ELISION_RE = re.compile(r"(?i)^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|presqu)(['’])(?=[^\W\d_])")
_POSSESSIVE_RE = re.compile(r"(?i)(?<=[^\W\d_]{2})(['’]s)$")


@dataclass(slots=True)
class Tok:
    """One token: offsets into the text, the text itself and its folded form."""

    start: int
    end: int
    text: str
    key: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Every token of the text (or of text[start:end], with offsets into the whole text, when
    the stretch begins and ends at a space or an end of the text), in order.

    No token holds a space, so each space-delimited piece is tokenized once per process and
    its tokens reused wherever it occurs again (words repeat: most of a text's pieces were seen
    before)."""
    out: list[Tok] = []
    append, pieces = out.append, _PIECES
    for m in _PIECE_RE.finditer(text, start, len(text) if end is None else end):
        piece = m.group()
        found = pieces.get(piece)
        if found is None:
            if len(pieces) > _PIECES_MAX:
                pieces.clear()
            found = pieces[piece] = tuple(_piece_tokens(piece))
        at = m.start()
        for start, end, word, key in found:
            append(Tok(at + start, at + end, word, key))
    return out


@lru_cache(maxsize=20_000)
def token_keys(text: str) -> tuple[str, ...]:
    """The folded keys of a text's tokens, kept for the short stretches the name rules look at
    again and again ("told", "me and"): the same keys as `tokenize`, without making tokens."""
    return tuple(t.key for t in tokenize(text))


_PIECE_RE = re.compile(r"\S+")
_PIECES: dict[str, tuple[tuple[int, int, str, str], ...]] = {}
_PIECES_MAX = 100_000


def _piece_tokens(text: str) -> list[tuple[int, int, str, str]]:
    """The tokens of one piece without spaces, as (start, end, text, folded key)."""
    out: list[tuple[int, int, str, str]] = []
    append = out.append
    for m in TOKEN_RE.finditer(text):
        word, start = m.group(), m.start()
        if "'" in word or "’" in word:
            e = _ELISION_RE.match(word)
            if e:
                cut = e.end()
                append((start, start + cut, word[:cut], fold(word[:cut])))
                word, start = word[cut:], start + cut
            p = _POSSESSIVE_RE.search(word)
            if p:
                cut = p.start()
                append((start, start + cut, word[:cut], fold(word[:cut])))
                append((start + cut, start + len(word), word[cut:], "'s"))
                continue
        append((start, start + len(word), word, word.lower() if word.isascii() else fold(word)))
    return out


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """A vocabulary phrase as the folded tokens the tokenizer would make of it in a text.

    The data writes an elided word apart ("m' a dit", "s' appelle") or alone ("c'", "l'"), which
    a text never does ("m'a dit"): the space goes, and an elision alone is tokenized before a
    letter, so the phrase's keys are the tokens a real sentence gives."""
    joined = _ELIDED_SPACE_RE.sub(r"\1\2", phrase)
    if joined[-1:] in ("'", "’"):
        keys = tuple(t.key for t in tokenize(joined + "a"))
        if len(keys) >= 2 and keys[-1] == "a" and keys[-2].endswith("'"):
            return keys[:-1]
    return tuple(t.key for t in tokenize(joined))


_ELIDED_SPACE_RE = re.compile(r"([^\W\d_])(['’])\s+(?=[^\W\d_])")


def shape(word: str) -> str:
    """A short shape: 'Xx' (Candy), 'x' (tash), 'X' (DTES), 'd' (42), 'Xx-Xx' (Jean-Marc)..."""
    out: list[str] = []
    for c in word:
        if c.isupper():
            k = "X"
        elif c.islower():
            k = "x"
        elif c.isdigit():
            k = "d"
        else:
            k = c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)[:6]
