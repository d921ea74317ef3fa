"""The app's language: one gettext domain for every face, and the rule that picks the language.

Every user-facing string goes through `_` (or `ngettext` for anything counted). Strings defined
before a language is known (class constants, Textual binding descriptions) are marked with `N_`
and translated where they are shown. English is the source language; each other language is one
catalog, `locale/<code>/LC_MESSAGES/peerjournal.po`, so a new language is a translation file, not
code (docs/i18n.md).

A wheel carries compiled `.mo` catalogs (built by setup.py's build step); a source checkout (an
editable install) has only the `.po` files, which are compiled in memory on first use.

The language is chosen, in order: the person's setting in the journal, the language of the prompt
set they follow, the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

DOMAIN = "peerjournal"
SOURCE_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
ENVIRONMENT_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

# How dates and numbers are written for each language (Babel locales): the programs are Canadian.
_FORMAT_LOCALES = {"en": "en_CA", "fr": "fr_CA"}

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def _(message: str) -> str:
    """`message` in the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted message that fits `count` in the current language."""
    return _translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` in the current language, where the same English word needs telling apart."""
    return _translations.pgettext(context, message)


def gettext_in(code: str, message: str) -> str:
    """`message` in language `code`, whatever the current language (for a language chooser)."""
    return _catalog(supported(code) or SOURCE_LANGUAGE).gettext(message)


def N_(message: str) -> str:
    """Mark `message` for translation without translating it now (it is translated when shown)."""
    return message


# -- which languages exist ----------------------------------------------------------------------


@cache
def available_languages() -> tuple[str, ...]:
    """The source language and every language that has a catalog, in code order."""
    found = {
        path.parent.parent.name
        for pattern in (f"*/LC_MESSAGES/{DOMAIN}.po", f"*/LC_MESSAGES/{DOMAIN}.mo")
        for path in LOCALE_DIR.glob(pattern)
    }
    return tuple(sorted({SOURCE_LANGUAGE, *found}))


def supported(code: str | None) -> str | None:
    """The available language a locale name means ('fr_CA.UTF-8', 'fr-CA', 'FR' -> 'fr'), or None.

    'C' and 'POSIX' name no language at all.
    """
    if not code:
        return None
    base = code.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].casefold()
    return base if base in available_languages() else None


def environment_language() -> str | None:
    """The first available language the environment names (LANGUAGE may list several, a:b)."""
    for variable in ENVIRONMENT_VARIABLES:
        value = os.environ.get(variable, "")
        for part in value.split(":"):
            if part.strip() in ("C", "POSIX"):
                return None  # the environment asks for no translation at all
            code = supported(part.strip())
            if code:
                return code
    return None


def choose_language(setting: str | None = None, prompt_set: str | None = None) -> str:
    """The language to show: the journal's setting, the prompt set's, the environment's, English."""
    return supported(setting) or supported(prompt_set) or environment_language() or SOURCE_LANGUAGE


def language_name(code: str) -> str:
    """A language's name in that language ('Français', 'English'), for the language choice."""
    from babel import Locale

    name = Locale.parse(_FORMAT_LOCALES.get(code, code)).get_language_name(code)
    return (name or code)[:1].upper() + (name or code)[1:]


def language_name_here(code: str) -> str:
    """A language's name in the current language, as a sentence uses it ('French', 'anglais')."""
    from babel import Locale

    here = Locale.parse(_FORMAT_LOCALES.get(_language, _language))
    return here.languages.get(code) or language_name(code)


# -- the current language -----------------------------------------------------------------------


def current_language() -> str:
    return _language


def set_language(code: str | None) -> str:
    """Show everything in `code` from now on (an unavailable code means English); returns it."""
    global _translations, _language
    chosen = supported(code) or SOURCE_LANGUAGE
    _translations = _catalog(chosen)
    _language = chosen
    return chosen


def use_environment_language() -> str:
    """Start-up: the language the environment asks for, before any journal is open."""
    return set_language(environment_language())


@cache
def _catalog(code: str) -> gettext.NullTranslations:
    if code == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    folder = LOCALE_DIR / code / "LC_MESSAGES"
    compiled = folder / f"{DOMAIN}.mo"
    if compiled.exists():
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    return _compile_in_memory(folder / f"{DOMAIN}.po")


def _compile_in_memory(po_path: Path) -> gettext.NullTranslations:
    """A source checkout's catalog, compiled without writing anything (fuzzy entries left out)."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parent.parent.name, domain=DOMAIN)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


# -- dates and numbers, written the way the current language writes them ----------------------


def format_locale() -> str:
    return _FORMAT_LOCALES.get(_language, _language)


def format_date(day, style: str = "medium") -> str:
    """A date as the current language writes it ('Mar 3, 2026', '3 mars 2026')."""
    from babel.dates import format_date as babel_date

    return babel_date(day, format=style, locale=format_locale())


def format_datetime(moment, style: str = "medium") -> str:
    from babel.dates import format_datetime as babel_datetime

    return babel_datetime(moment, format=style, locale=format_locale())


def format_time(moment, style: str = "short") -> str:
    from babel.dates import format_time as babel_time

    return babel_time(moment, format=style, locale=format_locale())


def format_skeleton(moment, skeleton: str) -> str:
    """A date in a CLDR skeleton ('MMMd' -> 'Mar 3' / '3 mars'), for short forms in lists."""
    from babel.dates import format_skeleton as babel_skeleton

    return babel_skeleton(skeleton, moment, locale=format_locale())


def format_number(value: int | float) -> str:
    """A number with the current language's grouping ('10,000' / '10 000')."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=format_locale())


def format_percent(fraction: float) -> str:
    """A share as the current language writes it ('42%' / '42 %'), from 0.42."""
    from babel.numbers import format_percent as babel_percent

    return babel_percent(fraction, locale=format_locale())
