"""PERSON and LOCATION: the sequence tagger's finds, cleaned at the edges and carried through.

The tagger (`redact.tagger`, a CRF over `redact.features`) labels names and places; this module
turns its labels into spans: a title, an article or a possessive ending stays outside ("Officer
[Brady]", "the [Cobalt]", "[Candy]'s"), a stretch made only of words that identify nobody
(chains, big cities, weekdays, program words) is dropped, and what was found is hidden again
wherever else the text writes it (`redact.propagate`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from peerjournal.redact import propagate, tagger
from peerjournal.redact.detectors.context import Text, finditer, place_words, word_before
from peerjournal.redact.features import CUE_PREPOSITIONS, Featurizer, Sequence, occurrences
from peerjournal.redact.lexicon import fold, lexicon
from peerjournal.redact.spans import Span
from peerjournal.redact.tokenize import Tok, phrase_keys, tokenize
from peerjournal.redact.vocab import trie_regex, vocabulary

# Words that never begin or end a name or a place: they stay outside the span ("In [Hong
# Kong]", "Officer [Brady]", "[Centre St N] that"); a venue, area or street word stays inside
# even when it is also one of these ("Chez Gaby", "Place Émilie-Gamelin").
_EDGE = ("determiner", "title", "pronoun", "place_before", "person_before", "link", "joiner")
_KEEP = ("venue", "area", "street_type")


@cache
def _never_phrases() -> frozenset[str]:
    """Chains, big places and nations or their languages ("Kanien'kéha"), as the tokenizer's
    keys joined by spaces: a tagged stretch that is one of them names nobody."""
    vocab = vocabulary()
    return frozenset(
        " ".join(phrase_keys(w))
        for name in ("chain", "big_place", "nation")
        for w in vocab.words(name)
    )


@cache
def _never_words() -> frozenset[str]:
    """Every word of those phrases."""
    return frozenset(w for phrase in _never_phrases() for w in phrase.split(" "))


def _in_never(tokens: list[Tok], first: int, last: int) -> bool:
    """Whether the stretch is part of a longer chain or big place written around it ("Tim" of
    "Tim Hortons", "Scotia" of "Nova Scotia"). Any such phrase holds the whole stretch, so a
    stretch with a word no such phrase has needs none of the joins tried."""
    words = _never_words()
    if any(tokens[i].key not in words for i in range(first, last + 1)):
        return False
    never = _never_phrases()
    for start in range(max(0, first - 3), first + 1):
        for end in range(last, min(len(tokens), last + 4)):
            if (start, end) != (first, last) and (
                " ".join(t.key for t in tokens[start : end + 1]) in never
            ):
                return True
    return False


def _named(tokens: list[Tok], i: int, initial: list[bool]) -> bool:
    """An article or a particle with a capital in mid-sentence is part of the name ("La
    Passerelle", "sur De Lorimier")."""
    tok = tokens[i]
    return (
        tok.text[0].isupper()
        and not initial[i]
        and bool(vocabulary().classes_of(tok.key, "mixed") & _NAMING_LITTLE_WORDS)
    )


_NAMING_LITTLE_WORDS = frozenset({"determiner", "name_particle"})


def _outside(key: str, lang: str) -> bool:
    classes = vocabulary().classes_of(key, lang)
    return any(c in classes for c in _EDGE) and not any(c in classes for c in _KEEP)


def _edges(
    tokens: list[Tok], first: int, last: int, lang: str, initial: list[bool]
) -> tuple[int, int] | None:
    while first <= last and (
        not tokens[first].text[0].isalnum()
        or (
            first < last
            and _outside(tokens[first].key, lang)
            and not _named(tokens, first, initial)
        )
    ):
        first += 1
    while last >= first and (
        not tokens[last].text[0].isalnum()
        or tokens[last].key == "'s"
        or (last > first and _outside(tokens[last].key, lang))
    ):
        last -= 1
    return (first, last) if first <= last else None


@cache
def _lower_place_words() -> frozenset[str]:
    """Listed places that are no ordinary word of either language, no big place, no class word:
    written in lower case after a place word, still a place ("on jarvis", "sur papineau")."""
    lex, vocab = lexicon(), vocabulary()
    ordinary = lex.common_words | lex.french_words | lex.rare_words
    return frozenset(
        k
        for k in lex.places_single
        if len(k) > 3
        and k.isalpha()
        and k not in ordinary
        and k not in lex.big_places
        and k not in lex.not_pii
        and not vocab.classes_of(k, "mixed")
    )


# A name written with a glottal-stop apostrophe inside it, as many Indigenous place and nation
# names of Canada are ("Tk'emlúps", "Stz'uminus", "K'ómoks", "Ts'ilhqot'in"): a capital, a few
# letters, an apostrophe and two letters or more, none of it an elision ("D'accord", "L'école",
# "Qu'est-ce") or a contraction ("They're", "Y'all", "O'clock").
_GLOTTAL_NAME_RE = re.compile(
    r"(?<![\w'’])(?P<name>(?!(?i:[ldjmtsncy]|qu|jusqu|lorsqu|puisqu|o|ma)['’])"
    r"[A-ZÀ-Ý][^\W\d_]{0,4}['’](?!(?:s|t|d|m|re|ve|ll|nt|all|am|clock)\b)"
    r"[^\W\d_]{2,}(?:['’][^\W\d_]+)*)"
)


def _glottal_places(t: Text) -> list[Span]:
    """Such a name right after a place word is a place ("from Tk'emlúps", "out by Sq'éwlets")."""
    if "'" not in t.text and "’" not in t.text:
        return []
    before_words, out = place_words(t.lang), []
    for m in _GLOTTAL_NAME_RE.finditer(t.text):
        nation = "nation" in vocabulary().classes_of(fold(m.group("name")), "mixed")
        if word_before(t.lower, m.start()) in before_words and not nation:
            out.append(Span(m.start("name"), m.end("name"), "LOCATION", 0.8))
    return out


def _lower_places(t: Text) -> list[Span]:
    """A listed place in lower case right after a place word is a place ("on jarvis", "near
    whalley", "sur papineau")."""
    found = t.lower_words & _lower_place_words()
    if not found:
        return []
    text, lower, n = t.text, t.lower, len(t.text)
    before_words = place_words(t.lang)
    out = []
    for word in found:
        at = lower.find(word)
        while at != -1:
            end = at + len(word)
            if (
                text[at].islower()
                and (at == 0 or (not lower[at - 1].isalnum() and lower[at - 1] not in "@.'’_-"))
                and (end == n or not (lower[end].isalnum() or lower[end] in "@'’_-"))
                and word_before(lower, at) in before_words
            ):
                out.append(Span(at, end, "LOCATION", 0.7, True))
            at = lower.find(word, end)
    return out


@cache
def _lower_venue_re(lang: str) -> re.Pattern[str]:
    venues = [w for w in vocabulary().words("venue", lang) if w.isalpha() and len(w) > 2]
    alternation = trie_regex([[re.escape(c) for c in w] for w in venues])
    return re.compile(
        rf"(?<![\w'’@.-])(?P<venue>{alternation})[ \t]+(?P<name>[a-zà-ÿ][a-zà-ÿ-]{{2,}})"
        r"(?![\w'’@-])(?!\.\w)"
    )


def _lower_venues(t: Text) -> list[Span]:
    """In French, a venue word in lower case, then a word no dictionary knows, as texting writes
    a named place: "dépanneur beaubien", "clsc villeray" (offered as "maybe identifying"; a
    dictionary word, "resto thaï", "bar laitier", stays readable)."""
    if t.lang == "en":
        return []  # ("the market recognised", "the office co-signed": a verb follows a noun)
    lex, vocab, homes = lexicon(), vocabulary(), _class_keys("home_word", t.lang)
    out = []
    for lang in ("fr",) if t.lang == "fr" else ("en", "fr"):
        for m in _lower_venue_re(lang).finditer(t.text):
            key = fold(m.group("name"))
            if fold(m.group("venue")) in homes:
                continue  # "chez nath": a person's home
            if lex.ordinary(key) or key in lex.not_pii or vocab.classes_of(key, "mixed"):
                continue
            words_of_it = all(lex.ordinary(part) for part in key.split("-"))
            if key in lex.big_places or ("-" in key and words_of_it):
                continue
            out.append(Span(m.start("venue"), m.end("name"), "LOCATION", 0.5, True))
    return out


@cache
def _lower_area_re(lang: str) -> re.Pattern[str]:
    """A lower-case word, then an area word ending a place's name: "pleasant hill", "bell
    island", "sandy point"."""
    areas = [w for w in vocabulary().words("area", lang) if w.isalpha() and len(w) > 2]
    alternation = trie_regex([[re.escape(c) for c in w] for w in areas])
    return re.compile(
        rf"(?<![\w'’@.-])(?P<first>[a-zà-ÿ][a-zà-ÿ'’-]{{2,}})[ \t]+{alternation}(?![\w'’@-])"
    )


_NOT_A_PLACE_NAME = frozenset(
    {"pronoun", "determiner", "possessive", "program", "weekday", "big_place", "chain", "link"}
)


def _lower_area_names(t: Text) -> list[Span]:
    """A lower-case name ending in an area word, right after a place word and with no article,
    is offered as maybe identifying: "around pleasant hill", "over to bell island" (a hill
    with an article, "up the hill", is no name)."""
    if t.lang == "fr" or t.lower_words.isdisjoint(vocabulary().words("area", "en")):
        return []
    text, before_words, lex, out = t.text, place_words(t.lang), lexicon(), []
    for m in _lower_area_re("en").finditer(text):
        first = fold(m.group("first"))
        if vocabulary().classes_of(first, "mixed") & _NOT_A_PLACE_NAME or first in lex.not_pii:
            continue
        if word_before(text, m.start()) in before_words:
            out.append(Span(m.start(), m.end(), "LOCATION", 0.6, True))
    return out


_VENUE_BEFORE_RE = re.compile(r"([A-ZÀ-Ý][^\W\d_]+)[ \t]+$")
# A run of capitalised words, maybe joined by a little linking word, on one line: "Four
# Directions Community Health Centre", "Red Willow Drop-In", "Sisters of Hope Shelter".
_CAP_RUN_RE = re.compile(
    r"(?<![\w'’@.-])[A-ZÀ-Ý][\w'’]*(?:-[\w'’]+)*"
    r"(?:[ \t]+(?:(?:of|for|and|&|de|du|des|the)[ \t]+)?[A-ZÀ-Ý][\w'’]*(?:-[\w'’]+)*)+"
)


def _venue_runs(t: Text, spans: list[Span]) -> list[Span]:
    """A run of capitalised words that ends with a venue word is one venue, the whole run, when
    a found name or place lies in it or two of its words say what it is called: "- Four
    Directions Community Health Centre", "Eagle Moon Healing Lodge" (a list line gives the
    tagger no cue). One naming word is a kind of place, not a name ("the Sexual Health
    Clinic", "Public Health Office")."""
    found = [s for s in spans if s.kind in ("PERSON", "LOCATION")]
    vocab, out = vocabulary(), []
    present = t.lower_words & _venue_keys()
    if not present or (t.text.isascii() and not any(_capitalised(k, t.text) for k in present)):
        return []  # (a run ends with a capitalised venue word)
    for m in _CAP_RUN_RE.finditer(t.text):
        words = m.group().split()
        if "venue" not in vocab.classes_of(fold(words[-1]), t.lang):
            continue
        if fold(" ".join(words[:-1])) in _chain_keys() or fold(m.group()) in _chain_keys():
            continue  # "Tim Hortons Cafe": a chain's shop identifies nobody
        inside = [s for s in found if s.start < m.end() and s.end > m.start()]
        naming = [w for w in words[:-1] if not vocab.classes_of(fold(w), t.lang) & _GENERIC]
        if inside:
            sure = max(s.confidence for s in inside)
            out.append(Span(m.start(), m.end(), "LOCATION", max(sure, 0.9)))
        elif len(naming) >= 2:
            out.append(Span(m.start(), m.end(), "LOCATION", 0.8))
    return out


# Two capitalised words or more ending with a possessive, after a place preposition or "the":
# "went to Dirty Nelly's for one drink", "the Lucky Lou's parking lot".
_POSSESSIVE_RUN_RE = re.compile(
    r"(?<![\w'’@.-])(?P<run>[A-ZÀ-Ý][\w’]*(?:[ \t]+[A-ZÀ-Ý][\w’]*)*[ \t]+[A-ZÀ-Ý][\w]*['’]s)"
    r"(?![\w'’])"
)


def _possessive_venues(t: Text) -> list[Span]:
    """A bar, diner or shop named for its owner is written with a possessive ("Dirty Nelly's",
    "Lucky Lou's"): two capitalised words or more ending with "'s" right after a place word or
    "the" are one place, the possessive with it; one word alone is a person's home ("at
    Sarah's") and a chain is nobody's ("Tim Horton's")."""
    if "'s" not in t.text and "’s" not in t.text:
        return []
    before = place_words(t.lang) | {"the"}
    out = []
    for m in _POSSESSIVE_RUN_RE.finditer(t.text):
        if word_before(t.text, m.start()) not in before:
            continue
        run = m.group("run")
        words = [fold(w) for w in re.split(r"[ \t]+", run[:-2])]
        if fold(run) in _chain_keys() or fold(run[:-2]) in _chain_keys():
            continue
        if any(
            vocabulary().classes_of(w, t.lang) & {"relation", "title", "pronoun"} for w in words
        ):
            continue  # "My Mom's", "Dr. Lee's"
        out.append(Span(m.start("run"), m.end("run"), "LOCATION", 0.8))
    return out


# Words of a venue's name that say what kind of place it is, not which ("Community Health
# Centre", "The Women's Drop-In"), and little words.
_GENERIC = frozenset({"venue", "program", "determiner", "pronoun", "weekday", "title", "link"})


def _capitalised(word: str, text: str) -> bool:
    return word.capitalize() in text or word.upper() in text  # ("Parkdale CHC")


@cache
def _venue_keys() -> frozenset[str]:
    """Each venue word's first part as `Text.lower_words` holds it ("drop-in": "drop")."""
    return frozenset(re.split(r"[^\w]", w)[0] for w in vocabulary().words("venue"))


@cache
def _chain_keys() -> frozenset[str]:
    return frozenset(fold(w) for w in vocabulary().words("chain"))


def _venue_heads(text: str, spans: list[Span]) -> list[Span]:
    """A capitalised venue word right before a found name makes one place with it, whatever
    the name was taken for: "Café Cléopâtre", "Motel Riviera", "Maison Marguerite"."""
    vocab, out = vocabulary(), []
    for span in spans:
        m = _VENUE_BEFORE_RE.search(text, max(0, span.start - 20), span.start)
        if (
            m is not None
            and text[span.start].isupper()
            and "venue" in vocab.classes_of(fold(m.group(1)), "mixed")
            and fold(m.group(1)) != "chez"
        ):
            span = Span(m.start(1), span.end, "LOCATION", span.confidence, span.uncertain)
        out.append(span)
    return out


def _place_start(tokens: list[Tok], first: int, last: int, lang: str) -> int:
    """A place starts with a capital or with a word of a place class ("parc", "rue",
    "quartier", "the"): a lower-case word of no such class before the name is the sentence
    ("filles de Rivière-des-Prairies", "gars du Plateau")."""
    keep = frozenset((*_KEEP, "determiner", "place_before"))
    while (
        first < last
        and tokens[first].text[0].islower()
        and not vocabulary().classes_of(tokens[first].key, lang) & keep
    ):
        first += 1
    return first


def _cut(text: str, tokens: list[Tok], first: int, last: int) -> tuple[int, int] | None:
    """A tagged stretch ends where a sentence or a line ends inside it ("Mont-Royal. Feels":
    what follows the end only continued the stretch); the full stop of an abbreviation or an
    initial ends nothing ("St. Clair", "J. Roy")."""
    pieces = _pieces(text, tokens, first, last)
    return pieces[0] if pieces and pieces[0][0] == first else None


def _pieces(text: str, tokens: list[Tok], first: int, last: int) -> list[tuple[int, int]]:
    out, start = [], first
    for i in range(first, last + 1):
        tok = tokens[i]
        ends = i > first and "\n" in text[tokens[i - 1].end : tok.start]
        if tok.text in ".!?…" and i > first:
            prev = tokens[i - 1].text
            short = len(prev) <= 3 and prev[:1].isupper() and prev.isalpha()
            ends = ends or not (tok.text == "." and short)
        if ends:
            if i - 1 >= start:
                out.append((start, i - 1))
            start = i + 1 if tok.text in ".!?…" else i
    if start <= last:
        out.append((start, last))
    return out


def find(t: Text) -> list[Span]:
    """Names and places, each with the tagger's confidence."""
    seq = tagger.featurizer().sequence(t.text, t.lang, t.lower_words)
    spans: list[Span] = []
    for f in tagger.tag(seq):
        tokens = f.tokens
        first = f.first
        while (
            f.kind == "PERSON"
            and first < f.last
            and tokens[first].text[0].isupper()
            and not f.candidate[first]
        ):
            first += 1  # "Meeting Candy": a capitalised word that cannot be a name starts none
        cut = _cut(t.text, tokens, first, f.last)
        span = _span(tokens, *cut, f, seq.lang) if cut else None
        if span is not None:
            spans.append(span)
            if cut and span.kind == "PERSON" and not span.uncertain:
                spans += _pair(tokens, *cut, f, seq.lang, span)
    spans += _before_verbs(t.text, seq, spans) + _at_home_of(seq, spans)
    spans += _after_contact_verbs(seq, spans) + _titles_alone(seq, spans)
    spans = _initials(t.text, _corners(t.text, _venue_heads(t.text, spans), seq.lang), seq.lang)
    spans += _venue_runs(t, spans) + _possessive_venues(t)
    spans += _titled_initials(t)
    spans += (
        _titled_names(t, spans)
        + _lower_titled_names(t)
        + _named_by_cue(t)
        + _lower_places(t)
        + _named_after(t)
    )
    spans += _lower_area_names(t) + _glottal_places(t) + _lower_venues(t)
    spans += _person_nouns_after(t) + _signatures(t) + _salutations(t) + _people_from(t)
    spans += _dotted_initials(t) + _bare_subjects(t, spans)
    spans += _listed_people(t, spans)
    spans += _nickname_prefixes(t, spans) + _prefixed_nicknames(t) + _saint_prefixes(t, spans)
    spans += _cued_prefixed_nicknames(t)
    found = propagate.values(t.text, spans)
    spans += propagate.carry(t.text, found)
    return spans


_PERSON_WORDS = frozenset({"title", "relation", "pronoun", "determiner", "program"})


def _before_verbs(text: str, seq: Sequence, found: list[Span]) -> list[Span]:
    """A name-list word right before a person verb ("marie-soleil est revenue", "tasha m'a
    dit") or joined to the writer or taken up by a pronoun ("kels n me", "kimi, elle est"),
    a capitalised word no list knows before a verb in the past ("Abshir fixed my phone"), or a
    listed name no dictionary knows in lower case (`_clear_lower_name`) that the tagger left
    out is offered as "maybe identifying": hidden, and the participant decides."""
    feat = tagger.featurizer()
    covered = {(s.start, s.end) for s in found}
    starts = {s.start for s in found}
    out = []
    for chunk in seq.chunks:
        for tok, candidate in zip(chunk.tokens, chunk.candidate, strict=True):
            if not candidate or tok.start in starts or (tok.start, tok.end) in covered:
                continue
            flags = feat.lexical(tok.key, seq.lang)[1]
            named = (
                "f" in flags or "w" in flags or _first_named(tok.key) or _calendar_name(tok, seq)
            )
            if vocabulary().classes_of(tok.key, "mixed") & _PERSON_WORDS:
                continue  # "Maman est venue": a kin or title word, not a name
            if tok.text[0].islower() and feat.determined(text, tok.start, seq.lang):
                continue  # "my summer went by", "la rose m'a fait du bien": a thing
            unknown = _unknown_name(tok) and not feat.determined(text, tok.start, seq.lang)
            joined = feat.writer_follows(text, tok.end, seq.lang, tok.start)  # "kels n me"
            unknown = unknown or (joined and tok.text.islower() and _lower_name_like(tok.key))
            if (
                _clear_lower_name(tok, seq)
                or (named and (joined or feat.verb_follows(text, tok.end, seq.lang)))
                or (unknown and (joined or feat.verb_follows(text, tok.end, seq.lang, past=True)))
            ):
                out.append(Span(tok.start, tok.end, "PERSON", 0.5, True))
    return out


def _clear_lower_name(tok: Tok, seq: Sequence) -> bool:
    """A word in lower case that no dictionary knows and a name list does is a name where it
    opens a clause with any verb after it ("marisa posted", "brooke got doxxed") and, in a text
    written without capitals, anywhere when it has four letters or more ("found tanya!!!": this
    writer writes every name so). The lists hold names without accents: "jasé" is no "Jase"."""
    if not tok.text.islower() or not _lower_name_like(tok.key):
        return False
    listed = tok.text.isascii() and len(tok.key) >= 4 and tok.key in lexicon().first_names
    if listed and seq.casual:
        return True
    feat, text, lang = tagger.featurizer(), seq.text, seq.lang
    return feat.opens_clause(text, tok.start, lang) and (
        feat.verb_follows(text, tok.end, lang, past=True)
        or feat.any_verb_follows(text, tok.end, lang)
    )


def _calendar_name(tok: Tok, seq: Sequence) -> bool:
    """A French month or weekday with a capital in a French entry, which writes them in lower
    case: a name ("où Juin travaille"), when it does not open a sentence."""
    if seq.lang != "fr" or not tok.text[0].isupper():
        return False
    return tok.key in tagger.featurizer().calendar and not _opens_sentence(seq.text, tok.start)


# A sentence's or a line's start, maybe a list mark, quote or bracket after it.
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:\n])[ \t\"«(*•-]*$")


