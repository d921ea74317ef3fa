"""LOCATION by the shape of a French venue name and of a corner of two streets.

Two structures the tagger's short windows see badly, written as patterns from the vocabulary:
- a French venue: a venue word, maybe a few lower-case words, then the name that makes it one
  place ("CLSC de Montréal-Nord", "Centre des femmes de Saint-Laurent", "métro Jean-Talon",
  "Clinique l'Actuel"); a lower-case venue word before a big city alone is a part of town, not
  a place ("le centre de Montréal");
- a corner: a `corner` word, then two street names joined by a `joiner` ("corner of Gottingen
  and Cornwallis", "coin Charest et de la Couronne"). A French `coin` is part of the place;
- a listed place of several words, written with the list's capitals ("left Moose Jaw 7am").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from peerjournal.redact.detectors.context import Text, finditer, merge, place_words, word_before
from peerjournal.redact.detectors.streets import CAP, DIRECTION, ORDINAL
from peerjournal.redact.features import occurrences
from peerjournal.redact.lexicon import fold, lexicon
from peerjournal.redact.spans import Span
from peerjournal.redact.tokenize import Tok, tokenize
from peerjournal.redact.vocab import trie_regex, vocabulary

_OF = r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])"
# A name: capitalised words, with French linking words inside ("Marguerite-Bourgeoys",
# "Grand Sudbury", "de la Couronne", "l'Est").
_NAME = rf"(?:[lL]['’])?{CAP}(?:(?:\s+|[-–])(?:{_OF})?(?:[lL]['’])?{CAP}){{0,3}}"
# An adjective right after the venue word says what kind it is ("clinique médicale L'Actuel",
# "clinique juridique Mile End", "clinique mobile La Caravane", "centre francophone Le Lien"):
# known by its ending, which no verb of a sentence going on has ("le refuge accueille Marie").
_ADJECTIVE = (
    r"(?:\s+[a-zà-ÿ]{2,}(?:ale|ales|al|aux|ique|iques|aire|aires|ienne|iennes|elle|elles|if|ive"
    r"|bile|biles|phone|phones)(?![\w'’-]))?"
)
# An article written with a capital before the name is part of it ("café Le Bon Accueil",
# "Motel La Cigale"); in lower case it is a sentence going on ("au resto le soir").
_ARTICLE = r"(?:L[ea]s?|Les)\s+(?=[A-ZÀ-Ý])"


def _alternation(words: tuple[str, ...], case: bool) -> str:
    """One regex for the words (`case`: in any case); spaces inside a phrase match any spaces."""
    found = [
        [r"\s*" if c == " " else re.escape(c) for c in w.replace("' ", "'")]
        for w in set(words)
        if w[:1].isalpha()
    ]
    return f"(?i:{trie_regex(found)})" if case else trie_regex(found)


@cache
def _venue_re() -> re.Pattern[str]:
    vocab = vocabulary()
    venue = _alternation(vocab.words("venue", "fr"), case=True)
    # (the pronoun class's longer words are adjectives that begin names too: "Église
    # évangélique Nouvelle Alliance", "Maison Autre Chemin")
    never = _alternation(
        tuple(w for c in ("weekday", "determiner") for w in vocab.words(c))
        + tuple(w for w in vocab.words("pronoun") if len(w) <= 5),
        case=False,
    )
    # lower-case words between the venue word and its name, led by "de" ("de santé
    # communautaire", "des femmes"): what the place is, never a verb or "avec"
    between = rf"{_ADJECTIVE}(?:\s+{_OF}[a-zà-ÿ]{{2,}}(?:\s+(?:{_OF})?[a-zà-ÿ]{{2,}}){{0,2}}?)?"
    return re.compile(
        rf"(?:(?<=\b[lLdD]['’])|(?<![\w'’-]))(?P<venue>{venue})(?![\w'’-])"
        rf"(?:{between}\s+{_OF}|{between}\s+)"
        rf"(?:{_ARTICLE}|(?!(?i:{never})(?![\w'’-])))(?P<name>{_NAME})(?![\w'’-])"
    )


@cache
def _corner_re() -> re.Pattern[str]:
    vocab = vocabulary()
    cue = _alternation(vocab.words("corner"), case=True)
    joiner = _alternation(tuple(w for w in vocab.words("joiner") if len(w) > 1), case=False)
    street = rf"(?:{_OF})?(?:{ORDINAL}|{_NAME})(?:\s+[A-Z](?![\w'’]))?(?:\s+{DIRECTION})?"
    return re.compile(
        rf"(?:(?<=\b[lLdD]['’])|(?<![\w'’-]))(?P<cue>{cue})\s+(?P<a>{street})"
        rf"(?:\s*[&/+]\s*|\s+{joiner}\s+)(?P<b>{street})(?![\w'’-])"
    )


def _lower_pair(cue: str) -> re.Pattern[str]:
    """After `cue`, two lower-case street words joined by a `joiner`: "st-denis pis ontario"."""
    joiner = _alternation(tuple(w for w in vocabulary().words("joiner") if w.isalpha()), case=False)
    street = r"[a-zà-ÿ][a-zà-ÿ'’]*(?:-[a-zà-ÿ]+)*"
    return re.compile(
        rf"{cue}\s+(?P<a>{street})(?:\s*[&/+]\s*|\s+(?:{joiner})\s+)(?P<b>{street})(?![\w'’-])"
    )


@cache
def _lower_corner_re() -> re.Pattern[str]:
    """A corner texted in lower case: "coin st-denis pis ontario", "corner of main n hastings"."""
    cue = _alternation(vocabulary().words("corner"), case=False)
    return _lower_pair(rf"(?:(?<=\b[lLdD]['’])|(?<![\w'’-]))(?P<cue>{cue})")


def _street_like(word: str) -> bool:
    """A lower-case word that can name a street of a corner: no little word of a sentence, and
    a listed place or a word no dictionary knows ("ontario", "st-denis", "hastings")."""
    key, lex = fold(word), lexicon()
    if vocabulary().classes_of(key, "mixed") & _NOT_STREETS:
        return False
    return key in lex.big_places or key in lex.places_single or not lex.ordinary(key)


_NOT_STREETS = frozenset({"pronoun", "determiner", "possessive", "title", "relation", "program"})
_NOT_CORNER_WORDS = _NOT_STREETS | {"person_verb", "auxiliary"}


def _lower_corners(t: Text) -> list[Span]:
    """Both words of a lower-case corner must be street-like but one may be an everyday word
    ("corner of main n hastings"), as long as the other is not one ("au coin du feu pis")."""
    out = []
    windows = t.word_windows(_corner_triggers(), before=0, after=60)
    for m in finditer(_lower_corner_re(), t.text, windows):
        a, b = m.group("a"), m.group("b")
        if not (a.islower() and b.islower()):
            continue
        if any(vocabulary().classes_of(fold(w), "mixed") & _NOT_STREETS for w in (a, b)):
            continue
        if not (_street_like(a) or _street_like(b)):
            continue
        out.append(Span(_corner_start(m), m.end("b"), "LOCATION"))
    return out


@cache
def _placed_corner_re() -> re.Pattern[str]:
    """A lower-case corner after a place word, no corner word: "at main n hastings". (Only the
    words that put something at a corner: "from", "de", "to" take towns and people too.)"""
    return _lower_pair(r"(?<![\w'’-])(?:at|on|sur)")


@cache
def _known_places() -> frozenset[str]:
    return lexicon().places_single | lexicon().big_places


def _placed_lower_corners(t: Text) -> list[Span]:
    """Without a corner word, a lower-case pair after "at", "on" or "sur" is a corner when one
    of its words is a listed place: "at main n hastings" ("at home n work", "on jess n tara"
    are not)."""
    listed = t.lower_words & _known_places()
    if not listed:
        return []
    out = []
    windows = t.word_windows(tuple(listed), before=30, after=30)
    for m in finditer(_placed_corner_re(), t.text, windows):
        a, b = m.group("a"), m.group("b")
        keys = (fold(a), fold(b))
        if not (a.islower() and b.islower()) or any(
            vocabulary().classes_of(k, "mixed") & _NOT_CORNER_WORDS for k in keys
        ):
            continue  # ("at selkirk n said...": a verb goes on the sentence)
        if any(k in _known_places() for k in keys):
            out.append(Span(m.start("a"), m.end("b"), "LOCATION"))
    return out


# An ordinal street joined to a named one (or to another ordinal) after a place word, with no
# corner word: "near 4th and Victoria", "at 20th & Broadway".
_LOWER_NAME = r"[a-zà-ÿ][\w'’-]+(?:[ \t]+[a-zà-ÿ][\w'’-]+)?"
_NUMBERED_CORNER_RE = re.compile(
    rf"(?<![\w'’-])(?P<a>{ORDINAL}|{CAP}(?:[ \t]+{CAP})?|{_LOWER_NAME})"
    r"[ \t]*(?:[ \t](?i:and|n|et|pis|x)[ \t]|&|/|\+)[ \t]*"
    rf"(?P<b>{ORDINAL}|{CAP}(?:[ \t]+{CAP})?|{_LOWER_NAME})(?![\w'’-])"
)
_ORDINAL_RE = re.compile(ORDINAL)
_ORDINAL_AT_RE = re.compile(r"\d(?:st|nd|rd|th|e|er|re|ème|eme)(?![\w'’])")


def _numbered_corners(t: Text) -> list[Span]:
    """A corner of a numbered street right after a place word: one side an ordinal, the other
    a name or an ordinal ("near 4th and Victoria", "at 20th & Broadway"); "the 4th and final
    session" and "4th and 5th graders" have no place word before them."""
    if not t.digit_runs:
        return []
    ordinals = [m.span() for m in _ORDINAL_AT_RE.finditer(t.text)]
    if not ordinals:
        return []
    before = place_words(t.lang)
    out = []
    windows = merge(((a - 40, b + 40) for a, b in ordinals), len(t.text))
    for m in finditer(_NUMBERED_CORNER_RE, t.text, windows):
        sides = (m.group("a"), m.group("b"))
        named = [w for w in sides if _ORDINAL_RE.fullmatch(w) is None]
        if len(named) == 2 or any(_not_a_street(w) for w in named):
            continue
        if word_before(t.text, m.start()) not in before:
            continue
        out.append(Span(m.start(), m.end(), "LOCATION"))
    return out


