"""What the person and place tagger knows about each word: the features of the sequence model.

Every feature is computed from the text and the shipped data, never from a hand-written example:
- the word itself, its shape (Xx, x, X, d...) and its last letters;
- which lists know it (first names, surnames, ordinary English and French words, working names,
  words that identify nobody, big cities, small places) and which vocabulary classes hold it in
  the entry's language (titles, street types, venue words, joining words...);
- where it stands (starts a sentence or a line) and whether the same word is written elsewhere
  in the text with a capital in mid-sentence, or in lower case;
- the same for its neighbours two words either side, and the vocabulary phrases that end right
  before it (skipping little linking words: "name is: X") or start right after it.

Speed: only stretches around candidate words are tokenized and tagged (a capitalised word that
can be a name, a lower-case word that the name or place lists know and no dictionary does, an
unambiguous street word); most words of a journal are none of these and cost nothing. Word-level
parts of the features are cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from peerjournal.redact.lexicon import Lexicon, fold, lexicon, lower_aligned
from peerjournal.redact.tokenize import Tok, phrase_keys, shape, token_keys, tokenize
from peerjournal.redact.vocab import Vocabulary, vocabulary

CONTEXT = 2  # words either side of a candidate that are tagged with it
REACH = 28  # characters either side of a candidate that are tokenized
_BREAK = frozenset('.!?…:;•*–—>"“”()[]#|')
# Classes only the pattern detectors read (a domain ending "is", a platform "x"): no feature.
_PATTERN_ONLY = frozenset(
    {
        "domain_ending",
        "file_ending",
        "platform",
        "username_cue",
        "account_qualifier",
        "badge_title",
        "not_street_name",
        "lodging",
        "bed_word",
        "name_particle",
        "salutation",
        "dotted_abbreviation",
        "nation",
        "human_verb",
        "interjection",
    }
)
_NEVER = ("pronoun", "weekday", "program", "other_language", "chain", "big_place")
# Classes of common nouns: written in lower case, a word of one ("resto", "coloc", "docteur")
# names nobody by itself, so it opens no window (it is still context for a name beside it).
_COMMON = ("venue", "title", "relation", "area", "direction", "floor", "corner")
# Classes whose phrases say something about the word right after them / right before them.
AFTER_CLASSES = ("title", "relation", "naming_cue", "person_before", "place_before", "handle_cue")
BEFORE_CLASSES = ("person_verb", "street_type", "venue", "direction", "area")
_CACHE_MAX = 200_000
_HYPHENATED_RE = re.compile(r"([a-zà-ÿ](?<![\w'’-].)[a-zà-ÿ]+)-([a-zà-ÿ]{2,})(?![\w'’-])")
_LAST_WORD_RE = re.compile(r"(\S+)\s*$")
# Two lower-case words joined as people are in texting: "caramel n cherry", "rose pis claire".
_JOIN = r"(?:n|and|et|pis|&|\+)"
# Two consonants, a name written as initials in lower case ("tj", "jd", "kc").
_INITIALS_RE = re.compile(r"[b-df-hj-np-tv-z]{2}")
_JOINED_RE = re.compile(rf"[ \t]+{_JOIN}[ \t]+([a-zà-ÿ]+)(?![\w'’])")
_JOINED_BEFORE_RE = re.compile(rf"(?<![\w'’])([a-zà-ÿ]+)[ \t]+{_JOIN}[ \t]+$")
_CLAUSE_BEFORE_RE = re.compile(r"(?:^|[,.!?\n])[ \t]*$")
# The preposition a person word takes before the person ("texte à dom", "talk to bri").
CUE_PREPOSITIONS = frozenset({"à", "to"})
_CLAUSE_MARKS = ".!?…\n,;:-•*>("
_HOLIDAYS = frozenset({"fete", "halloween", "paques", "noel"})  # ("Noël", "Pâques": capitalised)
_RESUMED_RE = re.compile(r"[ \t]*,[ \t]*([^\W\d_]+(?:['’]s)?)(?![\w'’])")
_TWO_NEXT_RE = re.compile(r"[ \t]+(\S+?)[ \t]+([^\W\d_]+)")
_NEXT_WORDS_RE = re.compile(
    r"[ \t]+[^\W\d_]+(?:['’][^\W\d_]*)?(?:[ \t]+[^\W\d_]+(?:['’][^\W\d_]*)?){0,4}"
)
# A title or street word of a few letters before a full stop is an abbreviation ("Dr.", "Mme.",
# "St."), not the end of a sentence.
_ABBREVIATED = ("title", "street_type")
_WORD_BEFORE_RE = re.compile(r"(?<![\w'’])[^\W\d_]{1,4}$")
_NEXT_WORD_RE = re.compile(r"[ \t]+([a-zà-ÿ]+)")
# Where a sentence opens (the text's start, after a sentence's end or a line break), and the
# letter it opens with; and the English pronoun "i" written in lower case.
_OPENING_RE = re.compile(r"(?:^|[.!?\n])[\s\"“*>#-]*([^\W\d_])")
_LOWER_I_RE = re.compile(r"(?<![\w'’.@-])i(?=['’]?[ \t,]|['’](?:m|ve|ll|d)\b)")


# (The look-behind after the capital: `re` skips to capitals fast; see context.CAP_WORD_RE.)
# A capital after an elided "d'" or "qu'" starts a word too ("le chum d'Annie").
CAP_RE = re.compile(
    r"[A-ZÀ-ÖØ-Ý](?:(?<![\w'’@./-].)|(?<=(?<!\w)[dDlL]['’].)|(?<=(?<!\w)[qQ]u['’].))"
    r"[^\W\d_]*(?:['’-][^\W\d_]+)*(?![\w])"
)


@dataclass(slots=True)
class Chunk:
    """A stretch of the text, tokenized, with the token windows the tagger labels."""

    tokens: list[Tok]
    windows: list[tuple[int, int]]  # [start, end) token indices
    initial: list[bool]
    candidate: list[bool]  # the words that opened a window (the others are context)


@dataclass(slots=True)
class Window:
    """One window of a chunk: token indices [start, end), the per-token features that come
    from the whole text and the phrases around, and the key that determines all features."""

    chunk: Chunk
    start: int
    end: int
    extras: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    key: tuple[object, ...]


@dataclass(slots=True)
class Sequence:
    """One entry's chunks, its language, and the text (to ask how else a word is written)."""

    lang: str
    chunks: list[Chunk]
    text: str
    lowered: str = ""
    _forms: dict[str, tuple[bool, bool]] | None = None
    _casual: bool | None = None

    @property
    def casual(self) -> bool:
        """Whether the writer leaves capitals out (as in texting): "i" in lower case, or most
        sentences opening with a lower-case letter. There, a name in lower case is how this
        writer writes every name, not a sign that the word is an ordinary one."""
        found = self._casual
        if found is None:
            opens = [m.group(1) for m in _OPENING_RE.finditer(self.text)]
            lower = sum(1 for c in opens if c.islower())
            found = lower * 2 > len(opens) or _LOWER_I_RE.search(self.text) is not None
            self._casual = found
        return found

    def forms(self, word: str) -> tuple[bool, bool]:
        """Whether `word` (lower case) is written elsewhere in lower case, and with a capital
        in mid-sentence."""
        if self._forms is None:
            self._forms, self.lowered = {}, lower_aligned(self.text)
        found = self._forms.get(word)
        if found is not None:
            return found
        text, lowered = self.text, self.lowered
        low = mid = False
        at, n, size = lowered.find(word), len(text), len(word)
        while at != -1 and not (low and mid):
            end = at + size
            if (at == 0 or not lowered[at - 1].isalnum()) and (
                end == n or not lowered[end].isalnum()
            ):
                if text[at].islower():
                    low = True
                elif (
                    at >= 2
                    and text[at - 1] == " "
                    and (text[at - 2].isalnum() or text[at - 2] == ",")
                ):
                    mid = True
            at = lowered.find(word, end)
        self._forms[word] = (low, mid)
        return low, mid


