"""DATE: specific calendar dates in the common written forms.

A weekday or a month alone is not a date of anyone's life ("busier in summer, slow in March"),
and neither is a rating ("4/5") or a fraction: a numeric date needs a year, or a month name.
"""

from __future__ import annotations

import re
from functools import cache

from peerjournal.redact.detectors.context import Text, finditer, merge
from peerjournal.redact.lexicon import words
from peerjournal.redact.spans import Span
from peerjournal.redact.vocab import trie_regex, vocabulary

# Month names in any case ("aug 19", "march 25th") and French abbreviations with a dot
# ("12 févr. 2026"). "may" and "march" in lower case are verbs as often as months, so a date
# needs a day number right next to them (the patterns below always ask for one).
_MONTH_FULL = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    r"décembre|decembre)"
)
# Spanish months, for entries that switch into it, always after "de" ("el 20 de diciembre",
# "3 de mayo de 2026"): "20 mayo packets" is mayonnaise.
_MONTH_ES = (
    r"(?i:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre)"
)
_MONTH_SHORT = (
    r"(?:janv|jan|févr|fevr|feb|fév|fev|mar|apr|avr|jun|juil|jul|aug|sept|sep|oct|nov|déc|dec)\.?"
)
MONTH = rf"(?i:{_MONTH_FULL}(?:\.(?=\s*\d))?|{_MONTH_SHORT})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er)?"
YEAR = r"(?:19|20)\d{2}"
# The first day of a range before its month: "3-5 March", "du 3 au 5 mars", "12 et 13 mai".
_DAY_RANGE = rf"(?:\s*(?:[-–&]|au|à|to|and|et|pis|ou|or)\s*(?:[Ll]e\s+|the\s+)?{DAY})"
_END = r"(?![\w/])"

# A weekday is not part of a date ("Saturday, March 14" hides "March 14"): it identifies nobody.
WORD_DATE_RE = re.compile(
    "(?:"
    + "|".join(
        [
            # May 2, 2026 / Jan 8-10 / Mar-3 / march the 3rd
            rf"\b{MONTH}(?:[ \t]*|-|\s+the\s+){DAY}(?:\s*[-–]\s*{DAY})?(?:,?[\s-]+{YEAR})?{_END}",
            # 28 April / 3-Mar-2026
            rf"\b(?:[Tt]he\s+|[Ll]e\s+)?{DAY}{_DAY_RANGE}?(?:\s*|-)(?:of\s+|de\s+)?{MONTH}"
            rf"(?:,?[\s-]+{YEAR})?(?![\w])",
            rf"\b{MONTH}\s+{YEAR}{_END}",  # March 2026
            rf"\b{DAY}\s+de\s+{_MONTH_ES}(?:\s+(?:de(?:l)?\s+)?{YEAR})?(?![\w])",
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
            rf"(?<![\w/.-])(?:0?[1-9]|1[0-2])/{YEAR}(?![\w/-]|[.-]\d)",  # 03/2024: a month
        ]
    )
)


_NUMERIC_HINT_RE = re.compile(r"\d[-/.]\d")
# Where a written date can be: a month word with a digit right before or after it.
_MONTH_STEM = (
    r"(?:jan|f[ée]v|feb|mar|apr|avr|ma[iy]|jun|jui|jul|aug|ao[uû]|sep|oct|nov|d[ée]c"
    r"|ene|abr|ago|set|dic)"  # (Spanish: "20 de diciembre")
)
MONTH_TRIGGER_RE = re.compile(
    rf"\b{_MONTH_STEM}[a-zéû]*\.?(?:\s*|-|\s+the\s+)\d"
    rf"|\d(?:st|nd|rd|th|er)?(?:\s+|-)(?:of\s+|de\s+)?{_MONTH_STEM}"
)