def _not_a_street(name: str) -> bool:
    """A name that cannot be a corner's street: a weekday or a month, a little word, only
    everyday words in lower case ("4th and final"), or a first name alone that names no place
    ("came 2nd and Kayla 3rd"; "Victoria" is a place too)."""
    words = name.split()
    key = fold(name)
    if len(words) == 1 and key in lexicon().first_names and key not in _known_places():
        return True
    for w in words:
        classes = vocabulary().classes_of(fold(w), "mixed")
        if classes & (_NOT_STREETS | {"weekday", "person_verb", "auxiliary", "link"}):
            return True
    return all(w.islower() and not _street_like(w) for w in words)


def _corner_start(m: re.Match[str]) -> int:
    """A corner starts at its first street, or at a French `coin` written alone."""
    cue = m.group("cue")
    last = cue.split()[-1]
    return m.start("cue") + len(cue) - len(last) if fold(last) in _inside_cues() else m.start("a")


@cache
def _never_names() -> frozenset[str]:
    vocab = vocabulary()
    return frozenset(fold(w) for w in vocab.words("chain")) | lexicon().big_places


# A saint's name with a possessive names a church, a hospital or a school: "St. Paul's",
# "St Mike's", "Saint Mary's".
SAINTS_RE = re.compile(rf"S(?<![\w'’-]S)(?:t\.?|aint)\s+{CAP}['’]s(?![\w'’])")


