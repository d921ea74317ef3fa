"""LOCATION: venues by name, streets, street corners, neighbourhoods and small places.

- venues: capitalised words ending in a venue word ("the Golden Lotus Spa", "Rusty Anchor Pub");
- streets without a number ("on Hastings Street", "Rue Sainte-Catherine");
- corners: two capitalised words joined by "and", "&" or "/" after a place word ("go to Main and
  Hastings", "the corner of Jasper and 101st");
- neighbourhoods and small places from the shipped GeoNames-derived list ("Cabbagetown");
- after "to", "at", "near"... a capitalised word that no list knows.
Big cities, provinces and countries stay readable: too coarse to point at anyone.
"""

from __future__ import annotations

import itertools
import re

from peerjournal.redact.detectors.context import Text, Window, finditer, merge
from peerjournal.redact.detectors.cues import (
    REGIONS,
    TITLES,
    place_before,
    title_before,
    words_before,
)
from peerjournal.redact.detectors.streets import CAP, STREET, STREET_KEYS, STREET_TYPE
from peerjournal.redact.detectors.tokens import Token
from peerjournal.redact.lexicon import Lexicon, fold, lexicon, words
from peerjournal.redact.spans import Span

VENUE_WORD = (
    r"(?:Spa|Motel|Motor\s+Hotel|Motor\s+Inn|Hotel|Inn|Pub|Bar|Grill|Lounge|Club|Massage|Clinic|"
    r"Centre|Center|Caf[ée]|Diner|Tavern|Casino|Hostel|Shelter|Salon|Parlour|Parlor|Studio|Studios|"
    r"Restaurant|Bistro|Saloon|Cabaret|Lodge|Suites|Baths|Sauna|Theatre|Theater|Mall|Plaza|Station|"
    r"Church|Parish|Cathedral|Chapel|Mosque|Temple|Hospital|Library|House|Hall|Arms|Tower|Towers|Apartments|Manor|Court|"
    r"Gardens|Lanes|Bowl|Arena|Gym|Wellness|Health|Body\s+Rub|Bathhouse|Brewery|Brewpub|Cantina|"
    r"Kitchen|Eatery|Billiards|Nightclub|Gentlemen['’]s\s+Club|Escorts|Agency|Shop|Store|Market|"
    r"Terminal|Depot|Laundromat|Pharmacy|Legion|Lofts|Food\s+Bank|"
    r"Room|CHC|Hub|Project|Mission|Haven|Drop-?In|Holistic|Outreach|Refuge|Shelters|Residence|Collective|"
    r"Lodging|Rooms|Cabaret|Strip|Spas|Wellness\s+Centre|Health\s+Centre|Community\s+Centre|"
    r"(?i:clinic|chc|hub|mission|spa|motel|hotel|inn|pub|bar|lounge|club|centre|center|shelter|"
    r"caf[ée]|restaurant|diner|tavern|casino|hostel|salon|massage|sauna|drop-?in|project))"
)
# French word order and clubs: the venue word comes first ("Motel Riviera", "Club Opaline",
# "CLSC Hochelaga-Maisonneuve", "Chez Gaby", "Brasserie Le Trou").
VENUE_FIRST = (
    r"(?:Motel|Spa|Club|CLSC|CLSC\s+de|Caf[ée]|Resto|Restaurant|Brasserie|Bar|Clinique|Chez|"
    r"H[ôo]tel|Auberge|Maison|Salon|Studio|Sauna|Bistro|Taverne|D[ée]panneur|Pub|Lounge|Cabaret|"
    r"Refuge|Centre|Mission|Projet|Resto-bar|Bar-salon)"
)
VENUE_FIRST_RE = re.compile(
    rf"(?:\b[Tt]he\s+|\b[Ll][ea]\s+|\b[Ll]['’])?(?<![\w-]){VENUE_FIRST}\s+"
    rf"(?:(?:[Ll]e|[Ll]a|[Ll]es|[Dd]u|[Dd]es|[Dd]e|[Cc]hez)\s+|[Ll]['’]|[Dd]['’])?"
    rf"{CAP}(?:(?:\s+|-)(?:(?:de|du|des|of|on)\s+)?{CAP}){{0,3}}(?![\w'’-])"
)
_TIME_WORD = (
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b|(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Christmas|Easter|Thanksgiving|New)\b"
)
VENUE_RE = re.compile(
    rf"(?:\b[Tt]he\s+)?(?:(?<![\w'’-])(?:St|Ste)\.\s+|(?<![\w'’-])(?:Saint|Sainte)\s+)?"
    rf"(?<![\w'’-])(?:(?!The\s){CAP}(?:['’]s|s['’])?\s+(?:(?:&|and|of|on|de|du|des)\s+)?){{1,4}}"
    rf"{VENUE_WORD}(?:\s+on\s+(?!{_TIME_WORD}){CAP})?(?![\w'’-])"
)
# "Shepherds of Good Hope", "Lighthouse of Hope": capitalised words joined by "of" after a
# place word ("at", "slept at", "went to").
OF_PLACE_RE = re.compile(
    rf"(?<![\w'’-]){CAP}(?:\s+{CAP})?\s+of\s+{CAP}(?:\s+{CAP}){{0,2}}(?![\w'’-])"
)
STREET_RE = re.compile(rf"(?<![\w'’-]){STREET}")
_CORNER_PART = (
    rf"(?:(?:St\.|Ste\.|Saint|Sainte|Mt\.|Mount)\s+)?(?:Avenue\s+[A-Z](?![\w'’-])|"
    rf"Highway\s+\d{{1,3}}\b|[A-Z]\s+Street\b|{CAP}|\d{{1,3}}(?:st|nd|rd|th))"
    rf"(?:\s+{STREET_TYPE}\b)?(?:\s+[NSEW]\b)?"
)
CORNER_RE = re.compile(
    r"\b(?P<prep>to|at|by|near|around|from|of|off|outside|behind|past|on|in|corner|is|was|meet|"
    r"spot|point|intersection|work|worked|working|stroll|walk|walked|hang|stand|parked|parks|"
    r"hit|up|down|along|across|circling|seen|coin|au|à|jusqu['’]à|sur|angle|vers)\s+"
    rf"(?P<place>{_CORNER_PART}\s*(?:and|&|/|at|n|et|pis|x)\s*{_CORNER_PART})(?![\w'’-])"
)
# "Agricola n North was dead", "Barrington & Cogswell is busy": joined by "n" or "&" and
# followed by "is"/"was", two capitalised words name a corner even with no place word before.
BARE_CORNER_RE = re.compile(
    rf"(?<![\w'’-])(?P<place>{_CORNER_PART}\s+(?:n|&)\s+{_CORNER_PART})(?=\s+(?:is|was|were|has|had)\b)"
)
# Two capitalised words joined by a slash with no space ("Queen/Bathurst") are a corner
# wherever they stand; so are two streets with a type or a number, in any case
# ("101 ave & 97 st", "alberta ave & 93 st", "Jasper Ave n 109 St").
SLASH_CORNER_RE = re.compile(rf"(?<![\w/'’-]){CAP}/{CAP}(?![\w/'’-])")
_STREET_LOOSE = (
    r"(?:\d{1,3}(?:st|nd|rd|th)?|[a-zà-ÿ][\w'’-]*)\s+(?:ave|avenue|av|st|street|rd|road|blvd|"
    r"boulevard|dr|drive|hwy|highway|trail|tr|way)\.?(?:\s+(?:nw|ne|sw|se))?(?![\w'’])"
)
STREET_CORNER_RE = re.compile(
    rf"(?<![\w'’-]){_STREET_LOOSE}\s*(?:and|&|/|at|n|et|x)\s*{_STREET_LOOSE}", re.IGNORECASE
)
# A numbered street on its own ("on 82 Ave", "near 107 avenue"), or a lower-case street after a
# place word ("on logan ave"). A number right before it makes it an address (address.py).
NUMBERED_STREET_RE = re.compile(
    r"(?<![\w'’-])(?<!\d )(?:\d{1,3}(?:st|nd|rd|th)?)\s+(?:ave|avenue|av|st|street)\.?"
    r"(?:\s+(?:nw|ne|sw|se))?(?![\w'’])",
    re.IGNORECASE,
)
LOWER_STREET_RE = re.compile(
    r"\b(?:on|off|near|at|to|by|down|up|along|from|of|past|across|around)\s+"
    r"(?P<street>(?!(?:the|a|my|his|her|main|this|that|our)\b)[a-zà-ÿ][\w'’-]+\s+(?:ave|avenue|"
    r"st|street|rd|road|blvd|boulevard|dr|hwy|highway)\.?(?:\s+(?:e|w|n|s|east|west|nw|ne|sw|se))?)"
    r"(?![\w'’])"
)
_CONNECTORS = frozenset(
    ("the", "of", "de", "du", "des", "la", "le", "and", "-", "st", "saint", "sainte")
)
_WORD_RE = re.compile(r"[\w'’.]+|-")
_LONGEST_PLACE = 10


