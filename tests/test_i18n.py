"""The translation machinery: catalogs in step with the code, complete, and the language rule."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest
from scripts import catalogs
from textual.binding import Binding
from textual.screen import Screen

import peerjournal.tui.screens
from peerjournal import i18n
from peerjournal.tui.app import PeerJournalApp
from peerjournal.tui.translated import TranslatedBindings


def test_the_template_holds_exactly_what_the_code_marks():
    """Fails when a marked string was added, changed or removed without `catalogs.py update`."""
    assert catalogs.stale_template() == []


def test_every_marked_string_the_code_calls_is_extracted():
    """Babel's extraction does not look inside f-strings: `f"## {_('This screen')}"` stayed English
    on every help page. Python's own parser finds every `_("...")` call; each must be in the
    template (so that a translator sees it)."""
    import ast
    from pathlib import Path

    template = {
        m.id if isinstance(m.id, str) else m.id[0] for m in catalogs.read(catalogs.TEMPLATE)
    }
    first_text = {"_": 0, "N_": 0, "ngettext": 0, "pgettext": 1, "gettext_in": 1}
    missing = []
    for path in sorted(Path(catalogs.PACKAGE).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            at = first_text.get(node.func.id)
            if at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if literal and arg.value not in template:
                missing.append(f"{path.name}:{node.lineno}: {arg.value!r}")
    assert missing == []


@pytest.mark.parametrize("language", catalogs.languages())
def test_every_string_is_translated_with_the_same_placeholders(language):
    assert catalogs.translation_problems(language) == []


def test_french_typography():
    """A no-break space before a colon and inside guillemets; no space before ; ! ? (usage in
    Québec, docs/i18n.md); no straight quotes around words."""
    problems = []
    for message in catalogs.read(catalogs.po_path("fr"), "fr"):
        if not message.id:
            continue  # the catalog's header
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in filter(None, strings):
            if re.search(r"[^\u00a0\u202f]:(\s|$)", text) and not re.search(r"https?:", text):
                problems.append(f"space before ':' in {text!r}")
            if re.search(r'(^|\s)"\w', text):
                problems.append(f"straight quotes in {text!r} (use « … »)")
            if re.search("«[^\u00a0\u202f]|[^\u00a0\u202f]»", text):
                problems.append(f"no no-break space inside guillemets in {text!r}")
            if re.search("[ \u00a0\u202f][;!?]", text):
                problems.append(f"a space before ; ! or ? in {text!r} (not in Québec)")
    assert problems == []


def _screen_classes() -> list[type[Screen]]:
    found = []
    for module_info in pkgutil.iter_modules(peerjournal.tui.screens.__path__):
        module = importlib.import_module(f"peerjournal.tui.screens.{module_info.name}")
        found += [
            cls
            for _, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, Screen) and cls.__module__ == module.__name__
        ]
    return found


def test_every_screen_labels_its_keys_in_the_chosen_language():
    assert [c.__name__ for c in _screen_classes() if not issubclass(c, TranslatedBindings)] == []


def test_every_key_label_and_screen_help_is_in_the_catalog():
    """Binding labels and HELP texts are fixed at class definition: they must be marked N_."""
    known = {m.id for m in catalogs.read(catalogs.TEMPLATE) if isinstance(m.id, str)}
    missing = []
    for cls in [*_screen_classes(), PeerJournalApp]:
        for binding in cls.BINDINGS:
            if isinstance(binding, Binding) and binding.show:
                missing += [
                    t for t in (binding.description, binding.tooltip) if t and t not in known
                ]
        if getattr(cls, "HELP", None) and cls.HELP not in known:
            missing.append(cls.HELP)
    assert missing == []


# -- the language rule ------------------------------------------------------------------------


def test_locale_names_map_to_available_languages():
    assert i18n.supported("fr_CA.UTF-8") == "fr"
    assert i18n.supported("fr-CA") == "fr"
    assert i18n.supported("EN_us") == "en"
    assert i18n.supported("de_DE.UTF-8") is None
    assert i18n.supported("") is None


def test_the_setting_comes_first_then_the_prompt_set_then_the_system(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LC_MESSAGES", "")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert i18n.choose_language("en", "fr") == "en"
    assert i18n.choose_language("", "en") == "en"
    assert i18n.choose_language("", None) == "fr"  # the system's
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.choose_language("", None) == "en"  # nothing available: English
    monkeypatch.setenv("LANGUAGE", "de:fr")
    assert i18n.choose_language(None, None) == "fr"  # the first available of a list
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("LANGUAGE", "")
    assert i18n.environment_language() is None


def test_counted_words_and_numbers_follow_the_language():
    from peerjournal.tui.format import words

    assert (words(1), words(2)) == ("1 word", "2 words")
    i18n.set_language("fr")
    assert (words(0), words(1), words(2)) == ("0 mot", "1 mot", "2 mots")
    assert words(12000) == "12\u00a0000 mots"  # fr_CA groups with a no-break space
    assert i18n.format_date(__import__("datetime").date(2026, 3, 3)) == "3 mars 2026"


def test_an_unavailable_language_means_english():
    assert i18n.set_language("xx") == "en"
    assert i18n._("Lock") == "Lock"


def test_a_language_can_be_asked_for_by_name_in_itself():
    assert i18n.language_name("fr") == "Français"
    assert i18n.language_name("en") == "English"
    assert i18n.gettext_in("fr", "Language") == "Langue"