# Month/day with no year ("rent is due 3/28", "journal 4/19"): a date when a date word comes
# before it or it opens a line. A rating out of 5 or 10 ("it was 4/5", "10/10") is not a date.
MONTH_DAY_RE = re.compile(
    r"(?<![\w/.,])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?![\w/]|[.,]\d)"
)
_DATE_CUES = frozenset(
    words(
        "on due since from until till til by before after dated date journal entry jour le du au "
        "was is last next this since starting started ended ending expires expired back around "
        "for of effective monday tuesday wednesday thursday friday saturday sunday mon tue tues "
        "wed thu thurs fri sat sun lundi mardi mercredi jeudi vendredi samedi dimanche appt "
        "appointment rdv court hearing test tested results shift booked booking party birthday "
        "bday dob born release released moving move paid payday cheque visit deadline surgery "
        "trial sentencing bail curfew until depuis avant après jusqu'au"
    )
)
# Words after which a month/day out of 5 or 10 is still a date ("due 3/10", "le 4/5").
_STRONG_DATE_CUES = frozenset(
    words(
        "on due since until till til by before after dated le du au depuis avant après "
        "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri "
        "sat sun lundi mardi mercredi jeudi vendredi samedi dimanche appt appointment rdv court "
        "hearing birthday bday"
    )
)
_RATING_CUES = frozenset(
    words(
        "rate rated rating gave give gives giving score scored it out stars star mood pain "
        "page pages p pg step level chapter question note étape niveau chapitre humeur"
    )
)
_TIME_AFTER_RE = re.compile(r"\s*(?:at|@|à)\s*\d{1,2}(?::\d\d)?\s*(?:am|pm|h)?\b", re.IGNORECASE)
_RANGE_RE = re.compile(r"\d{1,2}/\d{1,2}\s*[-–]$")
_WORD_BEFORE_RE = re.compile(r"([\w'’]+)\W*$")


def _month_days(t: Text) -> list[Span]:
    text, spans = t.text, []
    for m in finditer(MONTH_DAY_RE, text, t.word_windows(("/",), before=3, after=3)):
        before = text[max(0, m.start() - 30) : m.start()]
        line_start = not before.strip() or before.rstrip(" \t-*•>").endswith("\n")
        w = _WORD_BEFORE_RE.search(before)
        word = w.group(1).lower() if w else ""
        # "Mon: 6/10", "| lundi | 4/10 |", a weekday as a label or a table's row: a rating of
        # that day, not a date
        strong = word in _STRONG_DATE_CUES and not re.search(r"[:.!?|]", before[-4:])
        padded = m.group("m").startswith("0") and len(m.group("m")) == 2
        if m.group("d") in ("5", "10") and not strong and not padded:
            continue  # "4/5", "10/10": a score out of 5 or 10, unless a date word says otherwise
        if word in _RATING_CUES:
            continue
        month, day = int(m.group("m")), int(m.group("d"))
        if _fraction(month, day) and not line_start and word not in _STRONG_DATE_CUES:
            continue  # "1/2", "2/3 of the group", "3/4": a share
        if before[-1:] in ("-", "–"):
            if _RANGE_RE.search(before):  # 3/28-3/30
                spans.append(Span(m.start(), m.end(), "DATE"))
            continue  # 12-3/4 is a quantity
        shaped = not _fraction(month, day) and day not in (5, 10)
        if line_start or word in _DATE_CUES or shaped or _TIME_AFTER_RE.match(text, m.end()):
            spans.append(Span(m.start(), m.end(), "DATE"))
    return spans


# Denominators of the shares people write ("1/2", "2/3", "3/4", "5/8"); a month/day with a
# smaller first number is read as a share, any other ("11/3", "3/14") as a date.
_SHARES = frozenset((2, 3, 4, 6, 8, 12, 16))


def _fraction(numerator: int, denominator: int) -> bool:
    return denominator in _SHARES and numerator < denominator


_PRONOUNS = frozenset(words("i you he she it we they this that there which who what u"))


