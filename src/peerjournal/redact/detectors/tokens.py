"""Capitalised words and what surrounds them: the raw material of the name and place detectors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from peerjournal.redact.lexicon import Lexicon, fold, words

# A word written with a capital: Zara, McLeod, O'Brien, Jean-Marc, Nwosu's. Not HIV, not PrEP.
# Latin letters beyond Latin-1 (Łukasz, Nguyễn, Şahin, Đặng) count too; the extended ranges mix
# both cases, so scan() checks that the first letter is a capital.
_UP = "A-ZÀ-ÖØ-ÝĀ-ɏḀ-ỿ"
_LOW = "a-zß-öø-ÿĀ-ɏḀ-ỿ"
CAP_WORD_RE = re.compile(
    rf"(?<![\w@/.'’-])[{_UP}][{_LOW}]*(?:[A-Z][{_LOW}]+)?(?:['’\-][{_UP}{_LOW}][{_LOW}]*)*"
    r"(?![\w@]|\.\w)"
)
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_LOWER_AFTER_HYPHEN = re.compile(r"-[a-z]")
# Endings of English words that names hardly have: a word no list knows with one is a word.
_WORD_ENDING = re.compile(
    r"(?:tion|sion|i[sz]ation|ness|ment|ity|ous|ible|able|ful|less|ism|ology|ologist|phobia|"
    r"ectomy|itis)s?$"
)
_WORD_BEFORE_DOT = re.compile(r"(\w+)$")
_ABBREVIATIONS = frozenset(words("dr mr mrs ms mx st sgt cst const det prof mme jr sr ave rd blvd"))


@dataclass(slots=True)
class Token:
    """One capitalised word: where it is, its lookup key, and what the lists say about it."""

    start: int
    end: int
    word: str
    key: str
    initial: bool  # starts a sentence (or a line), where every word has a capital
    first: bool  # a known first name
    surname: bool
    common: bool  # also an ordinary English word
    working: bool  # a working name or nickname that is also a word (Candy, Star)
    not_pii: bool  # months, brands, health and program words: never redacted alone
    big_place: bool  # a city, province or country too big to identify anyone
    rare: bool  # an English dictionary word, if a rare one (fentanyl, syphilis)

    @property
    def unknown(self) -> bool:
        """No list knows it: not a name we know, not a word, not a place, not a brand."""
        return not (
            self.first
            or self.surname
            or self.working
            or self.common
            or self.rare
            or self.not_pii
            or self.big_place
        )


_SKIP_BACK = " \t\"“'‘("
_BREAKS = frozenset("\n!?:;•*–—>")


def _is_initial(text: str, start: int) -> bool:
    """True when the word begins a sentence, a line, or a quoted/listed item."""
    if start > 0 and text[start - 1] in '"“(' and (start == 1 or text[start - 2] in " \n:"):
        return True  # said "Don't go": an opening quote starts a sentence
    i = start - 1
    while i >= 0 and text[i] in _SKIP_BACK:
        i -= 1
    if i < 0:
        return True
    c = text[i]
    if c in _BREAKS or (c == "-" and (i == 0 or text[i - 1] in " \n")):
        return True
    if c == ".":
        word = _WORD_BEFORE_DOT.search(text, max(0, i - 8), i)
        return not (word and word.group(1).lower() in _ABBREVIATIONS)
    return False


def _not_a_name(word: str, lex: Lexicon) -> bool:
    """ "Spanish-speaking", "Peer-led": a word, a hyphen, then lower case ("Ah-young" is a name)."""
    head = fold(word.split("-", 1)[0])
    return (
        bool(_LOWER_AFTER_HYPHEN.search(word))
        and len(head) >= 3
        and (head in lex.common_words or head in lex.not_pii or head in lex.big_places)
    )


def scan(text: str, lex: Lexicon) -> list[Token]:
    """Every capitalised word in the text, possessive endings left outside the token."""
    tokens = []
    first_names, surnames, common = lex.first_names, lex.surnames, lex.common_words
    working, not_pii, big, rare = lex.working_names, lex.not_pii, lex.big_places, lex.rare_words
    for m in CAP_WORD_RE.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue
        if "'" in word or "’" in word:
            word = _POSSESSIVE_RE.sub("", word) or word
        start = m.start()
        key = fold(word)
        plural = key[:-1] if key.endswith("s") else key
        is_first, is_surname = key in first_names, key in surnames
        if not is_first and plural != key and plural in first_names and plural not in common:
            # "Olenas cell", "Magalies phone": a possessive written without its apostrophe
            is_first = key not in common and key not in rare and key not in surnames
        if key.startswith("ti-") and len(key) > 4:
            is_first = True  # Québécois nicknames: Ti-Paul, Ti-Guy, Ti-Jean
        # "Spanish-speaking", "Toronto-based": a hyphen then lower case is not a name
        is_common = key in common or ("-" in word and _not_a_name(word, lex))
        is_common = is_common or key.endswith(("n't", "n’t"))  # "Don't", "Won't"
        is_rare = key in rare or plural in rare
        if not (is_first or is_surname or is_common or is_rare):
            is_rare = bool(_WORD_ENDING.search(key))
        tokens.append(
            Token(
                start,
                start + len(word),
                word,
                key,
                _is_initial(text, start),
                is_first,
                is_surname,
                is_common,
                key in working,
                key in not_pii or plural in not_pii,  # "Thursdays"
                key in big,
                is_rare,
            )
        )
    return tokens
