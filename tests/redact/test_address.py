"""ADDRESS and POSTAL detectors."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "address",
    [
        "2091 Richmond Road",
        "#492-274 Richmond Road",
        "unit 35, 3821 Selkirk Avenue",
        "the 1400 block of Queen Street East",
        "#483-3297 Avenue du Mont-Royal",
        "unit 8, 1588 Rue Ontario Est",
        "1753 Broadway",
        "123 Main St. W, Apt 4",
        "4410 Rue Saint-Hubert",
        "88 Dundas Street West",
        "1205-350 Jarvis St.",
        "12 5th Avenue",
    ],
)
def test_address_forms(found, address):
    spans = found(f"New place: {address}. Feels good.")
    assert spans == [(address.rstrip("."), "ADDRESS")] or spans == [(address, "ADDRESS")]


@pytest.mark.parametrize("postal", ["K8N 4B8", "K7S2E4", "h1b 5x1", "V6B-1A1"])
def test_postal_codes(found, postal):
    assert found(f"Mail goes to {postal} now.") == [(postal, "POSTAL")]


@pytest.mark.parametrize(
    "text",
    [
        "We did 20 minutes of breathing.",
        "Room 4 on the 2nd floor.",
        "The D1A form, page 3.",
        "Walked 3 blocks to the clinic.",
    ],
)
def test_not_addresses(found, text):
    assert [k for _, k in found(text) if k in ("ADDRESS", "POSTAL")] == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("finally got keys to 312 dufferin avenue lol", "312 dufferin avenue"),
        ("crashing at 77 pembina hwy for now", "77 pembina hwy"),
        ("new spot is 11827 103 street nw, unit 2", "11827 103 street nw, unit 2"),
        ("she lives at 905-10150 Jasper Avenue NW", "905-10150 Jasper Avenue NW"),
        ("the 300 block of 101 Ave is loud", "the 300 block of 101 Ave"),
        ("je reste au 8-4455 boulevard Saint-Laurent", "8-4455 boulevard Saint-Laurent"),
        ("chez nous 1550 rue Fleury Est app 3, au 2e", "1550 rue Fleury Est app 3"),
        ("suite 4 611 cook st is the office", "suite 4 611 cook st"),
    ],
)
def test_lower_case_numbered_and_quebec_addresses(found, text, address):
    assert (address, "ADDRESS") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "walked 2 blocks down the street after",
        "it's a 20 min drive from here",
        "waited 3 hours on the road",
        "April 9, Tamika will drive me",
    ],
)
def test_numbers_before_street_words_in_sentences(found, text):
    assert [kind for _, kind in found(text) if kind == "ADDRESS"] == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("bureau au 1450, boul. René-Lévesque O. depuis mai", "1450, boul. René-Lévesque O"),
        ("the 2200 block of dundas st w was blocked", "the 2200 block of dundas st w"),
    ],
)
def test_french_comma_and_lower_case_block(found, text, address):
    assert any(address in v and k == "ADDRESS" for v, k in found(text))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Son bureau est au 3320 rue Masson Est, bureau 12.", "3320 rue Masson Est, bureau 12"),
        (
            "L'atelier : 780 av. de Lorimier, local 201. Apportez un lunch.",
            "780 av. de Lorimier, local 201",
        ),
        ("She rents 88 Carlaw Ave, basement, for cheap.", "88 Carlaw Ave, basement"),
    ],
)
def test_a_unit_after_the_street_is_part_of_the_address(found, text, address):
    assert (address, "ADDRESS") in found(text)


def test_a_unit_word_that_starts_a_sentence_part_is_not_taken(found):
    assert ("123 Main St", "ADDRESS") in found("We met at 123 Main St, room was cold.")


# Streets by kind, in new sentences: a name and a direction with no street word (even a
# province's name), numbered streets in lower case, a rural "rang", "rue de l'...".
@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("on a pris un café sur Ontario Est hier", "Ontario Est"),
        ("she lives off Dundas West near the park", "Dundas West"),
        ("je l'ai déposée sur la 3e avenue", "3e avenue"),
        ("we walked down 4th street after group", "4th street"),
        ("la ferme est sur le rang 6", "rang 6"),
        ("le local est rue de l'Hôpital", "rue de l'Hôpital"),
    ],
)
def test_streets_by_their_shape(found, text, street):
    assert (street, "LOCATION") in found(text)


@pytest.mark.parametrize(
    ("text", "road"),
    [
        ("le motel est sur la route 117 avant le pont", "route 117"),
        ("she got out off highway 16 at dawn", "highway 16"),
        ("ma première nuit sur Ontario, j'avais froid", "Ontario"),
    ],
)
def test_roads_and_french_streets_named_by_sur(found, text, road):
    assert (road, "LOCATION") in found(text)


def test_a_province_after_en_stays_readable(found):
    assert found("Elle vit en Ontario depuis deux ans.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a unit and a number joined by an en dash
        ("New place: 1502–88 Carlton Street, keys on Friday.", "1502–88 Carlton Street"),
        ("on a visité le 3–4410 rue Fullum hier", "3–4410 rue Fullum"),
        # a floor word texted loosely
        ("the clinic moved to 77 main st 3rd flr", "77 main st 3rd flr"),
        ("meeting at 410 portage ave 5th flor tmrw", "410 portage ave 5th flor"),
        # post office boxes with their station, in both languages
        ("Write to P.O. Box 2290, Station A, not the house.", "P.O. Box 2290, Station A"),
        (
            "Mon courrier : C.P. 118, succ. Saint-Roch, c'est plus sûr.",
            "C.P. 118, succ. Saint-Roch",
        ),
        (
            "Envoie ça à la case postale 5530, succursale Centre-Ville.",
            "case postale 5530, succursale Centre-Ville",
        ),
        # a room of a named hotel or motel
        ("Booked the Northern Star Motel, room 18, till Sunday.", "room 18"),
        ("On est à l'Auberge Belle Rive, chambre 207 pour la fin de semaine.", "chambre 207"),
    ],
)
def test_dashed_units_loose_floors_boxes_and_hotel_rooms(found, text, value):
    assert (value, "ADDRESS") in found(text)


@pytest.mark.parametrize(
    ("text", "bed"),
    [
        ("Went straight from Harbour Light last night, bed 9, to group.", "9"),
        ("Première nuit au lit 31 de la Maison Sorel, j'ai pas dormi.", "31"),
        ("they gave me cot 4 again, the one by the door", "4"),
        ("Deux nuits ici. Lit 12, celui du fond.", "12"),
    ],
)
def test_a_bed_number_is_where_someone_sleeps_wherever_it_is_written(found, text, bed):
    assert (bed, "ADDRESS") in found(text)


@pytest.mark.parametrize("text", ["I went to bed 2 hours late.", "j'ai passé au lit 3 jours"])
def test_time_spent_in_bed_is_not_a_bed_number(found, text):
    assert not [v for v, kind in found(text) if kind == "ADDRESS"]


@pytest.mark.parametrize(
    "text",
    [
        "the hotel room had 2 beds, room 3 at the clinic, the motel has 40 rooms",
        "Hôtel Belle Rive, chambre 2 lits, 3 étoiles, 120 $ la nuit",
        "watched CP 24 news, CP Rail had 400 cars, box 3 of 5",
        "Session 3 at the Grand Hotel was 4/5, dose 0.4 mg at 20h",
        "she's 34, the 2nd floor of my life lol, C-36 is the law",
    ],
)
def test_rooms_and_boxes_in_ordinary_talk_stay_readable(found, text):
    assert not [v for v, kind in found(text) if kind == "ADDRESS"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "Outreach van only covers postal codes beginning with M5A, M5B or M4X.",
            ["M5A", "M5B", "M4X"],
        ),
        ("Le CLSC dessert les codes postaux H1W et H1V, pas plus.", ["H1W", "H1V"]),
        ("zip/postal: we're all T2E here", ["T2E"]),
    ],
)
def test_the_first_half_of_postal_codes_where_the_text_talks_about_them(found, text, values):
    for value in values:
        assert (value, "POSTAL") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "My A1C came back fine, took B12 and the K9 unit was there.",
        "Postal workers strike again. The V8 engine, rated 4/5, the M5A bus.",
        "j'ai oublié mon code postal, la séance 3 finit à 20h",
    ],
)
def test_lone_letter_digit_shapes_stay_readable(found, text):
    assert not [v for v, kind in found(text) if kind == "POSTAL"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("she's staying at 612 Dundas W till the end of the month", "612 Dundas W"),
        ("Le refuge est au 1275 Sherbrooke Ouest, deuxième porte.", "1275 Sherbrooke Ouest"),
        ("office is unit 5 - 330 Portage East", "unit 5 - 330 Portage East"),
    ],
)
def test_a_number_a_street_name_and_its_direction(found, text, value):
    assert (value, "ADDRESS") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "We drove 30 Km North, then 3 Blocks West, about 40 Minutes East.",
        "Session 12 North was 4/5, 12 May E was a typo, 20 People West.",
    ],
)
def test_counts_before_a_direction_are_no_address(found, text):
    assert not [v for v, kind in found(text) if kind == "ADDRESS"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Chu rendue au 880 rue Rachel E., app 5 depuis lundi.", "880 rue Rachel E., app 5"),
        ("He's at 61 Oak St., apt 9 for now.", "61 Oak St., apt 9"),
    ],
)
def test_a_unit_after_an_abbreviation_and_its_full_stop(found, text, value):
    assert (value, "ADDRESS") in found(text)


def test_a_full_stop_that_ends_the_sentence_stays_outside(found):
    assert ("880 rue Rachel E", "ADDRESS") in found("Chu rendue au 880 rue Rachel E. Pis toi?")


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("Stayed over near the airport, room 1412, paid cash.", "1412"),
        ("Au motel Bel-Air, ch. 9, pas de problème.", "9"),
    ],
)
def test_a_room_where_someone_sleeps(found, text, room):
    assert any(room in v for v, _ in found(text))


def test_first_halves_of_postal_codes_anywhere_in_an_entry_about_postal_codes(found):
    text = "Outreach goes to T2E and T2A now.\nWe sorted clients by postal code, not by name."
    assert [v for v, k in found(text) if k == "POSTAL"] == ["T2E", "T2A"]


def test_a_room_number_given_after_was(found):
    assert any("208" in v for v, _ in found("Paid cash at the front desk, my room was 208."))


def test_a_trailer_lot_belongs_to_its_address(found):
    text = "Send it to the park, Lot 7, 55 Birch Rd, thanks."
    assert ("Lot 7, 55 Birch Rd", "ADDRESS") in found(text)


def test_a_room_number_on_a_checklist_line(found):
    text = "- Motel : le Bel Horizon\n- Chambre : 118\n- Appel à 22 h"
    assert any(v == "118" for v, _ in found(text))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Le nouveau local : 12 875, rue Sherbrooke Est, au 2e.", "12 875, rue Sherbrooke Est"),
        ("Elle est rendue au 1 240 boulevard Gouin.", "1 240 boulevard Gouin"),
    ],
)
def test_french_thousands_written_with_a_space(found, text, address):
    assert (address, "ADDRESS") in found(text)


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Drop-in moved: 18 Kent St, K1P, second floor.", "K1P"),
        ("Pour la van de nuit, faut donner le code G1K au téléphone.", "G1K"),
        ("The intake line asks for your code, it's T2E for me.", "T2E"),
    ],
)
def test_a_postal_area_after_an_address_or_the_word_code(found, text, area):
    assert (area, "POSTAL") in found(text)


def test_texting_shaped_like_a_postal_area_stays(found):
    assert found("L8R girls, B4N, see u at group") == []


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("The van only covers people in K7L and K7K for now.", ["K7L", "K7K"]),
        ("Dans le G1L, tout le monde se connaît.", ["G1L"]),
        ("Ils priorisent les gens du H1W pis H1V areas.", ["H1W", "H1V"]),
        ("Outreach is focused on the R2W area this month.", ["R2W"]),
    ],
)
def test_a_postal_area_written_as_a_place(found, text, areas):
    assert [v for v, kind in found(text) if kind == "POSTAL"] == areas


def test_an_edmonton_street_with_a_letter(found):
    assert ("10410 121A St", "ADDRESS") in found("The new drop-in is at 10410 121A St, ring twice.")


def test_a_bed_at_a_named_shelter(found):
    text = "Elle est au refuge depuis lundi. Ils lui ont donné le lit C-9 à la Maison Colombe."
    assert ("C-9", "ADDRESS") in found(text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Nouvelle adresse : 1290, rue Notre-Dame, app. 3, Lavaltrie, J5T 1R8",
            "1290, rue Notre-Dame, app. 3, Lavaltrie",
        ),
        (
            "Mail it to 16 Birch Rd, Unit 2, Wawa, ON P0S 1K0 please.",
            "16 Birch Rd, Unit 2, Wawa, ON",
        ),
        ("her mailing address: 77 Fraser St, Duncan, BC V9L 1A1.", "77 Fraser St, Duncan, BC"),
    ],
)
def test_a_written_address_is_hidden_whole_with_its_town_and_province(found, text, address):
    assert (address, "ADDRESS") in found(text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("45 Elm St, Montreal, QC H2X 1Y4", "45 Elm St, Montreal, QC"),
        (
            "Her new address is 881 Grant Ave, Apt 12, Winnipeg, R3M 1Y5.",
            "881 Grant Ave, Apt 12, Winnipeg",
        ),
        (
            "Envoie-le au 412, rue Bélanger, app. 5, Montréal H2S 1G3",
            "412, rue Bélanger, app. 5, Montréal",
        ),
        ("New place for me: 77 Kerr St, Hamilton. Two roommates.", "77 Kerr St, Hamilton"),
        ("J'ai déménagé au 9, rue Laval, Gatineau (Québec).", "9, rue Laval, Gatineau (Québec)"),
    ],
)
def test_a_big_city_ends_the_address_it_is_written_in(found, text, address):
    """Alone a big city tells nothing; between a hidden street and a hidden postal code it says
    where the street is, so it is hidden as a part of the address (and never as a place)."""
    spans = found(text)
    assert (address, "ADDRESS") in spans
    assert [v for v, kind in spans if kind == "LOCATION"] == []


def test_a_big_city_after_an_address_in_mid_sentence_stays_readable(found):
    assert ("45 Elm St", "ADDRESS") in found("I live at 45 Elm St, Toronto is too loud for me.")


@pytest.mark.parametrize(
    "text",
    [
        "Back at the shelter tonight. They put me in bed 7 in the women's wing.",
        "Au refuge, on m'a donné le lit B-3 dans la section des femmes.",
    ],
)
def test_a_bed_in_a_wing_of_the_shelter(found, text):
    """A bed is where someone sleeps whatever room or wing it stands in (a room "in the
    clinic" is somewhere else)."""
    assert any(kind == "ADDRESS" for _, kind in found(text))


def test_a_room_with_a_bed_in_the_same_sentence(found):
    text = "Finally got a spot. room C-4, bottom bunk, lights out at 11."
    assert ("C-4", "ADDRESS") in found(text)


def test_a_bed_with_a_code_is_a_bed_anywhere(found):
    assert ("C-22", "ADDRESS") in found("Deux nuits déjà. Lit C-22, celui du fond.")
    assert found("Elle lit 300 pages par semaine.") == []


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("la ressource est dans le coin H3K, proche du métro", "H3K"),
        ("outreach now covers the neighbourhood R2X too", "R2X"),
    ],
)
def test_a_postal_area_after_a_neighbourhood_word(found, text, area):
    assert (area, "POSTAL") in found(text)


def test_a_floor_after_a_long_french_street_belongs_to_the_address(found):
    text = "Le bureau est au 2250, boul. de la Concorde Ouest, 2e étage, pas loin du métro."
    assert ("2250, boul. de la Concorde Ouest, 2e étage", "ADDRESS") in found(text)


def test_a_short_room_right_after_a_written_address_is_where_someone_lives(found):
    assert ("3C", "ADDRESS") in found("New place is 88 Powell St, V6A 1G4. room 3C. staff r ok")
    assert ("2", "ADDRESS") not in found("Group at 88 Powell St. We were in room 2 for the talk")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Mon adresse : 348, 2e Rue, G1L 2R5", "348, 2e Rue"),
        ("On a déménagé au 77 5e Rue Est hier.", "77 5e Rue Est"),
    ],
)
def test_a_french_numbered_street_writes_its_street_word_after_the_number(found, text, address):
    assert (address, "ADDRESS") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Staying at Marguerite's Place, room 14, second floor.",
        "Je reste à la Maison Félix-Martin, salle de bain au fond, pis ma chambre 6 est proche.",
    ],
)
def test_a_short_room_number_by_a_named_place_or_a_french_bedroom(found, text):
    assert any(kind == "ADDRESS" for _, kind in found(text))
