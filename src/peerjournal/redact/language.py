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


_APOSTROPHE_RE = re.compile(r"([a-zà-ÿ]+)['’]([a-zà-ÿ]*)")


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
def elided(lang: str) -> frozenset[str]:
    """The markers written with an apostrophe, whole ("don't", "aujourd'hui") or as an elision
    ("j'", "c'"): matched as written, so the "d" of "DJ'd" or the "t" of "t'es" tells nothing."""
    return frozenset(w for w in vocabulary().words("language_marker", lang) if "'" in w)


def _apostrophe_forms(text: str) -> set[str]:
    """Each word with an apostrophe, whole and as an elision: "j'ai" gives "j'ai" and "j'"."""
    out = set()
    for m in _APOSTROPHE_RE.finditer(text.lower()):
        out.add(m.group(1) + "'")
        out.add(m.group(1) + "'" + m.group(2))
    return out


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
    n_en, n_fr = len(words & en - fr), len(words & fr - en)
    if "'" in text or "’" in text:
        forms = _apostrophe_forms(text)
        n_en += len(forms & elided("en"))
        n_fr += len(forms & elided("fr"))
    return decide(n_en, n_fr)