def _words_from(text: str, origin: int) -> list[re.Match[str]]:
    return list(_WORD_RE.finditer(text, origin, min(len(text), origin + 80)))[:_LONGEST_PLACE]


def _listed(text: str, tok: Token, lex: Lexicon) -> Span | None:
    """The longest listed place starting at this word (or at a 'the' just before it)."""
    starts = [(tok.start, lex.places_multi.get(tok.key, ()))]
    if tok.key in lex.after_the and text[max(0, tok.start - 4) : tok.start].lower() == "the ":
        the = tuple(e for e in lex.places_multi.get("the", ()) if len(e) > 1 and e[1] == tok.key)
        starts.append((tok.start - 4, the))
    best: Span | None = None
    for origin, entries in starts:
        if not entries:
            continue
        found = _words_from(text, origin)
        words = tuple(fold(m.group()).rstrip(".") for m in found)
        for entry in entries:
            if words[: len(entry)] != entry:
                continue
            used = found[: len(entry)]
            pairs = zip(used, entry, strict=True)
            if any(m.group()[0].islower() and w not in _CONNECTORS for m, w in pairs):
                continue
            end = used[-1].end()
            if text[end - 1] == ".":
                end -= 1
            if best is None or (end, -origin) > (best.end, -best.start):
                best = Span(origin, end, "LOCATION")
    if (
        best is None
        and tok.key in lex.places_single
        and not (tok.common or tok.not_pii or tok.big_place)
    ):
        best = Span(tok.start, tok.end, "LOCATION")
    return best


