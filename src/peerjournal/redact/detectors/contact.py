"""PHONE, EMAIL, URL and HANDLE: the ways to reach someone, found by their written shapes."""

from __future__ import annotations

import re
from functools import cache

import phonenumbers

from peerjournal.redact.detectors.context import Text, finditer, intersect, merge
from peerjournal.redact.lexicon import fold, lexicon
from peerjournal.redact.spans import Span
from peerjournal.redact.vocab import trie_regex, vocabulary

_V = vocabulary()
_CUE_CLASSES = ("handle_cue", "platform", "username_cue")


def _pieces(word: str) -> list[str]:
    """A word as regex pieces for `trie_regex`; a space may be left out ("tik tok")."""
    return [r"\s?" if c == " " else re.escape(c) for c in word]


TLDS = "|".join(sorted(_V.words("domain_ending"), key=len, reverse=True))
_TRAIL = ".,;:!?)]}'\"’”"

# A dash right before a number counts as a list dash ("-(431) 562-7781") unless a digit precedes it.
_PHONE_START = r"(?<![\w+/.])(?<!\d-)(?<!\d–)"
_SEP = r"(?:\s?[./–-]\s?|\s)?"  # "431 - 562 - 7781", "450/555-0129" too
PHONE_RE = re.compile(
    rf"{_PHONE_START}(?:\+?1[\s.–-]?)?(?:\(\s*[2-9]\d{{2}}\s*\)\s?[.–-]?\s?|[2-9]\d{{2}}{_SEP})"
    rf"[2-9]\d{{2}}{_SEP}\d{{4}}"
    r"(?:,?\s*(?:ext\.?|x|extension|poste|p\.)\s*\d{1,5})?(?![\w/-]|\.\d)"
    rf"|{_PHONE_START}[2-9]\d{{2}}[.-]\d{{4}}(?![\w/-]|\.\d)",
    re.IGNORECASE,
)
# Spaces around the "@" are allowed: "maple.rose @ gmail.com" is written to dodge scrapers.
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]*\w(?:@| @ )[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}\b")
# "at" and "dot" spelled out to dodge scrapers, in English and in French ("arobase", "point").
_AT = r"(?:\s*[\(\[\{]\s*(?:at|arobase|arobas)\s*[\)\]\}]\s*|\s+(?:at|arobase|arobas)\s+)"
_DOT = r"(?:\s*[\(\[\{]\s*(?:dot|point)\s*[\)\]\}]\s*|\s+(?:dot|point)\s+|\.)"
OBFUSCATED_EMAIL_RE = re.compile(
    rf"(?<![\w.+-])(?P<local>[\w.+-]*\w(?:{_DOT}[\w+-]*\w)*){_AT}(?P<domain>[\w-]+(?:{_DOT}[\w-]+)*{_DOT}(?:{TLDS}))\b",
    re.IGNORECASE,
)
URL_RE = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"]+"
    rf"|(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{TLDS})\b(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)