def _opens_sentence(text: str, at: int) -> bool:
    return _SENTENCE_START_RE.search(text, max(0, at - 8), at) is not None or not text[:at].strip()


def _at_home_of(seq: Sequence, found: list[Span]) -> list[Span]:
    """A first name in lower case right after a word for someone's home ("chez margaux",
    "at jen's") that the tagger left readable is offered as "maybe identifying"; an ordinary
    word or a listed place is not ("chez nous", "at dundas")."""
    homes = _class_keys("home_word", seq.lang)
    lex, covered = lexicon(), {s.start for s in found}
    out = []
    for chunk in seq.chunks:
        tokens = chunk.tokens
        for i in range(1, len(tokens)):
            tok = tokens[i]
            if tokens[i - 1].key not in homes or not tok.text.islower() or tok.start in covered:
                continue
            key = tok.key
            if key in lex.first_names and not lex.ordinary(key) and key not in lex.places_single:
                out.append(Span(tok.start, tok.end, "PERSON", 0.5, True))
    return out


@cache
def _class_keys(name: str, lang: str) -> frozenset[str]:
    """The folded words of one vocabulary class in the entry's language (both when mixed)."""
    return frozenset(fold(w) for w in vocabulary().words(name, None if lang == "mixed" else lang))


@cache
def _contact_phrases() -> frozenset[tuple[str, ...]]:
    return frozenset(phrase_keys(w) for w in vocabulary().words("contact_verb"))