def _modal_may(text: str, m: re.Match[str]) -> bool:
    """ "it may 2 be true", "you may 18 times": the verb, not the month."""
    if not m.group().startswith("may"):
        return False
    w = _WORD_BEFORE_RE.search(text[max(0, m.start() - 20) : m.start()])
    return w is not None and w.group(1).lower() in _PRONOUNS


def _month_windows(t: Text) -> list[tuple[int, int]]:
    """Around digits with a month word right before or after them (a date needs both)."""
    lower, found = t.lower, []
    for a, b in t.digit_runs:
        if MONTH_TRIGGER_RE.search(lower, max(0, a - 16), min(len(lower), b + 20)):
            found.append((a - 36, b + 26))
    return merge(found, len(t.text))


# A day of the month alone, after an article that makes it a date: "by the 30th", "le 5 pis le
# 17", "jusqu'au 12", "le 1er", "on the 3rd I went". The next word must not make it a count
# ("the 3rd time", "le 3e étage", "le 5 à 7" is a time): the end of a clause, a bracket or a
# little word of the vocabulary (a pronoun, an article, a linking or joining word) may follow,
# never a noun.
def _little_words(elided: bool = False) -> str:
    """The little words as one regex; `elided`: only those written with their apostrophe
    ("j'", "c'", "m'"), which a text joins to the next word ("le 14 j'ai")."""
    vocab = vocabulary()
    found = {
        w.rstrip("'")
        for name in ("pronoun", "determiner", "link", "joiner", "place_before", "language_marker")
        for w in vocab.words(name)
        if w.replace("'", "").isalpha() and " " not in w and w.endswith("'") == elided
    }
    found -= {"a", "x", "n", ""}  # "the 3rd a.m."; single letters that are not words here
    return trie_regex([[re.escape(c) for c in w] for w in found])


_AFTER_DAY = (
    r"(?![:h]\d)"  # "thurs 6:30", "le 5h30": a time
    r"(?!\s+à\s+\d{1,2}(?!\d)(?!\s*h))"  # "le 5 à 7" is an evening, not the 5th
    r"(?=\s*(?:[.,;:!?()\n*_]|$)|\s+(?:and|n|&|or|of|at|pis|et|ou|then|puis|prochain)(?![\w'’])"
    r"|\s+à\s+\d{1,2}\s*h"
    rf"|\s+(?i:{_little_words()})(?![\w'’-])|\s+(?i:{_little_words(elided=True)})['’]"
    r"|\s+[^\w\s])"
)
# "le 3 pis le 17", "the 3rd and 17th": a second day joined to a date found just before it.
_JOINED_DAY_RE = re.compile(
    r"\s*(?:(?:pis|et|ou|,)\s+(?P<fr>le\s+(?:1er|[12]\d|3[01]|[1-9]))\b(?!\s*(?:[:h/%$]|e\b|ème))"
    r"|(?:and|or|&|,)\s+(?P<en>(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b)"
)
BARE_DAY_RE = re.compile(
    r"\b(?:the\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
    r"|(?:[Ll]e|[Aa]u|[Dd]u)\s+(?:1er|[12]\d|3[01]|[1-9]))" + _AFTER_DAY
)
_BARE_DAY_WORDS = ("the ", "le ", "au ", "du ")


def _weekday_alternation() -> str:
    days = [w for w in vocabulary().words("weekday") if w.isalpha() and not re.fullmatch(MONTH, w)]
    return trie_regex([[re.escape(c) for c in w] for w in days])


# A day number right after a weekday: "Tuesday 14th", "Fri 3", "mardi 14". The weekday stays
# outside the date (it identifies nobody).
WEEKDAY_DAY_RE = re.compile(
    rf"(?i:\b(?:{_weekday_alternation()})\b)\.?,?\s+"
    r"(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|(?:1er|[12]\d|3[01]|0?[1-9])"
    + _AFTER_DAY
    + ")"
)


@cache
def _weekday_words() -> frozenset[str]:
    return frozenset(w for w in vocabulary().words("weekday") if w.isalpha())


