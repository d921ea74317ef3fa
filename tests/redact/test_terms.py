"""Listed terms: matching rules and the terms file format."""

from __future__ import annotations

import pytest

from peerjournal.errors import TermsFileError
from peerjournal.redact import Redactor, Term, load_terms_file


def values(redactor: Redactor, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.kind) for s in redactor.find(text)]


def test_terms_match_case_insensitively_whole_words_with_possessives_and_plurals():
    r = Redactor(terms=[Term("Candy", "PERSON"), Term("Mimosa Spa", "LOCATION"), Term("Rose")])
    text = "candy's friend saw CANDY at the mimosa  spa. Candies, roses. candyfloss, rosemary."
    assert values(r, text) == [
        ("candy", "PERSON"),
        ("CANDY", "PERSON"),
        ("mimosa  spa", "LOCATION"),
        ("Candies", "PERSON"),
        ("roses", "PERSON"),
    ]


def test_curly_possessive_and_plural_possessive():
    r = Redactor(terms=[Term("Jo")])
    assert values(r, "Jo’s place and the Jos' car.") == [("Jo", "PERSON"), ("Jos", "PERSON")]


def test_term_kind_is_checked():
    with pytest.raises(ValueError):
        Term("x", "NAME")


def test_load_terms_file(tmp_path):
    path = tmp_path / "terms.txt"
    path.write_text(
        "# my people\nCandy\nLOCATION: Mimosa Spa\n\n  person: Star  \nID: 12-3\n", encoding="utf-8"
    )
    assert load_terms_file(path) == [
        Term("Candy", "PERSON"),
        Term("Mimosa Spa", "LOCATION"),
        Term("Star", "PERSON"),
        Term("12-3", "ID"),
    ]


def test_bad_kind_names_file_and_line(tmp_path):
    path = tmp_path / "terms.txt"
    path.write_text("Candy\nPERSN: Star\n", encoding="utf-8")
    with pytest.raises(TermsFileError, match=r"terms\.txt:2: unknown kind 'PERSN'"):
        load_terms_file(path)


def test_empty_term_after_kind(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("LOCATION:\n", encoding="utf-8")
    with pytest.raises(TermsFileError, match=r"t\.txt:1: the term after LOCATION: is empty"):
        load_terms_file(path)


def test_unreadable_terms_files(tmp_path):
    with pytest.raises(TermsFileError, match="not found"):
        load_terms_file(tmp_path / "missing.txt")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Candy\n\xff\xfe\n")
    with pytest.raises(TermsFileError, match=r"bad\.txt:2: not valid UTF-8"):
        load_terms_file(bad)


def test_plain_strings_are_person_terms():
    r = Redactor(terms=["Biscuit"])
    assert values(r, "biscuit came by") == [("biscuit", "PERSON")]


def test_accents_do_not_matter():
    r = Redactor(terms=[Term("Genevieve"), Term("Chloé", "PERSON"), Term("O'Neil")])
    text = "Geneviève met chloe and O’Neil."
    assert values(r, text) == [
        ("Geneviève", "PERSON"),
        ("chloe", "PERSON"),
        ("O’Neil", "PERSON"),
    ]


def test_terms_file_errors_speak_the_chosen_language(tmp_path):
    """A person choosing French reads the terms file's problems in French, file and line named."""
    from peerjournal import i18n

    bad = tmp_path / "terms.txt"
    bad.write_text("PLANET: Mars\n", encoding="utf-8")
    i18n.set_language("fr")
    with pytest.raises(TermsFileError) as missing:
        load_terms_file(tmp_path / "absent.txt")
    with pytest.raises(TermsFileError) as kind:
        load_terms_file(bad)
    assert str(missing.value).startswith("fichier de termes introuvable\u00a0: ")
    assert str(kind.value).startswith(f"{bad}, ligne 1\u00a0: type inconnu 'PLANET'")