_PREPOSITION_KEYS = frozenset(fold(w) for w in CUE_PREPOSITIONS)  # (tokens' keys are folded)


def _after_contact_verbs(seq: Sequence, found: list[Span]) -> list[Span]:
    """A capitalised word right after a verb of contact ("text Moose about it", "merci Tia"),
    or a lower-case word no dictionary knows ("merci kass", "texte à kenza"), that the tagger
    left readable is offered as "maybe identifying": the participant decides."""
    phrases, covered = _contact_phrases(), {s.start for s in found}
    out = []
    for chunk in seq.chunks:
        tokens = chunk.tokens
        for i, tok in enumerate(tokens):
            if not chunk.candidate[i] or tok.start in covered:
                continue
            if not tok.text[:1].isupper() and not _lower_name_like(tok.key):
                continue
            if vocabulary().classes_of(tok.key, seq.lang) & _PERSON_WORDS:
                continue  # "call Mom": a relation word
            before = tuple(t.key for t in tokens[max(0, i - 4) : i])
            if before[-1:] and before[-1] in _PREPOSITION_KEYS:
                before = before[:-1]  # "texte à dom": the verb's preposition
            if any(before[-k:] in phrases for k in range(1, len(before) + 1)):
                out.append(Span(tok.start, tok.end, "PERSON", 0.5, True))
    return out


def _lower_name_like(key: str) -> bool:
    """A lower-case word that can be a name by itself: no dictionary knows it, and a name list
    does or none does ("kass", "dayana"; not "beaucoup")."""
    lex = lexicon()
    if len(key) < 3 or not key.isalpha() or lex.ordinary(key) or key in lex.not_pii:
        return False
    return key not in lex.places_single and key not in lex.big_places


def _titles_alone(seq: Sequence, found: list[Span]) -> list[Span]:
    """A title that is also a first name ("Tia", "Lola", "Tito"), capitalised with no name after
    it, that the tagger left readable is offered as "maybe identifying": "Croisé Tia au local"
    (tía is a title), while "Tía Rosa" keeps the title readable."""
    feat, covered = tagger.featurizer(), {s.start for s in found}
    out = []
    for chunk in seq.chunks:
        tokens = chunk.tokens
        for i, tok in enumerate(tokens):
            if tok.start in covered or tok.key in feat.lex.common_words:
                continue
            if "title" not in vocabulary().classes_of(tok.key, seq.lang):
                continue
            if _title_as_name(tokens, i, i, feat):
                out.append(Span(tok.start, tok.end, "PERSON", 0.5, True))
    return out


def _first_named(key: str) -> bool:
    """A compound led by a first name ("marie-soleil", "jean-phil")."""
    head = key.split("-", 1)[0]
    return "-" in key and head in lexicon().first_names


# An initial after a name: "Roz M.", "Kim L." ("I" and "A" only with their full stop).
_INITIAL_RE = re.compile(r"[ \t]+(?:[B-HJ-Z](?:\.|(?=[ \t]*(?:[,;:!?)\n]|$)))|[AI]\.)(?![\w'’])")


# An initial before a name: "— M. Blackbird", "J. Okafor called" (in French "M." is Monsieur,
# a title, and stays out).
_INITIAL_BEFORE_RE = re.compile(r"(?<![\w'’.])(?P<letter>[A-Z])\.[ \t]?$")


def _initials(text: str, spans: list[Span], lang: str) -> list[Span]:
    """A person's span takes the initial written right after it ("Roz M.") or right before it
    ("J. Okafor")."""
    out = []
    for span in spans:
        if span.kind != "PERSON":
            out.append(span)
            continue
        start, end = span.start, span.end
        m = _INITIAL_RE.match(text, end)
        if m is not None:
            end = m.end() - (m.group().endswith("."))
        b = _INITIAL_BEFORE_RE.search(text, max(0, start - 3), start)
        if b is not None and not (b.group("letter") == "M" and lang != "en"):
            start = b.start()
        if (start, end) != (span.start, span.end):
            span = Span(start, end, "PERSON", span.confidence, span.uncertain)
        out.append(span)
    return out


@cache
def _titled_initial_re() -> re.Pattern[str]:
    """A title, then one letter: "dr f", "Dr. F", "Officer K." (the letter is the person)."""
    words = [w for w in vocabulary().words("title") if len(w) > 2 and w.isalpha()]
    titles = trie_regex([[re.escape(c) for c in w] for w in [*words, "dr", "mr", "ms"]])
    return re.compile(
        rf"(?i:(?<![\w'’]){titles})\.?[ \t]+(?P<letter>[A-Za-z])(?![\w'’@-])"
        r"(?!\.\w)"
    )


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for w in vocabulary().words("title") if w.isalpha())


def _titled_initials(t: Text) -> list[Span]:
    text = t.text
    out: list[Span] = []
    present = tuple(t.lower_words & _title_words())
    if not present:
        return out  # no title in the text: nothing to look for
    windows = t.word_windows(present, before=1, after=16)
    for m in finditer(_titled_initial_re(), text, windows):
        letter = m.group("letter")
        if letter in "aAI" and text[m.end() : m.end() + 1] != ".":
            continue  # "Nurse I think", "the doctor a bit later": words, not initials
        out.append(Span(m.start("letter"), m.end("letter"), "PERSON"))
    return out