def _after_preposition(text: str, tok: Token) -> bool:
    """An unknown capitalised word right after "to", "at", "near"...: a place."""
    if tok.first or tok.common or tok.not_pii or tok.big_place or tok.working or len(tok.word) < 3:
        return False
    if tok.key in TITLES:
        return False
    return place_before(text, tok.start)


_TO_PEOPLE_WORDS = (
    "talk talked talking said say says told tell wrote write sent send gave give listen listened "
    "spoke speak speaking text texted reached reach introduced explained showed mentioned replied "
    "lied apologized apologised belongs belonged married next close nice kind mean rude it them "
    "me her him"
)
_TO_PEOPLE = frozenset(_TO_PEOPLE_WORDS.split())


def _people(text: str, m: re.Match[str], keys: list[str], lex: Lexicon) -> bool:
    """Two first names after "talked to", "from", "of"...: people, not a street corner."""
    names = all(
        k in lex.first_names and k not in lex.common_words and k not in lex.big_places for k in keys
    )
    before = words_before(text, m.start())
    verb = before[-1] if before else ""
    return names and (m.group("prep") in ("from", "of") or verb in _TO_PEOPLE)


def _person_right(text: str, m: re.Match[str], side: str, lex: Lexicon) -> bool:
    """The right side is one bare given name (no street type, no number) and a verb follows."""
    if not side or " " in side.strip() or side[:1].isdigit():
        return False
    key = fold(side.strip())
    if key not in lex.first_names or key in lex.places_single or key in lex.big_places:
        return False
    return bool(_PERSON_AFTER_RE.match(text, m.end("place")))


_JOIN_RE = re.compile(r"\s*(?:\band\b|&|/|\bat\b|\bn\b|\bet\b|\bpis\b|\bx\b)\s*")
_JOINS = (" and ", " & ", "&", "/", " / ", " at ", " n ", " et ", " pis ", " x ")


