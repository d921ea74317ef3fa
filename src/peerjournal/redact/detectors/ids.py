"""ID: SIN, health card and driver's licence numbers, licence plates, case and file numbers.

Shapes alone catch the usual Canadian formats; a cue word ("case", "file", "card", "plate",
"licence", "#") catches the rest. Short numbers (ratings, ages, durations, Session 3) never match:
every shape needs at least three digits together with letters, or seven digits.
"""

from __future__ import annotations

import re
from functools import cache

from peerjournal.redact.detectors.context import Text, Window, finditer, intersect, merge
from peerjournal.redact.lexicon import fold, words
from peerjournal.redact.spans import Span
from peerjournal.redact.vocab import trie_regex, vocabulary

_B = r"(?<![\w-])"
_E = r"(?![\w-]|\.\d)"
_ACRONYMS = frozenset(
    words(
        "STI STD HIV HCV HPV PEP CPR ICU ER UTI IUD SSI ODSP OAS EI CPP TTC BC AB ON QC NS MB SK "
        "ID SIN PHN OHIP MSP RAMQ AHS PDF MP TV ATM CRA"
    )
)
SHAPE_RE = re.compile(
    "|".join(
        [
            rf"{_B}\d{{3}}[ -]\d{{3}}[ -]\d{{3}}{_E}",  # SIN 123 456 789
            rf"{_B}\d{{4}}[ -]?\d{{3}}[ -]?\d{{3}}(?:[ -]?[A-Z]{{1,2}})?{_E}",  # health card 4-3-3
            rf"{_B}[A-Z]{{4}}[ -]?\d{{4}}[ -]?\d{{4}}{_E}",  # Quebec RAMQ
            rf"{_B}[A-Z]\d{{4}}[ -]?\d{{5}}[ -]?\d{{5}}{_E}",  # Ontario licence
            rf"{_B}[A-Z]\d{{3,5}}(?:[ -]\d{{2,6}}){{1,3}}{_E}",  # Québec licence A1234-123456-12
            rf"{_B}[A-Z]{{1,4}}-?\d{{4,9}}{_E}",  # HS-20931, A1234567
            # case and file numbers with a service or court prefix: WPS-25-339012, OPS 25-118822,
            # CR-25-4471, HRP-2026-40979, VPD31-061849, R26-51899
            rf"{_B}[A-Z]{{1,5}}[ -]?\d{{2,4}}-\d{{3,8}}(?:-\d{{1,6}})?{_E}",
            # a year, a service's letters and a number: 2024-RIM-00917, 2025-MTL-00871
            rf"{_B}(?:19|20)\d\d-[A-Z]{{2,5}}-\d{{3,8}}{_E}",
            rf"{_B}\d{{7,12}}{_E}",  # long bare numbers
            # program, booking and tribunal codes of letter groups and digits: PJ-SW-0417,
            # PJ-2291-QC, LTB-T-004512-24
            rf"{_B}[A-Z]{{1,4}}(?:-[A-Z]{{1,4}}){{1,2}}-\d{{3,6}}(?:-\d{{1,4}})?{_E}",
            rf"{_B}[A-Z]{{1,5}}-\d{{3,6}}-[A-Z]{{1,3}}{_E}",
        ]
    )
)
PLATE_RE = re.compile(
    rf"{_B}(?P<letters>[A-Z]{{3,4}})[ -]?\d{{3,4}}{_E}|{_B}\d{{3}}[ -]?(?P<after>[A-Z]{{3}}){_E}"
    rf"|{_B}[A-Z]{{2}}\d[ -]?\d[A-Z]{{2}}{_E}|{_B}\d[A-Z]{{2,3}}[ -]?\d{{3}}{_E}"
)
MIXED_PLATE_RE = re.compile(
    # Two groups of letters and digits mixed, as plates of most provinces are written:
    # KP4 21M, BF7 60A, T20 NXA, CX4 87N, 4ABC123 (at least two digits and one letter).
    rf"{_B}(?=[A-Z\d]{{3}}[ -]?[A-Z\d]{{3,4}}{_E})(?=(?:[A-Z -]*\d){{2}})(?=[\d -]*[A-Z])"
    rf"(?P<mixed>[A-Z\d]{{3}}[ -]?[A-Z\d]{{3,4}}){_E}"
)
CUE_WORDS: tuple[str, ...] = (
    "warrant",
    "inmate",
    "offender",
    "booking",
    "citation",
    "summons",
    "numéro",
    "numero",
    "matricule",
    "permis",
    "plaque",
    "carte",
    "nas",
    "ramq",
    "phn",
    "ahcip",
    "ohip",
    "msp",
    "dl",
    "dossier",
    "rapport",
    "occurrence",
    "case",
    "file",
    "claim",
    "badge",
    "client",
    "member",
    "account",
    "policy",
    "ticket",
    "report",
    "incident",
    "docket",
    "court",
    "licence",
    "license",
    "plate",
    "card",
    "sin",
    " id",
    "number",
    "no.",
    "num",
    "#",
    "n°",
    "nº",
    "(no",
    " no ",
)
# The vocabulary's ID cue words the list above lacks ("participant", "locker", "casier"); the
# bare "no" only with its number right after it (NUMBER_SIGN_RE), since "no" is a word.
_MORE_CUES = tuple(
    w
    for w in vocabulary().words("id_cue")
    if w.isalpha() and w != "no" and w not in CUE_WORDS and fold(w) not in CUE_WORDS
)
CUE_WORDS += _MORE_CUES
_MORE_CUE_RE = trie_regex([[re.escape(c) for c in w] for w in _MORE_CUES])
CUE_RE = re.compile(
    r"\b(?:(?:warrant|inmate|offender|booking|citation|summons|numéro|numero|matricule|permis|"
    r"plaque|carte|nas|ramq|phn|ahcip|ohip|msp|dl|dossier|rapport|occurrence|case|file|claim|badge|client|member|account|policy|"
    r"ticket|report|incident|docket|court|licen[cs]e|plate|card|health\s+card|care\s+card|SIN|ID|"
    r"number|num|" + _MORE_CUE_RE + r")\b|no\.|#)"
    # (after a comma, only a code of letters and digits or of dashed groups: "file number,
    # TSL-118204", "dossier, 4471-22"; not "in any case, 2019" nor "in any case, 2019-2020")
    r"(?:\s*(?:(?:number|no|num|is|was|code)\b\.?|#|:"
    r"|,(?=\s*#?(?:[A-Z]+-?\d|\d+[-A-Z]))(?!\s*(?:19|20)\d\d-(?:19|20)?\d\d\b)))*"
    r"\s*(?P<paren>\()?"
    # The number holds a digit within its first few letters ("EPS-24-118302", "VPD 26-004471"),
    # so a cue word is never taken for the number ("court file", "incident report").
    r"(?!(?:number|num|no|is|was|file|case|report|card|plate|dossier|code)\b)"
    r"(?P<id>(?=#?(?:[A-Z]{1,6}-){0,2}[A-Z]{0,6}[ -]?\d)"
    r"#?[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])| (?=\d)){3,24})",
    re.IGNORECASE,
)


