"""French venue names and corners of two streets (detectors/venues.py), in new sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("J'ai pris rendez-vous au CLSC de Rosemont pour mardi.", "CLSC de Rosemont"),
        (
            "On a mangé au Centre des aînés de Pointe-Gatineau.",
            "Centre des aînés de Pointe-Gatineau",
        ),
        ("La halte est juste à côté du métro Frontenac.", "métro Frontenac"),
        (
            "Elle couche au Refuge Notre-Dame-des-Neiges ces temps-ci.",
            "Refuge Notre-Dame-des-Neiges",
        ),
        ("Vu une nouvelle au parc Molson hier soir.", "parc Molson"),
        (
            "Y a un atelier au Centre de santé communautaire de Vanier.",
            "Centre de santé communautaire de Vanier",
        ),
    ],
)
def test_french_venue_names(found, text, place):
    assert (place, "LOCATION") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le centre de Montréal était plein de monde.",
        "J'ai acheté des condoms à la pharmacie Jean Coutu.",
        "Je suis allée au resto avec les filles.",
    ],
)
def test_parts_of_big_cities_and_chains_are_no_venue(found, text):
    assert [v for v, k in found(text) if k == "LOCATION"] == []


@pytest.mark.parametrize(
    ("text", "corner"),
    [
        ("Someone new works the corner of Kingsway and Fraser.", "Kingsway and Fraser"),
        ("We met at the intersection of 12th and Broadway.", "12th and Broadway"),
        ("Une van tourne au coin Papineau et de Maisonneuve.", "coin Papineau et de Maisonneuve"),
        ("Rendez-vous à l'angle Saint-Denis et Rachel.", "angle Saint-Denis et Rachel"),
    ],
)
def test_corners(found, text, corner):
    assert (corner, "LOCATION") in found(text)


def test_a_person_and_a_place_are_no_corner(found):
    assert found("Candy met Zara at the Mimosa Spa.")[-2:] == [
        ("Zara", "PERSON"),
        ("the Mimosa Spa", "LOCATION"),
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("They kept her overnight at St. Joseph's.", "St. Joseph's"),
        ("Mass at Saint Anne's then soup after.", "Saint Anne's"),
        ("On s'est assises au parc Laurier.", "parc Laurier"),
    ],
)
def test_saints_places_and_a_park_named_for_anyone(found, text, place):
    assert (place, "LOCATION") in found(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On a dormi sous le pont Victoria toute la semaine.", "pont Victoria"),
        ("Met up by the Pattullo Bridge after outreach.", "the Pattullo Bridge"),
    ],
)
def test_a_named_bridge_is_a_place_with_its_word(found, text, place):
    assert (place, "LOCATION") in found(text)


def test_at_someones_home_the_name_is_the_person(found):
    """ "chez Leïla" is Leïla's home: the person is hidden, "chez" stays readable; a shop
    named with "Chez" is a place."""
    assert found("Je dors chez Leïla ce soir.") == [("Leïla", "PERSON")]
    assert ("dépanneur Chez Ali", "LOCATION") in found("Je suis au dépanneur Chez Ali.")


def test_a_corner_ends_with_its_line(found):
    text = "moi : au coin Ontario et Frontenac\nNounours : le gars en char gris"
    assert all("\n" not in value for value, _ in found(text))
    assert any(kind == "LOCATION" and "Frontenac" in value for value, kind in found(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Yalla, quick one. Session was in the basement of St. Wadih Church, so cold.",
            "St. Wadih Church",
        ),
        ("Group met in the basement of St. Brigid Hall.", "St. Brigid Hall"),
    ],
)
def test_a_place_named_after_a_saint_takes_the_title(found, text, place):
    assert (place, "LOCATION") in found(text)


@pytest.mark.parametrize(
    ("text", "corner"),
    [
        ("rendez-vous coin beaubien pis st-michel vers 20h", "coin beaubien pis st-michel"),
        ("we met at the corner of davie n thurlow last nite", "davie n thurlow"),
    ],
)
def test_a_corner_texted_in_lower_case(found, text, corner):
    assert (corner, "LOCATION") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "au coin du feu pis des chandelles",
        "from the corner of my eye and my heart",
        "we laughed in the corner of happy and sad",
    ],
)
def test_a_corner_of_everyday_words_is_no_place(found, text):
    assert found(text) == []


def test_a_found_name_in_a_run_ending_with_a_venue_word_is_the_venue(found):
    """A list line gives the tagger no cue: it sees a name, the venue word says how far."""
    text = "Things to bring:\n- Tuesday 3pm\n- Eagle Moon Healing Lodge\n- my card"
    assert ("Eagle Moon Healing Lodge", "LOCATION") in found(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("- out of Swift Current 6am\n- gas at the Esso", "Swift Current"),
        ("Ce matin j'ai quitté Rivière-du-Loup 6h, en retard.", "Rivière-du-Loup"),
    ],
)
def test_a_listed_place_of_several_words_is_a_place_anywhere(found, text, place):
    assert (place, "LOCATION") in found(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Suivi à la clinique médicale L'Envol jeudi.", "clinique médicale L'Envol"),
    ],
)
def test_a_french_venue_with_an_adjective(found, text, place):
    assert (place, "LOCATION") in found(text)


def test_an_elided_article_before_a_street_type(found):
    text = "On s'est croisées sur l'avenue des Érables hier soir."
    assert ("avenue des Érables", "LOCATION") in found(text)


@pytest.mark.parametrize(
    ("text", "corner"),
    [
        ("meet at jasper and whyte later", "jasper and whyte"),
        ("on se voit sur papineau pis ontario", "papineau pis ontario"),
    ],
)
def test_a_lower_case_corner_after_a_place_word_with_a_listed_place(found, text, corner):
    assert (corner, "LOCATION") in found(text)


def test_a_pair_after_at_with_no_listed_place_is_no_corner(found):
    assert found("i was at home n work all day") == []


def test_a_verb_after_the_joining_word_is_no_second_street(found):
    assert ("selkirk", "LOCATION") in found("we met at selkirk n said hi")
    assert not any("said" in value for value, _ in found("we met at selkirk n said hi"))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("After group a few of us went to Salty Pete's for fries.", "Salty Pete's"),
        ("We waited in the Happy Jack's parking lot.", "Happy Jack's"),
    ],
)
def test_a_place_named_with_a_possessive(found, text, place):
    assert any(v.endswith(place) and k == "LOCATION" for v, k in found(text))


def test_one_name_with_a_possessive_is_a_home_and_a_chain_is_nobody(found):
    assert "LOCATION" not in [k for _, k in found("Went to Sarah's for dinner, then Tim Horton's.")]


@pytest.mark.parametrize(
    ("text", "corner"),
    [
        ("she got jumped near 9th and Cornwall last night", "9th and Cornwall"),
        ("Meet me at 23rd & Broadway after group.", "23rd & Broadway"),
    ],
)
def test_a_corner_of_a_numbered_street_after_a_place_word(found, text, corner):
    assert (corner, "LOCATION") in found(text)


@pytest.mark.parametrize(
    "text", ["It was the 4th and final session.", "She came in 2nd and Kayla 3rd at bingo."]
)
def test_an_ordinal_joined_to_a_word_without_a_place_word_is_no_corner(found, text):
    assert "LOCATION" not in [k for _, k in found(text)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Je suis allée à la clinique mobile Le Phare hier soir.", "clinique mobile Le Phare"),
        ("On s'est vues au centre francophone Le Lien.", "centre francophone Le Lien"),
        ("La garderie Les Petits Lutins ferme à 18 h.", "garderie Les Petits Lutins"),
    ],
)
def test_a_french_venue_with_its_adjective_or_a_daycare(found, text, place):
    assert any(v.endswith(place) and k == "LOCATION" for v, k in found(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The outreach worker said Centre de jour Saint-Michel opens at noon.",
            "Centre de jour Saint-Michel",
        ),
        (
            "On va au refuge Nouvelle Aube ce soir.",
            "refuge Nouvelle Aube",
        ),
    ],
)
def test_a_french_venue_name_written_whole_in_english_or_opening_with_an_adjective(
    found, text, place
):
    assert (place, "LOCATION") in found(text)