def _corner_windows(t: Text) -> list[Window]:
    """Around two capitalised words joined by "and", "&", "/" or "at": where corners can be."""
    tokens, text = t.tokens, t.text
    found = [
        (a.start - 40, b.end + 30)
        for a, b in itertools.pairwise(tokens)
        if text[a.end : b.start] in _JOINS
    ]
    for a, b in t.digit_runs:  # "33rd and Idylwyld", "Tranquille and 8th", "Highway 16 and"
        if text[b : b + 2] in _ORDINAL_ENDS or text[max(0, a - 8) : a] == "Highway ":
            window = (a - 50, b + 40)
            if _ORDINAL_JOIN_RE.search(text, max(0, window[0]), min(len(text), window[1])):
                found.append(window)
    return merge(found, len(text))


_ORDINAL_ENDS = frozenset(["st", "nd", "rd", "th"])


_ORDINAL_JOIN_RE = re.compile(
    r"(?:\d(?:st|nd|rd|th)|Highway\s+\d{1,3})\s*(?:and\s|&|/|n\s|et\s|x\s)\s*[A-Z]|"
    r"[A-Za-z]\s*(?:and|&|/|n|et|x)\s*\d{1,3}(?:st|nd|rd|th)\b"
)
# The right side of a corner that is a given name followed by a lower-case verb is a person
# ("on Broadway and Keiko paid").
_PERSON_AFTER_RE = re.compile(
    r"\s+(?:[a-z]+ed|paid|said|says|drove|came|went|got|took|gave|bought|left|told|ran|met|saw|"
    r"wants|needs|knows|thinks|didn['’]t|won['’]t|and\s+I|and\s+me)\b"
)


def _corners(t: Text, lex: Lexicon) -> list[Span]:
    """Street corners ("Main and Hastings"), unless both sides are cities or never-streets, or
    both are first names after words that point at people ("talked to Zara and Emeka")."""
    spans, text = [], t.text
    windows = _corner_windows(t)
    for m in finditer(BARE_CORNER_RE, text, windows):
        keys = [fold(side.split()[0]) for side in _JOIN_RE.split(m.group("place")) if side]
        if not any(k in lex.first_names and k not in lex.common_words for k in keys):
            spans.append(Span(m.start("place"), m.end("place"), "LOCATION"))
    for m in finditer(CORNER_RE, text, windows):
        sides = _JOIN_RE.split(m.group("place"))
        keys = [fold(side.split()[0]) for side in sides if side]
        if all(k in lex.not_pii or k in lex.big_places for k in keys):
            continue  # "to Toronto and Montreal"
        if _people(text, m, keys, lex):
            continue  # "talked to Zara and Emeka": people, left to the name detector
        if _person_right(text, m, sides[-1], lex):
            continue  # "on Broadway and Keiko paid": a person after "and"
        spans.append(Span(m.start("place"), m.end("place"), "LOCATION"))
    return spans


# The last word of a venue, the words of a street type: where venue and street patterns can end.
VENUE_KEYS = frozenset(
    w for w in re.findall(r"[a-z]+", VENUE_WORD.lower().replace("(?:", " ")) if len(w) > 2
) | {"cafe", "café", "drop-in", "dropin"}
# Venue words written in lower case after a name ("Westside Wellness clinic").
_LOWER_VENUES = tuple(
    " " + w
    for w in [
        "clinic",
        "chc",
        "hub",
        "mission",
        "spa",
        "motel",
        "hotel",
        "inn",
        "pub",
        "bar",
        "lounge",
        "club",
        "centre",
        "center",
        "shelter",
        "cafe",
        "café",
        "restaurant",
        "diner",
        "tavern",
        "casino",
        "hostel",
        "salon",
        "massage",
        "sauna",
        "drop",
        "project",
    ]
)
_LOWER_FRENCH = ("rue ", "boulevard ", "chemin ", "avenue ")


def _windows(t: Text, keys: frozenset[str], before: int, after: int) -> list[Window]:
    found = [(tok.start - before, tok.end + after) for tok in t.tokens if tok.key in keys]
    return merge(found, len(t.text))


# Capitalised nouns that name a kind of place, not one place ("the Clinic", "the Centre").
GENERIC_PLACES = frozenset(
    words(
        "centre center clinic program programme group house hall office shelter hospital church "
        "library building station police court government city university college school bank "
        "store mall park pharmacy van site street road drop-in internet web news bible lord "
        "world earth sun moon state crown ministry department authority agency union network "
        "collective society association coalition project team board council committee"
    )
)


