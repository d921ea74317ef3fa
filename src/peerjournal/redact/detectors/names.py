"""PERSON: full names, first names alone, surnames after titles, nicknames and working names.

How a capitalised word is judged (lists from the shipped data files):
- after a title (Dr., Officer, Constable...) or a naming cue ("calls me", "named", "I'm", "my
  friend"): a name, even when it is an ordinary word (Candy, Star);
- a run of two to four name words (a first name, then surnames or words no list knows): a name;
- in mid-sentence: a known first name, working name, or a word that is neither ordinary English nor
  on the keep-readable list (HIV, Friday, Toronto...): a name;
- at the start of a sentence, where every word has a capital: a first name that is not an ordinary
  word; a word no list knows when the sentence goes on after it; a name word followed by a verb
  people do ("said", "pulled me over", "is who I am"), or by "is"/"was" in a sentence that later
  says "she" or "his".
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from functools import cache

from peerjournal.redact.detectors.context import Text, finditer
from peerjournal.redact.detectors.cues import (
    BRANDS,
    NOT_NAMES,
    REGIONS,
    RIGHT_PERSON_RE,
    RIGHT_STRONG_RE,
    TITLES,
    place_before,
    right,
    strong_left,
    title_before,
    weak_left,
)
from peerjournal.redact.detectors.tokens import Token
from peerjournal.redact.lexicon import fold, lexicon, words
from peerjournal.redact.spans import Span

# Words that end a place name, never part of a person's name.
PLACE_WORDS = frozenset(
    words(
        "street st avenue ave road rd drive boulevard blvd crescent court lane way place terrace "
        "parkway highway trail circle square row gate line spa motel hotel inn pub bar grill "
        "lounge club massage clinic centre center cafe café diner tavern casino hostel shelter "
        "salon parlour parlor studio restaurant bistro saloon cabaret lodge suites baths sauna "
        "theatre theater market mall plaza park station church mosque temple hospital library "
        "house hall tower towers apartments village east west north south rue boulevard chemin"
    )
)
MAX_RUN = 4


def _adjacent(text: str, a: Token, b: Token) -> bool:
    """b follows a with only a space between (an initial's full stop allowed: "Uma Z. Roy")."""
    gap = text[a.end : b.start]
    return gap == " " or (len(a.word) == 1 and gap == ". ")


def _initial_letter(text: str, tok: Token) -> bool:
    return len(tok.word) == 1 and text[tok.end : tok.end + 1] == "."


def _can_follow(text: str, tok: Token) -> bool:
    """May this word continue a name already started (a surname, a second given name)?"""
    if _initial_letter(text, tok):
        return True
    if tok.not_pii or tok.key in PLACE_WORDS or tok.key in TITLES or tok.key in REGIONS:
        return False
    return tok.first or tok.surname or not (tok.common or tok.big_place)


def _can_lead(text: str, tok: Token, cued: bool) -> bool:
    """May this word start a multi-word name?"""
    if (
        tok.key in NOT_NAMES
        or tok.key in REGIONS
        or tok.not_pii
        or tok.key in PLACE_WORDS
        or tok.key in TITLES
        or len(tok.word) < 2
    ):
        return False
    if cued or tok.first or tok.working:
        return not (tok.big_place and _place_before(text, tok))
    return not (tok.common or tok.big_place)


def _leads_run(text: str, tok: Token, after: Token | None = None) -> bool:
    cued = _cued(text, tok)
    if not _can_lead(text, tok, cued):
        # "Lovely Santos": a given name that is also a word, before a surname that is none
        return (
            after is not None
            and tok.common
            and after.surname
            and not (after.common or after.big_place or after.not_pii)
            and not (tok.not_pii or tok.big_place or tok.key in PLACE_WORDS or tok.key in TITLES)
            and tok.key not in NOT_NAMES
        )
    return not (tok.initial and tok.common and not (cued or tok.first))


def _run(text: str, tokens: list[Token], i: int) -> int:
    """Index after the longest run of adjacent name words starting at i (i + 1 if none)."""
    j = i + 1
    while j < len(tokens) and j - i < MAX_RUN and _adjacent(text, tokens[j - 1], tokens[j]):
        tok = tokens[j]
        if not _can_follow(text, tok):
            # "Ah-young Park drove": a surname that is also a place word, then a verb
            if (tok.surname and RIGHT_STRONG_RE.match(right(text, tok.end))) or (
                j == i + 1 and _surname_after_given(text, tokens[i], tok)
            ):
                j += 1
            break
        j += 1
    return j


def _surname_after_given(text: str, given: Token, tok: Token) -> bool:
    """ "Priya Banks", "Wapun Park", "Shanice Mercredi": after a given name that is no word, a
    listed surname counts even when it is also a word, a brand or a place word (not a street
    type, a time word, or a place after "in"/"at")."""
    return (
        given.first
        and not (given.common or given.big_place or given.not_pii or given.key in REGIONS)
        and tok.surname
        and tok.key not in _STREET_TYPES
        and tok.key not in _TIME_WORDS
        and tok.key not in REGIONS
        and not tok.big_place
        and not (tok.key in PLACE_WORDS and _place_before(text, given))  # "at Stanley Park"
    )


_STREET_TYPES = frozenset(
    words(
        "street st avenue ave road rd drive dr boulevard blvd crescent cres court ct lane way "
        "place pl terrace parkway highway trail circle square row gate line rue chemin"
    )
)
_TIME_WORDS = frozenset(
    words(
        "monday tuesday wednesday thursday friday saturday sunday january february march april "
        "may june july august september october november december christmas easter"
    )
)  # French weekdays are written in lower case, so "Shanice Mercredi" is a surname


def _place_before(text: str, tok: Token) -> bool:
    """After "in", "to", "from"...: a place name, even when people are named like it (Sofia)."""
    return place_before(text, tok.start)


def _cued(text: str, tok: Token) -> bool:
    return title_before(text, tok.start) or strong_left(text, tok.start)


def _single(text: str, tok: Token, alone: bool) -> bool:
    """Is this one capitalised word a person's name, judged with its neighbours?"""
    if tok.surname and tok.key in PLACE_WORDS and title_before(text, tok.start):
        return True  # "Constable Park"
    if tok.key in TITLES or tok.key in PLACE_WORDS or tok.key in NOT_NAMES or len(tok.word) < 2:
        return False
    if tok.key in REGIONS:
        return False  # "Alberta pays more" ("Don't" is a word: see tokens.scan)
    if tok.common and _THING_RE.match(text, tok.end):
        return False  # "Jade plant", "Amber alert"
    if _cued(text, tok):
        return not tok.not_pii or tok.first or tok.working
    if tok.not_pii or (tok.big_place and (not tok.first or _place_before(text, tok))):
        return False
    cue_re = RIGHT_PERSON_RE if tok.common else RIGHT_STRONG_RE
    right_cue = bool(cue_re.match(right(text, tok.end)))
    if not tok.initial:
        if tok.first or tok.working or not tok.common:
            return True
        rest = right(text, tok.end)
        people = bool(_PEOPLE_RIGHT_RE.match(rest))  # "so Juniper finally texted"
        # "at Misty's place"
        owner = (tok.first or tok.working) and bool(_POSSESSIVE_RE.match(rest))
        return right_cue or people or owner or (alone and weak_left(text, tok.start))
    if tok.first and not (tok.common or tok.working):
        return True
    if tok.unknown and _word_follows(text, tok):
        return True  # "Xiaoling moved back home", "Tendai, Lerato and Sipho came"
    if (tok.working or (tok.first and _AUXILIARY_RE.match(text, tok.end))) and _pronoun_follows(
        text, tok
    ):
        return True  # "Peaches is taking a break to be with her mom"
    rest = right(text, tok.end)
    named = _NAME_RIGHT_RE.match(rest) or _POSSESSIVE_RE.match(rest)
    if (tok.first or tok.working) and named:
        return True  # "Star didnt show up", "Velvet's been off the pipe", "Cherry and Misty did"
    if (tok.surname or tok.rare) and _PEOPLE_RIGHT_RE.match(rest):
        return True  # "Kestrel lent me 40", "Juniper finally texted back"
    return right_cue and (tok.first or tok.working or tok.surname or tok.unknown)


# Lower-case nouns that make a name-like word part of a thing ("Jade plant", "Candy Crush").
_THING_RE = re.compile(
    r"\s+(?:plant|plants|necklace|ring|earrings|bracelet|stone|tea|alert|meth|crush|wars|bar|"
    r"bars|cane|canes|apple|juice|shot|shots|oil|candle|candles|tree|flower|flowers|bush|"
    r"lily|lilies|rose|roses|pie|cake|colou?red|paint|nails|polish)\b"
)
# Sentence-initial words that say what the writer did, not who ("Messaged Keisha").
_LEAD_VERBS = frozenset(
    words(
        "messaged texted called told asked met saw visited hugged thanked emailed phoned dmed "
        "snapped paid blocked client landlord landlady regular date trick john facetimed "
        "snapchatted pinged dm'd zoomed skyped whatsapped"
    )
)


# A possessive before a word that is not a time or a thing's part ("Misty's place", not "Summer's
# here" or "Star's light").
_POSSESSIVE_RE = re.compile(
    r"['’]s\s+(?!(?:here|over|coming|almost|nearly|gone|light|rays|end|heat|day|night|the|a|an|"
    r"not|so|too|just|finally|really|always|never|still|been|going)\b)[a-z]+"
)
_ADVERB = (
    r"(?:(?:finally|just|still|never|already|also|always|even|only|really|apparently|prolly|"
    r"probably|literally|totally|def|sometimes|usually|suddenly|actually)\s+)?"
)
_NEGATION = r"didnt|didn['’]t|doesnt|doesn['’]t|wont|won['’]t|cant|can['’]t|hasnt|hasn['’]t"
# Only people do these: enough after any word at a sentence start that lists know as a word.
_PEOPLE_RIGHT_RE = re.compile(
    rf",?\s*{_ADVERB}(?:said|says|texted|texts|txted|messaged|called|told|tells|asked|lent|owes|"
    rf"borrowed|hugged|cried|laughed|yelled|answered|replied|{_NEGATION})\b",
    re.IGNORECASE,
)
# After a word that is also a name (Star, Sugar, Juniper): verbs of a story, a possessive with
# something people have, or "and" another capitalised name before a verb.
_NAME_RIGHT_RE = re.compile(
    r"['’]s\s+(?:been|gonna|going|got|back|boyfriend|girlfriend|bf|gf|man|ex|phone|cell|place|"
    r"kid|kids|baby|mom|son|daughter|room|car|friend|sister|brother|manager|regular|number|"
    r"new|old)\b"
    rf"|,?\s*{_ADVERB}(?:said|says|texted|texts|messaged|called|calls|told|tells|asked|lent|owes|"
    r"borrowed|hugged|cried|laughed|yelled|moved|showed|came|went|left|answered|replied|"
    rf"{_NEGATION}|got|is\s+back|was\s+back|is\s+staying|was\s+staying|is\s+working|"
    r"has\s+been|had\s+been|"
    r"ran|runs|did|picked|dropped|brought|gave|drove|walked|works|worked|lives|lived|stayed|"
    r"slept|needs|needed|wants|wanted|knows|knew|took|thinks|thought|OD['’]?d|overdosed|"
    r"passed|died|disappeared|ghosted|blocked|stole|paid|owes|booked|met|saw|found|helped)\b"
    r"|\s+and\s+(?:I|me)\b"
    r"|\s+(?:and|&|pis|et)\s+(?-i:[A-Z])[\w'’-]+\s+(?!Street|Avenue|Road|St\b|Ave\b)[a-z]+",
    re.IGNORECASE,
)


# "Crystal is moving back with her mom" (but not "Ran into Dakota, she's better").
_AUXILIARY_RE = re.compile(r"(?:['’]s\b|\s+(?:is|was|has|had|will|would|can|could|did|does)\b)")
_SENTENCE_REST_RE = re.compile(r"[^.!?\n]{0,120}")
_PRONOUN_RE = re.compile(r"\b(?:she|he|her|his|him|herself|himself)\b", re.IGNORECASE)


def _pronoun_follows(text: str, tok: Token) -> bool:
    """A name word starting a sentence that later says "she", "her", "his": a person."""
    rest = _SENTENCE_REST_RE.match(text, tok.end)
    return bool(rest and _PRONOUN_RE.search(rest.group()))


_FOLLOWS_RE = re.compile(r"(?:['’]s)?(?:,\s*|\s+)[a-zA-Z]")


def _word_follows(text: str, tok: Token) -> bool:
    """The word goes on into a sentence (a word or a comma follows), not a heading or a label."""
    return bool(_FOLLOWS_RE.match(text, tok.end))


# "Big Sue", "Lil Tay": a nickname's first word, kept with the name it comes before.
NICKNAME_PREFIXES = frozenset(words("big little lil old young baby sweet miss mama papa"))


def _with_prefix(text: str, tokens: list[Token], index: int, span: Span) -> Span:
    if index > 0:
        before = tokens[index - 1]
        if before.key in NICKNAME_PREFIXES and _adjacent(text, before, tokens[index]):
            return Span(before.start, span.end, span.kind)
    return span


def _big_place_run(text: str, tokens: list[Token], i: int, big: frozenset[str]) -> int:
    """Index after a city written in two or three words ("Thunder Bay"), or i when none."""
    if tokens[i].key not in _big_place_heads(big):
        return i
    for size in (3, 2):
        j = i + size
        if j > len(tokens) or " ".join(t.key for t in tokens[i:j]) not in big:
            continue
        if all(_adjacent(text, tokens[k], tokens[k + 1]) for k in range(i, j - 1)):
            return j
    return i


@cache
def _big_place_heads(big: frozenset[str]) -> frozenset[str]:
    """First words of the big places written in several words."""
    return frozenset(name.split()[0] for name in big if " " in name)


_BRAND_HEADS = frozenset(b.split()[0] for b in BRANDS)


def _lead_verb(tok: Token) -> bool:
    """ "Messaged", "Pinged", "Hugged": a past-tense word leading a sentence, not a name."""
    return tok.key in _LEAD_VERBS or (
        tok.key.endswith("ed") and (tok.common or tok.rare) and not tok.surname
    )


def _brand(text: str, tok: Token) -> bool:
    """A chain or brand that starts with a given name ("Tim Hortons")."""
    if tok.key not in _BRAND_HEADS:
        return False
    head = text[tok.start : tok.start + 24].lower().replace("’", "'")
    return any(head.startswith(b) and not head[len(b) : len(b) + 1].isalpha() for b in BRANDS)


def _person_spans(text: str, tokens: list[Token]) -> list[Span]:
    spans: list[Span] = []
    big = lexicon().big_places
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if (city_end := _big_place_run(text, tokens, i, big)) > i:
            i = city_end
            continue
        if _brand(text, tok):
            i += 2
            continue
        if tok.initial and not tok.first and _lead_verb(tok):
            i += 1  # "Messaged Keisha twice": only Keisha
            continue
        j = _run(text, tokens, i)
        if j - i >= 2 and _leads_run(text, tok, tokens[i + 1]):
            run = Span(tok.start, tokens[j - 1].end, "PERSON")
            spans.append(_with_prefix(text, tokens, i, run))
            i = j
            continue
        alone = not (i + 1 < len(tokens) and _adjacent(text, tok, tokens[i + 1]))
        if _single(text, tok, alone):
            spans.append(_with_prefix(text, tokens, i, Span(tok.start, tok.end, "PERSON")))
        i += 1
    return spans


# Name particles between two parts of one name: "Maria de la Cruz", "Joost van der Berg".
_PARTICLES_RE = re.compile(
    r"\s+(?:de|da|del|della|di|do|dos|das|du|van|von|der|den|ten|ter|la|le|bin|ibn|al|el|y|"
    r"ben|bint|st\.?)(?:\s+(?:la|der|den|los|las|de))?\s+"
)


def _join_particles(text: str, spans: list[Span]) -> list[Span]:
    """One span for a name whose parts a particle joins (both parts already found)."""
    spans = sorted(spans, key=lambda s: s.start)
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if last is not None and _PARTICLES_RE.fullmatch(text, last.end, span.start):
            joined[-1] = Span(last.start, span.end, "PERSON")
            continue
        before = text[max(0, span.start - 12) : span.start].split()
        if not (span.kind == "PERSON" and before and before[-1] in _PARTICLES):
            joined.append(span)
            continue
        m = _GIVEN_BEFORE_RE.search(text, max(0, span.start - 40), span.start)
        if m and fold(m.group(1)) in lexicon().first_names:
            span = Span(m.start(1), span.end, "PERSON")  # "Maria de la Cruz"
        joined.append(span)
    return joined


_PARTICLES = frozenset(
    words("de da del della di do dos das du van von der den la le bin ibn al el y ben los las")
)
_GIVEN_BEFORE_RE = re.compile(
    r"(?<![\w'’-])([A-ZÀ-Ý][a-zà-ÿ]+)\s+(?:de|da|del|della|di|do|dos|das|du|van|von|der|den|"
    r"la|le|bin|ibn|al|el|y|ben)(?:\s+(?:la|der|den|los|las|de))?\s+$"
)


def _propagate(text: str, tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A word found as a name once is a name wherever else it is written with a capital."""
    starts = [t.start for t in tokens]
    keys: set[str] = set()
    inside: set[int] = set()
    for span in spans:
        first = bisect_left(starts, span.start)
        last = bisect_left(starts, span.end)
        words = tokens[first:last]
        inside.update(range(first, last))
        for t in words:
            if (
                len(t.word) >= 3
                and (len(words) == 1 or not t.common)
                and not (t.not_pii or t.big_place)
            ):
                keys.add(t.key)
    if not keys:
        return spans
    extra = [
        Span(t.start, t.end, "PERSON")
        for index, t in enumerate(tokens)
        # an ordinary word starting a sentence stays a word ("I'm Sugar." then "Sugar in my tea")
        # unless a verb follows it ("Sugar is the best")
        if t.key in keys
        and index not in inside
        and not (t.initial and t.common and not _acts(text, t))
    ]
    return spans + extra


def _acts(text: str, tok: Token) -> bool:
    """A verb follows the word, and no noun that makes it a thing ("Sugar is", not "Sugar in")."""
    rest = right(text, tok.end)
    acts = RIGHT_STRONG_RE.match(rest) or _NAME_RIGHT_RE.match(rest)
    return not _THING_RE.match(rest) and bool(acts)


# Texting style: a first name in lower case after a word that points at a person.
LOWER_NAME_RE = re.compile(
    r"\b(?:with|met|meet|meeting|saw|seen|told|texted|txted|called|named|goes\s+by|ran\s+into|"
    r"run\s+into|bumped\s+into|hung\s+out\s+with|visited|hugged|messaged|thanks|asked|"
    r"avec|vu|appelé|texté|friend|bf|gf|boyfriend|girlfriend|worker|sister|cousin|roommate|"
    r"client|regular|daddy|pimp|manager|ex)\s+(?P<name>[a-zà-ÿ][a-zà-ÿ'’-]{2,})\b"
)
_LOWER_TRIGGERS = (
    "with ",
    "met ",
    "meet",
    "meeting",
    "saw ",
    "seen ",
    "told ",
    "texted ",
    "txted ",
    "called ",
    "named ",
    "goes by ",
    "go by ",
    "into ",
    "visited ",
    "hugged ",
    "messaged ",
    "thanks ",
    "asked ",
    "avec ",
    "friend ",
    " bf ",
    " gf ",
    "boyfriend ",
    "girlfriend ",
    "worker ",
    "sister ",
    "cousin ",
    "roommate ",
    "client ",
    "regular ",
    "daddy ",
    "pimp ",
    "manager ",
    " ex ",
    "vu ",
    "appelé ",
    "texté ",
)


def _lower_names(t: Text) -> list[Span]:
    """ "ran into rosalind", "texted jolie": a listed first name that is no word, in lower case."""
    keys = _lower_name_keys()
    present = t.lower_words
    candidates = set(present & keys)
    if not t.lower.isascii():
        candidates.update(w for w in present if not w.isascii() and fold(w) in keys)
    if not candidates:
        return []  # no word of the text is a first name that is no English word
    spans = _lower_subjects(t.text, candidates)
    windows = t.word_windows(_LOWER_TRIGGERS, before=12, after=40)
    for m in finditer(LOWER_NAME_RE, t.text, windows):
        if fold(m.group("name")) in keys:
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    for m in finditer(_LOWER_PAIR_RE, t.text, windows):
        if fold(m.group("name")) in keys:  # "met with dawn and trish": the second one
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    return spans


_LOWER_PAIR_RE = re.compile(
    r"\b(?:with|met|saw|told|texted|called|messaged|visited|hugged|asked)\s+"
    r"(?:[A-Za-z][a-z'’-]+)\s+(?:and|&|n)\s+(?P<name>[a-zà-ÿ][a-zà-ÿ'’-]{2,})\b"
)


def _lower_subjects(text: str, candidates: set[str]) -> list[Span]:
    """ "winona said she'd come", "linh and me went": a lower-case first name doing something."""
    spans = []
    for word in candidates:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            whole = (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'’-")) and (
                end == len(text) or not text[end].isalnum()
            )
            if whole and _NAME_RIGHT_RE.match(text, end):
                spans.append(Span(at, end, "PERSON"))
            at = text.find(word, end)
    return spans


@cache
def _lower_name_keys() -> frozenset[str]:
    """First names that are no English word, no place and nothing kept readable."""
    lex = lexicon()
    return frozenset(
        lex.first_names - lex.common_words - lex.rare_words - lex.not_pii - lex.big_places
    )


def _nicknames(t: Text) -> list[Span]:
    """ "Big Tee", "Lil Mikey": a nickname word then a capitalised word is one name."""
    spans, text, tokens = [], t.text, t.tokens
    for a, b in itertools.pairwise(tokens):
        if (
            a.key in _NICKNAME_HEADS
            and _adjacent(text, a, b)
            and not (b.not_pii or b.big_place or b.key in PLACE_WORDS or b.key in TITLES)
        ):
            spans.append(Span(a.start, b.end, "PERSON"))
    return spans


_NICKNAME_HEADS = frozenset(words("big lil little ti p'tit ptit"))


_CAPS_NAME_RE = re.compile(r"[A-Z]{3,12}")


def _capital_names(t: Text) -> list[Span]:
    """ "DO NOT SEE MIKE": a first name written in capitals (no acronym, no word)."""
    lex, text, spans = lexicon(), t.text, []
    for m in _CAPS_NAME_RE.finditer(text):
        a, b = m.span()
        if (a and text[a - 1].isalnum()) or (b < len(text) and text[b].isalnum()):
            continue
        key = m.group().lower()
        if (
            key in lex.first_names
            and key not in lex.common_words
            and key not in lex.rare_words
            and key not in lex.not_pii
            and key not in lex.big_places
            and key not in lex.places_single
            and m.group() not in NOT_NAMES
        ):
            spans.append(Span(a, b, "PERSON"))
    return spans


def find(t: Text) -> list[Span]:
    """Every person's name the lists and cues can tell."""
    spans = _person_spans(t.text, t.tokens)
    spans += _nicknames(t)
    spans = _propagate(t.text, t.tokens, spans)
    return _join_particles(t.text, spans) + _lower_names(t) + _capital_names(t)
