"""One text under redaction, with what several detectors need computed once.

Speed matters (an export redacts every shared entry): the expensive patterns run only in small
windows around their triggers (a digit, an '@', a dot before a domain ending...), found by
simple fast scans, instead of being tried at every position of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any, Generic, TypeVar

from peerjournal.redact.language import detect
from peerjournal.redact.lexicon import fold, lower_aligned
from peerjournal.redact.vocab import vocabulary

Window = tuple[int, int]
DIGITS_RE = re.compile(r"\d+")
WORD_RE = re.compile(r"[a-zà-ÿ0-9]+")
# A pattern that opens with its first letter's class, its look-behind right after it, lets
# `re` skip to the next capital at C speed instead of testing the look-behind at every
# position: three to four times faster on a whole text, the same matches.
CAP_WORD_RE = re.compile(r"[A-ZÀ-ÖØ-Ý](?<![\w'’@./-].)[^\W_]*")
_WORD_END_RE = re.compile(r"([^\W\d_]+)[ \t]+$")


def word_before(text: str, at: int) -> str:
    """The word right before `at` in lower case, when only spaces stand between ("" when none):
    whether a place word ("near", "sur") or another cue opens what starts at `at`."""
    m = _WORD_END_RE.search(text, max(0, at - 16), at)
    return m.group(1).lower() if m is not None else ""


@cache
def place_words(lang: str) -> frozenset[str]:
    """The one-word place prepositions of the entry's language ("near", "at", "sur")."""
    return frozenset(
        w for w in vocabulary().words("place_before", lang) if w.isalpha() and len(w) > 1
    )


Keyed = tuple[dict[str, tuple[str, ...]], frozenset[str], tuple[str, ...]]


@cache
def _keyed(triggers: tuple[str, ...]) -> Keyed:
    """The trigger strings by their first whole word, the set of those words, and the triggers
    with no word (as "#": always looked for). A text's words intersected with the keys (one set
    operation) say which triggers to look for, instead of a test per trigger."""
    by_key: dict[str, list[str]] = {}
    always = []
    for trigger in triggers:
        m = WORD_RE.search(trigger)
        if m:
            by_key.setdefault(m.group(), []).append(trigger)
        else:
            always.append(trigger)
    keyed = {k: tuple(v) for k, v in by_key.items()}
    return keyed, frozenset(keyed), tuple(always)


_BY_ID: dict[int, tuple[tuple[str, ...], Keyed]] = {}


def _keyed_fast(triggers: tuple[str, ...]) -> Keyed:
    """`_keyed` looked up by the tuple's identity first: detectors pass the same module-level
    tuples for every text, and hashing a tuple of hundreds of words on each call cost more than
    the search it saves. The tuple is kept with its result, so an identity cannot be reused."""
    held = _BY_ID.get(id(triggers))
    if held is not None and held[0] is triggers:
        return held[1]
    result = _keyed(triggers)
    if len(_BY_ID) > 256:
        _BY_ID.clear()
    _BY_ID[id(triggers)] = (triggers, result)
    return result


T = TypeVar("T")


class lazy(Generic[T]):  # (lower case: used like `cached_property`)
    """`functools.cached_property` without its lock: in Python 3.11 each first access takes a
    lock, and a Text is made for every entry and read by one thread. The value is stored in the
    instance, so later reads never reach this descriptor; two threads computing one value at
    once would both get the same answer."""

    def __init__(self, fn: Callable[[Any], T]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj: Any, owner: type | None = None) -> T:
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


