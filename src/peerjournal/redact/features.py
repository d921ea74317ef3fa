"""What the person and place tagger knows about each word: the features of the sequence model.

Every feature is computed from the text and the shipped data, never from a hand-written example:
- the word itself, its shape (Xx, x, X, d...) and its last letters;
- which lists know it (first names, surnames, ordinary English and French words, working names,
  words that identify nobody, big cities, small places) and which vocabulary classes hold it in
  the entry's language (titles, street types, venue words, joining words...);
- where it stands (starts a sentence or a line) and whether the same word is written elsewhere
  in the text with a capital in mid-sentence, or in lower case;
- the same for its neighbours two words either side, and the vocabulary phrases that end right
  before it or start right after it ("calls me", "m'a dit", "corner of").

Only stretches around candidate words are tagged (a capitalised word, a word the name or place
lists know, a street or venue word): most words of a journal are neither and cost nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerjournal.redact.lexicon import Lexicon, lexicon
from peerjournal.redact.tokenize import Tok, phrase_keys, shape, tokenize
from peerjournal.redact.vocab import Vocabulary, vocabulary

CONTEXT = 2  # words either side of a candidate that are tagged with it
_BREAK = frozenset(".!?…:;•*–—>\"“”()[]#|")
_NEVER = ("pronoun", "weekday", "program", "chain")
# Classes whose phrases say something about the word right after them / right before them.
AFTER_CLASSES = ("title", "relation", "naming_cue", "person_before", "place_before", "handle_cue")
BEFORE_CLASSES = ("person_verb", "street_type", "venue", "direction", "area")
_CACHE_MAX = 200_000


@dataclass(slots=True)
class Sequence:
    """One entry's tokens, its language, and the windows the tagger looks at."""

    tokens: list[Tok]
    lang: str
    windows: list[tuple[int, int]]  # [start, end) token indices