def find(t: Text) -> list[Span]:
    """French venues by name (in an English entry only a French name written whole, with its
    capital and its "de": "Centre de jour Saint-Roch"), saints' places, corners of two
    streets."""
    text = t.text
    spans = (
        [Span(m.start(), m.end(), "LOCATION") for m in SAINTS_RE.finditer(text)]
        if "S" in text
        else []
    )
    if not t.lower_words.isdisjoint(_venue_keys()):
        spans += _venues(t)
    if "-" in text and not t.lower_words.isdisjoint(_compound_heads()):
        spans += _lower_compounds(t)
    spans += _listed_places(t) + _placed_lower_corners(t) + _numbered_corners(t)
    if t.lower_words.isdisjoint(_corner_triggers()):
        return spans
    spans += _lower_corners(t)
    for m in finditer(_corner_re(), text, t.word_windows(_corner_triggers(), before=0, after=90)):
        start = _corner_start(m)
        line_end = text.find("\n", m.start("b"), m.end("b"))  # a corner ends with its line
        spans.append(Span(start, m.end("b") if line_end == -1 else line_end, "LOCATION"))
    return spans


@cache
def _multi_heads() -> frozenset[str]:
    return frozenset(lexicon().places_multi) - {"the"}


# Little words a listed place may hold in lower case ("Portage la Prairie", "Baie-du-Febvre").
_PLACE_LINKS = frozenset({"la", "le", "les", "de", "du", "des", "d", "of", "on", "the", "sur", "-"})