_CUE_CLASSES = ("title", "relation")
# What a word after a title is not: a class of words that name nobody.
_NOT_AFTER_TITLE = ("pronoun", "determiner", "weekday", "program", "title", "relation", "venue")
# A capitalised word, hyphens and elisions inside ("Marie-Ève", "D'Amours"), a possessive out.
_NAME_WORD = r"[A-ZÀ-ÖØ-Ý][^\W\d_]+(?:-[^\W\d_]+|['’](?![sS](?!\w))[^\W\d_]+)*"


_AFTER_CUE_RE = re.compile(rf"(\.?)[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})(?![\w@])")


@cache
def _short_titles() -> frozenset[str]:
    """Titles short enough to be written with a full stop ("Dr.", "Mme."): after a longer cue
    ("girl.") the full stop ends a sentence."""
    return frozenset(fold(w) for w in vocabulary().words("title") if 1 < len(w) <= 4)


@cache
def _cue_words(lang: str) -> frozenset[str]:
    """The single-word titles and person words, as `Text.lower_words` holds them (a phrase's
    last word is one of its class too: "ma tante", "social worker")."""
    vocab = vocabulary()
    return frozenset(
        w.lower()
        for c in _CUE_CLASSES
        for w in vocab.words(c, lang)
        if len(w) > 1 and re.fullmatch(r"[a-zà-ÿ]+", w.lower())
    )


def _person_word(key: str) -> bool:
    """A word after a title that can be the person: a listed name, or a word no dictionary
    knows; a big place or a chain that is also a name ("France", "Desjardins") is one here."""
    lex = lexicon()
    if vocabulary().classes_of(key, "mixed") & frozenset(_NOT_AFTER_TITLE):
        return False
    if key in lex.first_names or key in lex.surnames or key in lex.working_names:
        return True
    return not (
        key in lex.not_pii
        or key in lex.common_words
        or key in lex.french_words
        or key in lex.rare_words
        or key in lex.big_places
    )


def _titled_names(t: Text, found: list[Span]) -> list[Span]:
    """A capitalised name right after a title or a person word is a person, even when the
    tagger's lists call it a place or a chain ("Nurse Desjardins", "ma tante France", "Dr.
    Kamal Benali"); the title stays outside. Each cue word is found by a plain search, and
    the name is matched right after it."""
    present = t.lower_words & _cue_words(t.lang)
    if not present:
        return []
    text, lower = t.text, t.lower
    out = []
    n = len(lower)
    for cue in present:
        at = lower.find(cue)
        while at != -1:
            end = at + len(cue)
            if (at == 0 or not (lower[at - 1].isalnum() or lower[at - 1] in "'’.@-")) and (
                end == n or not lower[end].isalnum()
            ):
                m = _AFTER_CUE_RE.match(text, end)
                if m is not None and (not m.group(1) or cue in _short_titles()):
                    span = _titled_name(m, text)
                    if span is not None:
                        out.append(span)
            at = lower.find(cue, end)
    return out