class Featurizer:
    """Builds feature lists; word-level parts are cached per (word, language)."""

    def __init__(self, lex: Lexicon | None = None, vocab: Vocabulary | None = None) -> None:
        self.lex = lex or lexicon()
        self.vocab = vocab or vocabulary()
        self._lexical: dict[tuple[str, str], tuple[tuple[str, ...], str, bool]] = {}
        self._first_index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self._end_index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for lang in ("en", "fr", "mixed"):
            self._index(lang)

    # -- word level ---------------------------------------------------------------------------

    def _index(self, lang: str) -> None:
        first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        end: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for name in self.vocab.classes:
            phrases = list(self.vocab.phrases(name, lang))
            if name in AFTER_CLASSES or name in BEFORE_CLASSES:
                singles = {phrase_keys(w) for w in self.vocab.words(name, lang)}
                phrases += [p for p in singles if len(p) == 1]
            for phrase in phrases:
                first.setdefault(lang + phrase[0], []).append((name, phrase))
                end.setdefault(lang + phrase[-1], []).append((name, phrase))
        self._first_index.update(first)
        self._end_index.update(end)

    def lexical(self, key: str, lang: str) -> tuple[tuple[str, ...], str, bool]:
        """(list and class features, a short profile of the lists, never-a-name) for one word."""
        found = self._lexical.get((key, lang))
        if found is not None:
            return found
        lex = self.lex
        flags = ""
        plural = key[:-1] if key.endswith("s") and len(key) > 3 else key
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
            flags += "b"
        if key in lex.places_single or key in lex.places_multi:
            flags += "p"
        if "-" in key and all(
            part in lex.common_words or part in lex.french_words for part in key.split("-") if part
        ):
            flags += "h"  # every part an ordinary word: "Envoyez-les", "peer-led"
        classes = self.vocab.classes_of(key, lang)
        feats = tuple(["L:" + c for c in flags] + ["C:" + c for c in sorted(classes)])
        never = any(c in classes for c in _NEVER) or "n" in flags or "b" in flags
        out = (feats, flags or "-", never)
        if len(self._lexical) > _CACHE_MAX:
            self._lexical.clear()
        self._lexical[(key, lang)] = out
        return out

    # -- sequences ----------------------------------------------------------------------------

    def sequence(
        self, text: str, lang: str | None = None, tokens: list[Tok] | None = None
    ) -> Sequence:
        from peerjournal.redact.language import detect_tokens

        tokens = tokens if tokens is not None else tokenize(text)
        lang = lang or detect_tokens(tokens)
        return Sequence(tokens, lang, self._windows(text, tokens, lang))

    def _initial(self, text: str, tokens: list[Tok], i: int) -> bool:
        if i == 0:
            return True
        prev = tokens[i - 1]
        return prev.text in _BREAK or "\n" in text[prev.end : tokens[i].start]

    def _candidate(self, text: str, tokens: list[Tok], i: int, lang: str) -> bool:
        tok = tokens[i]
        first = tok.text[0]
        if not first.isalpha() or tok.key == "i":
            return False
        _, flags, never = self.lexical(tok.key, lang)
        classes = self.vocab.classes_of(tok.key, lang)
        if first.isupper():
            return not ("C:pronoun" in classes and self._initial(text, tokens, i))
        if never or "pronoun" in classes:
            return False
        if "street_type" in classes or "venue" in classes:
            return True
        if "f" in flags or "w" in flags or "p" in flags:
            return True
        return "s" in flags and "e" not in flags and "c" not in flags

    def _windows(self, text: str, tokens: list[Tok], lang: str) -> list[tuple[int, int]]:
        n, out = len(tokens), []
        for i in range(n):
            if self._candidate(text, tokens, i, lang):
                a, b = max(0, i - CONTEXT), min(n, i + CONTEXT + 1)
                if out and a <= out[-1][1]:
                    out[-1] = (out[-1][0], b)
                else:
                    out.append((a, b))
        return out

    def features(self, text: str, seq: Sequence) -> list[list[list[str]]]:
        """One feature list per token of each window."""
        tokens, lang = seq.tokens, seq.lang
        if not seq.windows:
            return []
        n = len(tokens)
        keys = [t.key for t in tokens]
        # the same word elsewhere in the text: with a capital in mid-sentence, or in lower case
        mid_cap: set[str] = set()
        lower: set[str] = set()
        initial = [False] * n
        for i, t in enumerate(tokens):
            initial[i] = self._initial(text, tokens, i)
            c = t.text[0]
            if c.isupper() and not initial[i]:
                mid_cap.add(t.key)
            elif c.islower():
                lower.add(t.key)
        cover, after, before = self._phrases(keys, lang, seq.windows)
        lexical = self.lexical
        out = []
        for a, b in seq.windows:
            window = []
            for i in range(a, b):
                tok = tokens[i]
                key = keys[i]
                feats, flags, _ = lexical(key, lang)
                c = tok.text[0]
                cap = "U" if c.isupper() else "l" if c.islower() else "d" if c.isdigit() else "o"
                if cap == "U" and len(tok.text) > 1 and tok.text.isupper():
                    cap = "A"
                ini = "i" if initial[i] else "m"
                f = [
                    "b",
                    "w=" + key,
                    "s=" + shape(tok.text),
                    "x3=" + key[-3:],
                    "pr=" + cap + ini + flags,
                    "lg=" + lang + cap + ini,
                    "cap=" + cap + ini,
                    *feats,
                ]
                if key in mid_cap and cap != "U":
                    f.append("D:midcap")
                if key in mid_cap and ini == "i":
                    f.append("D:midcap_i")
                if key in lower and cap == "U":
                    f.append("D:lower")
                for d in (-2, -1, 1, 2):
                    j = i + d
                    if j < 0:
                        f.append(f"{d}BOS")
                        continue
                    if j >= n:
                        f.append(f"{d}EOS")
                        continue
                    other = tokens[j]
                    ofeats, oflags, _ = lexical(keys[j], lang)
                    oc = other.text[0]
                    ocap = (
                        "U" if oc.isupper() else "l" if oc.islower() else "d" if oc.isdigit() else "o"
                    )
                    f.append(f"{d}pr={ocap}{oflags}")
                    f.extend(f"{d}{x}" for x in ofeats)
                    if d in (-1, 1):
                        f.append(f"{d}w={keys[j]}")
                        f.append(f"{d}s={shape(other.text)}")
                f.extend(cover.get(i, ()))
                f.extend(after.get(i, ()))
                f.extend(before.get(i, ()))
                window.append(f)
            out.append(window)
        return out

    def _phrases(
        self, keys: list[str], lang: str, windows: list[tuple[int, int]]
    ) -> tuple[dict[int, list[str]], dict[int, list[str]], dict[int, list[str]]]:
        """Vocabulary phrases of two words or more: which tokens they cover, and which tokens
        come right after or right before one."""
        cover: dict[int, list[str]] = {}
        after: dict[int, list[str]] = {}
        before: dict[int, list[str]] = {}
        n = len(keys)
        first_index = self._first_index
        lo, hi = max(0, windows[0][0] - 6), min(n, windows[-1][1] + 6)
        for i in range(lo, hi):
            for name, phrase in first_index.get(lang + keys[i], ()):
                m = len(phrase)
                if tuple(keys[i : i + m]) != phrase:
                    continue
                for k in range(i, i + m):
                    cover.setdefault(k, []).append("P:" + name)
                if name in AFTER_CLASSES and i + m < n:
                    after.setdefault(i + m, []).append("A:" + name)
                    j = i + m
                    while j < n and j < i + m + 3 and "link" in self.vocab.classes_of(keys[j], lang):
                        j += 1
                    if j > i + m and j < n:
                        after.setdefault(j, []).append("A:" + name)
                if name in BEFORE_CLASSES and i > 0:
                    before.setdefault(i - 1, []).append("B:" + name)
        # listed places of several words ("portage la prairie", "boston bar")
        places = self.lex.places_multi
        for i in range(lo, hi):
            for entry in places.get(keys[i], ()):
                m = len(entry)
                if tuple(keys[i : i + m]) == entry:
                    for k in range(i, i + m):
                        cover.setdefault(k, []).append("P:listed_place")
                    break
        return cover, after, before
