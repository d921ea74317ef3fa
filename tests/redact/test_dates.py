"""DATE detector: specific dates yes; weekdays, months alone, ratings and durations no."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "date",
    [
        "28 April",
        "August 7th",
        "2026-07-04",
        "the 18th of March",
        "Mar. 24th",
        "Sep. 16th",
        "6/10/2026",
        "20/6/2025",
        "May 2, 2026",
        "February 13, 2025",
        "May. 23rd",
        "Nov 15 2026",
        "12 March 2026",
        "Jan 8-10",
        "2026/04/22",
        "March 2026",
        "3.4.2025",
        "le 5 juin",
    ],
)
def test_date_forms(found, date):
    expected = date  # "le" belongs to a French date, as "the" does
    assert found(f"Hearing got moved to {date}.") == [(expected, "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "Monday was hard and Friday was better.",
        "Summer is busier; March is slow; in May I start the course.",
        "Rated it 4/5, then 3/5 the week after.",
        "It took 45 minutes, then 2 hours.",
        "I turned 29 last week.",
        "Session 3 and Module 2 were about PrEP.",
    ],
)
def test_not_dates(found, text):
    assert [k for _, k in found(text) if k == "DATE"] == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("the clinic moved my appt to sept 9, ugh", "sept 9"),
        ("bail hearing is jan 22 downtown", "jan 22"),
        ("paid on december 1st finally", "december 1st"),
        ("on se revoit le 3 déc. 2026", "le 3 déc. 2026"),
        ("audience le 30 janv. à 9h", "le 30 janv."),
        ("my card expires 11/27 so I need a new one", "11/27"),
        ("\n7/3 - quiet night, stayed home", "7/3"),
        ("they said come back after 12/2 for the results", "12/2"),
    ],
)
def test_dates_without_year_or_capital(found, text, date):
    assert (date, "DATE") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "I gave the workshop 3/5 honestly",
        "the food was 7/10",
        "you may 25 times ask and still get nothing",
        "mood today 6/10, pain 2/5",
    ],
)
def test_ratings_and_the_verb_may_are_not_dates(found, text):
    assert [kind for _, kind in found(text) if kind == "DATE"] == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("hearing set for 14-Feb-2026 downtown", "14-Feb-2026"),
        ("see you Apr-9 then", "Apr-9"),
        ("away 6/12-6/15 for a family thing", "6/15"),
    ],
)
def test_dates_with_dashes_and_ranges(found, text, date):
    assert (date, "DATE") in found(text)


def test_a_quantity_with_a_fraction_is_not_a_date(found):
    assert found("added 2-1/2 cups of flour") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [("appt 4/3 with the nurse", "4/3"), ("see you 3/28 at 2pm", "3/28"), ("bday 7/14!", "7/14")],
)
def test_month_day_after_an_event_word_or_before_a_time(found, text, date):
    assert (date, "DATE") in found(text)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("on the 9th she finally called back", ["the 9th"]),
        ("if nothing by the 21st I'll go in person", ["the 21st"]),
        ("Wed the 4th we had the potluck", ["the 4th"]),
        ("Thursday 16th was the vigil", ["16th"]),
        ("vendredi 13, on ferme plus tôt", ["13"]),
        ("l'atelier est du 6 au 8 juin", ["6 au 8 juin"]),
        ("the retreat is 12-14 September", ["12-14 September"]),
        ("rencontres : le 4 pis le 18 (jeudi), 19 h", ["le 4", "le 18"]),
        ("pop-up clinic 10/4 at the church hall", ["10/4"]),
    ],
)
def test_days_with_their_article_weekday_or_range(found, text, dates):
    assert [v for v, k in found(text) if k == "DATE"] == dates


@pytest.mark.parametrize(
    "text",
    [
        "the 3rd time this month he cancelled",
        "on the 2nd floor, room at the back",
        "about 2/3 of the group stayed, and 1/2 the snacks were gone",
        "the line is open 24/7 now",
        "on se retrouve au 3e étage",
    ],
)
def test_counts_shares_and_always_are_not_dates(found, text):
    assert [v for v, k in found(text) if k == "DATE"] == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Appointment date: 23.06. Bring the card.", "23.06"),
        ("2/4\nquiet night, nobody out", "2/4"),
        ("her bday is the 9th n we're doing cake", "the 9th"),
    ],
)
def test_dotted_days_line_start_shares_and_texting_joiners(found, text, date):
    assert (date, "DATE") in found(text)


def test_a_price_with_a_dot_is_no_date(found):
    assert [
        v for v, k in found("It cost 23.06 at the pharmacy, or $14.05 online.") if k == "DATE"
    ] == []


# Date forms by kind, in new sentences: an elided word after a day ("le 14 j'ai"), a month and
# a year in digits, and counts that look like days or dates.
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("mardi le 14 j'ai rendez-vous", "14"),
        ("jeudi le 3 c'était plein", "3"),
        ("since 03/2024 I've been clean", "03/2024"),
        ("clean depuis 11/2023", "11/2023"),
        ("Tues the 14th we talked", "14th"),
        ("le 12 et 13 mai", "12 et 13 mai"),
        ("May 5th-7th at the retreat", "May 5th-7th"),
    ],
)
def test_more_date_forms(redactor, text, date):
    """Every letter and digit of the date is hidden (an article may be hidden with it)."""
    start = text.index(date)
    hidden = {i for s in redactor.find(text) if s.kind == "DATE" for i in range(s.start, s.end)}
    assert all(i in hidden for i in range(start, start + len(date)) if text[i].isalnum())


@pytest.mark.parametrize(
    "text", ["le 5 à 7 était cool", "page 12/20 of the workbook", "on a fini le 3 à 9"]
)
def test_evenings_and_pages_are_not_dates(found, text):
    assert [kind for _, kind in found(text) if kind == "DATE"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a day alone after a preposition of time, whatever word follows
        ("clinic closed, back on the 14th hopefully", "the 14th"),
        ("rent by the 3rd latest or he flips", "the 3rd"),
        ("Je reprends depuis le 9 comme prévu.", "le 9"),
        # Spanish months after "de", in code-switched entries
        ("mi mamá llega el 8 de enero, so I need the place clean", "8 de enero"),
        ("her court date is 22 de marzo de 2026, pero she's calm", "22 de marzo de 2026"),
    ],
)
def test_days_after_prepositions_and_spanish_months(found, text, value):
    assert (value, "DATE") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "on the 3rd floor, by the 2nd try, after the 5th drink, on the 2nd time",
        "20 mayo packets, 5 ago, 3 dic pics, rated 4/5 since the 90s",
        "pour le 5 à 7, vers le 3 tour, après le 2 verre, dose 0.4 mg à 20h",
    ],
)
def test_counts_and_ranks_after_prepositions_stay_readable(found, text):
    assert not [v for v, kind in found(text) if kind == "DATE"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("- 04/11 : rencontre avec l'avocate", "04/11"),
        ("Bilan : 07/10 dépistage, pis le reste au local.", "07/10"),
        ("court date moved to 02/10, ugh", "02/10"),
    ],
)
def test_a_zero_padded_day_or_month_is_no_rating(found, text, date):
    assert (date, "DATE") in found(text)


@pytest.mark.parametrize(
    "text", ["I'd give the session 3/10 honestly.", "Note : 8/10, bonne séance."]
)
def test_an_unpadded_score_out_of_ten_stays(found, text):
    assert found(text) == []


def test_a_mood_table_by_weekday_holds_ratings(found):
    text = "| jour | humeur |\n|---|---|\n| lundi | 4/10 |\n| mardi | 6/10 |"
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "La Facilitatrice m'a réveillée avec une tasse de thé.",
        "Our Peer Lead said the van is back on Fridays.",
    ],
)
def test_program_roles_are_nobody(found, text):
    assert found(text) == []