def _listed_places(t: Text) -> list[Span]:
    """A listed place of several words, each capitalised as the list writes it, is that place
    whatever is around it: "left Moose Jaw 7am", "- Thunder Bay". (One-word places are
    everyday words too often, "Hope", "Marathon": the tagger weighs those.)"""
    multi, seconds, out = lexicon().places_multi, _second_parts(), []
    for start, key in _capitalised_heads(t):
        nxt = _NEXT_PART_RE.match(t.text, start + len(key))
        if nxt is None or fold(nxt.group(1) or "-") not in seconds[key]:
            continue  # (most capitalised first words go on as no listed place does)
        entries = multi[key]
        parts = _place_parts(tokenize(t.text, start, min(len(t.text), start + 80)))
        for entry in entries:  # (longest first)
            got = parts[: len(entry)]
            if len(got) < len(entry) or tuple(part[0] for part in got) != entry:
                continue
            whole = got[-1][3]  # ("Sainte-Marie-des-Faubourgs" is no "Sainte-Marie")
            if whole and all(word[0].isupper() or k in _PLACE_LINKS for k, word, *_ in got):
                out.append(Span(start, got[-1][2], "LOCATION", 0.95))
            break
    return out


# The part after a place's first word: a hyphen, or the next word ("St. Albert": Albert).
_NEXT_PART_RE = re.compile(r"(?:\.?[ \t]+([^\W\d_][\w'’]*)|(-))")


@cache
def _second_parts() -> dict[str, frozenset[str]]:
    return {k: frozenset(e[1] for e in v) for k, v in lexicon().places_multi.items()}


def _capitalised_heads(t: Text) -> Iterator[tuple[int, str]]:
    """Where a capitalised word opens a listed place of several words, with its key. In ASCII
    a capitalised word, lower-cased, is one of the text's words: only those are looked for."""
    heads = _multi_heads()
    if not t.text.isascii():
        yield from ((start, key) for start, _, key in t.cap_words if key in heads)
        return
    for key in t.lower_words & heads:
        yield from ((at, key) for at in occurrences(t.lower, key) if t.text[at].isupper())


def _place_parts(tokens: list[Tok]) -> list[tuple[str, str, int, bool]]:
    """Tokens as the place list splits them, (key, word, end, ends a token): a hyphen is a
    part of its own ("Rivière-du-Loup": riviere, -, du, -, loup), a full stop is none ("St.
    Albert")."""
    out: list[tuple[str, str, int, bool]] = []
    for tok in tokens[:10]:
        if tok.text == ".":
            continue
        if "-" not in tok.text[1:]:
            out.append((tok.key, tok.text, tok.end, True))
            continue
        words, keys, at = tok.text.split("-"), tok.key.split("-"), tok.start
        for i, (word, key) in enumerate(zip(words, keys, strict=False)):
            if i:
                out.append(("-", "-", at + 1, False))
                at += 1
            at += len(word)
            out.append((key, word or "-", at, i == len(words) - 1))
    return out


