"""The vocabulary: every word class of the person and place detectors, defined once as data.

`data/vocab.json` holds each class (titles, street types, venue words, joining words, place
prepositions, person verbs, cue phrases...) in English and in French. Everything that asks "is
this word a title?" asks here: the tagger's features, the pattern detectors' regular expressions
and the generated table in docs/redaction.md. Which language's words apply is chosen per entry
(`language.detect`): English, French, or both for a mixed entry.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from importlib import resources

from peerjournal.redact.tokenize import phrase_keys

LANGUAGES = ("en", "fr")
_lock = threading.Lock()
_loaded: Vocabulary | None = None


@dataclass(frozen=True)
class WordClass:
    name: str
    role: str
    words: dict[str, tuple[str, ...]]  # language -> entries as written in the data


@dataclass(frozen=True)
class Vocabulary:
    """Read-only once built, so threads can share it."""

    classes: dict[str, WordClass]
    # folded single token -> (classes in English, classes in French)
    _single: dict[str, tuple[frozenset[str], frozenset[str]]]
    # class -> language -> phrases of two tokens or more, as folded token tuples
    _phrases: dict[str, dict[str, tuple[tuple[str, ...], ...]]]
    # (class, language) -> its words: detectors ask for a class while they look at a text
    _words: dict[tuple[str, str | None], tuple[str, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def classes_of(self, key: str, lang: str) -> frozenset[str]:
        """The classes a folded single token belongs to in this language ("mixed": both)."""
        found = self._single.get(key)
        if found is None:
            return frozenset()
        if lang == "en":
            return found[0]
        if lang == "fr":
            return found[1]
        return found[0] | found[1]

    def words(self, name: str, lang: str | None = None) -> tuple[str, ...]:
        """The entries of one class (both languages when `lang` is None), without the full stop
        that marks an abbreviation in the data."""
        found = self._words.get((name, lang))
        if found is None:
            entries = self._entries(name, lang)
            found = self._words[(name, lang)] = tuple(
                dict.fromkeys(w.removesuffix(".") for w in entries)
            )
        return found

    def abbreviations(self, name: str) -> frozenset[str]:
        """The entries of a class written with a final '.': they may take a full stop."""
        return frozenset(w[:-1] for w in self._entries(name, None) if w.endswith("."))

    def _entries(self, name: str, lang: str | None) -> tuple[str, ...]:
        wc = self.classes[name]
        langs = LANGUAGES if lang is None or lang == "mixed" else (lang,)
        return tuple(dict.fromkeys(w for language in langs for w in wc.words.get(language, ())))

    def phrases(self, name: str, lang: str) -> tuple[tuple[str, ...], ...]:
        """Phrases of two tokens or more of one class, longest first."""
        by_lang = self._phrases[name]
        if lang == "mixed":
            return tuple(sorted({*by_lang["en"], *by_lang["fr"]}, key=len, reverse=True))
        return by_lang[lang]

    def alternation(self, name: str, lang: str | None = None, *, dotted: bool = False) -> str:
        """The single words of a class as one regex (a longer word wins over its prefix), for
        the pattern detectors; `dotted` lets abbreviations take a full stop ("St.", "boul.")."""
        abbreviations = self.abbreviations(name) if dotted else frozenset()
        found = [
            [re.escape(c) for c in w] + ([r"\.?"] if w in abbreviations else [])
            for w in self.words(name, lang)
            if " " not in w
        ]
        return trie_regex(found)


def trie_regex(words: list[list[str]]) -> str:
    """One regex for many words, their common beginnings written once: Python's `re` tries an
    alternation's branches one by one, so "snap|snapchat|sc|..." is slow on long texts and
    "s(?:nap(?:chat)?|c)" is not. Each word is a list of regex pieces (escaped characters)."""
    trie: dict = {}
    for pieces in words:
        node = trie
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[""] = {}
    return "(?:" + _node_regex(trie) + ")" if trie else "(?!)"


def _node_regex(node: dict) -> str:
    ends = "" in node
    # longer branches first, as in a longest-first alternation ("avenue" before "av.")
    branches = sorted(
        (piece + _node_regex(child) for piece, child in node.items() if piece),
        key=lambda b: (-len(b), b),
    )
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # optional and greedy: the longer word is tried first
        return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
    return body


def _build(raw: dict) -> Vocabulary:
    classes: dict[str, WordClass] = {}
    single: dict[str, tuple[set[str], set[str]]] = {}
    phrases: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for name, body in raw["classes"].items():
        words = {lang: tuple(body.get(lang, ())) for lang in LANGUAGES}
        classes[name] = WordClass(name, body["role"], words)
        phrases[name] = {lang: [] for lang in LANGUAGES}
        for index, lang in enumerate(LANGUAGES):
            for entry in words[lang]:
                keys = phrase_keys(entry.removesuffix("."))
                if len(keys) == 1:
                    single.setdefault(keys[0], (set(), set()))[index].add(name)
                elif keys:
                    phrases[name][lang].append(keys)
    return Vocabulary(
        classes,
        {k: (frozenset(en), frozenset(fr)) for k, (en, fr) in single.items()},
        {
            n: {lang: tuple(sorted(set(p), key=len, reverse=True)) for lang, p in by.items()}
            for n, by in phrases.items()
        },
    )


def vocabulary() -> Vocabulary:
    """The shared vocabulary, read from the package's data on first use."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                path = resources.files("peerjournal.redact.data").joinpath("vocab.json")
                _loaded = _build(json.loads(path.read_text(encoding="utf-8")))
    return _loaded
