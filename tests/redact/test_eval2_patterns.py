"""Patterns from the second blind evaluation, each tested with sentences written for these tests
(not the evaluation's own): what must be found and what must stay readable."""

from __future__ import annotations

import pytest


def _kinds(found, text: str, kind: str) -> list[str]:
    return [v for v, k in found(text) if k == kind]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a working name that is an ordinary word, at a sentence start, its cue after it
        ("Honey only exists from ten till four, then I go home.", ["Honey"]),
        ("Cherry is who takes the calls, not me.", ["Cherry"]),
        ("Misty is my work name and nobody at home knows it.", ["Misty"]),
        ("Sapphire exists only online, in my ads.", ["Sapphire"]),
        ("Autumn is the name on my profile these days.", ["Autumn"]),
        ("Ivory, the new girl, started on the weekend.", ["Ivory"]),
        # texting style: the second lower-case name of a pair
        ("had lunch with grace and kendra after group", ["kendra"]),
        # found once, then again at a sentence start before a verb
        ("Ginger texted at noon. Ginger is staying with us now.", ["Ginger", "Ginger"]),
        # a listed surname that is also a word or a place word, after a given name
        ("My worker Anjali Banks filed it.", ["Anjali Banks"]),
        ("Tomasz Park said he would come by.", ["Tomasz Park"]),
        ("I ran into Rahel Mercredi at the store.", ["Rahel Mercredi"]),
        # titles before a surname that is a place word
        ("Constable Park wrote the ticket.", ["Park"]),
        ("Det. Hill called me back.", ["Hill"]),
        # Indigenous given names from the hand list
        ("Migizi brought soup over on Tuesday.", ["Migizi"]),
        ("Went for tea with Qilak and her cousin.", ["Qilak"]),
        # a leading verb is not part of the name
        ("Texted Rosalind about the shift swap.", ["Rosalind"]),
        ("Pinged Marcus twice and got nothing.", ["Marcus"]),
        ("Facetimed Priya from the bus.", ["Priya"]),
    ],
)
def test_people_found(found, text, names):
    assert _kinds(found, text, "PERSON") == names


@pytest.mark.parametrize(
    "text",
    [
        "Manitoba pays less, my friend says.",
        "I grew up in British Columbia and moved east.",
        "Picked up two coffees at Tim Hortons on the way in.",
        'She yelled "Don\'t come back here."',
        "Her Jade plant is taller than me now.",
        "Amber alert went off during group.",
        "Sugar in my coffee, that's the only treat this week.",
        "Hope exists only in stories, my mom used to say.",
        "Summer, the best season, is finally here.",
    ],
)
def test_no_person(found, text):
    assert _kinds(found, text, "PERSON") == []


def test_no_province_place(found):
    assert _kinds(found, "Winter in Nova Scotia is long.", "LOCATION") == []
    assert _kinds(found, "I live in British Columbia now.", "LOCATION") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Pick-up is at 17th and Spadina after dark.", "17th and Spadina"),
        ("I used to stand at Victoria and 11th most nights.", "Victoria and 11th"),
        ("The van parks near 22nd and Avenue P now.", "22nd and Avenue P"),
        ("Meet me at Highway 16 and Main before six.", "Highway 16 and Main"),
        ("Choir practice is at St. Columba's Church this week.", "St. Columba's Church"),
        ("The AA meeting moved to Saint Agnes Parish hall.", "Saint Agnes Parish"),
        ("Most of the girls work over in East Flats now.", "East Flats"),
        ("She moved out around Cedar Heights last month.", "Cedar Heights"),
    ],
)
def test_places_found(found, text, place):
    assert place in _kinds(found, text, "LOCATION")


def test_corner_keeps_person_after_and(found):
    text = "We walked down Granville and Mireille bought the fries."
    assert "Mireille" in _kinds(found, text, "PERSON")
    assert all("Mireille" not in p for p in _kinds(found, text, "LOCATION"))


def test_title_before_a_street_word_is_a_person(found):
    text = "Sgt. Mercier and Constable Hill came to the door."
    assert _kinds(found, text, "PERSON") == ["Mercier", "Hill"]
    assert _kinds(found, text, "LOCATION") == []