@cache
def _lower_title_re(lang: str) -> re.Pattern[str]:
    titles = _lower_titles(lang)
    alternation = "|".join(sorted((re.escape(w) for w in titles), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w'’@.-])(?:{alternation})\.?[ \t]+"
        r"(?P<name>[a-zà-ÿ][a-zà-ÿ'’-]+)(?![\w'’@-])(?!\.\w)"
    )


def _lower_titled_names(t: Text) -> list[Span]:
    """A name in lower case right after a title in lower case, as texting writes both: "avec
    dr nguyen", "nurse deb showed us" (a name list must know it and no dictionary: "dr appt",
    "nurse practitioner" stay readable); the title stays outside."""
    langs = ("en", "fr") if t.lang == "mixed" else (t.lang,)
    if all(t.lower_words.isdisjoint(_lower_titles(x)) for x in langs):
        return []
    lex, out = lexicon(), []
    for x in langs:
        for m in _lower_title_re(x).finditer(t.text):
            key = fold(m.group("name"))
            if not (key in lex.first_names or key in lex.surnames) or lex.ordinary(key):
                continue
            if vocabulary().classes_of(key, "mixed") or key in lex.not_pii:
                continue
            out.append(Span(m.start("name"), m.end("name"), "PERSON", 0.9))
    return out


@cache
def _lower_titles(lang: str) -> frozenset[str]:
    """Titles of two letters or more that are no little word too ("Me", a lawyer's title in
    French, is "me")."""
    vocab, little = vocabulary(), {"pronoun", "possessive", "determiner", "link", "person_before"}
    return frozenset(
        w
        for w in vocab.words("title", lang)
        if len(w) > 1 and w.isalpha() and not vocab.classes_of(fold(w), "mixed") & little
    )


@cache
def _after_naming_re(lang: str) -> re.Pattern[str]:
    """Little linking words, then a capitalised name, right after a naming phrase: "is
    Cherry", "c'est « Praline »"."""
    link_words = vocabulary().words("link", lang)

    def pieces(w: str) -> list[str]:
        return [r"\s*" if c == " " else r"['’]" if c in "'’" else re.escape(c) for c in w]

    elided = trie_regex([pieces(w) for w in link_words if w[-1:] in "'’" and len(w) > 1])
    links = trie_regex([pieces(w) for w in link_words if w[-1:] not in "'’" or len(w) == 1])
    return re.compile(
        rf"(?![\w])(?:\s*[):])*(?:\s*(?i:{elided}|{links}(?![\w])))*?\s*(?P<name>{_NAME_WORD})(?![\w@])"
    )


# Naming phrases too weak for a rule ("I'm Tired"): left to the tagger's features.
_WEAK_NAMING = frozenset({"i'm", "im", "i am", "dit", "dite", "j' ai dit", "contact", "signed"})


def _naming_phrases(lang: str) -> tuple[str, ...]:
    return tuple(
        w for w in vocabulary().words("naming_cue", lang) if len(w) > 2 and w not in _WEAK_NAMING
    )


@cache
def _naming_words(lang: str) -> dict[str, tuple[str, ...]]:
    """The naming phrases as a lowered text writes them ("s'appelle", "name is"), by their
    longest word as `Text.lower_words` holds it: the text is searched only for the phrases
    whose word it holds, by plain search."""
    out: dict[str, list[str]] = {}
    for w in _naming_phrases(lang):
        pieces = re.findall(r"[a-zà-ÿ]+", w.lower())
        if pieces:
            out.setdefault(max(pieces, key=len), []).append(w.lower().replace("' ", "'"))
    return {k: tuple(v) for k, v in out.items()}


# A name the sentence after it says is one: "River is my name at work", "Cerise, c'est mon nom
# de scène", "Honey (yes that's her real name)", "bear is his actual name lol", "Marcus, who
# drove". The possessive and the noun are what make it a name: any word that has no role of its
# own, even an everyday word in lower case; "who" needs a listed name or a word no list knows.
_NAME_AFTER_RE = re.compile(
    rf"(?P<name>{_NAME_WORD}|[a-zà-ÿ][^\W\d_]+)"
    r"(?:(?:,?[ \t]+(?:is|was|c['’]est|c['’]était|est|était)"
    r"|[ \t]*\([ \t]*(?:(?:yes|yeah|yep|oui|ouais)[ \t]*,?[ \t]*)?"
    r"(?:that['’]s|that[ \t]+is|it['’]s|c['’]est))[ \t]+"
    r"(?:my|her|his|their|our|mon|son|ton|notre|leur|sa|ma)[ \t]+(?:[^\W\d_]+[ \t]+){0,2}?"
    r"(?:name|nom|prénom)(?![\w'’])|,[ \t]+who[ \t]+)"
)
_NAME_AFTER_WORDS = frozenset({"name", "nom", "prénom", "who"})


def _named_after(t: Text) -> list[Span]:
    """A word the words after it name as a person (see _NAME_AFTER_RE)."""
    if t.lower_words.isdisjoint(_NAME_AFTER_WORDS):
        return []
    lex, out = lexicon(), []
    for m in _NAME_AFTER_RE.finditer(t.text):
        word = m.group("name")
        key = fold(word)
        if vocabulary().classes_of(key, "mixed") & frozenset(_NOT_AFTER_TITLE):
            continue
        if m.group().endswith(" "):
            # "Marcus, who drove": only a capitalised listed name or a word no list knows
            if not word[0].isupper() or not (
                key in lex.first_names or key in lex.working_names or _unknown(key)
            ):
                continue
        elif key in lex.not_pii or key in lex.big_places:
            continue  # "Monday is my day", "Toronto is my city": no "name" there anyway
        out.append(Span(m.start("name"), m.end("name"), "PERSON", 0.9))
    return out


# A name, then a person word that says who it is: an apposition ("Marine, la stagiaire",
# "Desjardins, the public health nurse") or a possessive ("Sky's mom", "Dee's boyfriend").
@cache
def _person_nouns() -> frozenset[str]:
    """Relation and title words, and their plain plurals, as `Text.lower_words` holds them."""
    vocab = vocabulary()
    words = {w.lower() for c in _CUE_CLASSES for w in vocab.words(c) if w.isalpha() and len(w) > 2}
    return frozenset(words | {w + "s" for w in words})


@cache
def _apposition_re() -> re.Pattern[str]:
    """A name, then a person word that says who it is: an apposition ("Marine, la stagiaire",
    "Desjardins, the public health nurse") or a possessive ("Sky's mom", "Dee's boyfriend")."""
    nouns = trie_regex([[re.escape(c) for c in w] for w in _person_nouns()])
    return re.compile(
        rf"(?P<name>{_NAME_WORD})(?:,[ \t]+(?:the|a|an|my|our|her|his|la|le|l['’]|ma|mon|notre"
        r"|un|une)[ \t]*(?:[^\W\d_]+[ \t]+){0,3}?|['’]s[ \t]+(?:[^\W\d_]+[ \t]+)??)"
        rf"(?i:{nouns})(?![\w'’-])"
    )


@cache
def _apposition_after_re() -> re.Pattern[str]:
    """A person word with its article, then a name set off by commas: "The outreach nurse,
    Adaeze, took...", "mon intervenante, Maude, m'a rappelée"."""
    nouns = trie_regex([[re.escape(c) for c in w] for w in _person_nouns()])
    return re.compile(
        r"(?<![\w'’])(?i:the|my|our|her|his|their|la|le|l['’]|ma|mon|notre|son|sa)[ \t]*"
        rf"(?:[^\W\d_]+[ \t]+){{0,2}}?(?i:{nouns}),[ \t]+(?P<name>{_NAME_WORD})[ \t]*,"
    )


def _person_nouns_after(t: Text) -> list[Span]:
    """A capitalised name beside a person word that says who it is, as an apposition (either
    way round) or after a possessive: a listed first or working name or a word no list knows."""
    nouns = _person_nouns()
    if t.lower_words.isdisjoint(nouns):
        return []
    lex, out = lexicon(), []
    found = [*_apposition_re().finditer(t.text), *_apposition_after_re().finditer(t.text)]
    for m in found:
        key = fold(m.group("name"))
        if vocabulary().classes_of(key, "mixed") & frozenset(_NOT_AFTER_TITLE):
            continue
        if key in lex.first_names or key in lex.working_names or key in lex.surnames:
            if not (key in lex.common_words and key not in lex.first_names):
                out.append(Span(m.start("name"), m.end("name"), "PERSON", 0.9))
        elif _unknown(key):
            out.append(Span(m.start("name"), m.end("name"), "PERSON", 0.9))
    return out


# A person named by where the writer knows them from, then a verb: "Faith from the Tuesday group
# wants a ride", "honey from group saw him", "Ginette du groupe m'a dit".
_FROM_RE = re.compile(
    rf"(?<![\w'’@.-])(?P<name>{_NAME_WORD}|[a-zà-ÿ][a-zà-ÿ'’-]{{2,}})[ \t]+"
    r"(?i:from|du|des|de[ \t]+la|de[ \t]+l['’]|de)(?![\w'’])[ \t]*(?:(?i:the|my|our)[ \t]+)?"
)
_NEXT_WORD_RE = re.compile(r"[ \t]*(?:[lLdD]['’])?([^\W\d_][\w-]*)")  # ("l'équipe": équipe)
_FROM_WORDS = frozenset({"from", "du", "des", "de"})


def _people_from(t: Text) -> list[Span]:
    """A word before "from the (Tuesday) group" / "du groupe" and a person verb is a person:
    sure for a listed name, "maybe identifying" for an everyday word ("Faith", "honey")."""
    if t.lower_words.isdisjoint(_FROM_WORDS):
        return []
    lex, vocab, out = lexicon(), vocabulary(), []
    for m in _FROM_RE.finditer(t.text):
        if not _group_then_verb(t, m.end()) or tagger.featurizer().determined(
            t.text, m.start(), t.lang
        ):
            continue  # "la rosalie du jardin m'a fait...": a thing
        word, key = m.group("name"), fold(m.group("name"))
        if vocab.classes_of(key, "mixed") & _SIGNED_NOBODY or key in lex.not_pii:
            continue  # "Someone from the clinic called", "Help from the group was..."
        listed = key in lex.first_names or key in lex.working_names
        if word[0].islower() and not listed:
            continue
        sure = listed and not lex.ordinary(key)
        out.append(Span(m.start("name"), m.end("name"), "PERSON", 0.9 if sure else 0.5, not sure))
    return out


def _listed_people(t: Text, found: list[Span]) -> list[Span]:
    """The other one-word items of a list that holds a found person are people too when a name
    list knows them or no dictionary does: "sara, meg, yas, rox pis la nouvelle, kiki",
    "Wen, Kateri and Thandi". The list runs on through commas and joining words; an item of
    a few words ("la nouvelle", "the two new ones") or a dictionary word ("milk, eggs") is
    passed over, not taken, and a clause ("qui vient de...") ends the list."""
    people = [s for s in found if s.kind == "PERSON"]
    if not people:
        return []
    text, taken, out = t.text, {(s.start, s.end) for s in found}, []
    for anchor in people:
        if not _list_item_at(text, anchor.start, anchor.end):
            continue
        lower_list = text[anchor.start].islower()
        for start, end in _list_items(text, anchor.start, anchor.end, t.lang):
            named = _named_item(text[start:end], t.lang, lower_list)
            if (start, end) in taken or named is False:
                continue
            taken.add((start, end))
            maybe = anchor.uncertain or named is None
            out.append(
                Span(start, end, "PERSON", min(anchor.confidence, 0.5 if maybe else 1.0), maybe)
            )
    return out


# One list separator: a comma, or a joining word between spaces ("pis", "and", "n", "&").
_SEP = r"(?:[ \t]*,[ \t]*|[ \t]+(?i:and|n|et|pis|or|ou|&|\+)[ \t]+|[ \t]*&[ \t]*)"
_ITEM_AFTER_RE = re.compile(
    rf"{_SEP}(?P<item>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){{0,2}}?)"
    rf"(?={_SEP}|[ \t]*(?:[.;:!?)\n]|$))"
)
_ITEM_BEFORE_RE = re.compile(
    rf"(?:^|(?<=[\n(:•*-])|(?<=[,;.!?]\s)|{_SEP})[ \t]*(?P<item>[^\W\d_][\w'’-]*"
    rf"(?:[ \t]+[^\W\d_][\w'’-]*){{0,2}}?){_SEP}$"
)
# The first item of a list, right after the person word that opens it: "avec Avril, Noémie".
_CUED_ITEM_RE = re.compile(rf"(?<![\w'’])(?P<cue>[^\W\d_]+)[ \t]+(?P<item>[^\W\d_][\w'’-]*){_SEP}$")
_LAST_ITEM_RE = re.compile(rf"{_SEP}(?P<item>[^\W\d_][\w'’-]*)(?=[ \t]+[^\W\d_])")
_LIST_END_RE = re.compile(rf"{_SEP}|[ \t]*(?:[.;:!?)\n]|$)")
_SEP_END_RE = re.compile(rf"{_SEP}$")


def _list_item_at(text: str, start: int, end: int) -> bool:
    """Whether a found name stands as an item of a list: a separator on one side of it, and on
    the other a separator or the end of the clause."""
    after = _LIST_END_RE.match(text, end)
    before = _SEP_END_RE.search(text[max(0, start - 8) : start])
    sep_after = after is not None and after.group().strip(" \t") not in ("", ".", "!", "?")
    return (before is not None and after is not None) or (sep_after and before is None)


def _list_items(text: str, start: int, end: int, lang: str) -> Iterator[tuple[int, int]]:
    """The one-word items of the list around [start, end), nearest first, on both sides (at
    most eight each way); the last item may end before the list's verb ("lil and yaz both
    got...")."""
    at = end
    for _ in range(8):
        m = _ITEM_AFTER_RE.match(text, at)
        if m is None:
            m = _LAST_ITEM_RE.match(text, at)
            if m is not None and tagger.featurizer().any_verb_follows(text, m.end("item"), lang):
                yield m.start("item"), m.end("item")
            break
        if " " not in m.group("item") and "\t" not in m.group("item"):
            yield m.start("item"), m.end("item")
        at = m.end("item")
    at = start
    for _ in range(8):
        m = _ITEM_BEFORE_RE.search(text, max(0, at - 60), at)
        cued = _CUED_ITEM_RE.search(text, max(0, at - 60), at)
        if cued is not None and fold(cued.group("cue")) in _cue_keys():
            yield cued.start("item"), cued.end("item")  # "avec Avril, Noémie pis Kassandra"
            break
        if m is None:
            break
        if " " not in m.group("item") and "\t" not in m.group("item"):
            yield m.start("item"), m.end("item")
        at = m.start("item")


@cache
def _cue_keys() -> frozenset[str]:
    """Single person words that open a list of people: "with", "avec", "thx"."""
    return frozenset(fold(w) for w in vocabulary().words("person_before") if " " not in w)


def _named_item(word: str, lang: str, lower_list: bool) -> bool | None:
    """Whether a list item is a person (True), maybe one (None: a dictionary word that a name
    list knows, in a list written all in lower case: "sara, meg, kiki") or nobody (False)."""
    key = fold(word)
    if lang == "fr" and word[0].isupper() and key in tagger.featurizer().calendar:
        return None  # "Avec Janvier, Luc pis Serge": French writes its months in lower case
    if len(key) < 2 or vocabulary().classes_of(key, lang):
        return False  # "moi", "me", "mom", "the": a word with a role of its own
    if re.search(r"['’][a-zà-ÿ]", word):
        return False  # "l'animatrice", "d'accord": an elided article and a noun
    lex = lexicon()
    if key in lex.not_pii or key in lex.big_places:
        return False
    listed = key in lex.first_names or key in lex.working_names
    if lex.ordinary(key):
        # "Fine, Deb.", "Céleste, Grâce, Joie": capitalised everyday words are the tagger's
        return None if listed and lower_list and word.islower() else False
    # a word no list knows, in lower case, only in a lower-case list ("Ximena, mujer trans,
    # mexicana": words of another language describing a capitalised name)
    return listed or (
        _unknown(key) and (word[0].isupper() or (lower_list and key not in lex.places_single))
    )


def _group_then_verb(t: Text, at: int) -> bool:
    """Whether one of the next three words is a program or venue word with a person verb right
    after it ("the Tuesday group wants", "du groupe m'a dit")."""
    feat, vocab = tagger.featurizer(), vocabulary()
    for _ in range(3):
        w = _NEXT_WORD_RE.match(t.text, at)
        if w is None:
            return False
        at = w.end()
        if vocab.classes_of(fold(w.group(1)), t.lang) & {"program", "venue"}:
            return feat.verb_follows(t.text, at, t.lang)
    return False


@cache
def _signature_re() -> re.Pattern[str]:
    """A letter's closing, a comma or a line break, then one or two capitalised words ending the
    line: the writer's name ("Love always, Tee", "Bisous,\nNanou")."""
    words = vocabulary().words("closing")
    closings = trie_regex(
        [[r"\s*" if c == " " else r"['’]" if c in "'’" else re.escape(c) for c in w] for w in words]
    )
    return re.compile(
        rf"(?:^|(?<=[\n.!?]))[ \t]*(?i:{closings})[ \t]*(?:,[ \t]*\n?|\n)[ \t]*"
        rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)[ \t]*[.!]?[ \t]*(?=\n|$)",
        re.MULTILINE,
    )


