"""A plain-words strength hint for a new passphrase. A hint only: the person decides."""

from __future__ import annotations

import math
from typing import NamedTuple

from peerjournal.i18n import _
from peerjournal.rules import MIN_PASSPHRASE_CHARS as MIN_LENGTH  # one rule for every face


class Strength(NamedTuple):
    level: int  # 0 too short, 1 weak, 2 fair, 3 strong
    hint: str


def _pool(text: str) -> int:
    pool = 0
    if any(c.islower() for c in text):
        pool += 26
    if any(c.isupper() for c in text):
        pool += 26
    if any(c.isdigit() for c in text):
        pool += 10
    if any(not c.isalnum() for c in text):
        pool += 20
    return max(pool, 10)


def estimate_bits(text: str) -> float:
    """A rough guess of guessing effort; repeated characters count once."""
    distinct = len(set(text))
    effective = min(len(text), distinct + (len(text) - distinct) // 3)
    return effective * math.log2(_pool(text))


def strength(text: str) -> Strength:
    if not text:
        return Strength(0, _("A few words that mean something only to you make a good passphrase."))
    if len(text) < MIN_LENGTH:
        hint = _("Too short: use at least {count} characters.").format(count=MIN_LENGTH)
        return Strength(0, hint)
    bits = estimate_bits(text)
    if bits < 45:
        return Strength(1, _("Weak: add another word or two."))
    if bits < 70:
        return Strength(2, _("Fair: one more word would make it strong."))
    return Strength(3, _("Strong."))
