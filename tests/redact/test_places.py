"""LOCATION detector: venues, streets, corners, neighbourhoods; big cities stay readable."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I don't go to the Rusty Anchor Pub anymore.", "the Rusty Anchor Pub"),
        ("Outreach van parks by Tranquil Hands Massage on Fridays.", "Tranquil Hands Massage"),
        ("We stayed at the Starlight Motor Hotel.", "the Starlight Motor Hotel"),
        ("The van parks outside Good Times Bar & Grill.", "Good Times Bar & Grill"),
        ("Outreach van parks by Mount Pleasant on Fridays.", "Mount Pleasant"),
        ("I don't go to Cabbagetown anymore.", "Cabbagetown"),
        ("Outreach van parks by the Village on Fridays.", "the Village"),
        ("I don't go to Jasper and Gottingen anymore.", "Jasper and Gottingen"),
        ("I used to work by Main and Hastings.", "Main and Hastings"),
        ("Walked down Hastings Street at night.", "Hastings Street"),
        ("The stroll on Rue Saint-Denis is quieter.", "Rue Saint-Denis"),
        ("Hung out around Whyte Avenue until late.", "Whyte Avenue"),
        ("She moved to Marpole last month.", "Marpole"),
        ("We met clients at a motel off Highway 7.", "Highway 7"),
        ("Desiree got banned from the Cobalt for fighting.", "the Cobalt"),
        ("We had drinks at the Brass Rail after.", "the Brass Rail"),
    ],
)
def test_places(found, text, place):
    assert (place, "LOCATION") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "We took the bus to Toronto and then to Montreal.",
        "I grew up in Ontario, in Canada.",
        "The group is in Vancouver this year.",
        "I went to the Clinic and then to the Centre, and back to the Program.",
    ],
)
def test_big_places_stay_readable(found, text):
    assert found(text) == []
