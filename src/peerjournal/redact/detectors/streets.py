"""Street names as patterns, built from the vocabulary's street types and direction words.

The address detector uses these pieces for "number + street"; `find` here names a street
without a number as a LOCATION ("Hastings Street", "rue Ontario Est", "boul. Saint-Raymond",
"107 Ave and 95 St"). Every street word comes from the vocabulary (`street_type`, `direction`,
`joiner`), never from a list written here.
"""

from __future__ import annotations

import re
from functools import cache

from peerjournal.redact.detectors.context import Text, finditer, intersect, merge
from peerjournal.redact.lexicon import fold, lexicon
from peerjournal.redact.spans import Span
from peerjournal.redact.vocab import vocabulary

_V = vocabulary()
_ABBREVIATIONS = _V.abbreviations("street_type")


def _capitalised(words: tuple[str, ...], dotted: bool = True) -> str:
    """Each word with a capital first letter ("Street", "St.?"), longest first; spaces inside a
    phrase match any spaces ("The Esplanade")."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        if not w[:1].isalpha():
            continue
        parts = [re.escape(p[0].upper() + p[1:]) for p in w.split()]
        piece = r"\s+".join(parts)
        if dotted and w in _ABBREVIATIONS:
            piece += r"\.?"
        out.append(piece)
    return "(?:" + "|".join(out) + ")"


def _either_case(words: tuple[str, ...]) -> str:
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        if " " in w or not w[:1].isalpha():
            continue
        piece = f"[{w[0].upper()}{w[0]}]" + re.escape(w[1:])
        if w in _ABBREVIATIONS:
            piece += r"\.?"
        out.append(piece)
    return "(?:" + "|".join(out) + ")"


# A capitalised word as names are written: Queen, McLeod, O'Brien, Mont-Royal, Sainte-Catherine.
CAP = (
    r"(?:[A-ZÀ-Ý][a-zà-ÿ]*(?:[A-Z][a-zà-ÿ]+)?"
    r"(?:-[IVXL]+(?![\w'’])|['’\-][A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]*)*)"  # Pie-IX, Pie-XII
)
ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th|e|er|ème|eme|re))"
STREET_TYPE = _capitalised(_V.words("street_type", "en"))
DIRECTION = (
    _capitalised(tuple(w for w in _V.words("direction") if len(w) > 2), dotted=False)[:-1]
    + "|"
    + "|".join(w.upper() for w in _V.words("direction") if len(w) <= 2)
    + r")(?![\w'’])"
)
_NOT_A_NAME = (
    "(?!(?:"
    + "|".join(
        re.escape(w.capitalize())
        for w in _V.words("determiner", "en") + _V.words("pronoun", "en")
        if w.isalpha()
    )
    + r")\s)"
)
STREET_EN = (
    rf"{_NOT_A_NAME}(?:(?:{CAP}|{ORDINAL}|St\.|Ste\.|Mt\.)\s+){{1,3}}{STREET_TYPE}(?![\w'’])"
    rf"(?:\s+{DIRECTION})?"
)
FRENCH_TYPE = _either_case(_V.words("street_type", "fr"))
_NOT_TIME = (
    "(?!(?:"
    + "|".join(
        re.escape(w.capitalize()) for w in _V.words("weekday") + _V.words("pronoun") if w.isalpha()
    )
    + r")(?![\w'’-]))"
)
STREET_FR = (
    rf"{FRENCH_TYPE}\s+(?:(?:du|de\s+la|de\s+l['’]|des|de|d['’]|l['’])\s*)?{_NOT_TIME}"
    rf"(?:{CAP}|{ORDINAL})"
    rf"(?:[\s-]{CAP}){{0,3}}(?:\s+{DIRECTION})?"
)
# Numbered roads: Highway 7, Hwy 401, Route 132, Autoroute 20.
NUMBERED_ROAD = (
    r"(?:Highway|Hwy\.?|Route|Autoroute|Rte\.?|Concession|Sideroad|Rang)\s+\d{1,4}[A-Z]?\b"
)
# Streets people name without a street word ("Broadway", "The Esplanade").
BARE_STREET = rf"{_capitalised(_V.words('bare_street'), dotted=False)}(?![\w'’])"
# French numbered streets write the street word after the number: "4e Rue", "1re Avenue".
STREET_FR_NUMBERED = rf"\d{{1,3}}(?:e|er|re|ème|eme)\s+{FRENCH_TYPE}(?![\w'’])(?:\s+{DIRECTION})?"
STREET = (
    rf"(?:{STREET_FR}|{STREET_FR_NUMBERED}|{STREET_EN}|{NUMBERED_ROAD}"
    rf"|{BARE_STREET}(?:\s+{DIRECTION})?)"
)

# A street named by its name and a direction, with no street word ("sur Ontario Est", "Queen
# East", "Jean-Talon Ouest"): the direction makes the name a street, even a big place's name.
_CARDINAL = r"(?:Est|Ouest|East|West)"
DIRECTED_RE = re.compile(
    rf"(?<![\w'’-]){_NOT_A_NAME}{_NOT_TIME}{CAP}(?:[\s-]{CAP})?\s+{_CARDINAL}(?![\w'’-])"
)
# "la 3e avenue", "4th street", "le rang 4": numbered streets in any case.
NUMBERED_STREET_RE = re.compile(
    r"(?i)(?:\d(?<![\w'’-]\d)\d{0,2}(?:e|er|re|ème|eme|st|nd|rd|th)\s+"
    r"(?:avenue|av|ave|rue|street|st)|r(?<![\w'’-]r)ang\s+\d{1,2})(?![\w'’-])"
)
_NUMBERED_WORDS = frozenset({"avenue", "av", "ave", "rue", "street", "st", "rang"})
# "sur la route 132", "off highway 7": a numbered road in lower case.
LOWER_ROAD_RE = re.compile(
    r"(?<![\w'’-])(?:route|autoroute|highway|hwy|rte)\.?\s+\d{1,4}(?![\w'’-])"
)
_ROAD_WORDS = frozenset({"route", "autoroute", "highway", "hwy", "rte"})
# In French, "sur" + a name is a street, even when the name is a province's or a city's ("ma
# première nuit sur Ontario", "sur Sherbrooke"): the big place itself would be "en Ontario".
SUR_BIG_PLACE_RE = re.compile(rf"(?<![\w'’-])sur\s+(?P<name>{CAP})(?![\w'’-]|\s+(?:Est|Ouest))")

# Lookup keys of the capitalised words a street name can hold as its type (fast gating).
STREET_KEYS = frozenset(
    fold(w.split()[-1]) for name in ("street_type", "bare_street") for w in _V.words(name)
)

_TYPE_ANY = _V.alternation("street_type", dotted=True)
_JOIN = r"(?:\s*(?:&|/|\+)\s*|\s+(?:and|n|at|et|pis|x)\s+)"
# "107 Ave and 95 St", "jasper ave & 109 st": two streets with their street words joined into a
# corner, in any case, one of them numbered.
_NOT_NAME_ANY = (
    "(?!(?:"
    + "|".join(re.escape(w) for w in _V.words("determiner") + _V.words("pronoun") if w.isalpha())
    + r")\b)"
)
NUMBERED_STREET = rf"\d{{1,3}}(?:st|nd|rd|th|e)?\s+{_TYPE_ANY}(?![\w'’])(?:\s+(?:nw|ne|sw|se))?"
NAMED_STREET = rf"{_NOT_NAME_ANY}[a-zà-ÿ][\w'’-]+\s+{_TYPE_ANY}(?![\w'’])"
NUMBERED_CORNER_RE = re.compile(
    rf"\b(?<![\w#-])(?:{NUMBERED_STREET}{_JOIN}(?:{NUMBERED_STREET}|{NAMED_STREET})"
    rf"|{NAMED_STREET}{_JOIN}{NUMBERED_STREET})",
    re.IGNORECASE,
)
_LOWER_TYPES = tuple(" " + w for w in _V.words("street_type") if " " not in w)
# (after an elided article too: "sur l'avenue du Mont-Royal")
STREET_RE = re.compile(rf"(?:(?<=\b[lL]['’])|(?<![\w'’-]))(?<!\d\s)(?<!\d,\s){STREET}")
STREET_EN_RE = re.compile(rf"(?<![\w'’-])(?<!\d\s)(?<!\d,\s)(?:{STREET_EN}|{NUMBERED_ROAD})")


_CARDINALS = (" Est", " Ouest", " East", " West")


def _lower_roads(t: Text) -> list[Span]:
    if not t.digit_runs or t.lower_words.isdisjoint(_ROAD_WORDS):
        return []
    windows = t.around_clusters(1, before=14, after=1)
    return [Span(m.start(), m.end(), "LOCATION") for m in finditer(LOWER_ROAD_RE, t.text, windows)]


def _sur_big_places(t: Text) -> list[Span]:
    if t.lang == "en" or "sur" not in t.lower_words:
        return []
    big = lexicon().big_places
    return [
        Span(m.start("name"), m.end("name"), "LOCATION")
        for m in SUR_BIG_PLACE_RE.finditer(t.text)
        if fold(m.group("name")) in big
    ]


@cache
def _french_types() -> tuple[str, ...]:
    """The one-word French street types, each after a space or an elided article ("l'avenue"),
    made once, not per text."""
    return tuple(
        before + w for w in _V.words("street_type", "fr") if " " not in w for before in " '’"
    )


# Streets in lower case, as texting writes them. A short street word ("st", "ave", "blvd")
# after a word makes that word a street's name ("on bank st", "gas station off fraser hwy");
# a long one ("street", "drive") only right after a place word ("on commercial drive": "a long
# drive" has its article). In French the type comes first and the name must be no ordinary
# word of the entry ("sur rue ontario", not "la rue était calme"). Function words are never a
# street's name ("to st", "the ave").
_SHORT_TYPES = ("st", "ave", "av", "rd", "blvd", "hwy", "cres", "pkwy")
_LONG_TYPES = ("street", "avenue", "road", "boulevard", "drive", "crescent", "highway")
_FRENCH_LOWER_TYPES = ("rue", "boul", "boulevard", "chemin", "av", "avenue")
_LOWER_STREET_RE = re.compile(
    r"(?<![\w'’.-])(?P<name>(?:(?:st|ste|mt)[ .]\s*)?[a-zà-ÿ][a-zà-ÿ'’-]+)\s+"
    rf"(?P<type>{'|'.join(_SHORT_TYPES + _LONG_TYPES)})\.?(?![\w'’-])"
)
_FRENCH_LOWER_RE = re.compile(
    rf"(?<![\w'’-])(?P<type>{'|'.join(_FRENCH_LOWER_TYPES)})\.?\s+(?:(?:du|de|des)\s+|d['’])?"
    r"(?P<name>[a-zà-ÿ][a-zà-ÿ-]+)(?![\w'’-])"
)
# Capitalised after a French street word, in an English entry too ("a café on rue Ontario").
_FRENCH_IN_ENGLISH_RE = re.compile(
    rf"(?<![\w'’-])(?:rue|boul\.?|boulevard|chemin)\s+(?:(?:du|de\s+la|des|de)\s+)?{_NOT_TIME}"
    rf"{CAP}(?:[\s-]{CAP}){{0,2}}(?:\s+{DIRECTION})?"
)
_NOT_STREET_NAME_CLASSES = frozenset(
    {
        "determiner",
        "pronoun",
        "possessive",
        "place_before",
        "joiner",
        "link",
        "language_marker",
        "weekday",
        "not_street_name",
        "person_verb",
        "relation",
        "title",
    }
)


def _function_word(word: str, lang: str) -> bool:
    return bool(_V.classes_of(fold(word), lang) & _NOT_STREET_NAME_CLASSES)


def _lower_streets(t: Text) -> list[Span]:
    text, lang, spans = t.text, t.lang, []
    words = t.lower_words
    if not words.isdisjoint(_SHORT_TYPES + _LONG_TYPES):
        at = 0
        while (m := _LOWER_STREET_RE.search(text, at)) is not None:
            at = m.start() + 1  # a rejected "on st" must not hide "st clair ave" after it
            name, kind = m.group("name"), m.group("type")
            if not name.islower() or _function_word(name.split()[-1], lang):
                continue
            if kind in _LONG_TYPES:
                before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
                if before is None or "place_before" not in _V.classes_of(
                    fold(before.group(1)), lang
                ):
                    continue
            end = m.end() - (kind in _LONG_TYPES and text[m.end() - 1] == ".")
            spans.append(Span(m.start(), end, "LOCATION"))
            at = end
    if not words.isdisjoint(_FRENCH_LOWER_TYPES):
        ordinary = lexicon().french_words if lang != "en" else lexicon().common_words
        for m in _FRENCH_LOWER_RE.finditer(text):
            key = fold(m.group("name"))
            if key not in ordinary and not _function_word(key, "mixed") and len(key) > 2:
                spans.append(Span(m.start(), m.end(), "LOCATION"))
        if lang == "en":
            spans += [
                Span(m.start(), m.end(), "LOCATION") for m in _FRENCH_IN_ENGLISH_RE.finditer(text)
            ]
    return spans


_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\s+$")


def find(t: Text) -> list[Span]:
    """Streets named with their type, and corners of numbered streets, as LOCATION."""
    text = t.text
    windows = t.around_tokens(STREET_KEYS, before=60, after=40)
    pattern = STREET_EN_RE
    if t.lang != "en":  # French street words apply to French and mixed entries
        pattern = STREET_RE
        windows += t.word_windows(_french_types(), before=2, after=60)
    windows = merge(windows, len(text))
    spans = [Span(m.start(), m.end(), "LOCATION") for m in finditer(pattern, text, windows)]
    if any(w in text for w in _CARDINALS):  # (capitalised: "est" alone is a verb)
        spans += [Span(m.start(), m.end(), "LOCATION") for m in DIRECTED_RE.finditer(text)]
    spans += _lower_roads(t) + _sur_big_places(t) + _lower_streets(t)
    if t.digit_runs and not t.lower_words.isdisjoint(_NUMBERED_WORDS):
        numbered = t.around_clusters(1, before=8, after=12)
        spans += [
            Span(m.start(), m.end(), "LOCATION")
            for m in finditer(NUMBERED_STREET_RE, text, numbered)
        ]
        numbers = t.around_clusters(1, before=40, after=60)
        words = t.word_windows(_LOWER_TYPES, before=50, after=50)
        near = intersect(numbers, words) if words else []
        spans += [
            Span(m.start(), m.end(), "LOCATION") for m in finditer(NUMBERED_CORNER_RE, text, near)
        ]
    return spans
