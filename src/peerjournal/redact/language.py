"""Which language an entry is written in: English, French, or both ("mixed").

A light scorer: it counts the little words of each language (the vocabulary's
`language_marker` class) in the entry, with one regular expression per language. No model and
no download; it only has to tell which vocabulary and which language features apply.
"""

from __future__ import annotations

import re
from functools import cache

from peerjournal.redact.vocab import vocabulary

LANGS = ("en", "fr", "mixed")
MIXED_SHARE = 0.25  # each language holds at least this share of the markers: mixed


_WORD_RE = re.compile(r"[a-zà-ÿ0-9]+")


@cache
def markers(lang: str) -> frozenset[str]:
    """The marker words of one language as `words_of` splits them ("j'" is "j")."""
    return frozenset(
        w for entry in vocabulary().words("language_marker", lang) for w in _WORD_RE.findall(entry)
    )


def words_of(text: str) -> frozenset[str]:
    """The distinct lower-case words of a text (letters and digits; apostrophes split)."""
    return frozenset(_WORD_RE.findall(text.lower()))


def decide(en: int, fr: int) -> str:
    """The language from the counts of English and French markers; with none ("Trop lent",
    "Great pace"), both vocabularies apply: "mixed"."""
    total = en + fr
    if total == 0:
        return "mixed"
    share = fr / total
    if share < MIXED_SHARE:
        return "en"
    if share > 1 - MIXED_SHARE:
        return "fr"
    return "mixed"


def detect(text: str, words: frozenset[str] | None = None) -> str:
    """'en', 'fr' or 'mixed' for one entry: how many distinct marker words of each language it
    holds (`words`, its distinct lower-case words, when already known)."""
    words = words if words is not None else words_of(text)
    en, fr = markers("en"), markers("fr")
    return decide(len(words & en - fr), len(words & fr - en))