HANDLE_RE = re.compile(r"(?<![\w@.])@\w(?:[\w.-]*\w)?")
# A payment app's username, a "cashtag": "$SunflowerPaysMe" (Cash App), "$lilacdusk"
# (Wealthsimple). Money starts with a digit; a currency code is all capitals ("$CAD").
CASHTAG_RE = re.compile(r"(?<![\w$])\$(?![A-Z]{3}\b)[A-Za-z][A-Za-z0-9_-]{2,19}(?![\w$])")
# A Discord tag: a name, "#", four digits ("brume#4471").
DISCORD_RE = re.compile(r"(?<![\w@.#])[A-Za-z][\w.]{1,31}#\d{4}(?!\w)")
# Letters that no dictionary knows, then two digits or more: "daddyjoe1974", "bigtipper514"
# are usernames wherever they stand (the letters are checked against both languages' words).
LETTERS_DIGITS_RE = re.compile(r"(?<![\w@./#-])(?P<letters>[A-Za-z]{4,})\d{2,}(?![\w@-]|\.\w)")
REDDIT_RE = re.compile(r"(?<![\w/.])u/[A-Za-z0-9_-]{3,20}\b")
UNDERSCORE_RE = re.compile(
    r"(?<![\w@./])[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*(?:_[A-Za-z0-9]+)+(?![\w@]|\.\w)"
)
# Where a URL or an email can be: a dot (or "dot") before a domain ending, a scheme, "www.".
# (Every branch opens with a literal character, so `re` skips to the next candidate at C speed;
# "d(?<!\wd)ot" is "\bdot".)
DOMAIN_TRIGGER_RE = re.compile(
    rf"(?:\.|d(?<!\wd)ot\s*|p(?<!\wp)oint\s+|[\(\[\{{](?:dot|point)[\)\]\}}]\s*)(?:{TLDS})\b"
    r"|://|www\."
)
AT_TRIGGER_RE = re.compile(r"@")
_AT_FORMS = (" at ", "(at)", "[at]", "{at}", "( at )", "[ at ]", "arobase", "arobas")
_AT_FORMS_RE = re.compile("|".join(re.escape(f) for f in _AT_FORMS))
# Two-letter platform words that are seldom anything else in a journal; "x" and "of" are
# words too, and name a platform only after "on" ("on x she's mira.lee").
_SHORT_CUES = ("ig", "sc", "tg", "tt")
_ON_PLATFORM = r"on\s+(?:x|of)(?![\w'’])"
# What stands between a cue and the username it gives: "is", "c'est", ":", "=", "->"...
_LINK = (
    r"(?:\b(?:is|it's|its|it’s|was|as|at|under|called|c['’]est|cest|est|name['’]?s"
    r"|i['’]?m|she['’]?s|he['’]?s|they['’]re|je\s+suis|j['’]suis|chu|sous)\b|:|=|->|→)"
    # an adverb may stand between the link and the username: "her snap is still X"
    r"(?:\s+(?:still|now|always|just|toujours|encore|maintenant|rendu|juste)\b)?"
)


# Where a handle can be named: a platform or account word (lower-case text is searched).
HANDLE_CUE_WORDS = (  # (no space before the longer ones: "l'insta", "(snap")
    *sorted({w for c in _CUE_CLASSES for w in _V.words(c) if len(w) > 2}),
    *(" " + w for w in _SHORT_CUES),
    " on of",
    " on x",
    " on fb",
    "ig ",
    "ig:",
    "ig,",
)


@cache
def _ordinary() -> frozenset[str]:
    """Dictionary words of both languages: "juste" is no username."""
    return lexicon().common_words | lexicon().french_words


@cache
def _username_cues() -> frozenset[str]:
    return frozenset(re.sub(r"\W+", "", w) for w in _V.words("username_cue"))


def _names_a_username(cue: str) -> bool:
    """ "username is candyfloss": this cue names a username, whatever word it is."""
    return re.sub(r"\W+", "", cue.lower()) in _username_cues()


@cache
def _little_words() -> frozenset[str]:
    classes = ("pronoun", "determiner", "link", "language_marker", "place_before")
    return frozenset(w for c in classes for w in _V.words(c))


def _cue_alternation() -> str:
    """Platform and account words of three letters or more ("of", "x" are words too)."""
    found = {w for c in _CUE_CLASSES for w in _V.words(c) if len(w) > 2} | set(_SHORT_CUES)
    return trie_regex([_pieces(w) for w in found])


# A username set off by a comma a few words after its cue: "my gamertag from high school,
# xXvoidrunnerXx, and...", "mon pseudo depuis le secondaire, lili_nocturne".
HANDLE_COMMA_RE = re.compile(
    rf"\b(?P<cue>{_cue_alternation()}|{_ON_PLATFORM})[^.,\n]{{0,30}},[ \t]*@?(?P<name>[\w.]*\w)",
    re.IGNORECASE,
)
HANDLE_CUE_RE = re.compile(
    rf"\b(?P<cue>{_cue_alternation()}|fb|{_ON_PLATFORM}|(?-i:OF)|@)"
    rf"[^.\n]{{0,24}}?{_LINK}"
    r"\s*:?\s*@?"
    r"(?P<name>[\w.]*\w)",
    re.IGNORECASE,
)