def _name_like(tok: Token) -> bool:
    """A word only names carry ("the Bluebird", "the Zanzibar"): after "the", a place."""
    return not tok.common and not tok.rare and len(tok.word) > 2


def _named_venues(t: Text, lex: Lexicon) -> list[Span]:
    """ "banned from the Cobalt", "at the Brass Rail": after a place word and "the", capitalised
    ordinary words mid-sentence name one place (a bar, a hotel) rather than a kind of place."""
    spans, text, tokens = [], t.text, t.tokens
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if (
            tok.initial
            or tok.not_pii
            or tok.big_place
            or tok.key in GENERIC_PLACES
            or text[max(0, tok.start - 4) : tok.start].lower() != "the "
            or not (place_before(text, tok.start - 4) or _name_like(tok))
        ):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j - i < 4 and text[tokens[j - 1].end : tokens[j].start] == " ":
            j += 1
        spans.append(Span(tok.start - 4, tokens[j - 1].end, "LOCATION"))
        i = j
    return spans


# Street words in lower case; a bare " st" would also find " still", so it needs a stop after.
_STREET_WORDS = (
    " ave",
    " avenue",
    " av.",
    " st.",
    " st,",
    " st\n",
    " st ",
    " av ",
    " street",
    " rd",
    " road",
    " blvd",
    " boulevard",
    " dr.",
    " dr,",
    " dr ",
    " hwy",
    " highway",
)


_JOINED_RE = re.compile(r" (?:and|n|et|x|at|&) |&|/", re.IGNORECASE)


def _loose_streets(t: Text) -> list[Span]:
    """Corners and streets written in lower case or with numbers ("101 ave & 97 st")."""
    text = t.text
    windows = t.word_windows(_STREET_WORDS, before=32, after=26)
    if not windows:
        return []
    joined = [(a, b) for a, b in windows if _JOINED_RE.search(text, a, b)]
    found = finditer(STREET_CORNER_RE, text, joined)
    spans = [Span(m.start(), m.end(), "LOCATION") for m in found]
    if t.digit_runs:
        found = finditer(NUMBERED_STREET_RE, text, windows)
        spans += [Span(m.start(), m.end(), "LOCATION") for m in found]
    found = finditer(LOWER_STREET_RE, text, windows)
    spans += [Span(m.start("street"), m.end("street"), "LOCATION") for m in found]
    return spans


# Main streets of Canadian cities, often named with no street type ("works on Hastings",
# "down Granville"): a street after "on", "off", "down", "along", "corner of".
BARE_STREET_NAMES = frozenset(
    words(
        "main queen king yonge bloor dundas college spadina jarvis sherbourne parliament church "
        "granville hastings commercial robson davie denman kingsway fraser jasper whyte portage "
        "selkirk osborne pembina corydon ellice sargent barrington gottingen agricola quinpool "
        "robie rideau bank somerset elgin albert dewdney broad macleod centre "
        "sainte-catherine saint-laurent saint-denis sherbrooke ontario papineau pie-ix "
        "wellington richmond dufferin keele jane weston danforth gerrard kingston bathurst "
        "cannon barton james john york burrard cambie main victoria douglas yates"
    )
)
_ON_STREET_RE = re.compile(
    r"\b(?:on|off|down|along|up|corner\s+of|works|working|worked|stroll|strolling)\s+$",
    re.IGNORECASE,
)


_LOWER_PLACE_BEFORE_RE = re.compile(
    r"\b(?:in|at|near|from|to|around|of|by|into|outside|behind|dans|à)\s+(?:the\s+)?$"
)