def _weekday_days(t: Text) -> list[Span]:
    if t.lower_words.isdisjoint(_weekday_words()):
        return []
    return [
        Span(m.start("day"), m.end("day"), "DATE")
        for m in finditer(WEEKDAY_DAY_RE, t.text, t.around_clusters(1, before=14, after=4))
    ]


# A day alone after a preposition of time: "no exceptions on the 27th back at it", "by the 3rd
# latest", "pour le 15 retour au travail": a date whatever word follows, unless a noun makes it
# a count or a rank (the vocabulary's ordinal_noun: "on the 3rd floor", "by the 2nd try").
@cache
def _prep_day_re() -> re.Pattern[str]:
    nouns = vocabulary().alternation("ordinal_noun")
    return re.compile(
        r"\b(?:(?i:on|by|until|till|til|before|after|since|from)\s+(?P<en>the\s+"
        r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))"
        r"|(?i:pour|avant|après|apres|depuis|dès|des|vers)\s+(?P<fr>le\s+(?:1er|[12]\d|3[01]|[1-9])))"
        r"(?![\w'’/%$,.:]\w|\s*(?:[%$]|h\b|e\b|ème\b|à\s+\d))"
        rf"(?!\s+(?i:{nouns})(?![\w'’-]))"
    )


_PREP_WORDS = frozenset(
    {"on", "by", "until", "till", "til", "before", "after", "since", "from"}
    | {"pour", "avant", "après", "apres", "depuis", "dès", "des", "vers"}
)


def _prep_days(t: Text) -> list[Span]:
    if t.lower_words.isdisjoint(_PREP_WORDS):
        return []
    # around the day's digits, far enough after them to see the noun ("on the 3rd percentile")
    windows = t.around_clusters(1, before=14, after=16)
    out = []
    for m in finditer(_prep_day_re(), t.text, windows):
        day = "en" if m.group("en") else "fr"
        out.append(Span(m.start(day), m.end(day), "DATE"))
    return out


def _bare_days(t: Text) -> list[Span]:
    windows = t.word_windows(_BARE_DAY_WORDS, before=0, after=12)
    spans = []
    for m in finditer(BARE_DAY_RE, t.text, windows):
        start = m.start()
        if t.text[start : start + 2].lower() in ("au", "du"):
            start += 3  # "jusqu'au 12": the day alone
        spans.append(Span(start, m.end(), "DATE"))
    return spans


# Day.month with no year, the way many countries write it ("test date: 14.05"): a date only
# after a date word, since "14.05" is as often a price or a time.
DAY_MONTH_DOT_RE = re.compile(
    r"(?<![\w/.,$€-])(?P<d>3[01]|[12]\d|0[1-9])[.-](?P<m>1[0-2]|0[1-9])(?![\w/-]|[.,]\d)"
)


def _dotted_day_months(t: Text) -> list[Span]:
    text, spans = t.text, []
    for m in finditer(DAY_MONTH_DOT_RE, text, t.around_clusters(3, before=2, after=2)):
        w = _WORD_BEFORE_RE.search(text[max(0, m.start() - 30) : m.start()])
        if (
            w is not None
            and w.group(1).lower() in _DATE_CUES
            and text[m.start() - 1 : m.start()] != "$"
        ):
            spans.append(Span(m.start(), m.end(), "DATE"))
    return spans


def _day_month(t: Text) -> list[Span]:
    """Day/month written the French way, which no rating looks like: a day over 12 ("24/04")
    or a zero-padded month or day ("12/06", "03/10")."""
    spans = []
    for m in finditer(DAY_MONTH_RE, t.text, t.word_windows(("/",), before=3, after=3)):
        day, month = m.group("d"), m.group("m")
        if (day, month) in _ALWAYS:
            continue  # "24/7": all the time
        if int(day) > 12 or month.startswith("0") or (day.startswith("0") and len(day) == 2):
            spans.append(Span(m.start(), m.end(), "DATE"))  # "03/10": nobody scores 03 of 10
    return spans


