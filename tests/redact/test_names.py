"""Names the tagger's windows see badly, in new sentences: initials, lower-case compounds,
accented lower-case names, a name that is also a country."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("rdv avec dr b demain matin", "b"),
        ("Nurse K. took my blood again.", "K"),
        ("Feedback from Tomasz W. was kind.", "Tomasz W"),
    ],
)
def test_initials_belong_to_the_person(found, text, person):
    assert (person, "PERSON") in found(text)


@pytest.mark.parametrize(
    "text",
    ["Nurse I think was new.", "the doctor a bit later said fine"],
)
def test_a_pronoun_or_article_after_a_title_is_no_initial(found, text):
    assert [v for v, k in found(text) if k == "PERSON" and len(v) == 1] == []


def test_a_lower_case_accented_name_is_a_candidate():
    from peerjournal.redact import tagger

    seq = tagger.featurizer().sequence("hier soir noémie m'a texté pour rien", "fr")
    assert any(t.text == "noémie" for c in seq.chunks for t in c.tokens)


def test_a_lower_case_compound_led_by_a_first_name_is_a_candidate():
    from peerjournal.redact import tagger

    seq = tagger.featurizer().sequence("pis anne-sophie est passée au local", "fr")
    assert any(
        t.text == "anne-sophie" and cand
        for c in seq.chunks
        for t, cand in zip(c.tokens, c.candidate, strict=True)
    )


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("After group, Florence asked the nurse about PrEP.", "Florence"),
        ("On a parlé longtemps avec Jordan après la séance.", "Jordan"),
    ],
)
def test_a_name_that_is_also_a_big_place_is_a_name(found, text, person):
    assert (person, "PERSON") in found(text)


def test_the_big_place_itself_stays_readable(found):
    assert found("She grew up in Jordan, then came here.") == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("ok anne-julie est revenue au local hier", "anne-julie"),
        ("bref, priscilla m'a dit que la van passe plus", "priscilla"),
    ],
)
def test_a_name_before_a_person_verb_is_at_least_maybe(found, text, person):
    assert (person, "PERSON") in found(text)


def test_a_kin_word_before_a_person_verb_is_no_name(found):
    assert found("Maman est venue me chercher après.") == []


def test_an_elision_never_ends_a_place(found):
    assert ("Fort Qu'Appelle", "LOCATION") in found("Her auntie lives in Fort Qu'Appelle.")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Bon, pis Ginette t'es la meilleure, merci pour le lift.", "Ginette"),
        ("Thank you for tonight, Marisol you're a star.", "Marisol"),
    ],
)
def test_a_name_spoken_to(found, text, person):
    assert (person, "PERSON") in found(text)


# Working names that are everyday words, written in lower case: a name only where the sentence
# says so (a person verb after, a person cue before, another such name joined to it).
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("told honey to wait in the lobby while i paid", "honey"),
        ("me and candy went for fries after", "candy"),
        ("caramel n cherry split the room tonight", "caramel"),
        ("caramel n cherry split the room tonight", "cherry"),
    ],
)
def test_everyday_word_working_names_in_context(redactor, text, name):
    start = text.index(name)
    hidden = {i for s in redactor.find(text) for i in range(s.start, s.end)}
    assert all(i in hidden for i in range(start, start + len(name)))


@pytest.mark.parametrize(
    "text",
    ["i bought candy and chips for the bus", "the honey in my tea was too sweet"],
)
def test_everyday_words_alone_stay(found, text):
    assert [kind for _, kind in found(text) if kind == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("Le chum d'Annie est revenu hier.", "Annie"), ("La fille d'Océane a appelé.", "Océane")],
)
def test_a_name_after_an_elided_de(found, text, name):
    assert (name, "PERSON") in found(text)