# The cue and its number a few words apart, the number announced by ":" or "is"/"c'est":
# "badge number, I wrote it down: 4471", "matricule comme à la séance : 4471".
CUE_FAR_RE = re.compile(
    r"\b(?:" + vocabulary().alternation("id_cue")[3:-1] + r")\b"
    r"[^.!?\n\d]{0,40}?(?::|#|\bis\b|\bwas\b|c['’]est\b|\best\b)\s*"
    # a year may open a file number: "2025-MTL-00871", "2024-118302"
    # letters before the digits belong to the number: "MRN 0048823", "CLM-778812"
    r"(?P<id>#?(?:(?-i:[A-Z]{2,4})[ -]?|[A-Z]{0,4}-?)\d{3,12}"
    r"(?:-[A-Z0-9]{1,8}(?<=\d)|-[A-Z]{1,5}-\d{2,8})?)"
    r"(?![\w/.,:]\d|[\w$%])",
    re.IGNORECASE,
)
# A number set apart as its own clause a sentence after its cue: "asked for his matricule. Il
# l'a donné, 5382, mais...", "wrote down badge numbers and dates. So: 2287." The number stands
# between commas, after ":" or after a giving verb, and nothing follows it in its clause.
CUE_NEXT_RE = re.compile(
    r"\b(?:" + vocabulary().alternation("id_cue")[3:-1] + r")\b"
    r"[^!?\n\d]{0,60}?(?:,|:|\b(?:gave|said|donné|dit)\b)\s*"
    # (a short first group with a dash is one too: "numéro de permis, 19-4477")
    r"(?P<id>#?(?:\d{3,8}(?:-\d{2,8})?|\d{2}-\d{3,8}))(?=\s*(?:[,;)!?\n]|\.(?!\d)|$))",
    re.IGNORECASE,
)
# Part of a plate, upper case, after "plate"/"plaque" and ":" or "starts with": "Plaque
# partielle : H52", "plate started with KX4", "plate starts with RN4 82".
PARTIAL_PLATE_RE = re.compile(
    r"\b(?i:plates?|plaques?)\b[^.!?\n\d]{0,25}?"
    r"(?::|\b(?i:is|was|c['’]est|starts?\s+with|started\s+with|commen\w*\s+par)\b)\s*"
    r"(?P<id>(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,7}(?:[ -](?=[A-Z]*\d)[A-Z0-9]{1,4})?"
    # letters alone only after "starts with": "plate started with CKRT"
    r"|(?<=with )[A-Z]{2,4}|(?<=par )[A-Z]{2,4})"
    r"(?![\w'’])"
)
# The number sign written as letters: "n° 702593", "nº 4412", "(no 702593)", "no 5512034": a
# bare "no" is a word, so only inside brackets or with five digits or more ending the clause.
NUMBER_SIGN_RE = re.compile(
    r"(?:\bn[°º]\.?|(?<=\()[Nn]o\.?|\b[Nn]o(?=\.?\s*\d{5,12}\s*(?:[.,;:!?)\n]|$)))\s*(?P<id>\d{3,12})"
    r"(?![\w%$'’]|[.,:/]\d|\s*(?:%|\$|h\b|am\b|pm\b))"
)
_MIXED_HINT_RE = re.compile(r"[A-Z]\d|\d[A-Z]")