def _platform_alternation() -> str:
    return trie_regex([_pieces(w) for w in _V.words("platform")])


_PLATFORM = _platform_alternation()
# "mimi.stroch c'est mon télégram", "lola.b is my snap": the username, then its platform.
_THIS_IS_MY = (
    r"(?:c['’]est|cest|is|was)\s+(?:mon|ma|son|sa|notre|leur|my|her|his|their|our)"
    r"(?:\s+(?:nouveau|nouvel|new|old|ancien|vieux|backup|main|second))?"
)
# "goes by roxy.wpg on snap", "add sugar45 on insta": a username right before its platform.
HANDLE_BEFORE_PLATFORM_RE = re.compile(
    rf"(?<![\w@.])@?(?P<name>\w[\w.]*\w)\s+(?:on|at|in|sur|{_THIS_IS_MY})\s+(?:the\s+)?"
    rf"{_PLATFORM}\b",
    re.IGNORECASE,
)
# "snap lilith.x", "ig - rosie_22", "the user gigi.b", "her snapchat's sassy.sam": a
# username-shaped word right after a platform or account word (and a link word or two).
_CUE_WORD = trie_regex([_pieces(w) for c in _CUE_CLASSES for w in _V.words(c)])
_QUALIFIER = trie_regex([_pieces(w) for w in _V.words("account_qualifier")])
HANDLE_AFTER_PLATFORM_RE = re.compile(
    rf"\b(?P<cue>{_CUE_WORD}|(?-i:OF))(?:\s+(?P<cue2>{_CUE_WORD}))?(?:['’]s)?(?![\w'’])\s*"
    rf"(?:(?:{_LINK}|-|,|\()\s*){{0,2}}"  # "sur Zalo (minh.nails.ct)"
    rf"(?:{_QUALIFIER}\s+)?@?(?P<name>\w[\w.]*\w)(?!['’]\w)",
    re.IGNORECASE,
)
# "follow me @ peachy.k": an "@" written apart from a username-shaped word (a dot, a digit or an
# underscore in it; an email's domain after " @ " is the email detector's).
SPACED_AT_RE = re.compile(r"(?<![\w@.])@[ \t](?P<name>[A-Za-z][\w.]*[\d_.][\w.]*\w)\b")
# "goes by X", "add me: X", "find her as X" followed by a platform later in the sentence.
HANDLE_BY_RE = re.compile(
    r"\b(?:goes\s+by|go\s+by|going\s+by|went\s+by|add|follow|find)\s+(?:me|her|him|them)?\s*"
    r"(?:as|at|:)?\s*@?(?P<name>\w[\w.]*\w)\b(?=[^.\n]{0,20}\b(?:on|at)\s+"
    rf"{_PLATFORM}\b)",
    re.IGNORECASE,
)


# "DMd my kenzafterdark account": a username-shaped word between a possessive and an account word.
HANDLE_BEFORE_ACCOUNT_RE = re.compile(
    rf"\b(?:my|her|his|their|your|our|the)\s+(?:{_QUALIFIER}\s+)?@?(?P<name>\w[\w.]*\w)\s+"
    r"(?:account|acct|profile)\b",
    re.IGNORECASE,
)
# "my main name velvetvesper", "her backup username is lola.k": a name word after an account
# qualifier gives a username (a real name is a person's: "real" and "fake" are left out).
_NAME_QUALIFIERS = tuple(w for w in _V.words("account_qualifier") if w not in ("real", "fake"))
QUALIFIED_NAME_RE = re.compile(
    rf"\b(?:{trie_regex([_pieces(w) for w in _NAME_QUALIFIERS])})\s+(?:user\s?)?name\s+"
    r"(?:(?:is|was|c['’]est|:)\s+)?@?(?P<name>\w[\w.]*\w)",
    re.IGNORECASE,
)


@cache
def _people() -> frozenset[str]:
    return lexicon().first_names | lexicon().working_names


