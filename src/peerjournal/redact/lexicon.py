"""The shipped word lists (built by scripts/build_redact_data.py), loaded once and shared.

Lists are plain text, one entry a line, '#' lines are comments. Keys are lower case with accents
folded, so "Geneviève" and "Genevieve" look up the same.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from importlib import resources

_lock = threading.Lock()
_loaded: Lexicon | None = None


def fold(word: str) -> str:
    """Lower case without accents, curly apostrophes straight: the form every lookup uses."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.replace("\u2019", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def lower_aligned(text: str) -> str:
    """`text` in lower case with one character for each character, so offsets found in the
    lower-case copy are offsets in `text` ("İ".lower() is two characters: it stays as it is)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def _read(name: str) -> list[str]:
    text = resources.files("peerjournal.redact.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    """Every list the detectors consult; read-only once built, so threads can share it."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    common_words: frozenset[str]
    rare_words: frozenset[str]  # dictionary words too rare for common_words (and not names)
    french_words: frozenset[str]  # ordinary French words (scripts/build_french_words.py)
    working_names: frozenset[str]
    not_pii: frozenset[str]
    big_places: frozenset[str]
    places_single: frozenset[str]
    places_multi: dict[str, tuple[tuple[str, ...], ...]]
    after_the: frozenset[str]  # second words of listed places that start with "the"
    place_keys: frozenset[str]  # every word that can start a listed place

    def ordinary(self, key: str) -> bool:
        """Whether a folded word is a dictionary word of either language."""
        return key in self.common_words or key in self.french_words or key in self.rare_words


def _places(entries: list[str]) -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    """Split place names into one-word ones (a set) and longer ones indexed by their first word."""
    single: set[str] = set()
    multi: dict[str, list[tuple[str, ...]]] = {}
    for entry in entries:
        words = tuple(fold(w).rstrip(".") for w in entry.replace("-", " - ").split())[:10]
        if len(words) == 1:
            single.add(words[0])
        else:
            multi.setdefault(words[0], []).append(words)
    ordered = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in multi.items()}
    return frozenset(single), ordered


def lexicon() -> Lexicon:
    """The shared lists, read from the package's data files on first use."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                single, multi = _places(_read("places.txt"))
                _loaded = Lexicon(
                    first_names=frozenset(_read("first_names.txt")),
                    surnames=frozenset(_read("surnames.txt")),
                    common_words=frozenset(_read("common_words.txt")),
                    rare_words=frozenset(_read("rare_words.txt")),
                    french_words=frozenset(_read("french_words.txt")),
                    working_names=frozenset(_read("working_names.txt")),
                    not_pii=frozenset(fold(w) for w in _read("not_pii.txt")),
                    big_places=frozenset(fold(w) for w in _read("big_places.txt")),
                    places_single=single,
                    places_multi=multi,
                    after_the=frozenset(e[1] for e in multi.get("the", ()) if len(e) > 1),
                    place_keys=single
                    | frozenset(multi)
                    | frozenset(e[1] for e in multi.get("the", ()) if len(e) > 1),
                )
    return _loaded


def words(text: str) -> list[str]:
    """The words of a whitespace-separated list written in the source (keeps word lists short)."""
    return text.split()