def _plates(t: Text) -> list[Span]:
    text, spans = t.text, []
    for m in finditer(PLATE_RE, text, t.around_clusters(3, before=8, after=8)):
        letters = m.group("letters") or m.group("after") or ""
        if letters not in _ACRONYMS:
            spans.append(Span(m.start(), m.end(), "ID"))
    if not _MIXED_HINT_RE.search(text):
        return spans
    for m in finditer(MIXED_PLATE_RE, text, t.around_clusters(2, before=8, after=8)):
        mixed = m.group("mixed")
        head = re.match(r"[A-Z]+", mixed)
        simple = re.fullmatch(r"[A-Z]+ ?\d+|\d+ ?[A-Z]+", mixed)
        if not (simple and head and head.group() in _ACRONYMS):  # "HIV 101", "STI 123"
            spans.append(Span(m.start(), m.end(), "ID"))
    return spans


def _cued(text: str, windows: list[Window]) -> list[Span]:
    spans = []
    for m in finditer(CUE_FAR_RE, text, windows):
        value = m.group("id")
        if not re.fullmatch(r"(?:19|20)\d\d", value):  # a year is not a number of anyone's
            spans.append(Span(m.start("id"), m.end("id"), "ID"))
    for m in finditer(CUE_NEXT_RE, text, windows):
        if m.group("id").count(".") == 0 and not re.fullmatch(r"(?:19|20)\d\d", m.group("id")):
            spans.append(Span(m.start("id"), m.end("id"), "ID"))
    for m in finditer(NUMBER_SIGN_RE, text, windows):
        spans.append(Span(m.start("id"), m.end("id"), "ID"))
    for m in finditer(CUE_RE, text, windows):
        value = m.group("id").rstrip(" -")
        if m.group("paren") and re.fullmatch(r"(?:19|20)\d\d\)?", value):
            continue  # "the court file (2019)": a year
        if sum(c.isdigit() for c in value) >= 3:
            start = m.start("id")
            spans.append(Span(start, start + len(value), "ID"))
    return spans


GROUPED_RE = re.compile(rf"{_B}\d{{2,6}}(?:[ -]\d{{2,6}}){{1,3}}{_E}")
_YEAR_RANGE_RE = re.compile(r"(?:19|20)\d\d[ -](?:19|20)?\d\d")


def _grouped(text: str, windows: list[Window]) -> list[Span]:
    """Digit groups with seven digits or more: 123-45-6789, 12345-6789, 123456-789."""
    spans = []
    for m in finditer(GROUPED_RE, text, windows):
        value = m.group()
        if sum(c.isdigit() for c in value) >= 7 and not _YEAR_RANGE_RE.fullmatch(value):
            spans.append(Span(m.start(), m.end(), "ID"))
    return spans