class Featurizer:
    """Builds feature lists; word-level parts are cached per (word, language)."""

    def __init__(self, lex: Lexicon | None = None, vocab: Vocabulary | None = None) -> None:
        self.lex = lex or lexicon()
        self.vocab = vocab or vocabulary()
        self._lexical: dict[tuple[str, str], tuple[tuple[str, ...], str, bool]] = {}
        self._own: dict[tuple[str, str, bool], tuple[str, ...]] = {}
        self._cap_cache: dict[str, dict[str, tuple[bool, bool]]] = {}
        self._near: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
        self._verbs: dict[str, dict[str, bool]] = {}
        self._first_index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for lang in ("en", "fr", "mixed"):
            self._index(lang)
        lex, vocab = self.lex, self.vocab
        self._abbreviations = frozenset(
            k for c in _ABBREVIATED for w in vocab.words(c) for k in [fold(w)] if len(k) <= 4
        )
        never = {fold(w) for c in _NEVER for w in vocab.words(c)}
        common = {fold(w) for c in _COMMON for w in vocab.words(c)}
        names = lex.first_names | lex.working_names | lex.places_single
        streets = {k for w in vocab.words("street_type") for k in [fold(w)] if " " not in k}
        # A lower-case word is a candidate when the entry's language has no ordinary word of
        # that spelling ("tara" is a French dictionary word, and a name in an English entry).
        self._lower_candidates: dict[str, frozenset[str]] = {}
        self._ordinary = {lang: self._ordinary_words(lang) for lang in ("en", "fr", "mixed")}
        for lang in ("en", "fr", "mixed"):
            ordinary = self._ordinary[lang]
            found = (names | (lex.surnames - ordinary)) - ordinary - never - common - lex.not_pii
            found -= lex.big_places - lex.first_names
            self._lower_candidates[lang] = frozenset(
                found | {k for k in streets if k not in ordinary}
            )
        # First names that are rarer dictionary words too ("tara", "rosalie", "mimi" in French):
        # in lower case, a candidate only with a person verb after them (_listed_before_verbs).
        self._ordinary_names = {
            lang: frozenset(
                (lex.first_names & self._ordinary[lang])
                - lex.common_words  # "summer", "art", "ever": everyday English words, never here
                - never
                - common
                - lex.not_pii
            )
            for lang in ("en", "fr", "mixed")
        }
        # What opens a person-verb phrase ("m'a dit", "texted"): an ordinary capitalised word
        # opening a sentence is still a candidate when one follows it ("Soleil m'a dit").
        weak = {
            k
            for c in ("language_marker", "joiner", "pronoun", "determiner", "link")
            for w in vocab.words(c)
            for k in [phrase_keys(w)]
            if len(k) == 1
        }
        self._verb_phrases: dict[str, frozenset[tuple[str, ...]]] = {}
        for lang in ("en", "fr"):
            found_phrases = {phrase_keys(w) for w in vocab.words("person_verb", lang)}
            self._verb_phrases[lang] = frozenset(
                k for k in found_phrases if len(k) > 1 or (k and k[0] not in {x[0] for x in weak})
            )
        # A verb group: adverbs skipped ("finally texted", "pas venue"), or an auxiliary and a
        # participle ("already messed up", "a oublié", "est pas venue"), weak one-word
        # auxiliaries being no person verb alone.
        self._adverbs = {
            lang: frozenset(phrase_keys(w) for w in vocab.words("verb_adverb", lang))
            for lang in ("en", "fr")
        }
        self._auxiliaries = {
            lang: frozenset(phrase_keys(w) for w in vocab.words("auxiliary", lang))
            for lang in ("en", "fr")
        }
        self._endings = {
            lang: tuple(vocab.words("participle_ending", lang)) for lang in ("en", "fr")
        }
        self._written_auxiliaries = frozenset(
            w.split()[0].rstrip("'") for w in vocab.words("auxiliary")
        )
        self._all_verbs = {
            lang: frozenset(phrase_keys(w) for w in vocab.words("person_verb", lang))
            for lang in ("en", "fr")
        }
        self._all_verbs["mixed"] = self._all_verbs["en"] | self._all_verbs["fr"]
        # "lil and yaz both got", "elles deux sont venues": a word that counts the people listed
        self._quantifiers = frozenset({("both",), ("all",), ("tous",), ("toutes",), ("deux",)})
        # French months and weekdays, which French writes in lower case (not its holidays)
        self.calendar = (
            frozenset(fold(w) for w in vocab.words("weekday", "fr") if w.isalpha()) - _HOLIDAYS
        )
        self._prefixes = frozenset(w.lower() for w in vocab.words("nickname_prefix"))
        self._writer = {
            lang: frozenset(phrase_keys(w) for w in vocab.words("with_writer", lang))
            for lang in ("en", "fr")
        }
        self._writer["mixed"] = self._writer["en"] | self._writer["fr"]
        self._resuming = {
            lang: frozenset(fold(w) for w in vocab.words("resuming_pronoun", lang))
            for lang in ("en", "fr")
        }
        self._resuming["mixed"] = self._resuming["en"] | self._resuming["fr"]
        for table in (self._adverbs, self._auxiliaries):
            table["mixed"] = table["en"] | table["fr"]
        self._endings["mixed"] = self._endings["en"] + self._endings["fr"]
        # In a mixed entry, a one-word verb that is an ordinary word of the other language says
        # nothing ("Trop lent": "lent" is English for "prêté" and French for "slow").
        self._verb_phrases["mixed"] = frozenset(
            k
            for lang, other in (("en", lex.french_words), ("fr", lex.common_words))
            for k in self._verb_phrases[lang]
            if len(k) > 1 or k[0] not in other
        )
        # What comes right before a person ("avec", "told", "ma coloc", "me and"), without the
        # little words and prepositions that come before anything ("de", "for", "à").
        little = {x[0] for x in weak} | {
            k[0] for w in vocab.words("place_before") for k in [phrase_keys(w)] if len(k) == 1
        }
        self._cue_phrases: dict[str, frozenset[tuple[str, ...]]] = {}
        for lang in ("en", "fr", "mixed"):
            found_phrases = {
                phrase_keys(w)
                for c in ("person_before", "relation", "naming_cue")
                for w in vocab.words(c, lang)
            }
            self._cue_phrases[lang] = frozenset(
                k for k in found_phrases if len(k) > 1 or (k and k[0] not in little)
            )
        # The last word of each cue phrase, as the text writes it (a quick first test).
        self._cue_ends = {
            lang: frozenset(k[-1] for k in phrases) for lang, phrases in self._cue_phrases.items()
        }
        # Working names that are everyday words ("candy", "honey", "cherry"): a name only where
        # the sentence says so. (First names that are everyday words, "art", "else", "bien",
        # are not: a verb after them says nothing.)
        self._named = frozenset(
            w for w in lex.working_names if not vocab.classes_of(w, "mixed") and w not in never
        )
        self._verb_heads = {
            lang: frozenset(re.findall(r"[a-zà-ÿ0-9]+", " ".join(k[0] for k in phrases)))
            for lang, phrases in self._verb_phrases.items()
        }
        # A lower-case word that can be a name only beside a cue: a listed first or working name
        # that is also an ordinary word ("mimi", "caramel"), or a word no list knows ("bri");
        # the cue is a person word right before it ("thx ang", "texte dodo") or a person verb
        # right after it ("mimi va", "bri texted").
        # ("chez" is a place word and a person word at once, someone's home: "chez lulu".)
        not_cue = {"place_before", "determiner", "joiner", "link"}
        self._lower_cues: dict[str, frozenset[str]] = {}
        self._cued_names: dict[str, frozenset[str]] = {}
        self._lower_cue_phrases: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
        self._name_likes: dict[str, bool] = {}
        for lang in ("en", "fr", "mixed"):
            self._lower_cues[lang] = frozenset(
                form
                for w in vocab.words("person_before", lang)
                for k in [fold(w)]
                for classes in [vocab.classes_of(k, lang)]
                if k.isalpha() and (not (classes & not_cue) or "venue" in classes)
                for form in (k, w.lower())
            )
            # cues of several words, the writer first among them: "me n jaz", "moi pis fatou"
            self._lower_cue_phrases[lang] = tuple(
                (w.lower(), frozenset(w.lower().split()))
                for w in vocab.words("person_before", lang)
                if " " in w and all(p.isalpha() for p in w.split())
            )
            blocked = never | common | lex.not_pii | self._lower_candidates[lang]
            self._cued_names[lang] = frozenset(
                k
                for k in lex.first_names | lex.working_names
                if len(k) > 2 and k not in blocked and not self.vocab.classes_of(k, "mixed")
            )

    def _ordinary_words(self, lang: str) -> frozenset[str]:
        """Dictionary words of the entry's language (English's are common in French entries)."""
        lex = self.lex
        if lang == "en":
            return lex.common_words | lex.rare_words
        if lang == "fr":
            return lex.french_words | lex.common_words
        return lex.common_words | lex.rare_words | lex.french_words

    # -- word level ---------------------------------------------------------------------------

    def _index(self, lang: str) -> None:
        first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for name in self.vocab.classes:
            if name in _PATTERN_ONLY:
                continue  # (the patterns' own words are no features)
            phrases = list(self.vocab.phrases(name, lang))
            if name in AFTER_CLASSES or name in BEFORE_CLASSES:
                singles = {phrase_keys(w) for w in self.vocab.words(name, lang)}
                phrases += [p for p in singles if len(p) == 1]
            for phrase in phrases:
                first.setdefault(lang + phrase[0], []).append((name, phrase))
        self._first_index.update(first)

    def lexical(self, key: str, lang: str) -> tuple[tuple[str, ...], str, bool]:
        """(list and class features, a short profile of the lists, never-a-name) for one word."""
        found = self._lexical.get((key, lang))
        if found is not None:
            return found
        lex = self.lex
        flags = ""
        # a plural of a listed word ("sessions"), unless the word is a name ("Tess" is no "tes")
        plural = (
            key[:-1] if key.endswith("s") and len(key) > 3 and key not in lex.first_names else key
        )
        if key in lex.first_names:
            flags += "f"
        if key in lex.surnames:
            flags += "s"
        if key in lex.common_words:
            flags += "e"
        if key in lex.french_words:
            flags += "c"
        if key in lex.rare_words or plural in lex.rare_words:
            flags += "r"
        if key in lex.working_names:
            flags += "w"
        if key in lex.not_pii or plural in lex.not_pii:
            flags += "n"
        if key in lex.big_places:
            flags += "g" if key in lex.first_names else "b"  # "Jordan", "Sofia": for the tagger
        if key in lex.places_single or key in lex.places_multi:
            flags += "p"
        if "-" in key and all(
            part in lex.common_words or part in lex.french_words for part in key.split("-") if part
        ):
            flags += "h"  # every part an ordinary word: "Envoyez-les", "peer-led"
        classes = self.vocab.classes_of(key, lang) - _PATTERN_ONLY
        feats = tuple(["L:" + c for c in flags] + ["C:" + c for c in sorted(classes)])
        never = (
            any(c in classes for c in _NEVER)
            or "n" in flags
            or "b" in flags  # ("g": a name and a big place, "Sofia asked", left to the tagger)
        )
        out = (feats, flags or "-", never)
        if len(self._lexical) > _CACHE_MAX:
            self._lexical.clear()
        self._lexical[(key, lang)] = out
        return out

    @staticmethod
    def _cap(word: str) -> str:
        c = word[0]
        if c.isupper():
            return "A" if len(word) > 1 and word.isupper() else "U"
        return "l" if c.islower() else "d" if c.isdigit() else "o"

    def _own_features(self, tok: Tok, lang: str, initial: bool) -> tuple[str, ...]:
        cached = self._own.get((tok.text, lang, initial))
        if cached is not None:
            return cached
        key = tok.key
        feats, flags, _ = self.lexical(key, lang)
        cap = self._cap(tok.text)
        ini = "i" if initial else "m"
        out = (
            "b",
            "w=" + key,
            "s=" + shape(tok.text),
            "x3=" + key[-3:],
            "pr=" + cap + ini + flags,
            "lg=" + lang + cap + ini,
            *feats,
        )
        if len(self._own) > _CACHE_MAX:
            self._own.clear()
        self._own[(tok.text, lang, initial)] = out
        return out

    def _near_features(self, tok: Tok, lang: str) -> tuple[tuple[str, ...], ...]:
        """What a word tells its neighbours, as seen from two before, one before, one after and
        two after it (indexed -2, -1, 1, 2 -> 0, 1, 2, 3)."""
        cache = self._near.setdefault(lang, {})
        cached = cache.get(tok.text)
        if cached is not None:
            return cached
        feats, flags, _ = self.lexical(tok.key, lang)
        cap = self._cap(tok.text)
        out = []
        for d in (2, 1, -1, -2):  # the word is at -d of the token that sees it
            if d in (-1, 1):
                out.append((f"{d}pr={cap}{flags}", f"{d}w={tok.key}", *(f"{d}{x}" for x in feats)))
            else:
                out.append((f"{d}pr={cap}{flags}", *(f"{d}{x}" for x in feats if x[0] == "C")))
        if len(cache) > _CACHE_MAX:
            cache.clear()
        cache[tok.text] = found = tuple(out)
        return found

    # -- sequences ----------------------------------------------------------------------------

    def _candidate_spans(
        self, text: str, lang: str, words: frozenset[str]
    ) -> tuple[list[tuple[int, int]], set[int]]:
        """Character stretches around every candidate word, merged, and where candidates start."""
        found: list[int] = []
        cache = self._cap_cache.setdefault(lang, {})
        held: list[tuple[int, int, str]] = []  # ordinary words opening a sentence
        mid_words: set[str] = set()
        for m in CAP_RE.finditer(text):
            word = m.group()
            known = cache.get(word)
            if known is None:  # (a candidate when it opens a sentence, when it does not)
                if len(cache) > _CACHE_MAX:
                    cache.clear()
                key = fold(word)
                known = cache[word] = (
                    self._capital_candidate(key, True, lang),
                    self._capital_candidate(key, False, lang),
                )
            if known[0] == known[1]:
                if known[0]:
                    found.append(m.start())
                    mid_words.add(word)
            elif self._looks_initial(text, m.start()) is False:
                if known[1]:
                    found.append(m.start())
                    mid_words.add(word)
            elif known[1]:
                held.append((m.start(), m.end(), word))
            else:
                found.append(m.start())
        # An ordinary word opening a sentence is a candidate when the text writes it with a
        # capital in mid-sentence too, or a person verb follows it ("Soleil m'a dit").
        for start, end, word in held:
            if word in mid_words or self.verb_follows(text, end, self._word_lang(word, lang)):
                found.append(start)
        lower = lower_aligned(text)
        candidates = self._lower_candidates[lang]
        chosen = list(words & candidates)
        if not text.isascii():  # "noémie": the lists hold folded words
            chosen += [w for w in words if not w.isascii() and fold(w) in candidates]
        if "-" in text:  # "marie-soleil", "jean-phil": a first name leads a compound name
            chosen += [m.group() for m in _HYPHENATED_RE.finditer(lower) if self._compound(m)]
        found += self._context_candidates(text, lower, lang, words, candidates)
        for word in chosen:
            found.extend(_lower_occurrences(text, lower, word))
        found += self._cued_lower(text, lower, lang, words)
        found += self._listed_before_verbs(text, lower, lang, words)
        found.sort()
        starts = set(found)
        out: list[tuple[int, int]] = []
        n = len(text)
        for at in found:
            a, b = max(0, at - REACH), min(n, at + REACH)
            while a > 0 and not text[a - 1].isspace():
                a -= 1
            while b < n and not text[b].isspace():
                b += 1
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        return out, starts

    def _context_candidates(
        self, text: str, lower: str, lang: str, words: frozenset[str], chosen: frozenset[str]
    ) -> list[int]:
        """Working names that are also ordinary words, in lower case, where the sentence says
        they are people: a person verb follows ("crystal made chili"), a person cue stands
        before ("told honey", "me and candy"), or another such word is joined to it ("caramel
        n cherry")."""
        found = words & self._named  # (one set operation; accented words are folded first)
        if not text.isascii():
            found |= {w for w in words if not w.isascii() and fold(w) in self._named}
        maybe = {w for w in found if w not in chosen and len(w) >= 3 and w.isalpha()}
        if not maybe:
            return []
        return [
            at
            for word in maybe
            for at in _lower_occurrences(text, lower, word)
            if self._said_a_person(text, at, at + len(word), lang, maybe)
        ]

    def _word_lang(self, word: str, lang: str) -> str:
        """In a mixed entry, a word only one language's dictionary knows is read in that
        language: "Trop" takes no English verb after it ("Trop lent")."""
        if lang != "mixed":
            return lang
        key, lex = fold(word), self.lex
        english = key in lex.common_words or key in lex.rare_words
        if key in lex.french_words and not english:
            return "fr"
        return "en" if english and key not in lex.french_words else lang

    def _cued_lower(self, text: str, lower: str, lang: str, words: frozenset[str]) -> list[int]:
        """Where a lower-case word that is a name only beside a cue has its cue: a person word
        right before it ("thx ang", "texte dodo"); a word no list knows may have a person verb
        right after it instead ("bri texted", "oumou m'a dit")."""
        lex = self.lex
        present = words & self._lower_cues[lang]
        present |= {p for p, parts in self._lower_cue_phrases[lang] if parts <= words}
        unknown: set[str] | frozenset[str] = words - self._ordinary["mixed"]
        if unknown:
            rest = unknown - lex.first_names - lex.surnames - lex.not_pii
            unknown = {
                w
                for w in rest
                if (len(w) > 2 or _INITIALS_RE.fullmatch(w) is not None)
                and w.isalpha()
                and w not in lex.places_single
                and w not in lex.big_places
            }
        if not present and not unknown:
            return []
        out = []
        named = self._cued_names[lang]
        n = len(lower)
        for cue in present:  # the word right after each person word
            at = lower.find(cue)
            while at != -1:
                end = at + len(cue)
                if at == 0 or not lower[at - 1].isalnum():
                    m = _NEXT_WORD_RE.match(lower, end)
                    if m is not None and m.group(1) in CUE_PREPOSITIONS:  # "texte à dom"
                        m = _NEXT_WORD_RE.match(lower, m.end(1))
                    if m is not None and m.group(1) in self._prefixes:  # "w big mike"
                        m = _NEXT_WORD_RE.match(lower, m.end(1))
                    nxt = m.group(1) if m is not None else ""
                    if (
                        m is not None
                        and (fold(nxt) in named or nxt in unknown)
                        and text[m.start(1)].islower()
                        and self._whole(lower, m.end(1), n)
                    ):
                        out.append(m.start(1))
                at = lower.find(cue, end)
        for word in unknown:  # a person verb right after a word no list knows
            at = lower.find(word)
            while at != -1:
                end = at + len(word)
                if (
                    text[at].islower()
                    and (at == 0 or lower[at - 1] in " \t\n")
                    and self._whole(lower, end, n)
                    and (
                        self.verb_follows(text, end, lang)
                        or self.writer_follows(text, end, lang, at)
                    )
                ):
                    out.append(at)
                at = lower.find(word, end)
        return out

    def _listed_before_verbs(
        self, text: str, lower: str, lang: str, words: frozenset[str]
    ) -> list[int]:
        """A first name that is also a dictionary word, in lower case, opening a clause with a
        person verb right after it: "tara m'a dit", "jess pis tara étaient là" (the tagger
        decides; "nobody ever told me", "la rose m'a fait" do not open a clause)."""
        names = self._ordinary_names[lang]
        listed = [w for w in words if len(w) > 2 and (w if w.isascii() else fold(w)) in names]
        out = []
        for word in listed:
            for at in _lower_occurrences(text, lower, word):
                if self.opens_clause(text, at, lang) and self.verb_follows(
                    text, at + len(word), lang
                ):
                    out.append(at)
        return out

    def opens_clause(self, text: str, at: int, lang: str) -> bool:
        """Whether a word at `at` opens a clause: the text's start, after a sentence's or a
        clause's punctuation or a list mark, after a joining word ("jess pis tara"), or after
        an interjection that opens its sentence ("omg dre showed up", "jaja vale said")."""
        start = max(0, at - 20)
        before = text[start:at].rstrip(" \t")
        if not before or before[-1] in _CLAUSE_MARKS:
            return True
        last = _LAST_WORD_RE.search(before)
        if last is None:
            return False
        classes = self.vocab.classes_of(fold(last.group(1)), lang)
        if "joiner" in classes:
            return True
        for _ in range(2):  # ("ok so tee brought...")
            if "interjection" not in classes:
                return False
            head = text[: start + last.start(1)].rstrip(" \t")
            if not head or head[-1] in _CLAUSE_MARKS:
                return True
            start = max(0, len(head) - 20)
            last = _LAST_WORD_RE.search(text, start, len(head))
            if last is None:
                return False
            classes = self.vocab.classes_of(fold(last.group(1)), lang)
        return False

    def determined(self, text: str, at: int, lang: str) -> bool:
        """Whether the word at `at` is a thing or a verb, not a name, by the word before it: a
        determiner or possessive ("la rose", "my summer"), a short pronoun ("je lui ai"), or an
        elision written onto it ("j'ai")."""
        if at > 0 and text[at - 1] in "'’":
            return True
        last = _LAST_WORD_RE.search(text, max(0, at - 20), at)
        if last is None or last.group(1)[-1:] in ".,;:!?)":
            return False  # "ste fille la, kimi": a clause's end determines nothing after it
        key = fold(last.group(1).strip(".,;:!?\"'’«»()"))
        classes = self.vocab.classes_of(key, lang)
        if classes & {"determiner", "possessive"}:
            return True
        return "pronoun" in classes and len(key) <= 4 and last.group(1)[-1:].isalpha()

    def _said_a_person(self, text: str, at: int, end: int, lang: str, maybe: set[str]) -> bool:
        if self.verb_follows(text, end, lang) or self.writer_follows(text, end, lang, at):
            return True
        last = _LAST_WORD_RE.search(text, max(0, at - 30), at)
        tail = token_keys(last.group(1)) if last is not None else ()
        if tail and tail[-1] in self._cue_ends[lang]:
            before = token_keys(text[max(0, at - 30) : at])
            cues = self._cue_phrases[lang]
            if any(before[-k:] in cues for k in range(1, min(4, len(before)) + 1)):
                return True
        joined = _JOINED_RE.match(text, end)
        if joined and joined.group(1).lower() in maybe:
            return True
        joined = _JOINED_BEFORE_RE.search(text[max(0, at - 30) : at])
        if joined and joined.group(1).lower() in maybe:
            return True
        # the bare subject of a clause, with no article: "star got a black eye" (the thing
        # would be "the star"); the tagger weighs it, as it does "storm is coming"
        return self.opens_clause(text, at, lang) and self.any_verb_follows(text, end, lang)

    @staticmethod
    def _whole(lower: str, end: int, n: int) -> bool:
        """A word ends here, not a handle or an address ("bri.x", "ang@")."""
        if end == n:
            return True
        c = lower[end]
        if c.isalnum() or c in "@'’_-":
            return False
        return not (c == "." and lower[end + 1 : end + 2].isalnum())

    def _compound(self, m: re.Match[str]) -> bool:
        """A lower-case compound led by a first name that no dictionary knows whole."""
        return fold(m.group(1)) in self.lex.first_names and (
            fold(m.group()) not in self._ordinary["mixed"]
        )

    def verb_follows(self, text: str, end: int, lang: str, past: bool = False) -> bool:
        """Whether a person verb phrase starts right after `end` ("m'a dit", "texted"); with
        `past`, any English verb in the past counts too ("fixed", "cooked")."""
        m = _NEXT_WORDS_RE.match(text, end)
        if m is None:
            return False
        words = m.group()
        if past and lang != "fr":
            first = tokenize(words)[:1]
            if first and first[0].text.endswith("ed") and self._participle(first[0], "en"):
                return True
        cache = self._verbs.setdefault(lang, {})
        found = cache.get(words)
        if found is None:  # (journals repeat their phrases: each is tokenized once)
            found = self._verb_group(tokenize(words), lang)
            if len(cache) > _CACHE_MAX:
                cache.clear()
            cache[words] = found
        return found

    def writer_follows(self, text: str, end: int, lang: str, start: int | None = None) -> bool:
        """Whether the writer is joined right after `end` ("kels n me", "fatou pis moi"), or,
        for the word at `start` when a comma or a sentence's start stands before it, a pronoun
        takes it up after a comma ("la nouvelle, kimi, elle est drôle"; not "il était gêné,
        il a...")."""
        m = _TWO_NEXT_RE.match(text, end)
        if m is not None and (fold(m.group(1)), fold(m.group(2))) in self._writer[lang]:
            return True
        if start is None or _CLAUSE_BEFORE_RE.search(text, max(0, start - 4), start) is None:
            return False
        m = _RESUMED_RE.match(text, end)
        return m is not None and fold(m.group(1)) in self._resuming[lang]

    def any_verb_follows(self, text: str, end: int, lang: str) -> bool:
        """Whether a person verb follows, the weak one-word ones included ("got", "was", "est"):
        for a place whose context already says people are named, as the end of a list."""
        if self.verb_follows(text, end, lang):
            return True
        m = _NEXT_WORDS_RE.match(text, end)
        if m is None:
            return False
        keys = tuple(t.key for t in tokenize(m.group()))
        i = self._skip(keys, 0, self._adverbs[lang] | self._quantifiers)
        return i < len(keys) and (keys[i],) in self._all_verbs[lang]

    def _verb_group(self, tokens: list[Tok], lang: str) -> bool:
        """Whether these words open with a person verb phrase, maybe after adverbs, or with an
        auxiliary and a participle ("cody already messed up", "bijou est pas venue")."""
        keys = tuple(t.key for t in tokens)
        i = self._skip(keys, 0, self._adverbs[lang])
        phrases = self._verb_phrases[lang]
        if any(keys[i : i + k] in phrases for k in range(1, min(4, len(keys) - i) + 1)):
            return True
        if lang != "fr" and i > 0 and i < len(tokens) and self._participle(tokens[i], "en"):
            return True  # "cody already messed up": a verb in the past after an adverb
        auxiliaries = self._auxiliaries[lang]
        written = tokens[i].text.lower() if i < len(tokens) else ""
        if not written.isascii() and written not in self._written_auxiliaries:
            return False  # "sauf à soi-même": "à" is no "a"
        for k in (2, 1):
            if keys[i : i + k] in auxiliaries:
                j = self._skip(keys, i + k, self._adverbs[lang])
                return j < len(tokens) and self._participle(tokens[j], lang)
        return False

    @staticmethod
    def _skip(keys: tuple[str, ...], i: int, words: frozenset[tuple[str, ...]]) -> int:
        """The index after any run of these words (of one or two tokens) from `i`."""
        while i < len(keys):
            if keys[i : i + 2] in words:
                i += 2
            elif keys[i : i + 1] in words:
                i += 1
            else:
                break
        return i

    def _participle(self, tok: Tok, lang: str) -> bool:
        """A lower-case word shaped like a past participle (or an English -ing form)."""
        word = tok.text
        if len(word) < 2 or not word.isalpha() or not word.islower():
            return False
        if self.vocab.classes_of(tok.key, lang) & {"pronoun", "determiner", "possessive"}:
            return False  # "a lui", "est une": not a verb
        return any(word.endswith(e) and len(word) > len(e) for e in self._endings[lang])

    def _looks_initial(self, text: str, start: int) -> bool:
        i = start - 1
        while i >= 0 and text[i] in " \t\"“'‘(*-•>#":
            if text[i] == "-" and i > 0 and text[i - 1] not in " \n":
                break
            i -= 1
        if i >= 1 and text[i] == "." and self._abbreviation_before(text, i):
            return False  # "Dr. Fraser", "Mme. Roy", "St. Clair": the full stop ends no sentence
        return i < 0 or text[i] in "\n.!?…:;"

    def _abbreviation_before(self, text: str, dot: int) -> bool:
        m = _WORD_BEFORE_RE.search(text, max(0, dot - 5), dot)
        return m is not None and fold(m.group()) in self._abbreviations

    def sequence(
        self, text: str, lang: str | None = None, words: frozenset[str] | None = None
    ) -> Sequence:
        """The chunks of one text to tag; `words` are its distinct lower-case words (see
        language.words_of) when already known."""
        from peerjournal.redact.language import detect, words_of

        words = words if words is not None else words_of(text)
        lang = lang or detect(text, words)
        chunks = []
        spans, starts = self._candidate_spans(text, lang, words)
        for a, b in spans:
            tokens = tokenize(text, a, b)  # (a and b lie at spaces: offsets into the text)
            candidate = [t.start in starts for t in tokens]
            windows = self._windows(candidate)
            if windows:
                initial = [False] * len(tokens)
                for x, y in windows:
                    for i in range(x, min(len(tokens), y + 1)):
                        initial[i] = self._initial(text, tokens, i, a)
                chunks.append(Chunk(tokens, windows, initial, candidate))
        return Sequence(lang, chunks, text)

    def _initial(self, text: str, tokens: list[Tok], i: int, origin: int) -> bool:
        if i == 0:
            return self._looks_initial(text, tokens[0].start)
        prev = tokens[i - 1]
        if prev.text == "." and i >= 2 and tokens[i - 2].key in self._abbreviations:
            return False  # "Dr. Fraser": an abbreviation's full stop
        return prev.text in _BREAK or "\n" in text[prev.end : tokens[i].start]

    def _capital_candidate(self, key: str, initial: bool, lang: str) -> bool:
        """Can a capitalised word be a name or a place, or start one?"""
        if key == "i":
            return False
        lex = self.lex
        if initial:
            classes = self.vocab.classes_of(key, lang)
            if "pronoun" in classes or "determiner" in classes:
                return False
            # "Today", "Feels", "Journée": an ordinary word of the entry's language opening a
            # sentence
            return key not in self._ordinary[lang] or (
                key in lex.first_names or key in lex.working_names
            )
        if lang == "fr" and key in self.calendar:
            return True  # French writes months and days in lower case: "où Mai travaille"
        return not self.lexical(key, lang)[2]  # "PrEP", "Friday", "Toronto", "Session"

    def _candidate(self, tok: Tok, initial: bool, lang: str) -> bool:
        first = tok.text[0]
        if not first.isalpha() or not tok.text.replace("-", "").replace("'", "").isalpha():
            return False
        if first.isupper():
            return self._capital_candidate(tok.key, initial, lang)
        return tok.key in self._lower_candidates[lang]

    @staticmethod
    def _windows(candidate: list[bool]) -> list[tuple[int, int]]:
        n, out = len(candidate), []  # type: ignore[var-annotated]  # typed by the redactor rebuild
        for i in range(n):
            if candidate[i]:
                a, b = max(0, i - CONTEXT), min(n, i + CONTEXT + 1)
                if out and a <= out[-1][1]:
                    out[-1] = (out[-1][0], b)
                else:
                    out.append((a, b))
        return out

    def features(self, seq: Sequence) -> list[list[list[str]]]:
        """One feature list per token of each window, chunk after chunk."""
        return [self.window_features(seq.lang, w) for w in self.windows(seq)]

    def windows(self, seq: Sequence) -> list[Window]:
        """Every window of the entry with what its features are made of. Its `key` holds all
        of it (the words two either side, where a sentence starts, what the rest of the text
        says about each candidate, the phrases around), so two windows with one key have the
        same features: the tagger labels each distinct window once (`tagger.tag`)."""
        lang, out = seq.lang, []
        for chunk in seq.chunks:
            tokens, initial, candidate = chunk.tokens, chunk.initial, chunk.candidate
            n = len(tokens)
            cover, after, before = self._phrases([t.key for t in tokens], lang, chunk.windows)
            phrased = cover.keys() | after.keys() | before.keys()
            for a, b in chunk.windows:
                extras = tuple(
                    (
                        self._text_features(seq, tokens[i], initial[i], candidate[i]),
                        (*cover.get(i, ()), *after.get(i, ()), *before.get(i, ()))
                        if i in phrased
                        else (),
                    )
                    for i in range(a, b)
                )
                texts = tuple(tokens[i].text if 0 <= i < n else None for i in range(a - 2, b + 2))
                key = (lang, texts, tuple(initial[a:b]), tuple(candidate[a:b]), extras)
                out.append(Window(chunk, a, b, extras, key))
        return out

    def _text_features(
        self, seq: Sequence, tok: Tok, initial: bool, candidate: bool
    ) -> tuple[str, ...]:
        """How the rest of the text writes a candidate word (in lower case, capitalised in
        mid-sentence), and whether a lower-case word no dictionary knows stands in a text
        written without capitals (where every name is written so: "so brooke got doxxed")."""
        if not candidate:
            return ()
        upper = tok.text[0].isupper()
        low, mid = seq.forms(tok.text.lower())
        if not upper and seq.casual and self._name_like(tok.key):
            return ("D:casual", *(("D:midcap",) if mid else ()))
        if initial or not upper:
            return (
                *(("D:midcap_i" if upper else "D:midcap",) if mid else ()),
                *(("D:lower",) if low and upper else ()),
            )
        return ("D:lower",) if low else ()

    def _name_like(self, key: str) -> bool:
        """A word of three letters or more that no dictionary knows and no vocabulary class
        holds (not "summer", not "st")."""
        found = self._name_likes.get(key)
        if found is None:
            found = self._name_likes[key] = (
                len(key) > 2
                and not self.lex.ordinary(key)
                and key not in self._abbreviations
                and not self.vocab.classes_of(key, "mixed")
            )
            if len(self._name_likes) > _CACHE_MAX:
                self._name_likes.clear()
        return found

    def window_features(self, lang: str, w: Window) -> list[list[str]]:
        """The feature lists of one window's tokens."""
        own, near = self._own_features, self._near_features
        tokens, initial = w.chunk.tokens, w.chunk.initial
        n, out = len(tokens), []
        for i, (text_feats, phrase_feats) in zip(range(w.start, w.end), w.extras, strict=True):
            f = list(own(tokens[i], lang, initial[i]))
            f.extend(text_feats)
            f.extend(near(tokens[i - 2], lang)[3] if i >= 2 else ("-2BOS",))
            f.extend(near(tokens[i - 1], lang)[2] if i >= 1 else ("-1BOS",))
            f.extend(near(tokens[i + 1], lang)[1] if i + 1 < n else ("1EOS",))
            f.extend(near(tokens[i + 2], lang)[0] if i + 2 < n else ("2EOS",))
            f.extend(phrase_feats)
            out.append(f)
        return out

    def _phrase_heads(self, lang: str) -> frozenset[str]:
        """The words that open a vocabulary phrase of `lang` (the keys of `_first_index`, which
        are the language then the word), made once per language."""
        heads = self.__dict__.setdefault("_heads", {})
        found = heads.get(lang)
        if found is None:
            found = heads[lang] = frozenset(
                k[len(lang) :] for k in self._first_index if k.startswith(lang)
            )
        return found

    def _phrases(
        self, keys: list[str], lang: str, windows: list[tuple[int, int]]
    ) -> tuple[dict[int, list[str]], dict[int, list[str]], dict[int, list[str]]]:
        """Vocabulary phrases: which tokens they cover, and which tokens come right after one
        (little linking words skipped) or right before one."""
        cover: dict[int, list[str]] = {}
        after: dict[int, list[str]] = {}
        before: dict[int, list[str]] = {}
        n = len(keys)
        first_index = self._first_index
        classes_of = self.vocab.classes_of
        near = sorted({i for a, b in windows for i in range(max(0, a - 6), min(n, b + 1))})
        heads = self._phrase_heads(lang)
        for i in near:
            if keys[i] not in heads:
                continue  # (most words open no phrase: one set test, no key built)
            for name, phrase in first_index[lang + keys[i]]:
                m = len(phrase)
                if m > 1 and tuple(keys[i : i + m]) != phrase:
                    continue
                if m > 1:
                    for k in range(i, i + m):
                        cover.setdefault(k, []).append("P:" + name)
                if name in AFTER_CLASSES and i + m < n:
                    after.setdefault(i + m, []).append("A:" + name)
                    j = i + m
                    while (
                        j < n
                        and j < i + m + 3
                        and (
                            "link" in classes_of(keys[j], lang)
                            or (
                                j == i + m and keys[j] == "." and keys[j - 1] in self._abbreviations
                            )
                        )
                    ):
                        j += 1
                    if j > i + m and j < n:
                        after.setdefault(j, []).append("A:" + name)
                if name in BEFORE_CLASSES and i > 0:
                    before.setdefault(i - 1, []).append("B:" + name)
        # listed places of several words ("portage la prairie", "boston bar")
        places = self.lex.places_multi
        for i in near:
            if keys[i] not in places:
                continue
            for entry in places[keys[i]]:
                m = len(entry)
                if tuple(keys[i : i + m]) == entry:
                    for k in range(i, i + m):
                        cover.setdefault(k, []).append("P:listed_place")
                    break
        return cover, after, before


def occurrences(lower: str, word: str) -> Iterator[int]:
    """Where `word` stands as a whole word in the lower-cased text (plain finds: fast)."""
    at, n = lower.find(word), len(lower)
    while at != -1:
        end = at + len(word)
        if (at == 0 or not lower[at - 1].isalnum()) and (end == n or not lower[end].isalnum()):
            yield at
        at = lower.find(word, end)


def _lower_occurrences(text: str, lower: str, word: str) -> Iterator[int]:
    """Where `word` stands alone in `text` written in lower case (the rules for lower-case names
    look only there: a capitalised one is the tagger's)."""
    return (at for at in occurrences(lower, word) if text[at].islower())
