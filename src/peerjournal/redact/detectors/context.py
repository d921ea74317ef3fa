"""One text under redaction, with what several detectors need computed once.

Speed matters (an export redacts every shared entry): the expensive patterns run only in small
windows around their triggers (a digit, an '@', a dot before a domain ending...), found by
simple fast scans, instead of being tried at every position of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from peerjournal.redact.detectors.tokens import Token, scan
from peerjournal.redact.lexicon import lexicon

Window = tuple[int, int]
DIGITS_RE = re.compile(r"\d+")


class Text:
    """The text and its shared, lazily computed views (read-only once made)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._hits: dict[re.Pattern[str], list[Window]] = {}

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def tokens(self) -> list[Token]:
        """Every capitalised word (see tokens.scan)."""
        return scan(self.text, lexicon())

    @cached_property
    def digit_runs(self) -> list[Window]:
        return [m.span() for m in DIGITS_RE.finditer(self.text)]

    @cached_property
    def digit_count(self) -> int:
        return sum(b - a for a, b in self.digit_runs)

    @cached_property
    def longest_digit_run(self) -> int:
        return max((b - a for a, b in self.digit_runs), default=0)

    @cached_property
    def near_digits(self) -> list[Window]:
        """Short stretches around every run of digits: where numbers and dates can be."""
        return merge(((a - 24, b + 26) for a, b in self.digit_runs), len(self.text))

    @cached_property
    def wide_near_digits(self) -> list[Window]:
        """Longer stretches around digits: addresses and numbers after a cue word."""
        return merge(((a - 45, b + 80) for a, b in self.digit_runs), len(self.text))

    def has_key(self, keys: frozenset[str]) -> bool:
        """Does any capitalised word of the text have one of these lookup keys?"""
        return any(tok.key in keys for tok in self.tokens)

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

    def word_windows(self, words: tuple[str, ...], before: int, after: int) -> list[Window]:
        """Windows around each occurrence of any of these lower-case strings (plain find: fast)."""
        found = []
        for word in words:
            at = self.lower.find(word)
            while at != -1:
                found.append((at - before, at + len(word) + after))
                at = self.lower.find(word, at + 1)
        return merge(found, len(self.text))


def merge(windows, limit: int) -> list[Window]:
    """Sorted, clipped, non-overlapping windows."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, a), min(limit, b)) for a, b in windows):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def finditer(pattern: re.Pattern[str], text: str, windows: list[Window]) -> Iterator[re.Match[str]]:
    """Matches of the pattern inside the windows (look-behinds still see the text before)."""
    for start, end in windows:
        yield from pattern.finditer(text, start, end)
