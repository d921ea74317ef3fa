"""DATE: specific calendar dates in the common written forms.

A weekday or a month alone is not a date of anyone's life ("busier in summer, slow in March"),
and neither is a rating ("4/5") or a fraction: a numeric date needs a year, or a month name.
"""

from __future__ import annotations

import re

from peerjournal.redact.detectors.context import Text, finditer, merge
from peerjournal.redact.lexicon import words
from peerjournal.redact.spans import Span

_MONTH_FULL = (
    r"(?:[Jj]anuary|[Ff]ebruary|March|[Aa]pril|May|[Jj]une|[Jj]uly|[Aa]ugust|[Ss]eptember|"
    r"[Oo]ctober|[Nn]ovember|[Dd]ecember|janvier|février|fevrier|mars|avril|mai|juin|juillet|"
    r"août|aout|septembre|octobre|novembre|décembre|decembre)"
)
_MONTH_SHORT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
MONTH = rf"(?:{_MONTH_FULL}(?:\.(?=\s*\d))?|{_MONTH_SHORT})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er)?"
YEAR = r"(?:19|20)\d{2}"
_END = r"(?![\w/])"

# A weekday written right before a date belongs to it ("Saturday, March 14").
_WEEKDAY = (
    r"(?:\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs)?|"
    r"Fri|Sat|Sun)\.?,?\s+)?"
)
WORD_DATE_RE = re.compile(
    _WEEKDAY
    + "(?:"
    + "|".join(
        [
            rf"\b{MONTH}\s+{DAY}(?:\s*[-–]\s*{DAY})?(?:,?\s+{YEAR})?{_END}",  # May 2, 2026 / 8-10
            rf"\b(?:[Tt]he\s+)?{DAY}\s+(?:of\s+|de\s+)?{MONTH}(?:,?\s+{YEAR})?(?![\w])",  # 28 April
            rf"\b{MONTH}\s+{YEAR}{_END}",  # March 2026
        ]
    )
    + ")"
)
NUMERIC_DATE_RE = re.compile(
    "|".join(
        [
            rf"(?<![\w/.-]){YEAR}([-/.])(?:0?[1-9]|1[0-2])\1(?:[12]\d|3[01]|0?[1-9])(?![\w/-]|[.-]\d)",
            r"(?<![\w/.-])(?:[12]\d|3[01]|0?[1-9])([-/.])(?:[12]\d|3[01]|0?[1-9])\2"
            rf"(?:{YEAR}|\d{{2}})(?![\w/-]|[.-]\d)",  # 6/10/2026, 20/6/25
        ]
    )
)


_MONTH_KEYS = frozenset(
    words(
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    )
)
_LOWER_MONTHS = (
    "january",
    "february",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
)
_NUMERIC_HINT_RE = re.compile(r"\d[-/.]\d")


def find(t: Text) -> list[Span]:
    """Every specific date: with a month name, or all-numeric with a year (both hold digits)."""
    if not t.digit_runs:
        return []
    spans = []
    months = t.around_tokens(_MONTH_KEYS, before=36, after=26)
    lower_months = t.word_windows(_LOWER_MONTHS, before=36, after=26)
    if lower_months:
        months = merge(months + lower_months, len(t.text))
    spans += [Span(m.start(), m.end(), "DATE") for m in finditer(WORD_DATE_RE, t.text, months)]
    if _NUMERIC_HINT_RE.search(t.text):
        numeric = t.around_clusters(3, before=4, after=4)
        found = finditer(NUMERIC_DATE_RE, t.text, numeric)
        spans += [Span(m.start(), m.end(), "DATE") for m in found]
    return spans
