"""Terms always redacted: the participant's own list and the facilitator's local list.

A term matches case-insensitively and accent-insensitively ("Genevieve" finds "Geneviève"), as a
whole word, with its possessive ("Candy's", "Candy’s") and simple plurals ("Candys", "Candies",
"Roses").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from peerjournal.errors import TermsFileError
from peerjournal.i18n import _
from peerjournal.redact.lexicon import fold
from peerjournal.redact.spans import KINDS, Span

DEFAULT_KIND = "PERSON"


@dataclass(frozen=True)
class Term:
    """A word or phrase to redact wherever it appears, and the kind to call it."""

    text: str
    kind: str = DEFAULT_KIND

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(
                _("unknown kind {kind}; expected one of {kinds}").format(
                    kind=repr(self.kind), kinds=", ".join(KINDS)
                )
            )
        if not self.text.strip():
            raise ValueError(_("a term cannot be empty"))


_ACCENTS = {
    "a": "aàáâäã",
    "c": "cç",
    "e": "eéèêë",
    "i": "iíìîï",
    "n": "nñ",
    "o": "oóòôöõ",
    "u": "uúùûü",
    "y": "yÿý",
    "'": "'’",
}


def _letters(word: str) -> str:
    """A word as a regex that ignores accents ("Genevieve" finds "Geneviève") and apostrophes."""
    parts = []
    for char in fold(word):
        variants = _ACCENTS.get(char)
        parts.append(f"[{variants}]" if variants else re.escape(char))
    return "".join(parts)


def _pattern(term: str) -> str:
    """Regex for one term: flexible inner spaces, and simple plural endings on the last word."""
    words = term.split()
    last = _letters(words[-1])
    if term[-1:].lower() == "y" and len(term) > 2:
        last = f"(?:{last}|{_letters(words[-1][:-1])}ies)"
    body = r"\s+".join([*(_letters(w) for w in words[:-1]), last])
    return rf"{body}(?:e?s)?"


class TermMatcher:
    """All terms compiled into one regular expression, built once and shared by threads."""

    def __init__(self, terms: list[Term]) -> None:
        self._kinds: dict[str, str] = {}
        by_length = sorted({t.text.strip(): t for t in terms}.values(), key=lambda t: -len(t.text))
        groups = []
        for index, term in enumerate(by_length):
            name = f"t{index}"
            self._kinds[name] = term.kind
            groups.append(f"(?P<{name}>{_pattern(term.text.strip())})")
        self._regex = (
            re.compile(
                rf"(?<!\w)(?:{'|'.join(groups)})(?=['’]s\b|['’](?!\w)|(?!\w))", re.IGNORECASE
            )
            if groups
            else None
        )

    def find(self, text: str) -> list[Span]:
        if self._regex is None:
            return []
        return [
            Span(m.start(), m.end(), self._kinds[m.lastgroup or ""])
            for m in self._regex.finditer(text)
        ]


def parse_terms(lines: list[str], source: str = "<terms>") -> list[Term]:
    """Terms from lines: "KIND: term" or a plain term (PERSON); skips blanks and '#' comments."""
    terms = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, text = DEFAULT_KIND, line
        head, sep, rest = line.partition(":")
        if sep and re.fullmatch(r"[A-Za-z]+", head.strip()):
            if head.strip().upper() not in KINDS:
                raise TermsFileError(
                    _("{source}:{line}: unknown kind {kind}; use one of {kinds}").format(
                        source=source, line=number, kind=repr(head.strip()), kinds=", ".join(KINDS)
                    )
                )
            kind, text = head.strip().upper(), rest.strip()
        if not text:
            raise TermsFileError(
                _("{source}:{line}: the term after {kind}: is empty").format(
                    source=source, line=number, kind=kind
                )
            )
        terms.append(Term(text, kind))
    return terms


def load_terms_file(path: str | Path) -> list[Term]:
    """Read a terms file (UTF-8, one term a line); errors name the file and line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TermsFileError(_("terms file not found: {path}").format(path=path)) from None
    except IsADirectoryError:
        raise TermsFileError(
            _("terms file is a folder, not a file: {path}").format(path=path)
        ) from None
    except PermissionError:
        raise TermsFileError(
            _("cannot read terms file (permission denied): {path}").format(path=path)
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TermsFileError(
            _("{path}:{line}: not valid UTF-8 text").format(path=path, line=line)
        ) from None
    return parse_terms(text.splitlines(), str(path))