@cache
def _corner_triggers() -> tuple[str, ...]:
    """The corner words themselves ("coin", "corner"), not the little words before them."""
    return tuple({p for w in vocabulary().words("corner") for p in w.split() if len(p) > 3})


@cache
def _inside_cues() -> frozenset[str]:
    """French corner words written alone are part of the place ("coin Ontario et Darling")."""
    return frozenset(fold(w) for w in vocabulary().words("corner", "fr") if " " not in w)


@cache
def _compound_heads() -> frozenset[str]:
    """French area words that lead a compound place name: saint, ste, mont, pointe, lac..."""
    return frozenset(w for w in vocabulary().words("area", "fr") if w.isalpha() and "-" not in w)


@cache
def _lower_compound_re() -> re.Pattern[str]:
    heads = trie_regex([[re.escape(c) for c in w] for w in _compound_heads()])
    return re.compile(rf"(?<![\w'’@./-]){heads}-[a-zà-ÿ]{{2,}}(?:-[a-zà-ÿ]+)*(?![\w'’@-])(?!\.\w)")


def _lower_compounds(t: Text) -> list[Span]:
    """A compound led by a French area word, written in lower case, is a place: "ste-cath",
    "st-hubert", "pointe-claire", "côte-des-neiges" (an area word itself, "centre-ville",
    and a dictionary word stay readable)."""
    ordinary, vocab = lexicon(), vocabulary()
    out = []
    for m in _lower_compound_re().finditer(t.lower):
        key = fold(m.group())
        if vocab.classes_of(key, "mixed") or key in ordinary.french_words:
            continue
        if key in ordinary.common_words or key in _never_names():
            continue
        if t.text[m.start()].islower():
            out.append(Span(m.start(), m.end(), "LOCATION"))
    return out


def _venues(t: Text) -> list[Span]:
    text, never = t.text, _never_names()
    windows = t.word_windows(_venue_triggers(), before=1, after=90)
    out = []
    for m in finditer(_venue_re(), text, windows):
        name = fold(m.group("name"))
        joined = m.group()[len(m.group("venue")) : m.start("name") - m.start()].strip()
        head = text[m.start() : m.start("name")]  # (the venue word may hold the "de" itself)
        if t.lang == "en" and not (head[0].isupper() and _FRENCH_LINK_RE.search(head)):
            continue  # in English, only a French name written whole: "Centre de jour Saint-Roch"
        if name in never and m.group("venue")[0].islower() and joined:
            continue  # "le centre de Montréal": a part of a big city ("parc Victoria" is one)
        if fold(m.group("venue") + " " + m.group("name")) in never or name in _chains():
            continue  # "Pharmacie Jean Coutu"
        if _at_someones_home(m.group("venue"), name):
            continue  # "chez Leïla": a person's home, the name is the person's (Chez Ali is a shop)
        out.append(Span(m.start("venue"), m.end("name"), "LOCATION"))
    return out


_FRENCH_LINK_RE = re.compile(r"(?<![\w'’])(?:de|du|des|d['’])(?![\w'’])|^d['’]", re.IGNORECASE)


def _at_someones_home(venue: str, name: str) -> bool:
    """A lower-case home word before a first name ("chez Leïla", "chez Gigi")."""
    return venue.islower() and fold(venue) in _home_words() and name in lexicon().first_names


@cache
def _home_words() -> frozenset[str]:
    return frozenset(fold(w) for w in vocabulary().words("home_word"))


@cache
def _chains() -> frozenset[str]:
    return frozenset(fold(w) for w in vocabulary().words("chain"))


@cache
def _venue_keys() -> frozenset[str]:
    """The first word of each venue, as `Text.lower_words` holds it (letters only)."""
    return frozenset(re.split(r"[^a-zà-ÿ0-9]", t.strip())[0] for t in _venue_triggers())


@cache
def _venue_triggers() -> tuple[str, ...]:
    return tuple({w.split()[0] for w in vocabulary().words("venue", "fr")})