def _signatures(t: Text) -> list[Span]:
    """The name that signs a letter-style entry after its closing, unless it is a relation or a
    pronoun ("Love, Mom", "xo, Me")."""
    if t.lower_words.isdisjoint(_closing_words()):
        return []
    out = []
    for m in _signature_re().finditer(t.text):
        keys = [fold(w) for w in m.group("name").split()]
        if any(vocabulary().classes_of(k, t.lang) & _SIGNED_NOBODY for k in keys):
            continue  # "Love always, Me", "Bisous, Maman": nobody's name
        out.append(Span(m.start("name"), m.end("name"), "PERSON", 0.9))
    return out


_SIGNED_NOBODY = frozenset({"pronoun", "relation", "program", "weekday", "big_place", "chain"})


@cache
def _salutation_re() -> re.Pattern[str]:
    """A letter's opening at the start of a line: a salutation, maybe a title, then one or two
    capitalised words before a comma, a colon, "!" or the line's end ("Dear Auntie May,")."""
    words = vocabulary().words("salutation")
    opening = trie_regex([[r"\s+" if c == " " else re.escape(c) for c in w] for w in words])
    titles = vocabulary().alternation("title", dotted=True)
    return re.compile(
        rf"^[ \t]*(?i:{opening})[ \t]+(?:(?i:{titles})[ \t]+)?"
        rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)[ \t]*(?:[,:!]|$)",
        re.MULTILINE,
    )


def _salutations(t: Text) -> list[Span]:
    """The person a letter-style entry is written to: a listed first, working or last name or
    a word no list knows, even a month or an everyday word ("Dear Auntie May,", "Chère Perle,";
    "Dear Diary,", "Dear Mom," and "Dear future me" name nobody)."""
    if t.lower_words.isdisjoint(_salutation_words()):
        return []
    lex, out = lexicon(), []
    for m in _salutation_re().finditer(t.text):
        keys = [fold(w) for w in m.group("name").split()]
        if any(vocabulary().classes_of(k, t.lang) & _WRITTEN_TO_NOBODY for k in keys):
            continue
        if all(
            k in lex.first_names or k in lex.working_names or k in lex.surnames or _unknown(k)
            for k in keys
        ):
            out.append(Span(m.start("name"), m.end("name"), "PERSON", 0.9))
    return out


# Initials alone are someone's name: "J.R. drove us", "J.-F. l'animateur est chill", "M.-È."
_DOTTED_RE = re.compile(r"(?<![\w.])[A-ZÀ-Ý]\.(?:-?[A-ZÀ-Ý]\.){1,2}(?![\w.])")


def _dotted_initials(t: Text) -> list[Span]:
    """Two or three initials with full stops name a person, unless the letters are a thing,
    a place or a title written that way ("P.S.", "B.C.", "N.-B.", "R.N.": the
    `dotted_abbreviation` class) or a big place ("U.S.A.")."""
    if "." not in t.text:
        return []
    vocab, lex, out = vocabulary(), lexicon(), []
    for m in _DOTTED_RE.finditer(t.text):
        key = fold(m.group().replace(".", "").replace("-", ""))
        if "dotted_abbreviation" in vocab.classes_of(key, "mixed") or key in lex.big_places:
            continue
        out.append(Span(m.start(), m.end(), "PERSON", 0.8))
    return out


@cache
def _salutation_words() -> frozenset[str]:
    """The last word of each salutation, as `Text.lower_words` holds it (a cheap first test)."""
    return frozenset(w.lower().split()[-1] for w in vocabulary().words("salutation"))


# (a month after "Dear" is a name: "Dear Auntie May", "Dear April")
_WRITTEN_TO_NOBODY = _SIGNED_NOBODY - {"weekday"}


@cache
def _closing_words() -> frozenset[str]:
    """The longest word of each closing, as `Text.lower_words` holds it (a cheap first test)."""
    return frozenset(
        max(re.findall(r"[^\W\d_]+", w.lower()), key=len) for w in vocabulary().words("closing")
    )


# A lower-case word opening a clause: after the text's start, a sentence's or a clause's mark,
# or a list mark.
_CLAUSE_WORD_RE = re.compile(
    r"(?:^|(?<=[.!?…\n:;,•*>(]))[ \t\-]*(?P<word>[a-zà-ÿ][a-zà-ÿ-]{2,})(?![\w'’@.])", re.M
)
# What a French word opening a clause as its subject can be without being a person.
_NOT_SUBJECT = frozenset(
    {
        "pronoun",
        "determiner",
        "possessive",
        "program",
        "weekday",
        "venue",
        "relation",
        "title",
        "link",
        "joiner",
        "person_verb",
        "auxiliary",
        "verb_adverb",
        "language_marker",
        "place_before",
        "person_before",
        "contact_verb",
        "chain",
        "big_place",
    }
)


def _bare_subjects(t: Text, found: list[Span]) -> list[Span]:
    """In French a noun opens a clause with its article ("la rose a fané"); a lower-case word
    opening one bare, with a person verb after it, is someone's name: "bijou est pas venue",
    "max a oublié sa tuque". Offered as "maybe identifying": the participant decides. (An
    English or mixed entry: `_bare_english_subjects`.)"""
    starts = {s.start for s in found}
    if t.lang != "fr":
        return _bare_english_subjects(t, starts)
    feat, lex, vocab = tagger.featurizer(), lexicon(), vocabulary()
    out = []
    for m in _CLAUSE_WORD_RE.finditer(t.text):
        at, end = m.start("word"), m.end("word")
        key = fold(m.group("word"))
        if at in starts or key in lex.not_pii or vocab.classes_of(key, "mixed") & _NOT_SUBJECT:
            continue
        if key.endswith("ieme") or ("-" in key and _verb_and_pronoun(key)):
            continue  # "deuxième partie", "écrivez-moi": an ordinal, a verb
        if len(key) > 5 and key[0] in "cdjlmnst" and key[1:] in lex.french_words:
            continue  # "lanimatrice a dit": an article written onto its noun
        if feat.verb_follows(t.text, end, "fr"):
            out.append(Span(at, end, "PERSON", 0.5, True))
    return out


def _bare_english_subjects(t: Text, starts: set[int]) -> list[Span]:
    """English lets mass nouns and plurals open a clause bare ("coffee helped", "plans
    changed"), but only a person does a `human_verb`: a bare singular lower-case word opening
    a clause before one is offered as a name ("tee brought her baby", "vale said"). Looked for
    from the verbs, which are few in a text, back to the word before each."""
    phrases = _human_verbs(t.lang)
    heads = t.lower_words & _human_verb_heads(t.lang)
    if not heads:
        return []
    text, out = t.text, []
    for head in heads:
        for at in occurrences(t.lower, head):
            if at == 0 or t.lower[at - 1] not in " \t":
                continue
            m = _BARE_WORD_BEFORE_RE.search(text, max(0, at - 40), at)
            if m is not None and _bare_subject(text, m, starts, phrases, t.lang):
                out.append(Span(m.start(1), m.end(1), "PERSON", 0.5, True))
    return out


_BARE_WORD_BEFORE_RE = re.compile(r"(?<![\w'’@.-])([a-zà-ÿ][a-zà-ÿ-]{2,})[ \t]+$")


def _bare_subject(
    text: str, m: re.Match[str], starts: set[int], phrases: frozenset[tuple[str, ...]], lang: str
) -> bool:
    """Whether the word before a human verb opens its clause bare and is no everyday subject."""
    if m.start(1) in starts or not tagger.featurizer().opens_clause(text, m.start(1), lang):
        return False
    key, lex = fold(m.group(1)), lexicon()
    if key in lex.not_pii or vocabulary().classes_of(key, lang) & _NOT_SUBJECT:
        return False  # (in the entry's language: "dre" is a French title, an English name)
    if key.endswith("s") and key[:-1] in lex.common_words:
        return False  # "plans said": a plural goes bare
    following = tuple(tok.key for tok in tokenize(text, m.end(1), min(len(text), m.end(1) + 30)))
    return any(following[:k] in phrases for k in (1, 2, 3))