def _qualified_names(t: Text, common: frozenset[str]) -> list[Span]:
    if "name" not in t.lower_words or t.lower_words.isdisjoint(_NAME_QUALIFIERS):
        return []
    spans, people = [], _people()
    for m in finditer(QUALIFIED_NAME_RE, t.text, t.word_windows(("name",), before=12, after=40)):
        name = m.group("name")
        key = fold(name)
        shaped = re.search(r"[\d_.]", name)
        lower_or_shaped = (name.islower() and len(name) >= 5) or shaped  # not "tbd", "idk"
        if not lower_or_shaped or key in people or _V.classes_of(key, "mixed") or _cue(name):
            continue  # "my work name Candy" is a person's name
        if _username_like(name, common):
            spans.append(Span(m.start("name"), m.end("name"), "HANDLE"))
    return spans


# "changed my insta from mckenzie.r (long story) to kenzafterdark": renamed from one username
# to another, the second is one too.
_RENAMED_FROM_RE = re.compile(r"(?:\bfrom|\bde|\bd['’])\s*@?$", re.IGNORECASE)
RENAMED_TO_RE = re.compile(
    r"(?:\s*\([^()\n]{0,120}\))?\s*,?\s+(?:to|à|pour)\s+@?(?P<name>\w[\w.]*\w)",
    re.IGNORECASE,
)


def _renamed(text: str, spans: list[Span], common: frozenset[str]) -> list[Span]:
    out = []
    for span in spans:
        if not _RENAMED_FROM_RE.search(text, max(0, span.start - 6), span.start):
            continue
        m = RENAMED_TO_RE.match(text, span.end)
        if m and _username_like(m.group("name"), common) and not _cue(m.group("name")):
            start = m.start("name") - (text[m.start("name") - 1] == "@")
            out.append(Span(start, m.end("name"), "HANDLE"))
    return out


def _trimmed(text: str, start: int, end: int) -> int:
    """The end of a match without sentence punctuation (a URL rarely ends with a full stop)."""
    while end > start and text[end - 1] in _TRAIL:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return end