class Text:
    """The text and its shared, lazily computed views (read-only once made)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._hits: dict[re.Pattern[str], list[Window]] = {}

    @lazy
    def lang(self) -> str:
        """'en', 'fr' or 'mixed' (redact.language): which vocabulary applies."""
        return detect(self.text, self.lower_words)

    @lazy
    def lower(self) -> str:
        return lower_aligned(self.text)

    @lazy
    def cap_words(self) -> list[tuple[int, int, str]]:
        """Every capitalised word as (start, end, folded key)."""
        return [
            (m.start(), m.end(), w.lower() if w.isascii() else fold(w))
            for m in CAP_WORD_RE.finditer(self.text)
            for w in (m.group(),)
        ]

    @lazy
    def lower_words(self) -> frozenset[str]:
        """Every word of the text in lower case: a trigger word absent from it needs no search."""
        return frozenset(WORD_RE.findall(self.lower))

    @lazy
    def digit_runs(self) -> list[Window]:
        text = self.text
        if text.isascii() and not any(d in text for d in "0123456789"):
            return []  # (ten plain finds are cheaper than one scan of the pattern)
        return [m.span() for m in DIGITS_RE.finditer(text)]

    @lazy
    def digit_count(self) -> int:
        return sum(b - a for a, b in self.digit_runs)

    @lazy
    def longest_digit_run(self) -> int:
        return max((b - a for a, b in self.digit_runs), default=0)

    @lazy
    def digit_clusters(self) -> list[tuple[int, int, int]]:
        """Digit runs at most three characters apart, as (start, end, digits): "604-822-8503" is
        one cluster of 10 digits, "V6B 1A1" one of 3, "Session 3" one of 1."""
        clusters: list[list[int]] = []
        for a, b in self.digit_runs:
            if clusters and a - clusters[-1][1] <= 3:
                clusters[-1][1] = b
                clusters[-1][2] += b - a
            else:
                clusters.append([a, b, b - a])
        return [(a, b, n) for a, b, n in clusters]

    def around_clusters(self, digits: int, before: int, after: int) -> list[Window]:
        """Windows around the digit clusters holding at least this many digits."""
        found = ((a - before, b + after) for a, b, n in self.digit_clusters if n >= digits)
        return merge(found, len(self.text))

    def around_tokens(self, keys: frozenset[str], before: int, after: int) -> list[Window]:
        """Windows around the capitalised words with one of these lookup keys."""
        if self.text.isascii() and keys.isdisjoint(self.lower_words):
            return []  # (in ASCII a capitalised word, lower-cased, is one of the text's words)
        found = ((a - before, b + after) for a, b, key in self.cap_words if key in keys)
        return merge(found, len(self.text))

    def hits(self, trigger: re.Pattern[str]) -> list[Window]:
        """Where the trigger pattern matches (cached: several detectors share triggers).

        A trigger written in lower case runs on the lower-cased text when that keeps every offset.
        """
        if trigger not in self._hits:
            lower = self.lower
            source = lower if len(lower) == len(self.text) else self.text
            self._hits[trigger] = [m.span() for m in trigger.finditer(source)]
        return self._hits[trigger]

    def windows(self, trigger: re.Pattern[str], before: int, after: int) -> list[Window]:
        return merge(((a - before, b + after) for a, b in self.hits(trigger)), len(self.text))

    def word_windows(
        self, words: tuple[str, ...], before: int, after: int, within: list[Window] | None = None
    ) -> list[Window]:
        """Windows around each occurrence of any of these lower-case strings (plain find: fast),
        looked for only inside `within` when given."""
        lower, found, present = self.lower, [], self.lower_words
        keyed, keys, always = _keyed_fast(words)
        shared = keys & present
        if not always and not shared:
            return []  # none of the trigger words is in the text
        words = always + tuple(w for k in shared for w in keyed[k])
        for a, b in [(0, len(lower))] if within is None else within:
            for word in words:
                if a == 0 and word[:1] == " " and lower.startswith(word[1:]):
                    found.append((-1 - before, len(word) - 1 + after))  # the text opens with it
                at = lower.find(word, a, b)
                while at != -1:
                    found.append((at - before, at + len(word) + after))
                    at = lower.find(word, at + 1, b)
        return merge(found, len(self.text))


def merge(windows, limit: int) -> list[Window]:
    """Sorted, clipped, non-overlapping windows."""
    items = sorted(windows)
    if len(items) < 2:  # (most texts hold no trigger or one: no loop for them)
        return [(max(items[0][0], 0), min(items[0][1], limit))] if items else []
    out: list[Window] = []
    start, end = items[0]
    for a, b in items[1:]:
        if a <= end:
            if b > end:
                end = b
        else:
            out.append((start if start > 0 else 0, end if end < limit else limit))
            start, end = a, b
    out.append((start if start > 0 else 0, end if end < limit else limit))
    return out


def intersect(a: list[Window], b: list[Window]) -> list[Window]:
    """Stretches that lie in both lists of (sorted, merged) windows."""
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def finditer(pattern: re.Pattern[str], text: str, windows: list[Window]) -> Iterator[re.Match[str]]:
    """Matches of the pattern inside the windows (look-behinds still see the text before)."""
    for start, end in windows:
        yield from pattern.finditer(text, start, end)