@cache
def _human_verb_heads(lang: str) -> frozenset[str]:
    """The first words of the human verbs, as `Text.lower_words` holds them ("m'a dit": m)."""
    return frozenset(re.split(r"[^\w]", w[0])[0] for w in _human_verbs(lang))


@cache
def _human_verbs(lang: str) -> frozenset[tuple[str, ...]]:
    """English ones, and in a mixed entry French ones too ("tee a dit que...")."""
    words = vocabulary().words("human_verb", None if lang == "mixed" else "en")
    return frozenset(phrase_keys(w) for w in words)


# The word right before a position, and the spaces after it.
_WORD_BEFORE_RE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’]*)[ \t]+$")


def _word_before(text: str, at: int) -> re.Match[str] | None:
    return _WORD_BEFORE_RE.search(text, max(0, at - 30), at)


def _nickname_prefixes(t: Text, found: list[Span]) -> list[Span]:
    """A little word people put before a nickname is part of it, written in the same case right
    before a found person: "big dee", "ptite lou", "Little Rita", "Ti Kenny"."""
    prefixes = _class_keys("nickname_prefix", t.lang)
    out = []
    for span in found:
        if span.kind != "PERSON":
            continue
        m = _word_before(t.text, span.start)
        if m is None or fold(m.group(1)) not in prefixes:
            continue
        word, lower = m.group(1), t.text[span.start].islower()
        if (word.islower() and lower) or (word[0].isupper() and not lower):
            out.append(Span(m.start(1), span.end, "PERSON", span.confidence, span.uncertain))
    return out


# A saint's title right before a place: "St. Rafqa Church" ("Sainte-Justine", hyphenated, is one
# word already).
_SAINT_BEFORE_RE = re.compile(r"(?<![\w'’-])(?:St|Ste|Saint|Sainte)\.?[ \t]+$")


_ANY_WORD_BEFORE_RE = re.compile(r"(\w+)[ \t]+$")


def _street_word_before(text: str, at: int) -> bool:
    """Whether a number or a capitalised word stands right before `at` ("97 St.", "Main St.")."""
    m = _ANY_WORD_BEFORE_RE.search(text, max(0, at - 30), at)
    return m is not None and (m.group(1)[0].isdigit() or m.group(1)[0].isupper())


def _saint_prefixes(t: Text, found: list[Span]) -> list[Span]:
    """A place named after a saint starts with the saint's title: a place or a name found right
    after "St." is one place with it ("St. Rafqa Church", "Saint Bernadette Hall"; a saint's
    name identifies no participant)."""
    if "S" not in t.text:
        return []
    out = []
    for span in found:
        if span.kind in ("LOCATION", "PERSON"):
            m = _SAINT_BEFORE_RE.search(t.text, max(0, span.start - 8), span.start)
            if m is None or _street_word_before(t.text, m.start()):
                continue  # ("on 97 St. Bev paid", "Main St. Jo came": a street's word ends it)
            out.append(Span(m.start(), span.end, "LOCATION", span.confidence, span.uncertain))
    return out


# The French diminutive written onto a name or a word with a hyphen: "Ti-Guy", "tite-rose".
_DIMINUTIVE_RE = re.compile(
    r"(?<![\w'’@./-])(?i:ti|tit|tite|p['’]?tite?)-[^\W\d_]+(?:-[^\W\d_]+)?(?![\w'’@-])(?!\.\w)"
)


# A bigger word before a first name with a hyphen: "grand-jo", "Big-Mike", "grosse-lulu".
_SIZED_NAME_RE = re.compile(
    r"(?<![\w'’@./-])(?i:grand|grande|gros|grosse|big|lil)-(?P<name>[^\W\d_]+)(?![\w'’@-])(?!\.\w)"
)


def _prefixed_nicknames(t: Text) -> list[Span]:
    """A nickname made of the French diminutive and a name or a word, with a hyphen: "Ti-Guy",
    "tite-rose", "tit-loup" (in French and mixed entries; a dictionary word is not), or of a
    bigger word and a first name: "grand-jo", "Big-Mike" ("grand-mère" is a word)."""
    if "-" not in t.text:
        return []
    lex, out = lexicon(), []
    for m in _DIMINUTIVE_RE.finditer(t.text) if t.lang != "en" else ():
        key = fold(m.group())
        if lex.ordinary(key) or key in lex.not_pii or vocabulary().classes_of(key, "mixed"):
            continue
        out.append(Span(m.start(), m.end(), "PERSON", 0.9))
    for m in _SIZED_NAME_RE.finditer(t.text):
        key = fold(m.group())
        name = m.group("name")
        plain = not lex.ordinary(fold(name)) or name[0].isupper()  # not "grand-père"
        if fold(name) in lex.first_names and plain and not lex.ordinary(key):
            out.append(Span(m.start(), m.end(), "PERSON", 0.9))
    return out


@cache
def _spaced_prefix_re() -> re.Pattern[str]:
    prefixes = vocabulary().alternation("nickname_prefix")
    return re.compile(
        rf"(?<![\w'’@./-])(?i:{prefixes})[ \t]+(?P<name>[a-zà-ÿ][\w'’-]*)(?![\w'’@-])"
    )


def _cued_prefixed_nicknames(t: Text) -> list[Span]:
    """A nickname of a little word and a first name in lower case, after a person word ("w big
    mike", "avec ptite lou"): the cue and the prefix together say a person; a name that is an
    everyday word too is offered as "maybe identifying" ("saw little mark on my arm")."""
    if t.lower_words.isdisjoint(_class_keys("nickname_prefix", "mixed")):
        return []
    lex, cues, out = lexicon(), _class_keys("person_before", t.lang), []
    for m in _spaced_prefix_re().finditer(t.text):
        key = fold(m.group("name"))
        before = _word_before(t.text, m.start())
        if not m.group().islower() or before is None or fold(before.group(1)) not in cues:
            continue
        if key in lex.first_names or key in lex.working_names or _lower_name_like(key):
            sure = not lex.ordinary(key)  # "saw little mark on my arm": maybe a thing
            out.append(Span(m.start(), m.end(), "PERSON", 0.9 if sure else 0.5, not sure))
    return out


def _unknown_name(tok: Tok) -> bool:
    """A capitalised word of letters alone that no list knows ("Abshir"; not "Would've", not
    "Follow-up", whose parts are words)."""
    word = tok.text
    if not word[0].isupper() or not word.isalpha():
        return False
    return _unknown(tok.key)


def _unknown(key: str) -> bool:
    """No list and no vocabulary class knows the word ("Xiomara", "Bonbonne"); a verb and its
    pronoun are known words ("Suis-je", "Dis-moi"; "Ti-Guy" is a name)."""
    lex = lexicon()
    return not (
        _verb_and_pronoun(key)
        or vocabulary().classes_of(key, "mixed")
        or key in lex.common_words
        or key in lex.french_words
        or key in lex.rare_words
        or key in lex.surnames
        or key in lex.not_pii
        or key in lex.big_places
    )


def _verb_and_pronoun(key: str) -> bool:
    """A French inversion or imperative: ordinary words joined, the last a pronoun."""
    if "-" not in key:
        return False
    *head, last = key.split("-")
    return "pronoun" in vocabulary().classes_of(last, "fr") and all(
        lexicon().ordinary(part) for part in head if part != "t"
    )


def _named_by_cue(t: Text) -> list[Span]:
    """A capitalised name a naming phrase gives is a person even when it is an everyday word
    ("c'est Caramel", "goes by Sunny"): a listed name or a word no dictionary knows."""
    by_word = _naming_words(t.lang)
    present = t.lower_words & by_word.keys()
    if not present:
        return []
    lower = t.lower.replace("’", "'")
    text, lex, after = t.text, lexicon(), _after_naming_re(t.lang)
    out = []
    for word in present:
        for phrase in by_word[word]:
            at = lower.find(phrase)
            while at != -1:
                end = at + len(phrase)
                m = None
                if at == 0 or not lower[at - 1].isalnum():
                    m = after.match(text, end)
                if m is not None:
                    key = fold(m.group("name"))
                    if _titles_a_name(t, key, m.end("name")):
                        pass  # "Demander Dre Lamothe": the title is nobody, the name is found apart
                    elif (
                        key in lex.first_names
                        or key in lex.working_names
                        or _unknown(key)
                        or (phrase not in _ASKING_FOR and _everyday_named(key))
                    ):
                        out.append(Span(m.start("name"), m.end("name"), "PERSON", 0.9))
                at = lower.find(phrase, end)
    return out


# Naming phrases that ask for someone rather than say what they are called ("ask for Housing",
# "demander Accueil"): only a listed name or an unknown word is a name after them.
_ASKING_FOR = frozenset(
    {"ask for", "asked for", "demander", "demande pour", "rip", "shoutout to", "username"}
)


def _everyday_named(key: str) -> bool:
    """An everyday word a phrase names someone by ("nom de scène c'est Pistache", "goes by
    Sunny"): any word with no role of its own (not a program word, a weekday, a big city)."""
    lex = lexicon()
    return (
        len(key) > 2
        and not vocabulary().classes_of(key, "mixed")
        and key not in lex.big_places
        and key not in lex.not_pii
    )


def _titles_a_name(t: Text, key: str, end: int) -> bool:
    """A title word with a capitalised word after it ("Dre Lamothe", "Tía Rosa")."""
    if not vocabulary().classes_of(key, t.lang) & _TITLE_ONLY:
        return False
    rest = t.text[end : end + 3].lstrip(". \t")
    return rest[:1].isupper()