def _lower_neighbourhoods(t: Text, lex: Lexicon) -> list[Span]:
    """ "staying in hochelaga", "back in the dtes": a listed small place written in lower case
    after "in", "at", "near"... (only names that are no English word or first name)."""
    keys = _lower_place_keys(lex)
    found = t.lower_words & keys
    spans, text = [], t.text
    for word in found:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            whole = (at == 0 or not text[at - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            )
            before = _LOWER_PLACE_BEFORE_RE.search(text, max(0, at - 12), at)
            if whole and before:
                start = at - 4 if text[max(0, at - 4) : at] == "the " else at
                spans.append(Span(start, end, "LOCATION"))
            at = text.find(word, end)
    return spans


_PLACE_KEYS: dict[int, frozenset[str]] = {}


def _lower_place_keys(lex: Lexicon) -> frozenset[str]:
    if id(lex) not in _PLACE_KEYS:
        _PLACE_KEYS[id(lex)] = frozenset(
            k
            for k in lex.places_single
            if len(k) > 3
            and k.isalpha()
            and k not in lex.common_words
            and k not in lex.rare_words
            and k not in lex.first_names
            and k not in lex.not_pii
            and k not in lex.big_places
        ) | {"dtes"}
    return _PLACE_KEYS[id(lex)]


_NAME_GOES_ON_RE = re.compile(r"['’]|\s+[A-Z]")


def _bare_streets(t: Text) -> list[Span]:
    """ "she works on Hastings mostly": a well-known main street named alone after "on"."""
    spans, text = [], t.text
    for tok in t.tokens:
        if tok.key not in BARE_STREET_NAMES or _NAME_GOES_ON_RE.match(text, tok.end):
            continue  # "on Victoria Day", "on Ontario Works", "King's land"
        if _ON_STREET_RE.search(text, max(0, tok.start - 16), tok.start):
            spans.append(Span(tok.start, tok.end, "LOCATION"))
    return spans


_OF_CAP_RE = re.compile(r" of (?=[A-ZÀ-Ý])")


# Parks, beaches and piers: only after a place word, as a surname can be Park ("Ah-young Park").
OUTDOOR_RE = re.compile(
    rf"(?<![\w'’-])(?:{CAP}\s+){{1,3}}(?:Park|Beach|Pier|Wharf|Harbour|Gardens|Square)(?![\w'’-])"
)


def _outdoor_places(t: Text) -> list[Span]:
    spans = []
    for m in finditer(OUTDOOR_RE, t.text, _windows(t, _OUTDOOR_KEYS, before=60, after=0)):
        start = m.start()
        if t.text[max(0, start - 4) : start].lower() == "the ":
            start -= 4
        if place_before(t.text, start):
            spans.append(Span(m.start(), m.end(), "LOCATION"))
    return spans


_OUTDOOR_KEYS = frozenset(words("park beach pier wharf harbour gardens square"))


def _of_places(t: Text) -> list[Span]:
    """ "slept at Lighthouse of Hope": a capitalised "X of Y" after a place word."""
    if " of " not in t.text:
        return []
    spans = []
    near = merge(((m.start() - 40, m.end() + 50) for m in _OF_CAP_RE.finditer(t.text)), len(t.text))
    for m in finditer(OF_PLACE_RE, t.text, near):
        start = m.start()
        if t.text[max(0, start - 4) : start].lower() == "the ":
            start -= 4
        if place_before(t.text, start):
            spans.append(Span(start, m.end(), "LOCATION"))
    return spans


_FIRST_KEYS = frozenset(
    words(
        "motel spa club clsc café cafe resto restaurant brasserie bar clinique chez hôtel hotel "
        "auberge maison salon studio sauna bistro taverne dépanneur depanneur pub lounge cabaret "
        "refuge centre mission projet resto-bar bar-salon"
    )
)


_CAPS_RE = re.compile(r"[A-Z]{3,}")  # boundaries checked after: a plain class scans fast


def _listed_acronyms(t: Text, lex: Lexicon) -> list[Span]:
    """Neighbourhoods written as capitals ("the DTES", "NDG"): the listed ones only."""
    spans = []
    text = t.text
    for m in _CAPS_RE.finditer(text):
        a, b = m.span()
        if b - a > 6 or (a and (text[a - 1].isalnum() or text[a - 1] in "'’-")):
            continue
        if b < len(text) and (text[b].isalnum() or text[b] in "'’-"):
            continue
        key = m.group().lower()
        if key in lex.places_single and key not in lex.not_pii and key not in lex.big_places:
            spans.append(Span(m.start(), m.end(), "LOCATION"))
    return spans


def _with_article(text: str, span: Span) -> Span:
    """A leading "the" belongs to the place ("the North End", "the Zanzibar")."""
    before = text[max(0, span.start - 5) : span.start].lower()
    if before.endswith("the ") and (len(before) == 4 or not before[0].isalnum()):
        return Span(span.start - 4, span.end, span.kind)
    return span


def find(t: Text) -> list[Span]:
    """Every venue, street, corner and neighbourhood the patterns and lists can tell."""
    spans = _find(t) + _area_spans(t)
    text = t.text
    return [_with_article(text, s) for s in spans if not (_in_region(text, s) or _titled(text, s))]


_PERSON_TITLES_RE = re.compile(
    r"(?:Constable|Const\.?|Cst\.?|Officer|Sgt\.?|Sergeant|Det\.?|Detective|Nurse|Dr\.?|"
    r"Doctor|Elder|Auntie|Mr\.?|Mrs\.?|Ms\.?)\s+[A-Z]"
)


def _titled(text: str, span: Span) -> bool:
    """ "Constable Hill", "Sgt. Mercier and Constable Hill": a title before a surname is a
    person, not a street or a corner."""
    if _PERSON_TITLES_RE.match(text, span.start):
        return True
    return title_before(text, span.start)


def _in_region(text: str, span: Span) -> bool:
    """A province alone ("Alberta", the "Columbia" of "British Columbia") is kept readable."""
    return fold(text[span.start : span.end]) in REGIONS


# "over in North Shore", "around Old East Village": capitalised words ending in an area word
# after a word that comes before places.
AREA_RE = re.compile(
    rf"\b(?:in|around|out\s+of|over\s+in|near|from|to|through)\s+(?:the\s+)?"
    rf"(?P<place>(?:{CAP}\s+){{1,3}}(?:Shore|Village|Heights|Hill|Hills|End|Flats|Park|Ridge|"
    rf"Glen|Point|Meadows|Bay|Harbour|Creek|Valley|Estates|Gardens|Landing|Commons|Side))(?![\w'’-])"
)
_AREA_KEYS = frozenset(
    words(
        "shore village heights hill hills end flats park ridge glen point meadows bay harbour "
        "creek valley estates gardens landing commons side"
    )
)


def _area_spans(t: Text) -> list[Span]:
    if _AREA_KEYS.isdisjoint(t.lower_words):
        return []
    windows = _windows(t, _AREA_KEYS, before=60, after=0)
    big = lexicon().big_places
    return [
        Span(m.start("place"), m.end("place"), "LOCATION")
        for m in finditer(AREA_RE, t.text, windows)
        if fold(m.group("place")) not in big  # "Thunder Bay" is a city
    ]


def _find(t: Text) -> list[Span]:
    lex, text = lexicon(), t.text
    venues = _windows(t, VENUE_KEYS, before=90, after=0)
    venues = merge(venues + t.word_windows(_LOWER_VENUES, before=90, after=12), len(text))
    spans = [Span(m.start(), m.end(), "LOCATION") for m in finditer(VENUE_RE, text, venues)]
    first = _windows(t, _FIRST_KEYS, before=8, after=80)
    if "CLSC" in text:  # capitals are no token: look for it directly
        first = merge(first + t.word_windows(("clsc",), before=8, after=80), len(text))
    spans += [Span(m.start(), m.end(), "LOCATION") for m in finditer(VENUE_FIRST_RE, text, first)]
    if "/" in text:
        slashes = t.word_windows(("/",), before=30, after=30)
        found = finditer(SLASH_CORNER_RE, text, slashes)
        spans += [Span(m.start(), m.end(), "LOCATION") for m in found]
    spans += _loose_streets(t)
    spans += _of_places(t)
    spans += _outdoor_places(t)
    spans += _bare_streets(t)
    spans += _lower_neighbourhoods(t, lex)
    spans += _listed_acronyms(t, lex)
    streets = _windows(t, STREET_KEYS, before=80, after=80)
    streets = merge(streets + t.word_windows(_LOWER_FRENCH, before=0, after=80), len(text))
    spans += [
        Span(m.start(), m.end(), "LOCATION")
        for m in finditer(STREET_RE, text, streets)
        if fold(m.group()) not in lex.big_places  # "Thunder Bay" is a city, not a street
    ]
    spans += _corners(t, lex)
    spans += _named_venues(t, lex)
    for tok in t.tokens:
        if tok.key not in lex.place_keys:
            if _after_preposition(text, tok):
                spans.append(Span(tok.start, tok.end, "LOCATION"))
            continue
        listed = _listed(text, tok, lex)
        if listed is not None:
            spans.append(listed)
        elif _after_preposition(text, tok):
            spans.append(Span(tok.start, tok.end, "LOCATION"))
    return spans