@cache
def _badge_re() -> re.Pattern[str]:
    """A police or security title, maybe a name, then a number: the badge ("PC 3392",
    "agent Carrière, 2274", "Cst. 4471"). The number is the ID; the title stays readable."""
    titles = [w for w in vocabulary().words("badge_title") if w.replace(" ", "").isalpha()]
    alternation = trie_regex([[re.escape(c) for c in w] for w in titles])
    return re.compile(
        rf"(?:(?<=\b[lLdD]['’])|(?<![\w'’]))(?P<title>(?i:{alternation}))\.?\s+(?:[A-ZÀ-Ý][\w'’-]+\s*,?\s+)?\(?#?"
        r"(?P<id>\d{3,6})(?![\w/.,:]\d|[\w$%'’]|\s*(?:am|pm|h\b|min|\$))"
    )


def _badges(t: Text) -> list[Span]:
    if t.lower_words.isdisjoint(vocabulary().words("badge_title")):
        return []
    text, spans = t.text, []
    for m in finditer(_badge_re(), text, t.around_clusters(3, before=40, after=2)):
        after = _NEXT_WORD_RE.match(text, m.end())
        if after is None or after.group(1) is None or _ends_nothing(after.group(1), t.lang):
            title = m.group("title")
            # an upper-case abbreviation is written as part of the number ("PC 3392")
            start = m.start("title") if title.isupper() and len(title) <= 3 else m.start("id")
            spans.append(Span(start, m.end("id"), "ID"))
    return spans


# What follows a badge number: the end of a clause, or a word that says nothing about a
# quantity ("4471 was rude", "2274 a dit"), not a unit ("300 feet", "500 people").
_NEXT_WORD_RE = re.compile(r"\s*(?:[.,;:!?)\n]|$|([^\W\d_]+['’]?))")


def _ends_nothing(word: str, lang: str) -> bool:
    classes = vocabulary().classes_of(fold(word), lang)
    return bool(classes & {"person_verb", "link", "joiner", "language_marker", "pronoun"})


def _partial_plates(t: Text) -> list[Span]:
    windows = t.word_windows(("plate", "plaque"), before=0, after=45)
    return [
        Span(m.start("id"), m.end("id"), "ID") for m in finditer(PARTIAL_PLATE_RE, t.text, windows)
    ]


@cache
def _locker_re() -> re.Pattern[str]:
    """A locker or mailbox word, maybe "#", "number" or "c'est le", then its number (any length:
    "locker 14" is one person's)."""
    words = vocabulary().words("locker_word")
    lockers = trie_regex([[r"\s+" if c == " " else re.escape(c) for c in w] for w in words])
    return re.compile(
        rf"(?<![\w'’])(?i:{lockers})s?\b"
        r"(?:\s*(?:#|(?i:no|n°|number|numéro|num)\b\.?|(?i:c['’]est(?:\s+le)?|is)\b|:))*\s*"
        r"(?P<id>\d{1,6}[A-Za-z]?)(?![\w%$'’]|[.,:/]\d)"
    )


def _lockers(t: Text) -> list[Span]:
    windows = t.word_windows(vocabulary().words("locker_word"), before=0, after=40)
    if not windows:
        return []
    found = finditer(_locker_re(), t.text, windows)
    return [Span(m.start("id"), m.end("id"), "ID") for m in found]


def find(t: Text) -> list[Span]:
    """Identity, health card, licence, plate, case and locker numbers (every shape holds digits
    but a plate's first letters after "starts with")."""
    if not t.digit_runs:
        return _partial_plates(t)  # ("plate started with CKRT": letters alone)
    partial = _partial_plates(t) + _lockers(t)
    if max((n for _, _, n in t.digit_clusters), default=0) < 2:
        # plates split their digits ("KP4 21M", "T20 NXA"): count digits near each other
        return partial
    text = t.text
    near = t.around_clusters(4, before=8, after=8)
    spans = [Span(m.start(), m.end(), "ID") for m in finditer(SHAPE_RE, text, near)]
    spans += _plates(t)
    spans += _grouped(text, near)
    near_cue = t.around_clusters(3, before=45, after=30)
    cues = t.word_windows(CUE_WORDS, before=1, after=70, within=near_cue) if near_cue else []
    if cues:
        spans += _cued(text, merge(intersect(cues, near_cue), len(text)))
    return spans + _badges(t) + partial
