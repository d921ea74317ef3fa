"""ADDRESS (a number on a street, with any unit) and POSTAL (Canadian postal codes)."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from peerjournal.redact.detectors.context import Text, finditer, intersect, merge
from peerjournal.redact.detectors.streets import CAP, STREET, STREET_KEYS
from peerjournal.redact.lexicon import fold
from peerjournal.redact.spans import Span
from peerjournal.redact.vocab import trie_regex, vocabulary

_V = vocabulary()

POSTAL_RE = re.compile(
    r"(?<![\w-])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d(?![\w-])",
    re.IGNORECASE,
)
_UNIT_BEFORE = (
    r"(?:(?:[Uu]nit|[Aa]pt\.?|[Aa]partment|[Ss]uite|[Ss]te\.?|[Rr]oom|#)\s*\w{1,5}\s*[,-]?\s*)"
)
# French writes thousands with a space: "10 450, boul. de l'Acadie" (groups of exactly three).
_THOUSANDS = r"\d{1,3}[ \u00a0\u202f]\d{3}(?!\d)"
_NUMBER = rf"(?:#?\d{{1,5}}[A-Za-z]?\s*[-–]\s*)?(?:{_THOUSANDS}|\d{{1,6}}[A-Za-z]?(?:\s*1/2)?)"
_UNIT_AFTER = (
    r"(?:\s*,?\s*(?:[Uu]nit|[Aa]pt\.?|[Aa]pp\.?|[Aa]partment|[Ss]uite|[Ss]te\.?|[Rr]oom|#)"
    r"\s*(?:\d{1,5}[A-Za-z]?|[A-Z])\b)"
)
# A floor belongs to the address: "3e étage, 2100 rue Ontario Est", "1818 Yonge St, 2nd floor".
_FLOOR_WORD = r"(?:étage|etage|fl(?:o{1,2}r|r)|fl\.?)"  # "floor", texted "flor", "flr", "fl."
_FLOOR = (
    rf"(?:(?:\d{{1,2}}(?:e|er|ème|eme|st|nd|rd|th)|ground|main|rez-de-chaussée)\s+{_FLOOR_WORD})"
)
FLOOR_BEFORE = rf"(?:{_FLOOR}\s*,?\s*)?"
FLOOR_AFTER = rf"(?:\s*,?\s*{_FLOOR}(?![\w'’]))?"
ADDRESS_RE = re.compile(
    rf"(?<![\w#–-])(?:[Tt]he\s+)?\d{{1,5}}\s+block\s+of\s+(?:{STREET}|{CAP}(?:\s+{CAP}){{0,2}})"
    rf"|(?<![\w#–-]){FLOOR_BEFORE}{_UNIT_BEFORE}?{_NUMBER},?\s+{STREET}{_UNIT_AFTER}?{FLOOR_AFTER}"
    r"|(?<![\w.])(?:P\.?\s?O\.?\s+Box|Box|C\.\s?P\.|CP(?=\s+\d{3})|[Cc]ase\s+postale|General\s+Delivery)\s+\d{1,6}\b"
    # the station of a post office box: ", succ. Place d'Armes", ", Station Main", ", succursale C"
    r"(?:\s*,?\s*(?:[Ss]ucc(?:ursale)?\.?|[Ss]tation|[Ss]tn\.?)\s+"
    r"[A-ZÀ-Ý0-9][\w'’-]*(?:\s+(?:d['’]|de\s+|du\s+)?[A-ZÀ-Ý][\w'’-]*){0,3})?"
)


# The same in any case, for texting style ("1887 logan avenue", "apt 3b 455 sargent ave"),
# Edmonton numbered streets ("10422 82 Avenue NW", "1203-11110 95 Street") and Québec
# "unit-number rue" order ("12-3262 boulevard Pie-IX", "2366 rue Ontario Est app 7").
# Lower-case name words exclude the little words that sit between a number and "street" in
# ordinary sentences ("2 blocks down the street", "20 min drive").
_UNIT_WORD = (
    "(?:" + "|".join(re.escape(w) for w in sorted(_V.words("floor"), key=len, reverse=True)) + ")"
)
_NOT_NAMES = trie_regex(
    [
        [re.escape(c) for c in w]
        for name in ("not_street_name", "place_before", "determiner", "pronoun")
        for w in _V.words(name)
        if w.replace("'", "").isalpha() and " " not in w
    ]
)
_NAME_WORD = rf"(?!{_NOT_NAMES}(?![\w'’-]))[a-zà-ÿ][\w'’.-]*"
_TYPE_ANY = _V.alternation("address_street_type", "en", dotted=True)
_DIR_ANY = (
    r"(?:[ ]+(?:east|west|north|south|est|ouest|nord|sud|ne|nw|se|sw"
    r"|[ewnso]\.(?=,)|e|w|n|s|o\.?)(?![\w'’]))?"  # "w., unit 12": the dot before a unit
)
_FR_ANY = (
    _V.alternation("address_street_type", "fr", dotted=True)
    + r"\s+(?:(?:du|de\s+la|des|de|d['’])\s*)?"
    r"(?!(?:app|apt|unit|suite)\b)[\w'’]+(?:-[\w'’]+)*"
    r"(?:[ ]+(?!(?:app|apt|unit|suite|est|ouest|nord|sud|is|was|had|has|et|and|pis|i)\b)"
    r"(?-i:[A-ZÀ-Ý])[\w'’]*(?:-[\w'’]+)*){0,2}"
)
_UNIT_ANY = rf"(?:\s*,?\s*{_UNIT_WORD}\.?\s*(?:\d{{1,5}}[a-z]?|[a-z]\d{{0,3}})(?![\w]))"
LOOSE_ADDRESS_RE = re.compile(
    rf"(?<![\w#–-]){FLOOR_BEFORE}(?:{_UNIT_WORD}\.?\s*\w{{1,5}}\s*[,-]?\s*)?"
    rf"(?:#?(?:\d{{1,5}}[a-z]?|[a-z])\s*[-–]\s*)?(?:{_THOUSANDS}|\d{{1,6}}[a-z]?)"
    rf"(?:,?[ ]+(?={_FR_ANY})|[ ]+)"
    rf"(?:\d{{1,3}}(?:st|nd|rd|th|e|er|ème|eme|[a-z])?[ ]+{_TYPE_ANY}(?![\w'’]){_DIR_ANY}"
    rf"|{_FR_ANY}{_DIR_ANY}"
    rf"|(?:{_NAME_WORD}[ ]+){{1,3}}{_TYPE_ANY}(?![\w'’]){_DIR_ANY})"
    rf"{_UNIT_ANY}?{FLOOR_AFTER}"
    rf"|(?<![\w#–-])(?:the\s+)?\d{{1,5}}\s+block\s+of\s+"
    rf"(?:\d{{1,3}}(?:st|nd|rd|th)?|(?:{_NAME_WORD}[ ]+){{1,3}})[ ]*{_TYPE_ANY}(?![\w'’])"
    rf"{_DIR_ANY}",
    re.IGNORECASE,
)


# Street words in any case: an address in lower case can only be near one of them.
_STREET_TRIGGERS = (
    *sorted({" " + w for w in _V.words("address_street_type")}),
    " block",
)


# Lower-case words that can hold an address together ("block of", "rue", "box").
_ADDRESS_WORDS = (
    "block of",
    "rue ",
    "boulevard ",
    "chemin ",
    "avenue ",
    "box ",
    "delivery ",
    "c.p.",
    "c. p.",
    "cp ",
    "case postale",
)


def _unit_tail_re() -> re.Pattern[str]:
    """A unit or floor after an address, from the vocabulary's `floor` class: ", bureau 210",
    ", local 407", ", basement", ", suite 3B". Without a number it must end the clause."""
    words = _V.words("floor")
    alternation = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(words, key=len, reverse=True)
        if w != "#"
    )
    return re.compile(
        rf"(?:\.(?=,))?\s*,?\s*(?:(?i:{alternation})\.?(?:\s*#?\s*\d{{1,5}}[A-Za-z]?(?![\w'’])"
        r"|\s*[A-Z](?![\w'’])|(?=\s*(?:[,.;:!?)\n]|$)))|#\s*\d{1,5}[A-Za-z]?(?![\w'’]))"
    )


_UNIT_TAIL_RE = _unit_tail_re()


def _with_units(text: str, spans: list[Span]) -> list[Span]:
    out = []
    for span in spans:
        for _ in range(3):  # ", apt 1203, buzz 2014": a unit, then the buzzer
            m = _UNIT_TAIL_RE.match(text, span.end) if span.kind == "ADDRESS" else None
            if m is None:
                break
            span = Span(span.start, m.end(), "ADDRESS")
        out.append(span)
    return out


# A number, a capitalised street name and its direction, with no street word: "845 Queen W",
# "1155 René-Lévesque Ouest", "suite 210 - 1155 René-Lévesque Ouest". The direction (from the
# vocabulary's direction class, written with a capital) tells a street; a number of two digits
# or more tells an address.
_DIRECTION_CAP = trie_regex(
    [[re.escape(c) for c in w.capitalize()] for w in _V.words("direction") if len(w) > 2]
    + [
        [re.escape(w.upper())] if len(w) == 1 else [re.escape(c) for c in w.upper()]
        for w in _V.words("direction")
        if len(w) <= 2
    ]
)
DIRECTION_ADDRESS_RE = re.compile(
    rf"(?<![\w#–-])(?:{_UNIT_WORD}\.?\s*\w{{1,5}}\s*[,–-]?\s*)?(?:\d{{1,5}}[A-Za-z]?\s*[-–]\s*)?"
    rf"\d{{2,5}}[A-Za-z]?,?\s+(?:(?-i:[A-ZÀ-Ý][\w'’]*(?:-[\w'’]+)*)\s+){{1,3}}"
    rf"(?-i:{_DIRECTION_CAP})(?![\w'’-])",
    re.IGNORECASE,
)
_DIRECTION_KEYS = frozenset(_V.words("direction"))


def _direction_addresses(t: Text) -> list[Span]:
    near = t.around_tokens(_DIRECTION_KEYS, before=60, after=2)
    if not near:
        return []
    windows = intersect(near, t.around_clusters(2, before=30, after=60))
    out = []
    for m in finditer(DIRECTION_ADDRESS_RE, t.text, windows):
        names = re.findall(r"[A-ZÀ-Ý][\w'’-]*", m.group())
        if any(_V.classes_of(fold(n), t.lang) & _NOT_STREET for n in names[:-1]):
            continue  # "12 May E", "20 Session W": a month or a program word is no street
        out.append(Span(m.start(), m.end(), "ADDRESS"))
    return out


_NOT_STREET = frozenset({"weekday", "program", "pronoun", "title", "chain", "not_street_name"})


# The first half of a postal code (a forward sortation area) alone, where the text talks about
# postal codes: "only postal codes starting with E1A or E1C", "les codes postaux en H2X, H2L".
# Upper case only, never a whole word ("A1C" the blood test starts with no FSA letter anyway).
FSA_RE = re.compile(r"(?<![\w-])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z](?![\w-]|\s\d[A-Z]\d)")


def _postal_areas(t: Text) -> list[Span]:
    """First halves of postal codes anywhere in an entry that talks about postal codes: the
    talk may come before them, after them ("V6A, V5L, V6B (we used postal codes so...)") or a
    sentence away ("les codes postaux H2K pis H2L. moi chu H1V")."""
    cues = t.lower_words & frozenset(vocabulary().words("postal_cue"))
    if not cues or (cues == {"postal"} and not _POSTAL_CODE_RE.search(t.text)):
        return []  # "postal workers strike": talk of the post, not of codes
    return [Span(m.start(), m.end(), "POSTAL") for m in FSA_RE.finditer(t.text)]


def _placed_areas(text: str, addresses: list[Span]) -> list[Span]:
    """A postal code's first half where its place says what it is: right after a street address
    ("10 450, boul. de l'Acadie, H4N"), after the word "code" ("faut donner le code E1X") or
    written as a place (`_areas_as_places`). Elsewhere the same shape is texting as often as not
    ("L8R", "B4N")."""
    spans = []
    for a in addresses:
        m = _AFTER_ADDRESS_RE.match(text, a.end)
        if m:
            spans.append(Span(m.start("fsa"), m.end("fsa"), "POSTAL"))
    if "code" in text or "Code" in text:
        spans += [Span(m.start("fsa"), m.end("fsa"), "POSTAL") for m in _CODE_FSA_RE.finditer(text)]
    return spans + _areas_as_places(text)


def _areas_as_places(text: str) -> list[Span]:
    """A postal area written as a place: after a place word ("people in N6A", "dans le J9T",
    "chez lulu dans le H2K") or before an area word ("N5Y areas", "le secteur H1V"... "H1V
    zone"), and an area joined to one of those ("in N6A and N5Y")."""
    found = list(FSA_RE.finditer(text))
    if not found:
        return []
    placed = set()
    for m in found:
        before = text[max(0, m.start() - 14) : m.start()]
        if _PLACE_BEFORE_FSA_RE.search(before) or _AREA_AFTER_FSA_RE.match(text, m.end()):
            placed.add(m.start())
    for a, b in pairwise(found):  # "N6A and N5Y", "H2K, H2L pis H1V"
        if _FSA_JOIN_RE.fullmatch(text, a.end(), b.start()) and (
            a.start() in placed or b.start() in placed
        ):
            placed |= {a.start(), b.start()}
    return [Span(m.start(), m.end(), "POSTAL") for m in found if m.start() in placed]


_PLACE_BEFORE_FSA_RE = re.compile(
    r"(?i:\b(?:in|from|near|around|dans(?:\s+l[ea])?|du|au|le|la|secteur|zone|area|coin|quartier"
    r"|neighbourhood|neighborhood))\s+$"
)
_AREA_AFTER_FSA_RE = re.compile(r"\s+(?i:areas?|zones?|secteurs?|neighbou?rhoods?|quartiers?)\b")
_FSA_JOIN_RE = re.compile(r"\s*(?:,|/|&)?\s*(?:(?i:and|or|et|ou|pis|n)\s+)?")


_AFTER_ADDRESS_RE = re.compile(r"\s*,?\s*(?P<fsa>" + FSA_RE.pattern + ")")
_CODE_FSA_RE = re.compile(r"(?i:\bcodes?)\b[^.!?\n\d]{0,25}?(?P<fsa>" + FSA_RE.pattern + ")")


_POSTAL_CODE_RE = re.compile(r"(?i:\bpostal\s+codes?\b|\bcodes?\s+postal)")


# A room of a named hotel or motel is where someone is: "Hôtel Le Dauphin, chambre 412",
# "the Days Inn in room 214", "Motel Riviera ch. 7". The hotel's name (a capitalised word before
# or after the lodging word) is the venue detector's; the room is an address. A room in generic
# talk ("room 3 at the clinic", "the hotel room") is left alone.
_LODGING = _V.words("lodging")
_LODGING_ONE = tuple(w for w in _LODGING if " " not in w and w.isalpha())
_CAP_NAME = r"(?-i:[A-ZÀ-Ý0-9][\w'’&-]*)"
# A number of beds, nights, people or hours after a room or bed word is a count, not the room
# ("chambre 2 lits", "in bed 3 days").
_COUNTED = (
    r"lits?|beds?|nuits?|nights?|personnes|people|places|étoiles|stars"
    r"|hours?|hrs?|days?|weeks?|months?|years?|heures?|jours?|semaines?|mois|ans"
)
HOTEL_ROOM_RE = re.compile(
    rf"(?:(?:{_CAP_NAME}\s+){{1,3}}(?-i:[A-ZÀ-Ý])(?:{'|'.join(w[1:] for w in _LODGING_ONE)})"
    rf"|(?-i:[A-ZÀ-Ý])(?:{'|'.join(w[1:] for w in _LODGING_ONE)})(?:\s+{_CAP_NAME}){{1,3}})"
    r"\s*(?:,|-|–|:|\s)\s*(?:(?:in|dans\s+la|la|en)\s+)?"
    r"(?P<room>(?:room|rm|chambre|ch|suite|unit|unité)\.?\s*#?\d{1,5}[A-Za-z]?)(?![\w'’]|[.,]\d)"
    rf"(?!\s+(?:{_COUNTED})\b)",
    re.IGNORECASE,
)


def _hotel_rooms(t: Text) -> list[Span]:
    if t.lower_words.isdisjoint(_LODGING_ONE):
        return []
    windows = t.word_windows(_LODGING_ONE, before=40, after=60)
    return [
        Span(m.start("room"), m.end("room"), "ADDRESS")
        for m in finditer(HOTEL_ROOM_RE, t.text, windows)
    ]


@cache
def _room_re() -> re.Pattern[str]:
    rooms = vocabulary().alternation("room_word", dotted=True)
    beds = vocabulary().alternation("bed_word")
    return re.compile(
        rf"(?<![\w'’])(?:(?P<bed>(?i:{beds}))|(?i:{rooms}))"
        r"(?:\s+(?i:is|was|c['’]est|c['’]était|était)\b)?"
        r"\s*(?:#|:|(?i:no|n°|number|numéro)\b\.?)?\s*"
        # a number, or a bed's code: "bed B-12", "lit A3"
        r"(?P<room>\d{1,5}[A-Za-z]?|(?-i:[A-Z])-?\d{1,3})(?![\w'’]|[.,:/]\d)"
        rf"(?!\s*(?:{_COUNTED}|min\b|h\b|am\b|pm\b|%|\$))",
    )


def _rooms(t: Text, written: list[Span]) -> list[Span]:
    """A room or bed number says where someone sleeps: "motel, room 312", "Chambre 507", "at the
    shelter, bed B-12". A bed's or a French bedroom's number is one anywhere ("bed 17", "le lit
    23 de la Maison du Phare", "chambre 9": nobody numbers a bed they do not sleep in); a room
    number of three digits or more anywhere; a shorter one only where the entry speaks of a
    hotel, a motel or a shelter shortly before (or in the same sentence), right after a written
    address or right after a place's name ("Covenant House, room 22B"), and a room not placed in
    some other room ("room 3 at the clinic" stays readable; "room 14 at Anchor Place", a named
    place, does not), or where a bed stands in the same sentence ("room B-17, top bunk")."""
    words = vocabulary().words("room_word") + vocabulary().words("bed_word")
    windows = t.word_windows(words, before=0, after=20)
    if not windows:
        return []
    text, spans = t.text, []
    for m in finditer(_room_re(), text, windows):
        lit = (m.group("bed") or "").lower() == "lit" and m.group("room").isdigit()
        if lit and _a_verb(text, m):
            continue  # "Elle lit 300 pages": French "lit" is a verb too
        if not m.group("bed") and sum(c.isdigit() for c in m.group("room")) < 3:
            sentence_end = _SENTENCE_END_RE.search(text, m.end())
            end = sentence_end.start() if sentence_end else len(text)
            near = text[max(0, m.start() - _LODGING_BEFORE) : end]
            elsewhere = _ELSEWHERE_RE.match(text, m.end())
            beside = _beside_a_bed(text, m.start(), end)
            lodging = (
                _LODGING_RE.search(near)
                or beside
                or _after(text, written, m.start())
                or _NAMED_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
            )
            if not lodging or elsewhere:
                continue
        spans.append(Span(m.start("room"), m.end("room"), "ADDRESS"))
    return spans


_LAST_WORD_RE = re.compile(r"([^\W\d_][\w'’]*)[ \t]+$")
# A place's name right before a room, after a comma: "Covenant House, room 22B".
_NAMED_BEFORE_RE = re.compile(r"[A-ZÀ-Ý][\w'’-]+[ \t]*,[ \t]*$")


def _a_verb(text: str, m: re.Match[str]) -> bool:
    """Whether a French "lit" before a number reads as the verb: the bed takes an article or a
    possessive ("au lit 23", "mon lit 4") or follows punctuation ("Lit 12, celui du fond")."""
    before = _LAST_WORD_RE.search(text, max(0, m.start() - 20), m.start())
    if before is None:
        return False  # after punctuation: "Chambre 4127, lit 2"
    return not _V.classes_of(fold(before.group(1)), "fr") & {"determiner", "possessive"}


def _after(text: str, written: list[Span], at: int) -> bool:
    """Whether an address or a postal code was written right before, nothing but punctuation
    between: "455 E Cordova St, V6A 1L8. room 4B" is where someone lives ("88 Powell St. We
    met in room 2" is a room of the place)."""
    return any(0 <= at - s.end <= 4 and not text[s.end : at].strip(" \t,.;:-–—") for s in written)


def _beside_a_bed(text: str, start: int, end: int) -> bool:
    """Whether a bed word stands in the same sentence as a room ("room B-17, top bunk"): a room
    with beds is where someone sleeps."""
    sentence = text.rfind("\n", 0, start) + 1, end
    for stop in ".!?":
        at = text.rfind(stop + " ", sentence[0], start)
        if at != -1:
            sentence = max(sentence[0], at + 2), end
    return _bed_re().search(text, *sentence) is not None


@cache
def _bed_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’])(?i:{vocabulary().alternation('bed_word')})(?![\w'’])")


# How far before a short room number the entry may have named the shelter or hotel ("Au refuge
# de Rimouski, ils m'ont donné la chambre 7"; a paragraph, not the whole entry).
_LODGING_BEFORE = 300
_SENTENCE_END_RE = re.compile(r"[.!?\n](?:\s|$)")
_LODGING_RE = re.compile(
    r"(?i:(?<![^\W\d_])(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(_LODGING, key=len, reverse=True))
    + r")(?![\w'’]))"
)
# "room 3 at the clinic", "chambre 2 dans le local": another room, not where someone sleeps
_ELSEWHERE_RE = re.compile(
    # (the article, when there is one, is taken whole: "à la Maison Marguerite" is a name)
    r"\s+(?i:at|in|à|au|dans)\s+(?:(?i:the|a|an|la|le|les|une?)\s+|(?i:l['’]))?+(?-i:[a-zà-ÿ])"
)


def find(t: Text) -> list[Span]:
    """Street addresses (with unit numbers and 'the 1400 block of ...') and postal codes."""
    if not t.digit_runs:
        return []
    postal = t.around_clusters(3, before=4, after=4)
    spans = [Span(m.start(), m.end(), "POSTAL") for m in finditer(POSTAL_RE, t.text, postal)]
    streets = t.around_tokens(STREET_KEYS, before=75, after=45)
    others = t.word_windows(_ADDRESS_WORDS, before=40, after=70)
    if others:
        streets = merge(streets + others, len(t.text))
    spans += [Span(m.start(), m.end(), "ADDRESS") for m in finditer(ADDRESS_RE, t.text, streets)]
    numbers = t.around_clusters(1, before=24, after=60)
    near_street = t.word_windows(_STREET_TRIGGERS, before=70, after=60)  # (name, unit, floor)
    found = finditer(LOOSE_ADDRESS_RE, t.text, merge(intersect(numbers, near_street), len(t.text)))
    spans += [Span(m.start(), m.end(), "ADDRESS") for m in found]
    spans += _direction_addresses(t)
    spans = _with_units(t.text, spans)
    addresses = [s for s in spans if s.kind == "ADDRESS"]
    placed = _placed_areas(t.text, addresses)
    towns = _towns_in_addresses(
        t.text, addresses, [s for s in spans + placed if s.kind == "POSTAL"]
    )
    written = [s for s in spans + placed if s.kind in ("ADDRESS", "POSTAL")]
    return spans + placed + towns + _hotel_rooms(t) + _rooms(t, written) + _postal_areas(t)


def _towns_in_addresses(text: str, addresses: list[Span], postals: list[Span]) -> list[Span]:
    """The town and province of a written address, after the street and before the postal code
    or the sentence's end ("8100, boul. Lacordaire, app. 12, Saint-Léonard, H1R 2B5", "45 Elm
    St, Bobcaygeon, ON K0M 1A0"), are a part of it: a written address is hidden whole. Alone a
    big city tells nothing, but left readable between a hidden street and a hidden postal code
    it says where the street is, and writers count town and province in the address."""
    out = []
    for a in addresses:
        m = next(
            (
                m
                for p in postals
                if 0 < p.start - a.end <= 60
                for m in (_TOWN_BETWEEN_RE.fullmatch(text, a.end, p.start),)
                if m is not None
            ),
            None,
        ) or _TOWN_AT_END_RE.match(text, a.end)
        if m is None or m.group("town") in _PROVINCE_CODES:
            continue
        out.append(
            Span(a.start, m.end("province") if m.group("province") else m.end("town"), "ADDRESS")
        )
    return out


# ", Saint-Léonard, ", ", Bobcaygeon, ON ", ", Dieppe (N.-B.) "
_PROVINCE_CODES = ("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT")
# ", ON", " (N.-B.)", ", Québec" after a town (a province is never a town itself)
_PROVINCE = (
    r"(?:\s*,?\s*(?P<province>\(?(?:"
    + "|".join(_PROVINCE_CODES)
    + r"|Q[Cc]|N\.-B\.|Qué(?:bec)?|Ont\.?|Ontario)\)?))?"
)
_TOWN_BETWEEN_RE = re.compile(
    r"\s*,\s*(?P<town>(?![^\s,]*\d)[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ýa-zà-ÿ][\w'’-]*){0,3}?)"
    + _PROVINCE
    + r"\s*,?\s*"
)
# ", Richmond." ", Gatineau (Québec)": a town that ends the sentence right after an address
_TOWN_AT_END_RE = re.compile(
    r"\s*,\s*(?P<town>(?![^\s,]*\d)[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý][\w'’-]*){0,2}?)"
    + _PROVINCE
    + r"(?=\s*(?:[.;!?)\n]|$))"
)