_ALWAYS = frozenset({("24", "7"), ("24", "24")})
DAY_MONTH_RE = re.compile(
    r"(?<![\w/.,])(?P<d>3[01]|[12]\d|0?[1-9])/(?P<m>1[0-2]|0[1-9]|[1-9])(?![\w/]|[.,]\d)"
)


# Days written in words, before their month ("le premier avril", "le quinze novembre", "the
# twenty-first of May") or after it ("June first"), and English ordinals from the tenth on after
# "the" ("on the twenty-first"; "the first", "the third" are too often no date).
_UNITS_FR = "un|deux|trois|quatre|cinq|six|sept|huit|neuf"
_SPELLED_FR = (
    r"(?:premier|1er|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze"
    rf"|quinze|seize|dix[- ](?:sept|huit|neuf)|vingt(?:[- ](?:et[- ]un|{_UNITS_FR}))?"
    r"|trente(?:[- ]et[- ]un)?)"
)
_UNITS_EN = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_LATE_EN = (
    r"(?:tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    rf"|eighteenth|nineteenth|twentieth|twenty[- ](?:{_UNITS_EN})|thirtieth|thirty[- ]first)"
)
_SPELLED_EN = rf"(?:{_UNITS_EN}|{_LATE_EN})"
SPELLED_DATE_RE = re.compile(
    rf"(?i:\b(?:{_SPELLED_FR}|{_SPELLED_EN})\s+(?:of\s+|de\s+)?{_MONTH_FULL}\b"
    rf"|\b{_MONTH_FULL}\s+(?:the\s+)?{_SPELLED_EN}\b)"
)
SPELLED_DAY_RE = re.compile(rf"\bthe\s+(?i:{_LATE_EN})\b" + _AFTER_DAY)
_MONTH_WORDS = frozenset(re.findall(r"[a-zéû]+", _MONTH_FULL))
_LATE_STEMS = ("tenth", "eleventh", "twelfth", "teenth", "tieth", "twenty", "thirty")


_SPELLED_KEYS = frozenset(re.findall(r"[a-zéè]+", _SPELLED_FR + _SPELLED_EN)) - {"et", "er"}


def _spelled_dates(t: Text) -> list[Span]:
    """(Only where the text holds both a month and a spelled number: a rare pair.)"""
    spans = []
    words = t.lower_words
    if not words.isdisjoint(_MONTH_WORDS) and not words.isdisjoint(_SPELLED_KEYS):
        spans += [Span(m.start(), m.end(), "DATE") for m in SPELLED_DATE_RE.finditer(t.text)]
    if "the" in t.lower_words and any(w in t.lower for w in _LATE_STEMS):
        spans += [Span(m.start(), m.end(), "DATE") for m in SPELLED_DAY_RE.finditer(t.text)]
    return spans


def find(t: Text) -> list[Span]:
    """Every specific date: with a month name, or all-numeric with a year (both hold digits)."""
    if not t.digit_runs:
        return _spelled_dates(t)
    spans = []
    months = _month_windows(t)
    for m in finditer(WORD_DATE_RE, t.text, months):
        if not _modal_may(t.text, m):
            spans.append(Span(m.start(), m.end(), "DATE"))
    if _NUMERIC_HINT_RE.search(t.text):
        numeric = t.around_clusters(3, before=4, after=4)
        found = finditer(NUMERIC_DATE_RE, t.text, numeric)
        spans += [Span(m.start(), m.end(), "DATE") for m in found]
    if "/" in t.text:
        spans += _month_days(t) + _day_month(t)
    spans += _bare_days(t) + _weekday_days(t) + _prep_days(t)
    if "." in t.text or "-" in t.text:  # "date: 14.05", "le 15-06"
        spans += _dotted_day_months(t)
    spans += _spelled_dates(t)
    for span in list(spans):
        joined = _JOINED_DAY_RE.match(t.text, span.end)
        if joined:
            day = "fr" if joined.group("fr") else "en"
            spans.append(Span(joined.start(day), joined.end(day), "DATE"))
    return spans
