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

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def tokens(self) -> list[Token]:
        """Every capitalised word (see tokens.scan)."""
        return scan(self.text, lexicon())

    @cached_property
    def digit_windows(self) -> list[Window]:
        """Stretches around every run of digits: where numbers, dates and addresses can be."""
        return self.windows(DIGITS_RE, before=45, after=90)

    def windows(self, trigger: re.Pattern[str], before: int, after: int) -> list[Window]:
        return merge(((m.start() - before, m.end() + after) for m in trigger.finditer(self.text)),
                     len(self.text))

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
