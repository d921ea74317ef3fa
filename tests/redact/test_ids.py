"""ID detector: SIN, health cards, licences, plates, case numbers; not program numbers."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The form wanted my care card number 9670 752 456.", "9670 752 456"),
        ("My SIN is 046 454 286.", "046 454 286"),
        ("My SIN is 123-456-782.", "123-456-782"),
        ("Health card 1234-567-890-AB expired.", "1234-567-890-AB"),
        ("Licence S1234-56789-01234 is in my wallet.", "S1234-56789-01234"),
        ("RAMQ card ABCD 1234 5678 in my bag.", "ABCD 1234 5678"),
        ("He wrote down KXB 675.", "KXB 675"),
        ("White SUV, plate 7KL 432.", "7KL 432"),
        ("Plate GNL-228 again.", "GNL-228"),
        ("Case number 2025-0412-778 apparently.", "2025-0412-778"),
        ("My file number at the shelter is HS-20931.", "HS-20931"),
        ("His badge was 4471.", "4471"),
        ("Card 6604094 on file.", "6604094"),
        ("His number was 123-45-6789.", "123-45-6789"),
        ("Alberta health card 12345-6789.", "12345-6789"),
    ],
)
def test_id_forms(found, text, value):
    assert (value, "ID") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "STI 101 and HIV 2 testing, CPR 100 course.",
        "Session 3, Module 2, Week 12, Step 1.",
        "I'm 34, rated it 4/5, spent 45 minutes.",
        "We had 120 people at the 2025 Pride march.",
        "The 2025-2026 season, 2025 2026, 1 000 000 dollars, 11:30 to 12:45.",
    ],
)
def test_not_ids(found, text):
    assert [k for _, k in found(text) if k == "ID"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the cop wrote TPS-26-004512 on the paper", "TPS-26-004512"),
        ("Crown file SCR 24-77810, next appearance soon", "SCR 24-77810"),
        ("incident report ABC-2025-33018 was never filed right", "ABC-2025-33018"),
        ("dossier 24-880231 au palais", "24-880231"),
        ("court file is KB26-001377", "KB26-001377"),
        ("the SUV had plate MN5 42R on it", "MN5 42R"),
        ("silver car, K38 WQT, same guy as last week", "K38 WQT"),
        ("plate was tzl 902 I think", "tzl 902"),
    ],
)
def test_prefixed_case_numbers_and_plates(found, text, value):
    assert (value, "ID") in found(text)


@pytest.mark.parametrize(
    "text", ["HIV 101 workshop", "we did COVID 19 tests", "STI 123 pamphlet", "PS5 and MP3"]
)
def test_acronym_and_number_is_not_a_plate(found, text):
    assert [kind for _, kind in found(text) if kind == "ID"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("there's a warrant 26-1189 out for him", "26-1189"),
        ("numéro de dossier 2291-44", "2291-44"),
    ],
)
def test_more_cue_words(found, text, value):
    assert (value, "ID") in found(text)


def test_a_number_of_people_or_feet_after_a_title_is_no_badge(found):
    assert [
        v for v, k in found("The officer said 300 feet, then 40 people came.") if k == "ID"
    ] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # codes of letter groups and digits, the way programs and bookings write them
        ("The study gave me a code, TR-NB-2281, to quote on the phone.", "TR-NB-2281"),
        ("Mon code pour l'étude : RQ-4471-MTL, à garder.", "RQ-4471-MTL"),
        ("the clinic texted a confirmation code 4KD-19W this morning", "4KD-19W"),
        ("On m'a remis un numéro de dossier : ABM-QC-7761 au guichet.", "ABM-QC-7761"),
        # the newer cue words: participant, confirmation, locker, casier, référence
        ("My participant code is 88213 for the survey.", "88213"),
        ("Participant #0912 Session: Money & Safety", "0912"),
        ("Je suis la participante 5520 dans leur liste.", "5520"),
        ("left my bag at the bus station, locker D-318, key in my shoe", "D-318"),
        ("Mon casier #227 au refuge est plein.", "227"),
        ("La référence de la plainte : 40-77213.", "40-77213"),
        # the number sign spelled as letters (French "no", "n°", "nº")
        ("Audience à la Régie (no 448120) en janvier.", "448120"),
        ("Le formulaire n° 3318 est à remplir pour lundi.", "3318"),
        ("Reçu nº 90412 gardé dans mon cahier.", "90412"),
    ],
)
def test_code_shapes_cue_words_and_number_signs(found, text, value):
    assert (value, "ID") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "no 500 people came, no 10 bucks either, and no 20000 fans.",
        "pas de 500 $ cette fois, la séance no 2 était bonne.",
        "the locker room had 3 showers and 12 lockers, rated 4/5",
        "Participant 12 said the 2025 session was Module 2, C-36 again.",
        "dose 0.4 mg at 20h, she is 34, paid 120$ for 2 hours",
        "le formulaire de 2024, la participante avait 27 ans",
    ],
)
def test_new_cues_leave_counts_and_programs_readable(found, text):
    assert not [v for v, kind in found(text) if kind == "ID"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a number set apart as its own clause a sentence after its cue
        ("J'ai demandé son matricule. Il me l'a dit, 6620, sans me regarder.", "6620"),
        ("She asked for my client number. I gave it, 55812, and waited.", "55812"),
        ("Wrote his badge down after. So: 4093.", "4093"),
        # part of a plate, upper case
        ("Plaque : J4R, le reste je l'ai pas vu.", "J4R"),
        ("the plate started with CW7 and it was a grey van", "CW7"),
    ],
)
def test_numbers_a_clause_after_their_cue_and_partial_plates(found, text, value):
    assert (value, "ID") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "A number of people, 150 of them, came. In any case, 2019, was rough.",
        "The card was declined, 500 bucks gone. My file. Total: 45 min, 20h.",
        "my plate is fine, plaque: OK, plates were 4/5 at the buffet",
        "Le dossier est clos. Séance 3, module 2, dose 0.4 mg, elle a 34 ans.",
    ],
)
def test_numbers_after_far_cues_in_ordinary_talk_stay_readable(found, text):
    assert not [v for v, kind in found(text) if kind == "ID"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Left my charger in locker 6 again.", "6"),
        ("Mon linge est dans le casier numéro 204.", "204"),
        ("Anything for me goes to PO Box 1187.", "1187"),
    ],
)
def test_a_locker_or_box_number_is_someone_s(found, text, number):
    assert any(number in value for value, _ in found(text))


def test_a_case_number_with_a_year_given_after_a_comma(found):
    text = "They gave me a file number, 2026-0077312, and nothing else."
    assert ("2026-0077312", "ID") in found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a year may open a file number when letters follow it
        ("Mon dossier à la cour : 2024-QC-118 pour l'instant.", "2024-QC-118"),
        ("The legal clinic file, just so I remember: 2026-TO-00342.", "2026-TO-00342"),
        # a badge number between brackets after its cue or its title
        ("L'agent a fini par donner son matricule (6630) à la fin.", "6630"),
        ("Officer Pryce (2291) took the report.", "2291"),
    ],
)
def test_file_numbers_with_letters_and_numbers_in_brackets(found, text, value):
    assert (value, "ID") in found(text)


def test_a_year_in_brackets_after_a_cue_is_not_a_number(found):
    assert found("The court case (2019) was a mess for everyone.") == []


def test_letters_before_a_number_belong_to_it(found):
    assert ("MRN 0092214", "ID") in found("Numéro de dossier à l'urgence : MRN 0092214, à garder.")


def test_part_of_a_plate_in_two_groups(found):
    assert ("VK7 31", "ID") in found("grey pickup, Alberta plate started with VK7 31 i think")


def test_a_number_set_apart_after_its_cue_may_open_with_two_digits(found):
    text = "Elle m'a montré son numéro de permis, 31-7702, pour la physio."
    assert ("31-7702", "ID") in found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The clerk gave me a file number, TSL-B-118204-25, and a pamphlet.", "TSL-B-118204-25"),
        ("Elle a noté mon numéro de dossier, QX7-20418, sur un papier.", "QX7-20418"),
    ],
)
def test_a_number_set_off_by_a_comma_after_its_cue(found, text, value):
    assert (value, "ID") in found(text)


def test_a_comma_after_a_cue_with_no_number_hides_nothing(found):
    assert found("Write your file number, please, and keep 2 copies.") == []
    assert found("In any case, 2019-2020 was a rough year.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Vers minuit l'autopatrouille 32-4 s'est arrêtée devant nous.", "32-4"),
        ("Wrote down the cruiser, 2291, and the time.", "2291"),
    ],
)
def test_a_police_car_number(found, text, value):
    assert (value, "ID") in found(text)


def test_a_patrol_with_a_time_or_a_count_hides_nothing(found):
    assert found("La patrouille de 22 h est passée 2 fois.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The plate started with GKW, that's all I saw.", "GKW"),
        ("La plaque commence par FRX, je l'ai notée.", "FRX"),
        ("Elle m'a écrit 2025-SHE-00418 sur un papier.", "2025-SHE-00418"),
    ],
)
def test_a_plate_s_first_letters_and_a_year_service_number(found, text, value):
    assert (value, "ID") in found(text)
