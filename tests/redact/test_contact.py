"""PHONE, EMAIL, URL and HANDLE detectors, including the numbers that are not phones."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "phone",
    [
        "604-822-8503",
        "(604) 822-8503",
        "604.822.8503",
        "604 822 8503",
        "6048228503",
        "+1 604 822 8503",
        "1-604-822-8503",
        "+1-604-822-8503",
        "(780)840-7894",
        "822-8503",
        "604-822-8503 ext. 204",
        "604–822–8503",
    ],
)
def test_phone_formats(found, phone):
    assert found(f"Call me at {phone} tonight.") == [(phone, "PHONE")]


@pytest.mark.parametrize(
    "text",
    [
        "Rated it 4/5 and the session ran 90 minutes.",
        "I'm 29 and have been in the program 3 months.",
        "Session 3, Module 2, Week 6, step 12.",
        "Prices went up by 150 dollars in 2025.",
    ],
)
def test_numbers_that_are_not_phones(found, text):
    assert [kind for _, kind in found(text) if kind == "PHONE"] == []


@pytest.mark.parametrize(
    "email",
    [
        "sweet.tamika@icloud.com",
        "ruby_102@gmail.com",
        "k@shaw.ca",
        "peaches_65 at hotmail dot com",
        "ykumar (at) gmail.com",
        "lexi_510[at]icloud.com",
        "honeyxo (at) yahoo (dot) ca",
    ],
)
def test_email_forms(found, email):
    assert found(f"Write to {email} for screening.") == [(email, "EMAIL")]


def test_at_in_a_sentence_is_not_an_email(found):
    assert found("We met at google.com's office? No, at the drop-in.") == [("google.com", "URL")]


@pytest.mark.parametrize(
    "url",
    [
        "https://linktr.ee/xoleticia",
        "http://www.tryst.link/u/xorohan",
        "www.onlyfans.com/scarlet42",
        "leolist.cc/sugar46",
        "switter.at/sugar83",
        "eros.com",
        "https://example.org/a_(b)",
    ],
)
def test_url_forms(found, url):
    assert found(f"My profile is on {url}.") == [(url, "URL")]


def test_abbreviations_are_not_urls(found):
    assert found("Bring ID, e.g. a card, i.e. anything.") == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Follow @safe_stroll_hfx for the list.", "@safe_stroll_hfx"),
        ("Add me on snap, it's pepper_xo, not my personal one.", "pepper_xo"),
        ("My insta is jessy22 now.", "jessy22"),
        ("Someone posted as u/quiet_fox on reddit.", "u/quiet_fox"),
        ("The collective's page is @amber.mtl, they post updates.", "@amber.mtl"),
    ],
)
def test_handles(found, text, handle):
    assert (handle, "HANDLE") in found(text)


def test_handle_cue_needs_a_handle_like_word(found):
    assert found("My account is suspended again.") == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("she goes by kitty.mtl on snap these days", "kitty.mtl"),
        ("add rubi_22 on insta if u want pics", "rubi_22"),
        ("follow me as night.owl.yyc on tiktok", "night.owl.yyc"),
        ("his ig is andré_tor", "andré_tor"),
    ],
)
def test_bare_handles_near_a_platform(found, text, handle):
    assert (handle, "HANDLE") in found(text)


def test_went_by_bus_is_no_handle(found):
    assert found("she went by bus on insta live") == []


def test_email_with_spaced_at(found):
    assert ("tulip.rose @ proton.me", "EMAIL") in found("bookings: tulip.rose @ proton.me thx")


def test_phone_after_a_list_dash(found):
    assert ("(587) 555-0172", "PHONE") in found("numbers to avoid:\n-(587) 555-0172\n-fake")


@pytest.mark.parametrize(
    ("text", "handle"),
    [("snap lilac.rae if the app works", "lilac.rae"), ("my sc is tara.j_", "tara.j_")],
)
def test_handle_right_after_a_platform_name(found, text, handle):
    assert (handle, "HANDLE") in found(text)


def test_platform_names_in_plain_talk_are_no_handles(found):
    assert found("I use snap every day. my snap streak. on ig today") == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("made a new fb maribelleoutreach for work", "maribelleoutreach"),
        ("old one got banned so new ig kimmiexo", "kimmiexo"),
    ],
)
def test_an_unknown_word_after_a_short_platform_name_is_a_handle(found, text, handle):
    assert (handle, "HANDLE") in found(text)


def test_a_word_after_a_short_platform_name_that_is_a_word_is_no_handle(found):
    assert found("ig it was fine. a lot of frybread. on fb lol") == []


def test_phone_with_spaced_dashes(found):
    assert ("204 - 555 - 0188", "PHONE") in found("call 204 - 555 - 0188 after 6")


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("on snap I'm peachyqueen, add me", "peachyqueen"),
        ("sur insta je suis mirabellle, écris-moi", "mirabellle"),
    ],
)
def test_a_handle_given_as_who_i_am_on_a_platform(found, text, handle):
    assert (handle, "HANDLE") in found(text)


def test_an_ordinary_word_after_i_am_on_a_platform_is_no_handle(found):
    assert [
        v for v, k in found("on snap I'm new, and on insta I'm not active") if k == "HANDLE"
    ] == []


# A username written without "@": the context says it is one. Each sentence holds one word
# class of the vocabulary (platform, account word, username cue) or one link ("is", "c'est",
# ":", "=", "->", "name's") in one language, and the username's shape varies (letters and
# digits, dots, underscores, trailing digits, "xo", "_mtl").
@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("my snap is ana258 if u wanna talk", "ana258"),
        ("son snap c'est kayla.vdo", "kayla.vdo"),
        ("add me on snap: bella_mtl", "bella_mtl"),
        ("her insta is jasminexo", "jasminexo"),
        ("ig -> roxy.wpg", "roxy.wpg"),
        ("Found her on tiktok, she's luna.rose99", "luna.rose99"),
        ("telegram = starry_nite", "starry_nite"),
        ("tg: kittykat4", "kittykat4"),
        ("kik me at honeybee77", "honeybee77"),
        ("his twitter handle is darkwolf", "darkwolf"),
        ("on x she's mira.lee", "mira.lee"),
        ("my OF is sweetpea_xo", "sweetpea_xo"),
        ("fansly: velvetdreams", "velvetdreams"),
        ("username: trixie2024", "trixie2024"),
        ("the user gigi.b kept messaging", "gigi.b"),
        ("mon pseudo c'est cerise", "cerise"),
        ("son compte insta c'est mel.ody_", "mel.ody_"),
        ("ajoute-moi sur snap, c'est lili_qc", "lili_qc"),
        ("follow me @ peachy.k", "peachy.k"),
        ("follow peachyk22 on insta", "peachyk22"),
        ("her snapchat's sassy.sam", "sassy.sam"),
        ("whatsapp me, name's cocoxo", "cocoxo"),
        ("suis-moi sur insta: la.belle.rose", "la.belle.rose"),
        ("écris-moi sur telegram (minouche_22)", "minouche_22"),
        ("son tiktok c'est nanou_officiel", "nanou_officiel"),
        ("Mon compte c'est kiki.lapin", "kiki.lapin"),
        ("venmo is jay.r.88", "jay.r.88"),
    ],
)
def test_usernames_named_by_their_context(redactor, text, handle):
    start = text.index(handle)
    hidden = set()
    for s in redactor.find(text):
        hidden.update(range(s.start, s.end))
    assert all(i in hidden for i in range(start, start + len(handle)) if text[i].isalnum())


@pytest.mark.parametrize(
    "text",
    [
        "my snap is broken again",
        "insta is toxic lately",
        "Mon compte est bloqué",
        "my snap streak is 300 days",
        "I was on snap all night",
        "the user said thanks",
        "on x ça parle juste de politique",
        "j'ai envoyé la photo.jpg sur snap",
        "fansly is slow this month",
    ],
)
def test_platform_words_without_a_username_hide_nothing(found, text):
    assert [kind for _, kind in found(text) if kind == "HANDLE"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a one-letter part near a platform word
        ("my new snap is coraline.j if u lost it", "coraline.j"),
        ("son insta c'est toujours melodie.v, pas l'autre", "melodie.v"),
        # dotted and underscored together
        ("she said add her on snap, shes rosa.m_77 now", "rosa.m_77"),
        # an adverb between the link word and the username
        ("his tiktok is still dannyboi.xo somehow", "dannyboi.xo"),
        ("mon snap c'est encore tiguidou.q", "tiguidou.q"),
        # a site of the trade as a platform, and French "sous" (under the name)
        ("I'm on Tryst under PeachesAndSmoke since spring", "PeachesAndSmoke"),
        ("Je suis sur Leolist sous VelourDeMinuit depuis juin.", "VelourDeMinuit"),
        # a username-shaped word before "account"
        ("someone reported my glitterghoulxo account again", "glitterghoulxo"),
        # renamed from one username to another
        ("finally switched my insta from tanya.k (too obvious) to nightmothx", "nightmothx"),
        ("j'ai changé mon snap de fraise.b à fraisedesbois22", "fraisedesbois22"),
    ],
)
def test_handles_by_their_account_words(found, text, value):
    assert (value, "HANDLE") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "I closed my RBC account, my work account and my bank account today",
        "my insta account got hacked, my main account too",
        "her snap is still down and his tiktok is now private",
        "lol.i was so tired after my snap streak, rated it 4/5",
        "we moved from Regina to Winnipeg in 2019, from 20h to 22h",
        "mon compte de banque est vide, j'ai passé de 40 à 60 $",
    ],
)
def test_account_words_leave_ordinary_words_readable(found, text):
    assert not [v for v, kind in found(text) if kind == "HANDLE"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("turns out my main name moonlitmarrow is all over google", "moonlitmarrow"),
        ("her backup username is sable.q_ so use that", "sable.q_"),
        ("mon nouveau username c'est brumedesoir, l'autre est mort", "brumedesoir"),
    ],
)
def test_a_name_after_an_account_qualifier_is_a_username(found, text, value):
    assert (value, "HANDLE") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "my real name jessica stays off here, my new name tbd lol",
        "my old name was embarrassing, my second name is Marie",
        "mon vrai nom est privé, mon nouveau nom est correct",
    ],
)
def test_real_names_and_ordinary_words_after_name_are_no_usernames(found, text):
    assert not [v for v, kind in found(text) if kind == "HANDLE"]


def test_a_short_link_on_a_forms_domain(found):
    text = "Fill the survey at forms.gle/Zx81LmQp before Friday."
    assert ("forms.gle/Zx81LmQp", "URL") in found(text)


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("the gamertag I had in grade 9, NightOwlQueen, is still my login", "NightOwlQueen"),
        ("mon pseudo depuis le secondaire, lili_nocturne, me suit partout", "lili_nocturne"),
    ],
)
def test_a_username_set_off_by_a_comma_after_its_cue(found, text, handle):
    assert (handle, "HANDLE") in found(text)


@pytest.mark.parametrize(
    "text", ["my insta, honestly, is dead", "I deleted my snap, finally.", "sur tiktok, rien"]
)
def test_an_ordinary_word_after_a_platform_and_a_comma_is_no_username(found, text):
    assert found(text) == []


def test_a_number_after_a_platform_and_a_comma_is_no_username(found):
    assert found("on my snap, 22 people watched it") == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Elle m'a écrit sur Viber (nadia.k.cuts) hier soir.", "nadia.k.cuts"),
        ("add me on wechat: lily_wang88", "lily_wang88"),
        ("her kakaotalk is sunny.jeon92", "sunny.jeon92"),
    ],
)
def test_messaging_apps_people_use_and_a_username_in_brackets(found, text, handle):
    assert (handle, "HANDLE") in found(text)


def test_words_in_brackets_after_a_platform_stay(found):
    assert found("I deleted tinder (finally) and felt better.") == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("send it to $MarigoldTips on Cash App", "$MarigoldTips"),
        ("mon Wealthsimple c'est $petitrenard", "$petitrenard"),
    ],
)
def test_a_payment_username_is_a_handle(found, text, handle):
    assert (handle, "HANDLE") in found(text)


def test_money_and_currency_codes_are_no_cashtag(found):
    assert found("paid $45 plus $CAD 20 for the cab, $5.50 each") == []


def test_a_username_with_a_capital_inside_before_its_platform(found):
    assert ("soinsTDSmtl", "HANDLE") in found("Suivez soinsTDSmtl sur Instagram pour les dates.")


def test_a_username_shaped_word_beside_a_found_username(found):
    text = "someone keeps reposting. lulu.after.hours is me, lulu_afterhours_vip is NOT me"
    assert ("lulu.after.hours", "HANDLE") in found(text)


def test_a_dotted_name_in_markup_beside_a_handle_is_no_username(found):
    """Markup a participant typed stays as written: "[@click=app.quit]" holds no username."""
    text = "Body with [@click=app.quit]stay[/] inside."
    assert "app.quit" not in [v for v, _ in found(text)]