def _is_phone(digits: str) -> bool:
    """A North American number that the numbering plan allows (phonenumbers checks the shape)."""
    if len(digits) == 7:
        return True
    try:
        number = phonenumbers.parse("+1" + digits[-10:], None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_possible_number(number)


def find_phones(t: Text) -> list[Span]:
    spans: list[Span] = []
    if t.digit_count < 7:
        return spans
    for m in finditer(PHONE_RE, t.text, t.around_clusters(7, before=8, after=20)):
        digits = re.sub(r"\D", "", re.split(r"(?i),?\s*(?:ext|x|poste|p\.)", m.group())[0])
        shaped = (digits.startswith("1") and len(digits) == 11) or len(digits) in (7, 10)
        if shaped and _is_phone(digits):
            spans.append(Span(m.start(), m.end(), "PHONE"))
    return spans


def find_emails(t: Text) -> list[Span]:
    spans = []
    if "@" in t.text:
        at_windows = t.windows(AT_TRIGGER_RE, before=80, after=80)
        spans += [Span(m.start(), m.end(), "EMAIL") for m in finditer(EMAIL_RE, t.text, at_windows)]
    if _AT_FORMS_RE.search(t.lower) is None:  # (one search for all the forms)
        return spans
    domain_windows = t.windows(DOMAIN_TRIGGER_RE, before=70, after=30)
    for m in finditer(OBFUSCATED_EMAIL_RE, t.text, domain_windows):
        local, whole = m.group("local"), m.group()
        spelled = re.search(
            r"(?i)[\(\[\{]\s*(?:at|arobase)|\b(?:dot|arobase|arobas|point)\b", whole
        )
        if spelled or re.search(r"[\d_.]", local):
            spans.append(Span(m.start(), m.end(), "EMAIL"))
    return spans


def _token_windows(t: Text, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """The whole space-delimited stretch around each trigger (a URL never holds a space)."""
    text, found = t.text, []
    for hit_start, hit_end in t.hits(trigger):
        start = max(text.rfind(" ", 0, hit_start), text.rfind("\n", 0, hit_start)) + 1
        ends = [i for i in (text.find(" ", hit_end), text.find("\n", hit_end)) if i != -1]
        found.append((start, min(ends) if ends else len(text)))
    return merge(found, len(text))


def find_urls(t: Text) -> list[Span]:
    text = t.text
    spans = []
    for m in finditer(URL_RE, text, _token_windows(t, DOMAIN_TRIGGER_RE)):
        end = _trimmed(text, m.start(), m.end())
        if end > m.start() and "." in text[m.start() : end]:
            spans.append(Span(m.start(), end, "URL"))
    return spans


def find_handles(t: Text) -> list[Span]:
    text = t.text
    spans = []
    common = _ordinary()
    if "@" in text:
        windows = t.windows(AT_TRIGGER_RE, before=1, after=60)
        spans += [Span(m.start(), m.end(), "HANDLE") for m in finditer(HANDLE_RE, text, windows)]
        for m in finditer(SPACED_AT_RE, text, windows):
            if _username_like(m.group("name"), common) and not _domain(m.group("name")):
                spans.append(Span(m.start("name"), m.end("name"), "HANDLE"))
    if "u/" in text:
        spans += [Span(m.start(), m.end(), "HANDLE") for m in REDDIT_RE.finditer(text)]
    if "$" in text:
        spans += [Span(m.start(), m.end(), "HANDLE") for m in CASHTAG_RE.finditer(text)]
    if "_" in text:
        spans += [Span(m.start(), m.end(), "HANDLE") for m in UNDERSCORE_RE.finditer(text)]
    if "#" in text:
        spans += [Span(m.start(), m.end(), "HANDLE") for m in DISCORD_RE.finditer(text)]
    spans += _letters_digits(t, common)
    cues = t.word_windows(_PLATFORM_WORDS, before=60, after=60)
    for pattern in (HANDLE_BEFORE_PLATFORM_RE, HANDLE_AFTER_PLATFORM_RE, HANDLE_BY_RE):
        for m in finditer(pattern, text, cues):
            name = m.group("name")
            # (a capital inside a word is a username's too: "droitsTDSqc sur X")
            shaped = pattern is HANDLE_BY_RE or re.search(r"[\d_.]|[a-z][A-Z]", name)
            # right after its platform, a lower-case word no dictionary knows is a username
            # too ("mon tiktok mimiverdun", "pseudo petitecerise"), unless it is a cue itself
            bare = pattern is HANDLE_AFTER_PLATFORM_RE and _bare_after(m) and not _cue(name)
            if (shaped or bare) and _username_like(name, common):
                start = m.start("name") - (m.start("name") > 0 and text[m.start("name") - 1] == "@")
                spans.append(Span(start, m.end("name"), "HANDLE"))
    for m in finditer(HANDLE_BEFORE_ACCOUNT_RE, text, cues):
        name = m.group("name")
        mixed = name.islower() or re.search(r"[\d_.]", name) or re.search(r"[a-z][A-Z]", name)
        known = _V.classes_of(fold(name), "mixed")  # "my insta account", "my main account"
        if mixed and not known and not _cue(name) and _username_like(name, common):
            spans.append(Span(m.start("name"), m.end("name"), "HANDLE"))
    spans += _shaped(t) + _qualified_names(t, common)
    windows = t.word_windows(HANDLE_CUE_WORDS, before=0, after=60)
    if "OF" in text:  # OnlyFans in capitals ("mon OF c'est X"); "of" is a word
        at = [m.start() for m in re.finditer(r"\bOF\b", text)]
        windows = merge(windows + [(a, a + 60) for a in at], len(text))
    for m in finditer(HANDLE_CUE_RE, text, windows):
        name = m.group("name")
        named = _names_a_username(m.group("cue")) and name.lower() not in _little_words()
        ordinary = fold(name) in common or name.lower() in common
        if not _LETTER_RE.search(name) or _filename(name) or _cue(name):
            continue  # "my snap streak is 300 days": a username holds a letter
        if len(name) >= 3 and (re.search(r"[\d_]", name) or not ordinary or named):
            start = m.start("name")
            if start > 0 and text[start - 1] == "@":
                start -= 1
            spans.append(Span(start, m.end("name"), "HANDLE"))
    for m in finditer(HANDLE_COMMA_RE, text, windows):
        name = m.group("name")  # after a comma only a username's shape says it is one
        if _comma_username(name) and fold(name) not in common and not _filename(name):
            spans.append(Span(m.start("name"), m.end("name"), "HANDLE"))
    if " to " in text or " à " in text or " pour " in text:
        spans += _renamed(text, spans, common)
    return spans + _beside_handles(t, spans)


def _beside_handles(t: Text, found: list[Span]) -> list[Span]:
    """A username-shaped word (lower-case parts joined by dots or underscores) near a found
    username is one too, digits or not: "kai.after.dark is me, kai_afterdark_vip is not"."""
    if not found or ("." not in t.text and "_" not in t.text):
        return []
    near = merge(((s.start - 80, s.end + 80) for s in found), len(t.text))
    taken = {(s.start, s.end) for s in found}
    out = []
    text = t.text
    for m in finditer(SHAPED_RE, text, near):
        value = m.group()
        if (m.start(), m.end()) in taken or _filename(value) or _domain(value):
            continue
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        if before in _CODE_MARKS or after in _CODE_MARKS:
            continue  # "[@click=app.quit]": a name in code or markup, not a username
        out.append(Span(m.start(), m.end(), "HANDLE"))
    return out


_CODE_MARKS = frozenset("=[]{}<>")


def _comma_username(name: str) -> bool:
    """A word set off by a comma after a platform or username word is one when shaped like a
    username: digits, "_" or ".", mixed case ("xXvoidrunnerXx"), or long and unknown
    ("kikidoesitall")."""
    if len(name) < 3 or not _LETTER_RE.search(name):
        return False  # "on my snap, 2 people saw it"
    if re.search(r"[\d_.]", name) or re.search(r"[a-z][A-Z]", name):
        return True
    return len(name) >= 8 and name.isalpha() and _V.classes_of(fold(name), "mixed") == frozenset()


_PLATFORM_WORDS = (
    *sorted(
        {w if len(w) > 3 else " " + w for c in _CUE_CLASSES for w in _V.words(c) if len(w) > 1}
    ),
    " on x",
)


# A username by its shape: lower-case letters and digits joined by dots or underscores
# ("kayla.vdo", "cerise.nb_", "ana.lunaa258"), never a file name or an abbreviation ("a.m.").
SHAPED_RE = re.compile(
    r"(?<![\w@./-])(?=[a-z0-9._]*[a-z]{2})[a-z0-9]{2,}(?:[._][a-z0-9]{2,})+_?(?![\w@]|\.\w|/)"
)
# Two letters or digits, a dot or an underscore, a letter or digit ("na.lee"). Found from
# the dot or underscore, which the pattern opens with so `re` skips to the next one at C speed
# (the plain pattern was tried at every letter of the text); `_joints` rebuilds the plain
# pattern's own, non-overlapping matches.
_JOINT_RE = re.compile(r"[._](?<=[a-z0-9]{2}[._])(?=[a-z0-9])")


def _joints(lower: str) -> list[tuple[int, int]]:
    """The spans `[a-z0-9]{2}[._][a-z0-9]` finds in `lower`, non-overlapping, left to right."""
    out: list[tuple[int, int]] = []
    end = 0
    for m in _JOINT_RE.finditer(lower):
        start = m.start() - 2
        if start >= end:
            end = start + 4
            out.append((start, end))
    return out


# Near a platform or account word, a part of one letter is allowed too ("mckenzie.r",
# "tamikaaa.x"), after a first part of three letters or more; never a domain ("leolist.ca") nor
# a sentence run together ("lol.i was").
NEAR_SHAPED_RE = re.compile(
    r"(?<![\w@./-])(?=[a-z0-9]*[a-z]{3})[a-z0-9]{3,}(?:[._](?!i\b)[a-z0-9]+)+_?(?![\w@]|\.\w|/)"
)
_FILE_ENDINGS = frozenset(_V.words("file_ending"))
_ONE_LETTER_PART_RE = re.compile(r"[._][a-z0-9](?![a-z0-9])")


@cache
def _handle_cue_words() -> tuple[str, ...]:
    return tuple(" " + w for w in vocabulary().words("handle_cue") if len(w) > 1)


def _shaped(t: Text) -> list[Span]:
    """Username-shaped words near a platform or account word, or holding a digit anywhere."""
    text, spans = t.text, []  # type: ignore[var-annotated]  # typed by the redactor rebuild
    if "." not in text and "_" not in text:
        return spans
    joints = _joints(t.lower)
    if not joints:
        return spans
    near = t.word_windows(_handle_cue_words(), before=150, after=150)
    for m in finditer(SHAPED_RE, text, merge(((a - 40, b + 40) for a, b in joints), len(text))):
        value = m.group()
        if value.rsplit(".", 1)[-1] in _FILE_ENDINGS:
            continue
        inside = any(a <= m.start() < b for a, b in near)
        if inside or any(c.isdigit() for c in value):
            spans.append(Span(m.start(), m.end(), "HANDLE"))
    around_joints = merge(((a - 40, b + 40) for a, b in joints), len(text))
    for a, b in intersect(near, around_joints):
        for m in NEAR_SHAPED_RE.finditer(text, a, b):
            value = m.group()
            if _filename(value) or _domain(value) or not _ONE_LETTER_PART_RE.search(value):
                continue  # (two letters or more in each part: SHAPED_RE's already)
            spans.append(Span(m.start(), m.end(), "HANDLE"))
    return spans


_LETTER_RE = re.compile(r"[^\W\d_]")


def _filename(name: str) -> bool:
    return "." in name and name.rsplit(".", 1)[-1].lower() in _FILE_ENDINGS


def _domain(name: str) -> bool:
    return "." in name and name.rsplit(".", 1)[-1].lower() in _DOMAIN_ENDINGS


_DOMAIN_ENDINGS = frozenset(_V.words("domain_ending"))


def _bare_after(m: re.Match[str]) -> bool:
    """A lower-case word right after a platform or username word ("tiktok mimiverdun",
    "pseudo petitecerise", "new ig destinyxpg"), not after an account word ("à son compte
    astheure") nor after a two-letter platform that is a word in lower case ("a lot of
    frybread": "of" is OnlyFans only in capitals)."""
    cue, name = m.group("cue2") or m.group("cue"), m.group("name")
    if not name.islower() or (
        len(cue) <= 2 and not cue.isupper() and lexicon().ordinary(fold(cue))
    ):
        return False
    if _V.classes_of(fold(name), "mixed"):
        return False  # a word of the vocabulary ("nuevo", "perso") names no one
    key = fold(cue)
    return key in _platforms() or re.sub(r"\W+", "", key) in _username_cues()


@cache
def _platforms() -> frozenset[str]:
    return frozenset(fold(w) for w in _V.words("platform"))


@cache
def _cue_words() -> frozenset[str]:
    classes = (*_CUE_CLASSES, "account_qualifier")
    return frozenset(fold(w) for c in classes for w in _V.words(c))


def _cue(name: str) -> bool:
    """A platform, account or qualifier word is no username ("snap, tiktok, insta", "perso")."""
    return fold(name) in _cue_words()


def _letters_digits(t: Text, common: frozenset[str]) -> list[Span]:
    """ "daddyjoe1974", "bigtipper514": letters no dictionary knows, then digits."""
    if t.longest_digit_run < 2:
        return []
    spans = []
    for m in finditer(LETTERS_DIGITS_RE, t.text, t.around_clusters(2, before=34, after=1)):
        letters = m.group("letters")
        if fold(letters) not in common and letters.lower() not in common:
            spans.append(Span(m.start(), m.end(), "HANDLE"))
    return spans


def _username_like(name: str, common: frozenset[str]) -> bool:
    """A username holds a letter, and a digit, a dot or an underscore or is no ordinary word
    (of either language: "bloqué" is French); a file name is none ("photo.jpg")."""
    if len(name) < 3 or not _LETTER_RE.search(name) or _filename(name):
        return False
    return bool(re.search(r"[\d_.]", name)) or (
        name.lower() not in common and fold(name) not in common
    )


def find(t: Text) -> list[Span]:
    """Every phone number, email address, URL and @handle in the text."""
    return find_phones(t) + find_emails(t) + find_urls(t) + find_handles(t)
