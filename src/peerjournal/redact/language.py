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
    """The marker words of one language written without an apostrophe."""
    return frozenset(
        w
        for entry in vocabulary().words("language_marker", lang)
        if "'" not in entry
        for w in _WORD_RE.findall(entry)
    )


@cache
def only(lang: str) -> frozenset[str]:
    """The markers of one language that are no marker of the other, made once: taking the
    difference of the two lists for every entry cost more than the rest of the check."""
    other = markers("fr" if lang == "en" else "en")
    return markers(lang) - other


@cache
def elided(lang: str) -> frozenset[str]:
    """The markers written with an apostrophe, whole ("don't", "aujourd'hui") or as an elision
    ("j'", "c'"): matched as written, so the "d" of "DJ'd" or the "t" of "t'es" tells nothing."""
    return frozenset(w for w in vocabulary().words("language_marker", lang) if "'" in w)


def _written(lower: str, marker: str) -> bool:
    """Whether `marker` is written in `lower` as a word or a word's start ("j'" in "j'ai", not
    in "dj'd"): a plain find per marker, at C speed."""
    at = lower.find(marker)
    while at != -1:
        end = at + len(marker)
        if (at == 0 or not lower[at - 1].isalpha()) and (
            marker[-1] == "'" or end == len(lower) or not lower[end].isalpha()
        ):
            return True
        at = lower.find(marker, at + 1)
    return False


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
    n_en, n_fr = len(words & only("en")), len(words & only("fr"))
    if "'" in text or "’" in text:
        lower = text.lower().replace("’", "'")
        n_en += sum(_written(lower, m) for m in elided("en"))
        n_fr += sum(_written(lower, m) for m in elided("fr"))
    return decide(n_en, n_fr)