def _titled_name(m: re.Match[str], text: str) -> Span | None:
    start = end = m.start(2)
    for w in re.finditer(_NAME_WORD, m.group(2)):
        if not _person_word(fold(w.group())):
            break
        end = start + w.end()
    return Span(start, end, "PERSON", 0.9) if end > start else None


def _corners(text: str, spans: list[Span], lang: str) -> list[Span]:
    """Two found words joined by a joining word, one of them a place, are one corner ("Bank and
    Somerset", "Portage and Arlington"): the joining word is hidden with them."""
    ordered = sorted(spans)
    vocab = vocabulary()
    out: list[Span] = []
    for span in ordered:
        last = out[-1] if out else None
        if (
            last is not None
            and last.end <= span.start
            and (_placeish(last, span) or _after_place_word(text, last.start, lang))
        ):
            between = text[last.end : span.start].strip()
            if (
                0 < len(between) <= 4
                and text[last.end : span.start].count("\n") == 0
                and _streets_joined(text, last, span, between)
                and text[span.end : span.end + 2] not in ("'s", "’s")  # "at Bob and Ann's"
                and "joiner" in vocab.classes_of(fold(between), lang)
            ):
                out[-1] = Span(
                    last.start,
                    span.end,
                    "LOCATION",
                    min(last.confidence, span.confidence),
                    last.uncertain and span.uncertain,
                )
                continue
        out.append(span)
    return [_second_street(text, s, lang, ordered) for s in out]


_SECOND_RE = re.compile(rf"[ \t]+([^\W\d_]{{1,4}}|&|/)[ \t]+({_NAME_WORD})(?![\w@'’])")


def _second_street(text: str, span: Span, lang: str, found: list[Span]) -> Span:
    """A place, a joining word, then a capitalised name nothing else found is a corner even
    when the second name is a big place or no list knows it ("Fullum et Ontario", "Portage
    and Arlington"): hidden whole. A listed first name only is a person ("the Cobalt and
    Marie")."""
    if span.kind != "LOCATION":
        return span
    m = _SECOND_RE.match(text, span.end)
    if m is None or "joiner" not in vocabulary().classes_of(fold(m.group(1)), lang):
        return span
    if any(s.start < m.end(2) and m.start(2) < s.end for s in found):
        return span  # the tagger read the second name itself (a person, a place)
    key, lex = fold(m.group(2)), lexicon()
    classes = vocabulary().classes_of(key, "mixed")
    if classes & frozenset(_NOT_AFTER_TITLE) or key in lex.not_pii - lex.big_places:
        return span
    if key in lex.first_names and key not in lex.big_places:
        return span
    return Span(span.start, m.end(2), "LOCATION", span.confidence, span.uncertain)


def _streets_joined(text: str, a: Span, b: Span, joiner: str) -> bool:
    """Two streets of a corner: the second takes no article ("Corinne at the Kenora" is a
    person at a place), and "at" or "@" joins only two places ("Main at Hastings")."""
    m = re.match(r"[^\W\d_]+", text[b.start : b.end])
    if m is not None and "determiner" in vocabulary().classes_of(fold(m.group()), "mixed"):
        return False
    return fold(joiner) not in ("at", "@") or a.kind == b.kind == "LOCATION"


def _placeish(a: Span, b: Span) -> bool:
    """A place and a place, or a place and a word the tagger was unsure was a person."""
    kinds = {a.kind, b.kind}
    if kinds == {"LOCATION"}:
        return True
    return "LOCATION" in kinds and all(s.kind == "LOCATION" or s.uncertain for s in (a, b))


def _after_place_word(text: str, start: int, lang: str) -> bool:
    """ "around Barton and Sherman": a place word (never a person word) right before."""
    m = _word_before(text, start)
    if m is None:
        return False
    classes = vocabulary().classes_of(fold(m.group(1)), lang)
    return "place_before" in classes and "person_before" not in classes


_PAIRING = frozenset({"joiner", "alternative"})


def _pair(
    tokens: list[Tok], first: int, last: int, f: tagger.Found, lang: str, span: Span
) -> list[Span]:
    """Two names joined by a joining word are both names ("Summer and Autumn", "jess n tara",
    "Pearl or Amber"): a name-list word on the other side of "and", "n", "et", "pis", "or",
    "ou" next to a found name."""
    vocab, feat = vocabulary(), tagger.featurizer()
    out = []
    for joiner, other in ((first - 1, first - 2), (last + 1, last + 2)):
        if other < 0 or other >= len(tokens):
            continue
        if not vocab.classes_of(tokens[joiner].key, lang) & _PAIRING:
            continue
        word = tokens[other]
        flags = feat.lexical(word.key, lang)[1]
        # a capitalised first name joined to a name is one even when a list says it names
        # nobody ("Keisha and Ty": "ty" is thanks)
        named = f.candidate[other] or (
            word.text[0].isupper()
            and not f.initial[other]
            and not vocab.classes_of(word.key, lang) & frozenset(_NOT_AFTER_TITLE)
        )
        # ... or a capitalised word no list knows, or initials ("Dee and JJ", "Zhanar and Oksanka")
        unknown = flags == "-" and word.text[0].isupper() and word.text.isalpha()
        if (named and ("f" in flags or "w" in flags)) or unknown:
            out.append(Span(word.start, word.end, "PERSON", span.confidence))
    return out


def _through_elisions(tokens: list[Tok], b: int) -> int:
    """An elision never ends a name: "Fort Qu'" takes its "Appelle", and "Fort" takes a
    capitalised "Qu'Appelle" written right after it."""
    n = len(tokens)
    while b + 1 < n:
        tok, nxt = tokens[b], tokens[b + 1]
        if tok.text[-1:] in ("'", "’") and tok.end == nxt.start:
            b += 1
        elif (
            nxt.text[-1:] in ("'", "’")
            and nxt.text[:1].isupper()
            and b + 2 < n
            and nxt.end == tokens[b + 2].start
            and tokens[b + 2].text[:1].isupper()
            and nxt.start == tok.end + 1
        ):
            b += 2  # "Fort Qu'Appelle", "Anse D'Or"
        else:
            break
    return b


_TITLE_ONLY = frozenset({"title", "relation"})
# Endings of French words for the people of a place, in the plural ("Brésiliens", "Ontariennes",
# "Québécois", "Africains"): after a plural article they are a people, not a person.
_DEMONYM_RE = re.compile(r"(?:iens|iennes|ais|aises|ois|oises|ains|aines|ens|ennes)$")


def _demonym(tokens: list[Tok], a: int, b: int, lang: str) -> bool:
    if lang == "en" or a != b or a == 0:
        return False
    before = tokens[a - 1].key
    return before in ("les", "des", "aux") and bool(_DEMONYM_RE.search(tokens[a].key))


def _title_as_name(tokens: list[Tok], a: int, b: int, feat: Featurizer) -> bool:
    """A title that is also a first name, capitalised, with no name after it, is a name: "vu
    Tia au local" (tía is a title, Tia a name), "Lola est venue"; "Tía Rosa" stays a title."""
    tok = tokens[a]
    if a != b or not tok.text[:1].isupper() or tok.key not in feat.lex.first_names:
        return False
    after = tokens[b + 1].text if b + 1 < len(tokens) else ""
    return not after[:1].isupper()


def _span(tokens: list[Tok], first: int, last: int, f: tagger.Found, lang: str) -> Span | None:
    """One span from tokens [first, last]: edges cleaned, None when nothing identifying is left."""
    if f.kind == "LOCATION":
        first = _place_start(tokens, first, last, lang)
    edges = _edges(tokens, first, last, lang, f.initial)
    if edges is None:
        return None
    a, b = edges
    b = _through_elisions(tokens, b)
    feat = tagger.featurizer()
    if all(feat.lexical(tok.key, lang)[2] for tok in tokens[a : b + 1]):
        return None  # only words that identify nobody
    if (
        f.kind == "PERSON"
        and all(vocabulary().classes_of(tok.key, lang) & _TITLE_ONLY for tok in tokens[a : b + 1])
        and not _title_as_name(tokens, a, b, feat)
    ):
        return None  # "Merci à Dre": a title alone is nobody (the name after it is found apart)
    if f.kind == "PERSON" and _demonym(tokens, a, b, lang):
        return None  # "les Brésiliens", "des Ontariens": people of a place, nobody in particular
    phrase = " ".join(tok.key for tok in tokens[a : b + 1])
    head = a
    while head < b and "venue" in vocabulary().classes_of(tokens[head].key, lang):
        head += 1  # "pharmacie Jean Coutu": a venue word before a chain is still the chain
    named = " ".join(tok.key for tok in tokens[head : b + 1])
    big = phrase in feat.lex.big_places
    if big and f.kind == "PERSON" and phrase in feat.lex.first_names:
        # "Jordan nous a donné", "Sofia asked": a name, tagged as one, unless a place word
        # stands before it ("grew up in Jordan")
        before = vocabulary().classes_of(tokens[a - 1].key, lang) if a > 0 else frozenset()
        big = "place_before" in before and "person_before" not in before
    if big or phrase in _never_phrases() or named in _never_phrases() or _in_never(tokens, a, b):
        return None  # "Hong Kong", "Nova Scotia", "Tim Hortons": nobody in particular
    start = tokens[a].start
    if a > 0 and _named(tokens, a - 1, f.initial):
        start = tokens[a - 1].start  # "La Passerelle", "L'Actuel": the article is in the name
    elif f.kind == "LOCATION" and a > 0 and tokens[a - 1].key == "the":
        start = tokens[a - 1].start  # "the Empress Grill": the article names the place too
    return Span(start, tokens[b].end, f.kind, round(f.confidence, 3), f.uncertain)
